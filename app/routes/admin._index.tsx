import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useRef, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { FieldErrors, FormAlert, SelectField, serverFormErrors, TextareaField, TextField, useZodForm } from "~/components/forms";
import { slugify, splitEmails } from "~/domain/event-setup";
import { EVENT_TIME_ZONES, zoneAbbreviation } from "~/domain/time";
import { createEvent, listAllEvents } from "~/models/event-setup.server";
import { inviteMember } from "~/models/invite.server";
import { parseKnownFields, reply } from "~/services/forms.server";
import { getT } from "~/services/i18n.server";
import { mailInvite } from "~/services/invite-mail.server";
import { requireAdmin } from "~/services/session.server";
import { createEventSchema, timelineToUtc } from "~/validation/event";
import { pageTitle } from "~/components/page-title";
import { Card } from "~/components/card";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "admin") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const events = await listAllEvents();
  return {
    events: events.map((e) => ({
      id: e.id,
      slug: e.slug,
      name: e.name,
      isPublic: e.isPublic,
      teams: e._count.teams,
      organizers: e.members.map((m) => m.user.name),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const formData = await request.formData();
  // An address left empty is made from the name (the page suggests it as the name is typed).
  if (!String(formData.get("slug") ?? "").trim()) formData.set("slug", slugify(String(formData.get("name") ?? "")));
  const submission = parseKnownFields(formData, createEventSchema);
  if (submission.status !== "success") return data(reply(submission), { status: 400 });
  const v = submission.value;
  const created = await createEvent({ name: v.name, slug: v.slug, timezone: v.timezone, timeline: timelineToUtc(v, v.timezone) }, admin);
  if (!created.ok) return data(reply(submission, { fieldErrors: { slug: ["event.errors.slugTaken"] } }), { status: 400 });
  const t = await getT(request);
  const now = new Date();
  for (const email of splitEmails(v.organizerEmails ?? "")) {
    const result = await inviteMember(created.id, { role: "ORGANIZER", email }, admin, now);
    if (result.kind === "invited") await mailInvite(t, result, { eventName: v.name, role: "ORGANIZER", inviter: admin.name });
  }
  return redirect(`/kelola/${v.slug}/tim-panitia?tersimpan=created`);
}

const DATE_FIELDS = ["registrationOpensAt", "registrationClosesAt", "screeningClosesAt", "submissionOpensAt", "submissionClosesAt"] as const;

export default function AdminPage() {
  const { t } = useTranslation();
  const { events } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useZodForm(createEventSchema, {
    id: "create-event",
    lastResult,
    defaultValue: { timezone: "Asia/Jakarta", rounds: [{ name: t("admin.defaultRound"), closesAt: "" }] },
  });
  const round = fields.rounds.getFieldList()[0]?.getFieldset();
  // The address follows the name until the admin types one of their own.
  const slugEdited = useRef(false);
  const onInput = (event: FormEvent<HTMLFormElement>) => {
    const input = event.target as HTMLInputElement;
    if (input.name === fields.slug.name) slugEdited.current = input.value !== "";
    else if (input.name === fields.name.name && !slugEdited.current) form.update({ name: fields.slug.name, value: slugify(input.value) });
  };
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("admin.title")}</h1>
      <Card id="daftar-acara" title={t("admin.events")} large plain className="space-y-3">
        {events.length === 0 ? <p className="text-slate-700">{t("admin.noEvents")}</p> : null}
        <ul className="grid gap-3 sm:grid-cols-2">
          {events.map((e) => (
            <li key={e.id} className="card space-y-2">
              <p className="font-bold">{e.name}</p>
              <p className="text-sm text-slate-700">
                <span className={`badge mr-2 ${e.isPublic ? "bg-green-100 text-green-900" : "bg-slate-200 text-slate-800"}`}>{e.isPublic ? t("organizer.public") : t("organizer.private")}</span>
                {t("admin.teams", { count: e.teams })}
              </p>
              <p className="text-sm text-slate-700">{e.organizers.length ? t("admin.organizers", { names: e.organizers.join(", ") }) : t("admin.noOrganizers")}</p>
              <div className="flex flex-wrap gap-2">
                <Link to={`/kelola/${e.slug}`} className="btn-secondary text-sm" aria-label={`${t("admin.manage")}: ${e.name}`}>
                  {t("admin.manage")}
                </Link>
                <Link to={`/acara/${e.slug}`} className="btn-link self-center text-sm" aria-label={`${t("admin.view")}: ${e.name}`}>
                  {t("admin.view")}
                </Link>
              </div>
            </li>
          ))}
        </ul>
      </Card>
      <Card id="buat-acara" title={t("admin.create")} large plain>
        <p className="mt-1 text-slate-700">{t("admin.createIntro")}</p>
        <Form method="post" {...getFormProps(form)} onInput={onInput} className="card mt-4 space-y-3">
          <FormAlert errors={serverFormErrors(lastResult)} />
          <TextField label={t("event.settings.name")} field={fields.name} />
          <TextField label={t("event.settings.slug")} hint={t("event.settings.slugHint")} field={fields.slug} autoComplete="off" />
          <SelectField
            label={t("event.settings.timezone")}
            field={fields.timezone}
            options={EVENT_TIME_ZONES.map((z) => ({ value: z, label: `${zoneAbbreviation(z)} — ${t(`event.zones.${zoneAbbreviation(z)}`)}` }))}
          />
          <fieldset className="space-y-2">
            <legend className="font-bold">{t("admin.timeline")}</legend>
            <p className="text-sm text-slate-700">{t("admin.timelineHint")}</p>
            {DATE_FIELDS.map((name) => (
              <TextField key={name} label={t(`timeline.fields.${name}`)} field={fields[name]} type="datetime-local" />
            ))}
            {round ? (
              <>
                <TextField label={t("timeline.roundName", { n: 1 })} field={round.name} />
                <TextField label={t("timeline.roundClosesAt", { n: 1 })} field={round.closesAt} type="datetime-local" />
              </>
            ) : null}
            <FieldErrors id={fields.rounds.errorId} errors={fields.rounds.errors} />
            <TextField label={t("timeline.fields.announcementAt")} field={fields.announcementAt} type="datetime-local" />
          </fieldset>
          <TextareaField label={`${t("admin.organizerEmails")} (${t("common.optional")})`} hint={t("admin.organizerEmailsHint")} field={fields.organizerEmails} rows={3} />
          <button type="submit" className="btn-primary w-full sm:w-auto" disabled={busy}>
            {t("admin.createSubmit")}
          </button>
        </Form>
      </Card>
    </div>
  );
}

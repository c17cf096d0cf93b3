import { useMemo } from "react";
import { getFormProps, getInputProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageIntro, SavedNotice } from "~/components/event-forms";
import { FieldErrors, FormAlert, serverFormErrors, TextField, useZodForm } from "~/components/forms";
import { impactToken, timelineImpact } from "~/domain/timeline-impact";
import { eventZone, formatInZone, utcToZonedLocal, zoneAbbreviation, type EventTimeZone } from "~/domain/time";
import { getLanguage } from "~/services/i18n.server";
import { saveTimeline } from "~/models/timeline.server";
import { parseKnownFields, reply } from "~/services/forms.server";
import { requireOrganizer } from "~/models/event-guards.server";
import { badRequest, saved } from "~/services/organizer-actions.server";
import { timelineSchema, timelineToUtc } from "~/validation/event";

function zoneOf(tz: string): EventTimeZone {
  return eventZone(tz);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireOrganizer(request, params.slug);
  const tz = zoneOf(event.timezone);
  const local = (d: Date) => utcToZonedLocal(d, tz);
  return {
    tz,
    version: `${event.updatedAt.getTime()}:${event.rounds.map((r) => r.id).join(",")}`,
    timeline: {
      registrationOpensAt: local(event.registrationOpensAt),
      registrationClosesAt: local(event.registrationClosesAt),
      screeningClosesAt: local(event.screeningClosesAt),
      submissionOpensAt: local(event.submissionOpensAt),
      submissionClosesAt: local(event.submissionClosesAt),
      announcementAt: local(event.announcementAt),
      rounds: event.rounds.map((r) => ({ id: r.id, name: r.name, closesAt: local(r.closesAt) })),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { event, user } = await requireOrganizer(request, params.slug);
  const tz = zoneOf(event.timezone);
  const formData = await request.formData();
  const submission = parseKnownFields(formData, timelineSchema(tz));
  // Adding or removing a round without JavaScript comes back here as a non-submit intent.
  if (submission.status !== "success") return badRequest("timeline", reply(submission), null, submission.status === "error" ? 400 : 200);
  const next = timelineToUtc(submission.value, tz);
  // Nothing is written until the organizer has seen what this edit closes or opens right now.
  const impacts = timelineImpact(event, next, new Date());
  const token = impactToken(impacts);
  if (impacts.length && formData.get("confirmImpact") !== token) {
    const lang = await getLanguage(request);
    return data(
      {
        intent: "timeline",
        id: null,
        result: reply(submission),
        confirm: { token, impacts: impacts.map((i) => ({ window: i.window, kind: i.kind, round: i.round?.name ?? "", at: formatInZone(i.at, tz, lang) })) },
      },
      { status: 409 },
    );
  }
  const result = await saveTimeline(event.id, next, user);
  if (!result.ok) return badRequest("timeline", reply(submission, { formErrors: [`timeline.errors.${result.code}`] }));
  return saved(`/kelola/${event.slug}/linimasa`, "timeline");
}

type ImpactConfirmation = { token: string; impacts: { window: string; kind: string; round: string; at: string }[] };

const PHASE_FIELDS = [["registrationOpensAt", "registrationClosesAt"], ["screeningClosesAt"], ["submissionOpensAt", "submissionClosesAt"]] as const;

export default function TimelinePage() {
  const { tz, timeline, version } = useLoaderData<typeof loader>();
  // Re-keyed after each save so new rounds pick up their ids from the loader.
  return <TimelineForm key={version} tz={tz} timeline={timeline} />;
}

type TimelineDefaults = Awaited<ReturnType<typeof loader>>["timeline"];

function TimelineForm({ tz, timeline }: { tz: EventTimeZone; timeline: TimelineDefaults }) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const confirm = actionData && "confirm" in actionData ? (actionData.confirm as ImpactConfirmation) : null;
  const busy = useNavigation().state === "submitting";
  // One schema per zone, so the form's validation builds its coercion once (see parse-form.ts).
  const schema = useMemo(() => timelineSchema(tz), [tz]);
  const [form, fields] = useZodForm(schema, { id: "timeline", lastResult: actionData?.result, defaultValue: timeline });
  const zone = zoneAbbreviation(tz);
  const rounds = fields.rounds.getFieldList();
  return (
    <div className="space-y-6">
      <PageIntro title={t("timeline.title")} intro={t("timeline.intro", { zone })} />
      <SavedNotice hidden={Boolean(actionData)} />
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <FormAlert errors={serverFormErrors(actionData?.result)} />
        {PHASE_FIELDS.map((group, i) => (
          <fieldset key={group[0]} className="card space-y-2">
            <legend className="float-left mb-2 w-full text-lg font-bold">{t(`timeline.groups.${i}`)}</legend>
            {group.map((name) => (
              <TextField key={name} label={`${t(`timeline.fields.${name}`)} (${zone})`} field={fields[name]} type="datetime-local" />
            ))}
          </fieldset>
        ))}
        <fieldset className="card space-y-3">
          <legend className="float-left mb-2 w-full text-lg font-bold">{t("timeline.groups.3")}</legend>
          <p className="text-sm text-slate-700">{t("timeline.roundsHint")}</p>
          <FieldErrors id={fields.rounds.errorId} errors={fields.rounds.errors} />
          <ol className="space-y-3">
            {rounds.map((round, index) => {
              const r = round.getFieldset();
              return (
                <li key={round.key} className="rounded-lg border border-slate-200 p-3">
                  <input {...getInputProps(r.id, { type: "hidden" })} key={r.id.key} />
                  <TextField label={t("timeline.roundName", { n: index + 1 })} field={r.name} />
                  <TextField label={`${t("timeline.roundClosesAt", { n: index + 1 })} (${zone})`} field={r.closesAt} type="datetime-local" />
                  <button {...form.remove.getButtonProps({ name: fields.rounds.name, index })} className="btn-secondary text-sm text-red-800" disabled={rounds.length <= 1}>
                    {t("timeline.removeRound", { n: index + 1 })}
                  </button>
                </li>
              );
            })}
          </ol>
          <button {...form.insert.getButtonProps({ name: fields.rounds.name, defaultValue: { name: "", closesAt: "" } })} className="btn-secondary">
            {t("timeline.addRound")}
          </button>
        </fieldset>
        <fieldset className="card">
          <legend className="float-left mb-2 w-full text-lg font-bold">{t("timeline.groups.4")}</legend>
          <TextField label={`${t("timeline.fields.announcementAt")} (${zone})`} field={fields.announcementAt} type="datetime-local" />
        </fieldset>
        {confirm ? (
          <div role="alert" aria-labelledby="dampak-linimasa" className="space-y-3 rounded-lg border-2 border-amber-400 bg-amber-50 p-4">
            <h2 id="dampak-linimasa" className="font-bold text-amber-950">
              {t("timeline.impact.title")}
            </h2>
            <ul className="list-disc space-y-1 pl-5 text-sm text-slate-900">
              {confirm.impacts.map((i) => (
                <li key={`${i.window}:${i.round}:${i.kind}`}>
                  {t(`timeline.impact.${i.kind}`, { what: i.window === "round" ? t("timeline.impact.round", { name: i.round }) : t(`timeline.impact.${i.window}`), at: i.at })}
                </li>
              ))}
            </ul>
            <p className="text-sm text-slate-800">{t("timeline.impact.ask")}</p>
            <div className="flex flex-wrap gap-3">
              <button type="submit" name="confirmImpact" value={confirm.token} className="btn-primary" disabled={busy}>
                {t("timeline.impact.confirm")}
              </button>
              <Link to="." reloadDocument className="btn-secondary">
                {t("timeline.impact.cancel")}
              </Link>
            </div>
          </div>
        ) : (
          <button type="submit" className="btn-primary w-full sm:w-auto" disabled={busy}>
            {t("timeline.save")}
          </button>
        )}
      </Form>
    </div>
  );
}

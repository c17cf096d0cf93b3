import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { itemErrors, PageIntro, PlainField, SavedNotice } from "~/components/event-forms";
import { FormAlert, SelectField, serverFormErrors, TextField, useZodForm } from "~/components/forms";
import { inviteState } from "~/domain/event-setup";
import { formatInZone, eventZone } from "~/domain/time";
import { inviteMember, listMembers, listOpenInvites, removeMember, revokeInvite, updateAffiliation } from "~/models/invite.server";
import { listRegions } from "~/models/structure.server";
import { parseKnownFields, reply } from "~/services/forms.server";
import { requireOrganizer } from "~/models/event-guards.server";
import { notFound } from "~/services/guards.server";
import { getLanguage, getT } from "~/services/i18n.server";
import { inviteLink, mailInvite } from "~/services/invite-mail.server";
import { badRequest, fieldError, idOf, intentOf, saved } from "~/services/organizer-actions.server";
import { inviteSchema, memberAffiliationSchema } from "~/validation/structure";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, user } = await requireOrganizer(request, params.slug);
  const now = new Date();
  const tz = eventZone(event.timezone);
  const [members, invites, regions, lang] = await Promise.all([listMembers(event.id), listOpenInvites(event.id), listRegions(event.id), getLanguage(request)]);
  return {
    me: user.id,
    members,
    invites: invites.map((i) => ({
      id: i.id,
      role: i.role,
      email: i.email,
      expired: inviteState({ ...i, acceptedAt: null, revokedAt: null }, now) === "expired",
      expires: formatInZone(i.expiresAt, tz, lang),
    })),
    regions: regions.map((r) => ({ id: r.id, name: r.name })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { event, user } = await requireOrganizer(request, params.slug);
  const formData = await request.formData();
  const intent = intentOf(formData);
  const id = idOf(formData);
  const path = `/kelola/${event.slug}/tim-panitia`;

  if (intent === "invite") {
    const submission = parseKnownFields(formData, inviteSchema);
    if (submission.status !== "success") return badRequest(intent, reply(submission));
    const result = await inviteMember(event.id, submission.value, user, new Date());
    if (result.kind === "alreadyMember") return badRequest(intent, reply(submission, { fieldErrors: { email: ["organizer.errors.alreadyMember"] } }));
    await mailInvite(await getT(request), result, { eventName: event.name, role: submission.value.role, inviter: user.name });
    // The link exists only in this answer: it is shown once and never stored in clear.
    return data({ intent, id: null, result: reply(submission, { resetForm: true }), link: inviteLink(result.token), emailed: result.email });
  }
  if (intent === "revoke" && id) {
    if (!(await revokeInvite(event.id, id, user, new Date()))) throw notFound();
    return saved(path, "inviteRevoked");
  }
  if (intent === "remove" && id) {
    const result = await removeMember(event.id, id, user);
    if (!result.ok && result.code === "notFound") throw notFound();
    if (!result.ok) return fieldError(intent, "", "organizer.errors.lastOrganizer", id);
    return saved(path, "memberRemoved");
  }
  if (intent === "affiliation") {
    const submission = parseKnownFields(formData, memberAffiliationSchema);
    if (submission.status !== "success") return badRequest(intent, reply(submission), id);
    const { memberId, ...affiliation } = submission.value;
    const result = await updateAffiliation(event.id, memberId, affiliation, user);
    if (!result.ok && result.code === "notFound") throw notFound();
    if (!result.ok) return fieldError(intent, "regionId", "validation.invalid", id);
    return saved(path, "affiliation");
  }
  return fieldError(intent, "", "validation.invalid");
}

type ActionData = { intent: string; id: string | null; result: { error?: Record<string, string[] | null> }; link?: string; emailed?: string };
type LoaderData = Awaited<ReturnType<typeof loader>>;

export default function StaffPage() {
  const { t } = useTranslation();
  const { members, invites, regions, me } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <PageIntro title={t("organizer.staff.title")} intro={t("organizer.staff.intro")} />
        <Link to="impor" className="btn-secondary">
          {t("import.judges.link")}
        </Link>
      </div>
      <SavedNotice hidden={Boolean(actionData)} />
      {actionData?.link ? (
        <div role="status" className="rounded-lg border border-green-300 bg-green-50 p-4 text-sm text-green-900">
          <p className="font-semibold">{t("organizer.staff.linkEmailed", { email: actionData.emailed })}</p>
          <p className="mt-1">{t("organizer.staff.linkOnce")}</p>
          <label htmlFor="invite-link" className="field-label mt-2">
            {t("organizer.staff.link")}
          </label>
          <input id="invite-link" readOnly value={actionData.link} className="field-input font-mono text-sm" onFocus={(e) => e.currentTarget.select()} />
        </div>
      ) : null}
      <InviteForm actionData={actionData} />
      <section className="card space-y-3" aria-labelledby="members-title">
        <h3 id="members-title" className="text-lg font-bold">
          {t("organizer.staff.members")}
        </h3>
        <FormAlert errors={actionData?.intent === "remove" ? serverFormErrors(actionData.result) : undefined} />
        <ul className="divide-y divide-slate-200">
          {members.map((m) => (
            <Member key={m.id} member={m} regions={regions} isMe={m.user.id === me} actionData={actionData} />
          ))}
        </ul>
      </section>
      <section className="card space-y-3" aria-labelledby="invites-title">
        <h3 id="invites-title" className="text-lg font-bold">
          {t("organizer.staff.invites")}
        </h3>
        {invites.length === 0 ? <p className="text-slate-700">{t("organizer.staff.noInvites")}</p> : null}
        <ul className="divide-y divide-slate-200">
          {invites.map((i) => (
            <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <div className="min-w-0">
                <p className="break-all font-medium">{i.email ?? t("organizer.staff.linkOnly")}</p>
                <p className="text-sm text-slate-700">
                  {t(`invite.roleLabels.${i.role}`)} · {i.expired ? t("organizer.staff.expired") : t("organizer.staff.expires", { at: i.expires })}
                </p>
              </div>
              <Form method="post">
                <input type="hidden" name="id" value={i.id} />
                <button type="submit" name="intent" value="revoke" className="btn-secondary text-sm text-red-800">
                  {t("organizer.staff.revoke")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function InviteForm({ actionData }: { actionData?: ActionData }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useZodForm(inviteSchema, {
    id: "invite",
    lastResult: actionData?.intent === "invite" ? (actionData.result as never) : undefined,
    defaultValue: { role: "JUDGE" },
  });
  return (
    <section className="card" aria-labelledby="invite-title">
      <h3 id="invite-title" className="text-lg font-bold">
        {t("organizer.staff.inviteTitle")}
      </h3>
      <Form method="post" {...getFormProps(form)} className="mt-3 space-y-2">
        <input type="hidden" name="intent" value="invite" />
        <SelectField label={t("organizer.staff.role")} field={fields.role} options={(["JUDGE", "ORGANIZER"] as const).map((r) => ({ value: r, label: t(`invite.roleLabels.${r}`) }))} />
        <TextField label={t("auth.email")} hint={t("organizer.staff.emailHint")} field={fields.email} type="email" inputMode="email" />
        <button type="submit" className="btn-primary" disabled={busy}>
          {t("organizer.staff.inviteSubmit")}
        </button>
      </Form>
    </section>
  );
}

function Member({ member, regions, isMe, actionData }: { member: LoaderData["members"][number]; regions: LoaderData["regions"]; isMe: boolean; actionData?: ActionData }) {
  const { t } = useTranslation();
  const errors = itemErrors(actionData, "affiliation", member.id);
  const affiliation = [member.region?.name, member.kimName, member.institution].filter(Boolean).join(" · ");
  return (
    <li className="py-3">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="font-medium">
            {member.user.name} {isMe ? <span className="text-sm text-slate-600">({t("organizer.staff.you")})</span> : null}
          </p>
          <p className="break-all text-sm text-slate-700">{member.user.email}</p>
          <p className="mt-1">
            <span className={`badge ${member.role === "ORGANIZER" ? "bg-brand-100 text-brand-900" : "bg-purple-100 text-purple-900"}`}>{t(`invite.roleLabels.${member.role}`)}</span>
          </p>
          {affiliation ? <p className="mt-1 text-sm text-slate-700">{affiliation}</p> : null}
        </div>
        <Form method="post">
          <input type="hidden" name="id" value={member.id} />
          <button
            type="submit"
            name="intent"
            value="remove"
            className="btn-secondary text-sm text-red-800"
            aria-label={t("organizer.staff.removeLabel", { name: member.user.name, role: t(`invite.roles.${member.role}`) })}
          >
            {t("organizer.staff.remove")}
          </button>
        </Form>
      </div>
      {member.role === "JUDGE" ? (
        <details open={Boolean(errors)} className="mt-2">
          <summary className="cursor-pointer text-sm font-semibold text-brand-700">{t("organizer.staff.affiliation")}</summary>
          <Form method="post" className="mt-2 space-y-2">
            <input type="hidden" name="intent" value="affiliation" />
            <input type="hidden" name="id" value={member.id} />
            <input type="hidden" name="memberId" value={member.id} />
            <PlainField
              id={`region-${member.id}`}
              name="regionId"
              label={t("invite.region")}
              options={regions.map((r) => ({ value: r.id, label: r.name }))}
              emptyOption={t("invite.noRegion")}
              defaultValue={member.regionId}
              errors={errors?.regionId}
            />
            <PlainField id={`kim-${member.id}`} name="kimName" label={t("invite.kimName")} defaultValue={member.kimName} errors={errors?.kimName} />
            <PlainField id={`inst-${member.id}`} name="institution" label={t("invite.institution")} defaultValue={member.institution} errors={errors?.institution} />
            <button type="submit" className="btn-secondary">
              {t("common.save")}
            </button>
          </Form>
        </details>
      ) : null}
    </li>
  );
}

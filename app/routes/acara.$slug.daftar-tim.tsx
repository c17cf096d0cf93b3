import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EventNoticeAgreement } from "~/components/privacy-notice";
import { CheckboxField, FileField, FormAlert, SelectField, serverFormErrors, TextField, useZodForm } from "~/components/forms";
import { useFormatInEvent } from "~/components/team-ui";
import { retentionEndsAt } from "~/domain/privacy";
import { canRegister } from "~/domain/phase";
import { toTimeline } from "~/models/event.server";
import { findMembership, getRegistrationEvent, registerTeam } from "~/models/team.server";
import { nonEmptyFile } from "~/services/upload.server";
import { parseKnownFields, reply } from "~/services/forms.server";
import { notFound } from "~/services/guards.server";
import { requireUser } from "~/services/session.server";
import { registerTeamSchema, registerTeamSchemaFor, teamRefusalErrors } from "~/validation/team";
import { VerifyEmailNotice } from "~/components/verify-notice";
import { pageTitle } from "~/components/page-title";
import { PageHeading } from "~/components/page-heading";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "registerTeam") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const event = await getRegistrationEvent(params.slug ?? "");
  if (!event || !event.isPublic) throw notFound();
  const now = new Date();
  const [membership, capability] = [await findMembership(event.id, user.id), canRegister(toTimeline(event), now)];
  return {
    event: {
      slug: event.slug,
      name: event.name,
      timezone: event.timezone,
      requireProposal: event.requireProposal,
      requireVideo: event.requireVideo,
      minTeamSize: event.minTeamSize,
      maxTeamSize: event.maxTeamSize,
      registrationClosesAt: event.registrationClosesAt,
      privacyNotice: event.privacyNotice.trim(),
      retentionDays: event.contactRetentionDays,
      retentionEndsAt: retentionEndsAt(event.announcementAt, event.contactRetentionDays),
    },
    regions: event.regions,
    tracks: event.tracks,
    pools: event.pools.map((p) => ({ key: p.key, label: p.label, quota: p.quota })),
    capability,
    myTeamId: membership?.teamId ?? null,
    verified: user.emailVerified,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const submission = parseKnownFields(formData, registerTeamSchema);
  if (submission.status !== "success") return data(reply(submission, {}, ["proposal"]), { status: 400 });
  if (!user.emailVerified) return data(reply(submission, { formErrors: ["account.verifyRequired"] }, ["proposal"]), { status: 403 });
  const result = await registerTeam({
    slug: params.slug ?? "",
    userId: user.id,
    input: submission.value,
    proposal: await nonEmptyFile(formData, "proposal"),
    now: new Date(),
  });
  if (!result.ok) {
    return data(reply(submission, teamRefusalErrors(result), ["proposal"]), { status: 400 });
  }
  return redirect(`/tim/${result.teamId}?baru=1`);
}

export default function RegisterTeam() {
  const { t } = useTranslation();
  const { event, regions, tracks, pools, capability, myTeamId, verified } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const format = useFormatInEvent(event.timezone);
  const [form, fields] = useZodForm(registerTeamSchemaFor(event), {
    lastResult,
  });

  let blocked: React.ReactNode = null;
  if (myTeamId) {
    blocked = (
      <>
        <p>{t("team.register.alreadyInTeam")}</p>
        <Link to={`/tim/${myTeamId}`} className="btn-primary mt-4">
          {t("team.register.openMyTeam")}
        </Link>
      </>
    );
  } else if (!capability.allowed) {
    blocked = <p>{capability.reason === "closed" ? t("team.register.closed", { at: format(capability.at) }) : t("team.register.notOpenYet", { at: format(capability.at) })}</p>;
  }

  return (
    <div className="mx-auto max-w-xl">
      <PageHeading trail={[{ to: `/acara/${event.slug}`, label: event.name }]} title={t("team.register.title")} />
      {blocked ? (
        <div className="card mt-6 text-slate-800">{blocked}</div>
      ) : (
        <>
          <VerifyEmailNotice verified={verified} />
          <p className="mt-2 text-slate-700">{t("team.register.intro", { min: event.minTeamSize, max: event.maxTeamSize, until: format(event.registrationClosesAt) })}</p>
          <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="card mt-6 space-y-3">
            <FormAlert errors={serverFormErrors(lastResult)} />
            <TextField label={t("team.fields.name")} hint={t("team.fields.nameHint")} field={fields.name} autoComplete="off" />
            <TextField label={t("team.fields.kimName")} hint={t("team.fields.kimNameHint")} field={fields.kimName} autoComplete="off" />
            <SelectField label={t("team.fields.region")} field={fields.regionId} placeholder={t("team.fields.choose")} options={regions.map((r) => ({ value: r.id, label: r.name }))} />
            <TextField label={t("team.fields.institution")} hint={t("team.fields.institutionHint")} field={fields.institution} autoComplete="organization" />
            {tracks.length ? (
              <SelectField
                label={`${t("team.fields.track")} (${t("common.optional")})`}
                field={fields.trackId}
                placeholder={t("team.fields.noTrack")}
                options={tracks.map((tr) => ({ value: tr.id, label: tr.name }))}
              />
            ) : null}
            {pools.length ? (
              <SelectField
                label={t("team.fields.myPool")}
                hint={t("team.fields.poolHint", { pools: pools.map((p) => `${p.label} (${t("team.fields.poolQuota", { quota: p.quota })})`).join(", ") })}
                field={fields.pool}
                placeholder={t("team.fields.choose")}
                options={pools.map((p) => ({ value: p.key, label: p.label }))}
              />
            ) : null}
            {event.requireVideo ? (
              <TextField label={`${t("team.fields.videoUrl")} (${t("common.required")})`} hint={t("team.fields.videoUrlHint")} field={fields.videoUrl} type="url" inputMode="url" />
            ) : null}
            {event.requireProposal ? <FileField label={t("team.fields.proposal")} hint={t("team.fields.proposalHint")} field={fields.proposal as never} accept="application/pdf,.pdf" /> : null}
            {event.privacyNotice ? (
              <EventNoticeAgreement notice={event.privacyNotice}>
                <CheckboxField label={t("privacy.eventNotice.agree")} field={fields.agreeEventNotice} withErrors />
              </EventNoticeAgreement>
            ) : null}
            <p className="text-sm text-slate-600">{t("privacy.retention.teamNotice", { at: format(event.retentionEndsAt), days: event.retentionDays })}</p>
            <button type="submit" className="btn-primary w-full" disabled={busy}>
              {t("team.register.submit")}
            </button>
          </Form>
        </>
      )}
    </div>
  );
}

export { EventErrorBoundary as ErrorBoundary } from "~/components/error-panel";

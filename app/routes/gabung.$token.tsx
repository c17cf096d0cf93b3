import { useMemo } from "react";
import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckboxField, FormAlert, SelectField, serverFormErrors, useZodForm } from "~/components/forms";
import { findInvitedTeam, findMembership, joinTeam } from "~/models/team.server";
import { parseKnownFields, reply } from "~/services/forms.server";
import { requireUser } from "~/services/session.server";
import { joinSchema, joinSchemaFor, teamRefusalErrors } from "~/validation/team";
import { EventNoticeAgreement } from "~/components/privacy-notice";
import { useFormatInEvent } from "~/components/team-ui";
import { retentionEndsAt } from "~/domain/privacy";
import { VerifyEmailNotice } from "~/components/verify-notice";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "joinTeam") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const team = await findInvitedTeam({ token: params.token ?? "" });
  if (!team) return data({ invalid: true as const }, { status: 404 });
  const membership = await findMembership(team.event.id, user.id);
  if (membership?.teamId === team.id) throw redirect(`/tim/${team.id}`);
  const taken = [...team.members, ...team.seats];
  const used = (key: string) => taken.filter((m) => m.pool === key).length;
  return {
    invalid: false as const,
    team: { name: team.name, kimName: team.kimName, region: team.region?.name ?? null, size: taken.length },
    event: {
      name: team.event.name,
      slug: team.event.slug,
      maxTeamSize: team.event.maxTeamSize,
      privacyNotice: team.event.privacyNotice.trim(),
      timezone: team.event.timezone,
      retentionDays: team.event.contactRetentionDays,
      retentionEndsAt: retentionEndsAt(team.event.announcementAt, team.event.contactRetentionDays),
    },
    pools: team.event.pools.map((p) => ({ key: p.key, label: p.label, free: Math.max(0, p.quota - used(p.key)) })),
    otherTeamId: membership?.teamId ?? null,
    verified: user.emailVerified,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseKnownFields(await request.formData(), joinSchema);
  if (submission.status !== "success") return data(reply(submission), { status: 400 });
  if (!user.emailVerified) return data(reply(submission, { formErrors: ["account.verifyRequired"] }), { status: 403 });
  const result = await joinTeam({ token: params.token ?? "", userId: user.id, pool: submission.value.pool ?? null, agreeEventNotice: submission.value.agreeEventNotice, now: new Date() });
  if (!result.ok) {
    return data(reply(submission, teamRefusalErrors(result)), { status: 400 });
  }
  return redirect(`/tim/${result.teamId}?gabung=1`);
}

export default function JoinTeam() {
  const { t } = useTranslation();
  const loaded = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const format = useFormatInEvent(loaded.invalid ? "Asia/Jakarta" : loaded.event.timezone);
  // One schema per privacy notice, so the form's validation builds its coercion once (see parse-form.ts).
  const privacyNotice = loaded.invalid ? "" : loaded.event.privacyNotice;
  const schema = useMemo(() => joinSchemaFor({ privacyNotice }), [privacyNotice]);
  const [form, fields] = useZodForm(schema, { lastResult });
  if (loaded.invalid) {
    return (
      <div className="mx-auto max-w-md">
        <h1 className="text-2xl font-bold sm:text-3xl">{t("join.invalidTitle")}</h1>
        <p className="card mt-6 text-slate-800">{t("join.errors.invalidLink")}</p>
        <Link to="/gabung" className="btn-secondary mt-4">
          {t("join.useCode")}
        </Link>
      </div>
    );
  }
  const { team, event, pools, otherTeamId, verified } = loaded;
  return (
    <div className="mx-auto max-w-md">
      <p className="text-sm font-semibold text-brand-700">{event.name}</p>
      <h1 className="mt-1 text-2xl font-bold sm:text-3xl">{t("join.title", { team: team.name })}</h1>
      <dl className="card mt-6 grid grid-cols-[8rem_1fr] gap-2 text-sm">
        <dt className="font-semibold text-slate-700">{t("team.fields.kimName")}</dt>
        <dd>{team.kimName}</dd>
        <dt className="font-semibold text-slate-700">{t("team.fields.region")}</dt>
        <dd>{team.region ?? "—"}</dd>
        <dt className="font-semibold text-slate-700">{t("team.page.size")}</dt>
        <dd>{t("team.page.sizeOf", { count: team.size, max: event.maxTeamSize })}</dd>
      </dl>
      {otherTeamId ? (
        <div className="card mt-4">
          <p role="alert" className="text-slate-800">
            {t("team.errors.alreadyInTeam")}
          </p>
          <Link to={`/tim/${otherTeamId}`} className="btn-secondary mt-4">
            {t("team.register.openMyTeam")}
          </Link>
        </div>
      ) : (
        <Form method="post" {...getFormProps(form)} className="card mt-4 space-y-3">
          <VerifyEmailNotice verified={verified} />
          <FormAlert errors={serverFormErrors(lastResult)} />
          {pools.length ? (
            <SelectField
              label={t("team.fields.myPool")}
              field={fields.pool}
              placeholder={t("team.fields.choose")}
              options={pools.map((p) => ({ value: p.key, label: `${p.label} — ${t("join.placesLeft", { count: p.free })}` }))}
            />
          ) : null}
          {event.privacyNotice ? (
            <EventNoticeAgreement notice={event.privacyNotice}>
              <CheckboxField label={t("privacy.eventNotice.agreeMember")} field={fields.agreeEventNotice} withErrors />
            </EventNoticeAgreement>
          ) : null}
          <p className="text-sm text-slate-600">{t("privacy.retention.teamNotice", { at: format(event.retentionEndsAt), days: event.retentionDays })}</p>
          <button type="submit" className="btn-primary w-full" disabled={busy}>
            {t("join.submit")}
          </button>
        </Form>
      )}
    </div>
  );
}

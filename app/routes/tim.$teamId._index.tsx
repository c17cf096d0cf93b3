import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "~/components/forms";
import { MemberContact, NextStepText, useFormatInEvent, WaitingPlaces, TeamDetailRows } from "~/components/team-ui";
import { StatusBadge } from "~/components/status-badge";
import { canEditTeam, canSubmit, phaseAt } from "~/domain/phase";
import { nextStep } from "~/domain/team-progress";
import { missingMembers } from "~/domain/team-rules";
import { finderOpen } from "~/domain/team-finder";
import { toTimeline } from "~/models/event.server";
import { getTeamForViewer } from "~/models/team-view.server";
import { leaveTeam, memberContact, regenerateInvite, removeMember, rulesOf, teamFacts, toExtensions, transferCaptain, updateMaterials } from "~/models/team.server";
import { hasPublication } from "~/models/public-event.server";
import { env } from "~/services/env.server";
import { notFound } from "~/services/guards.server";
import { requireUser } from "~/services/session.server";
import { memberActionSchema, TEAM_REFUSAL_KEYS, type TeamRefusalCode } from "~/validation/team";
import { parseKnownFields } from "~/services/forms.server";
import { SITE_NAME, pageTitle } from "~/components/page-title";
import { PageHeading } from "~/components/page-heading";
import { Card } from "~/components/card";
import { nonEmptyFile } from "~/services/upload.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: data && "team" in data ? `${data.team.name} — ${SITE_NAME}` : pageTitle(matches, "team") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const found = await getTeamForViewer(params.teamId ?? "", user);
  if (!found) throw notFound();
  const { team, membership, organizer } = found;
  const now = new Date();
  const { event } = team;
  const timeline = toTimeline(event);
  const extensions = toExtensions(team.extensions);
  const rules = rulesOf(event);
  const missing = missingMembers(rules, team.members);
  const editable = canEditTeam(timeline, now, extensions).allowed;
  const registrationExtension = team.extensions.find((e) => e.kind === "REGISTRATION") ?? null;
  const resultsPublished = await hasPublication(event.id);
  return {
    resultsPublished,
    team: teamFacts(team),
    event: {
      slug: event.slug,
      name: event.name,
      timezone: event.timezone,
      minTeamSize: event.minTeamSize,
      maxTeamSize: event.maxTeamSize,
      requireProposal: event.requireProposal,
      requireVideo: event.requireVideo,
    },
    members: team.members.map((m) => ({ ...memberContact(m, Boolean(event.contactsErasedAt) && m.userId !== user.id), pool: m.pool, me: m.userId === user.id })),
    waiting: team.seats.map((s) => ({ id: s.id, name: s.name, role: s.role, pool: event.pools.find((p) => p.key === s.pool)?.label ?? null })),
    pools: event.pools.map((p) => ({ key: p.key, label: p.label, quota: p.quota })),
    missing,
    step: nextStep({ status: team.status, statusReason: team.statusReason, missing: missing.total, submitted: team.submission?.status === "SUBMITTED", timeline, extensions, now }),
    deadline: phaseAt(timeline, now).next,
    registrationExtension: registrationExtension ? { until: registrationExtension.until, reason: registrationExtension.reason } : null,
    editable,
    finderOpen: finderOpen(timeline, now),
    submissionOpen: canSubmit(timeline, now, extensions).allowed,
    viewer: { role: membership?.role ?? null, organizer },
    invite: membership ? { code: team.inviteCode, link: `${env().APP_URL}/gabung/${team.inviteToken}` } : null,
  };
}

// As the loader: a stranger learns nothing about the team (404); a member who is not the
// captain may know it but not change it (403).
const REFUSAL_STATUS: Partial<Record<TeamRefusalCode, number>> = { notMember: 404, captainOnly: 403 };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const teamId = params.teamId ?? "";
  const formData = await request.formData();
  const submission = parseKnownFields(formData, memberActionSchema);
  if (submission.status !== "success") return data({ intent: String(formData.get("intent") ?? "").slice(0, 32), error: "validation.invalid" }, { status: 400 });
  const value = submission.value;
  const now = new Date();
  let result;
  switch (value.intent) {
    case "regenerate":
      result = await regenerateInvite(teamId, user.id, now);
      break;
    case "remove":
      result = await removeMember(teamId, user.id, value.memberId, now);
      break;
    case "transfer":
      result = await transferCaptain(teamId, user.id, value.memberId, now);
      break;
    case "materials":
      result = await updateMaterials({ teamId, userId: user.id, videoUrl: value.videoUrl, proposal: await nonEmptyFile(formData, "proposal"), now });
      break;
    case "leave": {
      const left = await leaveTeam(teamId, user.id, value.confirm === "yes", now);
      if (left.ok) throw redirect(left.deleted ? "/dasbor?tim=dihapus" : "/dasbor?tim=keluar");
      result = left;
      break;
    }
  }
  if (!result.ok) return data({ intent: value.intent, error: TEAM_REFUSAL_KEYS[result.code] }, { status: REFUSAL_STATUS[result.code] ?? 400 });
  throw redirect(`/tim/${teamId}?ok=${value.intent}`);
}

export default function TeamPage() {
  const { t, i18n } = useTranslation();
  const d = useLoaderData<typeof loader>();
  // Pool labels are organizer data ("Anggota KIM"); mid-sentence in Indonesian they read lower-case.
  const inSentence = (label: string) => (i18n.language === "en" ? label : label.charAt(0).toLowerCase() + label.slice(1));
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const format = useFormatInEvent(d.event.timezone);
  const poolLabel = (key: string | null) => d.pools.find((p) => p.key === key)?.label ?? null;
  const captain = d.viewer.role === "CAPTAIN";
  const errorFor = (intent: string) => (result && result.intent === intent ? [result.error] : null);
  const byPoolSum = d.missing.byPool.reduce((a, b) => a + b.count, 0);
  const notice = params.get("baru") ? "team.page.created" : params.get("gabung") ? "team.page.joined" : params.get("ok") ? `team.page.done.${params.get("ok")}` : null;
  const deadline = d.deadline;

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeading trail={[{ to: `/acara/${d.event.slug}`, label: d.event.name }]} title={d.team.name} badge={<StatusBadge status={d.team.status} />}>
        {d.team.status === "REJECTED" ? <p className="mt-2 text-red-800">{t("team.page.rejectedReason", { reason: d.team.statusReason ?? "—" })}</p> : null}
      </PageHeading>
      {notice ? <FormAlert tone="success" errors={[notice]} /> : null}

      <Card id="langkah" title={t("team.page.nextStep")}>
        <p className="mt-2 text-slate-800">
          <NextStepText step={d.step} timezone={d.event.timezone} />
        </p>
        {d.missing.total > 0 ? (
          <ul className="mt-3 list-disc space-y-1 pl-6 text-slate-800">
            {d.missing.byPool.map((p) => (
              <li key={p.pool}>{t("team.page.missingPool", { count: p.count, pool: inSentence(poolLabel(p.pool) ?? p.pool) })}</li>
            ))}
            {d.missing.total > byPoolSum ? <li>{t(byPoolSum ? "team.page.missingMore" : "team.page.missingAny", { count: d.missing.total - byPoolSum })}</li> : null}
          </ul>
        ) : null}
        {deadline ? (
          <p className="mt-3 text-sm text-slate-700">
            {t("phase.nextDeadline")}:{" "}
            <strong>
              {deadline.key === "roundCloses" ? t("deadline.roundCloses", { name: deadline.round.name }) : t(`deadline.${deadline.key}`)} — {format(deadline.at)}
            </strong>
          </p>
        ) : null}
        {d.registrationExtension ? <p className="mt-1 text-sm text-slate-700">{t("team.page.extension", { until: format(d.registrationExtension.until) })}</p> : null}
        {d.viewer.role && d.finderOpen && d.members.length + d.waiting.length < d.event.maxTeamSize ? (
          <Link to={`/tim/${d.team.id}/cari-anggota`} className="btn-secondary mt-4">
            {t("finder.teamLink")}
          </Link>
        ) : null}
        {d.team.status === "ACCEPTED" || d.viewer.organizer ? (
          <div className="mt-4 flex flex-wrap gap-2">
            {/* Once results are out the team's next stop is the results, not the (closed) project form. */}
            {d.resultsPublished ? (
              <Link to={`/acara/${d.event.slug}/hasil`} className="btn-primary">
                {t("team.page.resultsLink")}
              </Link>
            ) : null}
            {d.team.status === "ACCEPTED" ? (
              <Link to={`/tim/${d.team.id}/karya`} className={d.resultsPublished ? "btn-secondary" : "btn-primary"}>
                {t(d.submissionOpen ? "team.page.projectLink" : "team.page.projectView")}
              </Link>
            ) : null}
            {d.resultsPublished && d.team.status === "ACCEPTED" ? (
              <>
                <Link to={`/tim/${d.team.id}/umpan-balik`} className="btn-secondary">
                  {t("team.page.feedbackLink")}
                </Link>
                <Link to="/sertifikat" className="btn-secondary">
                  {t("team.page.certificatesLink")}
                </Link>
              </>
            ) : null}
            {d.viewer.organizer ? (
              <Link to={`/kelola/${d.event.slug}/tim/${d.team.id}`} className="btn-secondary">
                {t("team.page.review")}
              </Link>
            ) : null}
          </div>
        ) : null}
      </Card>

      {d.invite && d.editable ? (
        <Card id="undang" title={t("team.page.inviteTitle")}>
          <p className="mt-1 text-sm text-slate-700">{t("team.page.inviteIntro")}</p>
          <label htmlFor="invite-link" className="field-label mt-3">
            {t("team.page.inviteLink")}
          </label>
          <input id="invite-link" readOnly value={d.invite.link} className="field-input font-mono text-sm" onFocus={(e) => e.currentTarget.select()} />
          <p className="mt-3 text-sm text-slate-700">
            {t("team.page.inviteCode")}:{" "}
            <strong className="font-mono text-lg tracking-widest text-slate-900" data-testid="invite-code">
              {d.invite.code}
            </strong>
          </p>
          <p className="text-sm text-slate-600">{t("team.page.inviteCodeHint")}</p>
          <a
            href={`https://wa.me/?text=${encodeURIComponent(t("team.page.shareText", { team: d.team.name, event: d.event.name, link: d.invite.link, code: d.invite.code }))}`}
            className="btn-secondary mt-3"
            target="_blank"
            rel="noreferrer"
          >
            {t("team.page.shareWhatsApp")}
          </a>
          {captain ? (
            <Form method="post" className="mt-3">
              <FormAlert errors={errorFor("regenerate")} />
              <button type="submit" name="intent" value="regenerate" className="btn-secondary" disabled={busy}>
                {t("team.page.regenerate")}
              </button>
              <p className="field-hint">{t("team.page.regenerateHint")}</p>
            </Form>
          ) : null}
        </Card>
      ) : null}

      <Card id="anggota" title={t("team.page.members", { count: d.members.length, max: d.event.maxTeamSize })}>
        <FormAlert errors={errorFor("remove") ?? errorFor("transfer")} />
        <ul className="mt-3 divide-y divide-slate-200">
          {d.members.map((m) => (
            <li key={m.id} className="py-3">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-semibold">{m.name}</span>
                {m.role === "CAPTAIN" ? <span className="badge bg-brand-100 text-brand-900">{t("team.role.CAPTAIN")}</span> : null}
                {poolLabel(m.pool) ? <span className="badge bg-slate-100 text-slate-800">{poolLabel(m.pool)}</span> : null}
              </div>
              <p className="mt-1 text-sm text-slate-700">
                <MemberContact email={m.email} whatsappLink={m.whatsappLink} />
              </p>
              {captain && d.editable && !m.me ? (
                <div className="mt-2 flex flex-wrap gap-2">
                  <Form method="post">
                    <input type="hidden" name="memberId" value={m.id} />
                    <button type="submit" name="intent" value="transfer" className="btn-secondary !min-h-[40px] text-sm" disabled={busy}>
                      {t("team.page.makeCaptain")}
                      <span className="sr-only"> {m.name}</span>
                    </button>
                  </Form>
                  <Form method="post">
                    <input type="hidden" name="memberId" value={m.id} />
                    <button type="submit" name="intent" value="remove" className="btn-secondary !min-h-[40px] text-sm text-red-800" disabled={busy}>
                      {t("team.page.remove")}
                      <span className="sr-only"> {m.name}</span>
                    </button>
                  </Form>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
        <WaitingPlaces places={d.waiting} />
      </Card>

      <Card id="data-tim" title={t("team.page.details")}>
        <dl className="mt-3 grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
          <TeamDetailRows team={d.team} showVideo={d.event.requireVideo || Boolean(d.team.videoUrl)} showProposal={d.event.requireProposal || Boolean(d.team.proposalName)} />
        </dl>
        {captain && d.editable && (d.event.requireProposal || d.event.requireVideo) ? (
          <Form method="post" encType="multipart/form-data" className="mt-4 space-y-3 border-t border-slate-200 pt-4">
            <h3 className="font-bold">{t("team.page.materials")}</h3>
            <FormAlert errors={errorFor("materials")} />
            {d.event.requireVideo ? (
              <div>
                <label htmlFor="videoUrl" className="field-label">
                  {t("team.fields.videoUrl")}
                </label>
                <input id="videoUrl" name="videoUrl" type="url" inputMode="url" defaultValue={d.team.videoUrl ?? ""} className="field-input" />
              </div>
            ) : null}
            {d.event.requireProposal ? (
              <div>
                <label htmlFor="proposal" className="field-label">
                  {t("team.page.replaceProposal")}
                </label>
                <input id="proposal" name="proposal" type="file" accept="application/pdf,.pdf" className="field-input" aria-describedby="proposal-hint" />
                <p id="proposal-hint" className="field-hint">
                  {t("team.fields.proposalHint")}
                </p>
              </div>
            ) : null}
            <button type="submit" name="intent" value="materials" className="btn-secondary" disabled={busy}>
              {t("common.save")}
            </button>
          </Form>
        ) : null}
      </Card>

      {d.viewer.role && d.editable ? (
        <Card id="keluar" title={t("team.page.leaveTitle")}>
          {captain && d.members.length > 1 ? (
            <p className="mt-2 text-sm text-slate-700">{t("team.errors.handOverFirst")}</p>
          ) : (
            <Form method="post" className="mt-2 space-y-3">
              <FormAlert errors={errorFor("leave")} />
              {d.members.length === 1 ? (
                <label className="flex items-start gap-2 text-sm text-slate-800">
                  <input type="checkbox" name="confirm" value="yes" className="mt-1 h-5 w-5" />
                  <span>{t("team.page.confirmDelete")}</span>
                </label>
              ) : (
                <p className="text-sm text-slate-700">{t("team.page.leaveHint")}</p>
              )}
              <button type="submit" name="intent" value="leave" className="btn-danger" disabled={busy}>
                {d.members.length === 1 ? t("team.page.deleteTeam") : t("team.page.leave")}
              </button>
            </Form>
          )}
        </Card>
      ) : null}
    </div>
  );
}

export { TeamErrorBoundary as ErrorBoundary } from "~/components/error-panel";

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "~/components/forms";
import { NextStepText } from "~/components/team-ui";
import { StatusBadge } from "~/components/status-badge";
import { nextStep } from "~/domain/team-progress";
import { missingMembers } from "~/domain/team-rules";
import { listEventsForMember, toTimeline } from "~/models/event.server";
import { pendingJudgingByEvent } from "~/models/judging.server";
import { listMyTeams } from "~/models/team-view.server";
import { finderOpen } from "~/domain/team-finder";
import { rulesOf, toExtensions } from "~/models/team.server";
import { requireUser } from "~/services/session.server";
import { VerifyEmailNotice } from "~/components/verify-notice";
import { pageTitle } from "~/components/page-title";
import { Card } from "~/components/card";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "dashboard") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const now = new Date();
  const [memberships, myTeams, pending] = await Promise.all([listEventsForMember(user.id), listMyTeams(user.id), pendingJudgingByEvent(user.id, now)]);
  const teams = myTeams.map(({ role, team }) => ({
    id: team.id,
    // A captain still short of members is pointed at the team finder while it is open.
    findMembers: role === "CAPTAIN" && finderOpen(toTimeline(team.event), now) && missingMembers(rulesOf(team.event), team.members).total > 0,
    name: team.name,
    status: team.status,
    role,
    event: { slug: team.event.slug, name: team.event.name, timezone: team.event.timezone },
    step: nextStep({
      status: team.status,
      statusReason: team.statusReason,
      missing: missingMembers(rulesOf(team.event), team.members).total,
      submitted: team.submission?.status === "SUBMITTED",
      timeline: toTimeline(team.event),
      extensions: toExtensions(team.extensions),
      now,
    }),
  }));
  return { name: user.name, verified: user.emailVerified, memberships, teams, pending };
}

export default function Dashboard() {
  const { t } = useTranslation();
  const { name, verified, memberships, teams, pending } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const teamNotice = params.get("tim") === "dihapus" ? "myTeams.deleted" : params.get("tim") === "keluar" ? "myTeams.left" : null;
  const organizing = memberships.filter((m) => m.role === "ORGANIZER");
  // A judge came to score: the events with work waiting come first.
  const judging = memberships.filter((m) => m.role === "JUDGE").sort((a, b) => (pending[b.event.id] ?? 0) - (pending[a.event.id] ?? 0));
  const staffOnly = teams.length === 0 && (organizing.length > 0 || judging.length > 0);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("dashboard.hello", { name })}</h1>
      {teamNotice ? <FormAlert tone="success" errors={[teamNotice]} /> : null}
      <VerifyEmailNotice verified={verified} />
      {judging.length ? (
        <Card id="nilai" title={t("dashboard.judging")}>
          <ul className="mt-3 divide-y divide-slate-200">
            {judging.map((m) => {
              const count = pending[m.event.id] ?? 0;
              return (
                <li key={m.event.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                  <div>
                    <p className="font-semibold">{m.event.name}</p>
                    <p className={count ? "text-sm font-semibold text-amber-900" : "text-sm text-slate-700"}>{count ? t("dashboard.pendingJudging", { count }) : t("dashboard.noPendingJudging")}</p>
                  </div>
                  <Link to={`/juri/${m.event.slug}`} className={count ? "btn-primary" : "btn-secondary"}>
                    {count ? t("dashboard.startJudging") : t("dashboard.openJudging")}
                  </Link>
                </li>
              );
            })}
          </ul>
        </Card>
      ) : null}
      {organizing.length ? (
        <Card id="kelola" title={t("dashboard.organizing")}>
          <ul className="mt-3 space-y-2">
            {organizing.map((m) => (
              <li key={m.event.id}>
                <Link to={`/kelola/${m.event.slug}`} className="btn-link">
                  {m.event.name}
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {staffOnly ? null : (
        <Card id="tim-saya" title={t("dashboard.myTeams")}>
          {teams.length ? (
            <ul className="mt-3 divide-y divide-slate-200">
              {teams.map((team) => (
                <li key={team.id} className="py-3">
                  <p className="text-sm text-slate-600">{team.event.name}</p>
                  <div className="flex flex-wrap items-center gap-2">
                    <Link to={`/tim/${team.id}`} className="btn-link text-base">
                      {team.name}
                    </Link>
                    <StatusBadge status={team.status} />
                    {team.role === "CAPTAIN" ? <span className="badge bg-brand-100 text-brand-900">{t("team.role.CAPTAIN")}</span> : null}
                  </div>
                  <p className="mt-1 text-sm text-slate-800">
                    <span className="font-semibold">{t("myTeams.nextLabel")}:</span> <NextStepText step={team.step} timezone={team.event.timezone} />
                  </p>
                  {team.findMembers ? (
                    <Link to={`/tim/${team.id}/cari-anggota`} className="btn-link mt-1 inline-block text-sm">
                      {t("finder.teamLink")}
                    </Link>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-slate-700">{t("dashboard.noTeams")}</p>
          )}
          <div className="mt-4 flex flex-wrap gap-2">
            <Link to="/" className="btn-secondary">
              {t("dashboard.findEvent")}
            </Link>
            <Link to="/gabung" className="btn-secondary">
              {t("myTeams.joinByCode")}
            </Link>
          </div>
        </Card>
      )}
      <p className="flex flex-wrap gap-x-6 gap-y-2">
        <Link to="/sertifikat" className="btn-link">
          {t("certificate.mineTitle")}
        </Link>
        {staffOnly ? (
          <Link to="/" className="btn-link">
            {t("dashboard.findEvent")}
          </Link>
        ) : null}
      </p>
    </div>
  );
}

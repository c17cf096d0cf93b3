import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PhaseBadge } from "~/components/event-card";
import { SavedNotice } from "~/components/event-forms";
import { phaseAt } from "~/domain/phase";
import { validateCriteria } from "~/domain/scoring";
import { formatInZone, eventZone } from "~/domain/time";
import { toTimeline } from "~/models/event.server";
import { dashboardCounts } from "~/models/organizer.server";
import { listRoundsWithCriteria } from "~/models/rubric.server";
import { countTracks } from "~/models/structure.server";
import { requireOrganizer } from "~/models/event-guards.server";
import { getLanguage, getT } from "~/services/i18n.server";
import { Card } from "~/components/card";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireOrganizer(request, params.slug);
  const now = new Date();
  const [counts, rounds, tracks, lang, t] = await Promise.all([dashboardCounts(event.id), listRoundsWithCriteria(event.id), countTracks(event.id), getLanguage(request), getT(request)]);
  const tz = eventZone(event.timezone);
  const state = phaseAt(toTimeline(event), now);
  const next = state.next ? `${t(`deadline.${state.next.key}`, { name: state.next.key === "roundCloses" ? state.next.round.name : "" })}: ${formatInZone(state.next.at, tz, lang)}` : null;
  const checklist = [
    { key: "tracks", done: tracks > 0, to: "struktur" },
    { key: "rubric", done: rounds.length > 0 && rounds.every((r) => validateCriteria(r.criteria).length === 0), to: "struktur/rubrik" },
    { key: "staff", done: counts.staff.JUDGE > 0, to: "tim-panitia" },
    { key: "public", done: event.isPublic, to: "pengaturan" },
  ];
  // The round being judged now; before judging the first, after it the last.
  const currentRoundId = (state.round ?? (state.phase === "judging" || state.phase === "announcement" ? event.rounds.at(-1) : event.rounds[0]))?.id ?? null;
  return { slug: event.slug, phase: state.phase, next, counts, checklist, currentRoundId };
}

export default function OrganizerDashboard() {
  const { t } = useTranslation();
  const { slug, phase, next, counts, checklist, currentRoundId } = useLoaderData<typeof loader>();
  const base = `/kelola/${slug}`;
  const round = counts.judging.find((r) => r.id === currentRoundId) ?? counts.judging[0] ?? { id: "", name: "", assignments: 0, finalized: 0 };
  const progress = round.assignments ? Math.round((round.finalized / round.assignments) * 100) : 0;
  const otherRounds = counts.judging.filter((r) => r.id !== round.id).map((r) => t("organizer.dash.roundCount", { name: r.name, done: r.finalized, total: r.assignments }));
  const cards = [
    {
      key: "teams",
      to: `${base}/tim`,
      value: counts.teams.PENDING + counts.teams.ACCEPTED + counts.teams.REJECTED,
      lines: [
        t("organizer.dash.pending", { count: counts.teams.PENDING }),
        t("organizer.dash.accepted", { count: counts.teams.ACCEPTED }),
        t("organizer.dash.rejected", { count: counts.teams.REJECTED }),
      ],
    },
    { key: "members", to: `${base}/tim`, value: counts.members, lines: [] },
    {
      key: "submissions",
      to: `${base}/karya`,
      value: counts.submissions.SUBMITTED,
      lines: [t("organizer.dash.drafts", { count: counts.submissions.DRAFT })],
    },
    {
      key: "judging",
      to: `${base}/penjurian`,
      label: t("organizer.dash.judgingRound", { name: round.name }),
      value: `${round.finalized}/${round.assignments}`,
      lines: [t("organizer.dash.progress", { percent: progress }), ...otherRounds],
    },
    {
      key: "staff",
      to: `${base}/tim-panitia`,
      value: counts.staff.ORGANIZER + counts.staff.JUDGE,
      lines: [t("organizer.dash.organizers", { count: counts.staff.ORGANIZER }), t("organizer.dash.judges", { count: counts.staff.JUDGE })],
    },
  ];
  return (
    <div className="space-y-6">
      <SavedNotice />
      <section className="card flex flex-wrap items-center gap-3" aria-labelledby="fase">
        <h2 id="fase" className="sr-only">
          {t("phase.current")}
        </h2>
        <PhaseBadge phase={phase} />
        {next ? <p className="text-sm font-medium text-slate-800">{next}</p> : null}
      </section>
      <Card id="angka" title={t("organizer.dash.title")} large plain>
        <ul className="mt-3 grid grid-cols-2 gap-3 lg:grid-cols-5">
          {cards.map((c) => (
            <li key={c.key}>
              <Link to={c.to} className="card block h-full hover:border-brand-500">
                <span className="block text-sm font-semibold text-slate-700">{"label" in c ? c.label : t(`organizer.dash.${c.key}`)}</span>
                <span className="mt-1 block text-2xl font-bold text-slate-900">{c.value}</span>
                {c.lines.map((l) => (
                  <span key={l} className="block text-xs text-slate-700">
                    {l}
                  </span>
                ))}
              </Link>
            </li>
          ))}
        </ul>
      </Card>
      <Card id="persiapan" title={t("organizer.check.title")}>
        <ul className="mt-3 space-y-2">
          {checklist.map((c) => (
            <li key={c.key} className="flex items-start gap-2">
              <span
                aria-hidden="true"
                className={`mt-0.5 inline-flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-xs font-bold ${c.done ? "bg-green-700 text-white" : "border-2 border-slate-400"}`}
              >
                {c.done ? "✓" : ""}
              </span>
              <span className="sr-only">{c.done ? t("organizer.check.done") : t("organizer.check.todo")}</span>
              <Link to={`${base}/${c.to}`} className="btn-link">
                {t(`organizer.check.${c.key}`)}
              </Link>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}

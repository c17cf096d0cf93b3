// The judge's queue: every assignment grouped by round, with progress ("7 dari 12 dinilai").
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useListNavigation } from "~/components/list-navigation";
import type { JudgmentStatus } from "~/domain/judgment";
import { canScore } from "~/domain/phase";
import { formatInZone, eventZone } from "~/domain/time";
import { toTimeline } from "~/models/event.server";
import { judgeQueue } from "~/models/judge-desk.server";
import { requireJudge } from "~/models/event-guards.server";
import { getLanguage } from "~/services/i18n.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event } = await requireJudge(request, params.slug);
  const now = new Date();
  const lang = await getLanguage(request);
  const tz = eventZone(event.timezone);
  const timeline = toTimeline(event);
  const { items } = await judgeQueue(event.id, user.id);
  const rounds = new Map<string, { id: string; name: string; closes: string; open: boolean; items: { id: string; title: string; team: string; status: JudgmentStatus }[] }>();
  for (const item of items) {
    let round = rounds.get(item.round.id);
    if (!round) {
      round = { id: item.round.id, name: item.round.name, closes: formatInZone(item.round.closesAt, tz, lang), open: canScore(timeline, item.round.id, now).allowed, items: [] };
      rounds.set(item.round.id, round);
    }
    round.items.push({
      id: item.id,
      title: item.submission.title,
      team: event.blindJudging ? item.label : item.submission.teamName,
      status: item.status,
    });
  }
  // The round being scored comes first; closed ones follow for reference.
  const ordered = [...rounds.values()].sort((a, b) => Number(b.open) - Number(a.open));
  return { slug: event.slug, blind: event.blindJudging, rounds: ordered };
}

const BADGE: Record<JudgmentStatus, string> = {
  not_started: "bg-slate-100 text-slate-800",
  in_progress: "bg-amber-100 text-amber-900",
  complete: "bg-blue-100 text-blue-900",
  finalized: "bg-green-100 text-green-900",
};

export default function JudgeQueue() {
  const { t } = useTranslation();
  const navigateInApp = useListNavigation();
  const { slug, blind, rounds } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const left = rounds.reduce((n, r) => n + r.items.filter((i) => i.status !== "finalized").length, 0);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("judge.queueTitle")}</h1>
      {params.get("final") === "1" ? (
        <p role="status" className="rounded-lg border border-green-300 bg-green-50 px-4 py-3 font-medium text-green-900">
          {t("judge.finalizedNotice")} {left ? t("judge.finalizedLeft", { count: left }) : t("judge.finalizedAll")}
        </p>
      ) : null}
      {rounds.length === 0 ? <p className="card text-slate-700">{t("judge.queueEmpty")}</p> : null}
      {rounds.map((round) => {
        const scored = round.items.filter((i) => i.status === "complete" || i.status === "finalized").length;
        const finalized = round.items.filter((i) => i.status === "finalized").length;
        return (
          <section key={round.id} aria-labelledby={`babak-${round.id}`} className="space-y-3">
            <div>
              <h2 id={`babak-${round.id}`} className="text-lg font-bold">
                {round.name}
              </h2>
              <p className="text-sm text-slate-700">{round.open ? t("judge.roundCloses", { at: round.closes }) : t("judge.roundClosed", { at: round.closes })}</p>
            </div>
            <div className="card !p-4">
              <p className="font-semibold" data-testid="progress">
                {t("judge.progress", { done: scored, total: round.items.length })}
              </p>
              <p className="text-sm text-slate-700">{t("judge.finalizedCount", { count: finalized })}</p>
              <div className="mt-2 h-3 w-full overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
                <div className="h-full bg-brand-600" style={{ width: `${round.items.length ? Math.round((scored / round.items.length) * 100) : 0}%` }} />
              </div>
            </div>
            {/* Plain links, navigated within the app by the list's one handler (list-navigation.ts). */}
            {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions -- the clicks come from the links inside, which Enter also clicks */}
            <ul className="space-y-2" onClick={navigateInApp}>
              {round.items.map((item) => (
                <li key={item.id}>
                  <a href={`/juri/${slug}/nilai/${item.id}`} className="card flex min-h-[64px] items-center justify-between gap-3 !p-4 hover:border-brand-400">
                    <span className="min-w-0">
                      <span className="block truncate font-semibold text-slate-900">{item.title || t("scoring.untitled")}</span>
                      <span className="block truncate text-sm text-slate-700">{blind ? t("scoring.blindTeam", { id: item.team }) : item.team}</span>
                    </span>
                    <span className={`badge shrink-0 ${BADGE[item.status]}`}>{t(`scoring.status.${item.status}`)}</span>
                  </a>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

// The judge's queue: the rounds with their progress ("7 dari 12 dinilai"), and the chosen round's
// submissions as a window — by status, by search, 25 to a page — with the next one to score.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SearchField } from "~/components/forms";
import { useListNavigation } from "~/components/list-navigation";
import { Pager } from "~/components/results-table";
import { useSearchLink } from "~/components/search-link";
import { QUEUE_PAGE_SIZE, QUEUE_STATUSES, queueWindow, statusCounts } from "~/domain/judge-queue";
import type { JudgmentStatus } from "~/domain/judgment";
import { canScore } from "~/domain/phase";
import { formatInZone, eventZone } from "~/domain/time";
import { toTimeline } from "~/models/event.server";
import { judgeQueue } from "~/models/judge-desk.server";
import { requireJudge } from "~/models/event-guards.server";
import { getLanguage } from "~/services/i18n.server";
import { QUEUE_STATUS_PARAMS, queueQuerySchema, type QueueStatusParam } from "~/validation/judging";

type Item = { id: string; title: string; team: string; status: JudgmentStatus };

const PARAM_OF = Object.fromEntries(Object.entries(QUEUE_STATUS_PARAMS).map(([param, status]) => [status, param])) as Record<JudgmentStatus, QueueStatusParam>;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event } = await requireJudge(request, params.slug);
  const now = new Date();
  const query = queueQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const lang = await getLanguage(request);
  const tz = eventZone(event.timezone);
  const timeline = toTimeline(event);
  const { items } = await judgeQueue(event, user.id);
  const rounds = new Map<string, { id: string; name: string; closes: string; open: boolean; items: Item[] }>();
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
  const shown = ordered.find((r) => r.id === query.babak) ?? ordered[0];
  const status = query.saring ? QUEUE_STATUS_PARAMS[query.saring] : null;
  const queue = shown ? queueWindow(shown.items, { status, q: query.cari, page: query.halaman }) : null;
  return {
    slug: event.slug,
    blind: event.blindJudging,
    rounds: ordered.map(({ items: roundItems, ...round }) => {
      const c = statusCounts(roundItems);
      return { ...round, total: roundItems.length, scored: c.complete + c.finalized, finalized: c.finalized };
    }),
    round: shown?.id ?? null,
    // Submissions still waiting for a final score, over all rounds (the notice after finalizing).
    left: items.filter((i) => i.status !== "finalized").length,
    counts: queue?.counts ?? null,
    next: queue?.next && shown?.open ? queue.next.id : null,
    filters: { q: query.cari ?? "", status: query.saring ?? "" },
    window: queue?.window ?? null,
  };
}

const BADGE: Record<JudgmentStatus, string> = {
  not_started: "bg-slate-100 text-slate-800",
  in_progress: "bg-amber-100 text-amber-900",
  complete: "bg-blue-100 text-blue-900",
  finalized: "bg-green-100 text-green-900",
};

const CHIP = "inline-flex min-h-[40px] items-center rounded-full border px-3 text-sm font-medium";

export default function JudgeQueue() {
  const { t } = useTranslation();
  const navigateInApp = useListNavigation();
  const { slug, blind, rounds, round: shownId, left, counts, next, filters, window } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { pathname } = useLocation();
  // The notice after finalizing shows once; links from the page leave it behind.
  const link = useSearchLink(["final"]);
  const round = rounds.find((r) => r.id === shownId);
  const narrowed = !!(filters.q || filters.status);
  return (
    // Plain links throughout, navigated within the app by the page's one handler (list-navigation.ts).
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions -- the clicks come from the links inside, which Enter also clicks
    <div className="space-y-6" onClick={navigateInApp}>
      <h1 className="text-2xl font-bold">{t("judge.queueTitle")}</h1>
      {params.get("final") === "1" ? (
        <p role="status" className="rounded-lg border border-green-300 bg-green-50 px-4 py-3 font-medium text-green-900">
          {t("judge.finalizedNotice")} {left ? t("judge.finalizedLeft", { count: left }) : t("judge.finalizedAll")}
        </p>
      ) : null}
      {!round || !counts || !window ? <p className="card text-slate-700">{t("judge.queueEmpty")}</p> : null}
      {rounds.length > 1 ? (
        <nav aria-label={t("judge.queue.rounds")} className="flex flex-wrap gap-2">
          {rounds.map((r) => (
            <a
              key={r.id}
              href={link({ babak: r.id, saring: null, cari: null, halaman: null })}
              aria-current={r.id === shownId ? "page" : undefined}
              className={`${CHIP} ${r.id === shownId ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white text-slate-800 hover:border-brand-400"}`}
            >
              {r.name} · {t("judge.queue.roundScored", { done: r.scored, total: r.total })}
            </a>
          ))}
        </nav>
      ) : null}
      {round && counts && window ? (
        <section aria-labelledby={`babak-${round.id}`} className="space-y-3">
          <div>
            <h2 id={`babak-${round.id}`} className="text-lg font-bold">
              {round.name}
            </h2>
            <p className="text-sm text-slate-700">{round.open ? t("judge.roundCloses", { at: round.closes }) : t("judge.roundClosed", { at: round.closes })}</p>
          </div>
          <div className="card !p-4">
            <p className="font-semibold" data-testid="progress">
              {t("judge.progress", { done: round.scored, total: round.total })}
            </p>
            <p className="text-sm text-slate-700">{t("judge.finalizedCount", { count: round.finalized })}</p>
            <div className="mt-2 h-3 w-full overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
              <div className="h-full bg-brand-600" style={{ width: `${round.total ? Math.round((round.scored / round.total) * 100) : 0}%` }} />
            </div>
            {next ? (
              <a href={`/juri/${slug}/nilai/${next}`} className="btn-primary mt-3 w-full sm:w-auto">
                {t("judge.queue.next")}
              </a>
            ) : null}
          </div>
          {round.total > 1 ? (
            <nav aria-label={t("judge.queue.filter")} className="flex flex-wrap gap-2">
              {[null, ...QUEUE_STATUSES].map((status) => {
                const param = status ? PARAM_OF[status] : "";
                const active = filters.status === param;
                return (
                  <a
                    key={param || "all"}
                    href={link({ saring: param || null, halaman: null })}
                    aria-current={active ? "page" : undefined}
                    className={`${CHIP} ${active ? "border-brand-600 bg-brand-50 text-brand-900" : "border-slate-300 bg-white text-slate-800 hover:border-brand-400"}`}
                  >
                    {status ? t(`scoring.status.${status}`) : t("judge.queue.all")} ({status ? counts[status] : round.total})
                  </a>
                );
              })}
            </nav>
          ) : null}
          {round.total > QUEUE_PAGE_SIZE ? (
            <Form method="get" action={pathname} role="search" aria-label={t("judge.queue.searchLabel")} className="flex items-end gap-2">
              {rounds.length > 1 ? <input type="hidden" name="babak" value={round.id} /> : null}
              {filters.status ? <input type="hidden" name="saring" value={filters.status} /> : null}
              <SearchField name="cari" label={blind ? t("judge.queue.searchBlind") : t("judge.queue.search")} value={filters.q} className="min-w-0 flex-1" />
              <button type="submit" className="btn-secondary">
                {t("judge.queue.searchButton")}
              </button>
            </Form>
          ) : null}
          {narrowed || window.pages > 1 ? (
            <p className="text-sm text-slate-700" role="status">
              {window.matching === 0 ? t("judge.queue.none") : t("judge.queue.showing", { first: window.offset + 1, last: window.offset + window.rows.length, total: window.matching })}
              {narrowed ? (
                <>
                  {" "}
                  <a href={link({ saring: null, cari: null, halaman: null })} className="btn-link">
                    {t("judge.queue.reset")}
                  </a>
                </>
              ) : null}
            </p>
          ) : null}
          <ul className="space-y-2">
            {window.rows.map((item) => (
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
          <Pager page={window.page} pages={window.pages} pageLink={(n) => link({ halaman: String(n) })} label={t("judge.queue.pages")} />
        </section>
      ) : null}
    </div>
  );
}

// What the organizer's results page shows: one window of the (cached) ranking with the details of
// the shown rows only, the judges, and what the publish form needs. Its size does not grow with
// the event: 2,000 submissions give the same page as 50, plus page links.
import { type PublicationAwardKind, suggestRecipients } from "~/domain/publication";
import type { RankingMethod, TieRecord } from "~/domain/ranking";
import { rankingWindow } from "~/domain/results-window";
import { listAwards, publishedRecipients } from "./publication.server";
import { loadRoundResults } from "./results.server";
import { sharedResultsState } from "./round-state.server";
import { voteTally } from "./vote.server";

export type ResultsQuery = {
  roundId: string | null;
  method: RankingMethod | null;
  q: string | null;
  trackId: string | null;
  regionId: string | null;
  page: number | null;
};

/**
 * Rows per page of the organizer's comparison table. Each row carries three methods' places,
 * scores and criterion means — about four times a leaderboard row — so it pages by 25 where the
 * public leaderboard pages by 50.
 */
export const ORGANIZER_WINDOW_SIZE = 25;

/** Recipient choices offered in the publish form besides the rows on screen. */
const TOP_CHOICES = 30;

type Ranked = Awaited<ReturnType<typeof loadRoundResults>>;

/**
 * What every view derives from one computed ranking: its comparison by submission and the
 * position of each ranked submission. A ranking is computed once per data version and shared,
 * so these are kept beside it (by its rows) instead of being rebuilt over 2,000 rows per viewer.
 */
const derived = new WeakMap<object, { comparison: Map<string, Ranked["comparison"][number]>; ranked: Map<string, { at: number; place: number }> }>();

function derive(results: Ranked) {
  let d = derived.get(results.rows);
  if (!d) {
    const ranked = new Map<string, { at: number; place: number }>();
    for (const r of results.rows) if (r.place !== null) ranked.set(r.submissionId, { at: ranked.size, place: r.place });
    d = { comparison: new Map(results.comparison.map((c) => [c.submissionId, c])), ranked };
    derived.set(results.rows, d);
  }
  return d;
}

export async function organizerResults(event: { id: string; slug: string; rankingMethod: string; tieBreak: string }, query: ResultsQuery, opts: { votesClosed: boolean; now: Date }) {
  const [state, awards, votes] = await Promise.all([sharedResultsState(event, opts.now.getTime()), listAwards(event.id), opts.votesClosed ? voteTally(event.id) : null]);
  const [results, published] = await Promise.all([
    loadRoundResults(event, { roundId: query.roundId, method: query.method, rounds: state.rounds }),
    state.publication ? publishedRecipients(event.id) : null,
  ]);
  const window = rankingWindow(results.rows, results.entries, { q: query.q, trackId: query.trackId, regionId: query.regionId, page: query.page, size: ORGANIZER_WINDOW_SIZE });
  const { comparison, ranked } = derive(results);
  const shown = new Set(window.rows.map((r) => r.submissionId));
  const name = (id: string) => results.entries[id]?.teamName ?? id;

  const rows = window.rows.map((r) => {
    const e = results.entries[r.submissionId];
    const c = comparison.get(r.submissionId);
    return {
      submissionId: r.submissionId,
      teamName: e?.teamName ?? "",
      title: e?.title ?? "",
      track: e?.track ?? null,
      region: e?.region ?? null,
      place: r.place,
      subsetPlace: r.subsetPlace,
      joint: r.joint,
      judgeCount: r.judgeCount,
      criterionMeans: r.criterionMeans,
      places: c?.places ?? null,
      jointBy: c?.joint ?? null,
      scores: c?.scores ?? null,
      change: c?.change ?? null,
    };
  });

  const involves = (t: TieRecord) => (t.kind === "joint" ? t.submissionIds : [...t.ahead, ...t.behind]).some((id) => shown.has(id));
  const ties = results.ties.filter(involves);
  const tieNames: Record<string, { teamName: string; title: string }> = {};
  for (const t of ties) for (const id of t.kind === "joint" ? t.submissionIds : [...t.ahead, ...t.behind]) tieNames[id] = { teamName: name(id), title: results.entries[id]?.title ?? "" };

  const suggestions = suggestRecipients(
    awards.map((a) => ({ id: a.id, kind: a.kind as PublicationAwardKind, place: a.place })),
    results.rows,
    votes,
  );
  // The top of the ranking, the ranked rows on screen and whoever is suggested or awarded: the
  // ranked ones in ranking order, then the others.
  const top: string[] = [];
  for (const r of results.rows) {
    if (top.length >= TOP_CHOICES) break;
    if (r.place !== null) top.push(r.submissionId);
  }
  const choiceIds = new Set([...top, ...window.rows.filter((r) => r.place !== null).map((r) => r.submissionId), ...Object.values(suggestions).flat(), ...Object.values(published ?? {}).flat()]);
  const at = (id: string) => ranked.get(id)?.at ?? ranked.size;
  const choices = [...choiceIds].sort((a, b) => at(a) - at(b)).map((id) => ({ submissionId: id, place: ranked.get(id)?.place ?? null, teamName: name(id), title: results.entries[id]?.title ?? "" }));

  const round = results.round;
  const later = round ? state.rounds.filter((r) => r.order > round.order) : [];
  return {
    rounds: state.rounds.map((r) => ({ id: r.id, name: r.name, assignments: r.assignments, finalized: r.finalized })),
    round: round && { id: round.id, name: round.name },
    laterRounds: later.map((r) => ({ name: r.name, assignments: r.assignments, finalized: r.finalized })),
    version: results.version,
    method: results.method,
    criteria: results.criteria.map((c) => ({ id: c.id, name: c.name, scaleMax: c.scaleMax })),
    tieBreak: results.tieBreak,
    progress: results.progress,
    rankedCount: ranked.size,
    filters: { q: query.q ?? "", trackId: query.trackId ?? "", regionId: query.regionId ?? "", tracks: results.tracks, regions: results.regions },
    window: { rows, matching: window.matching, page: window.page, pages: window.pages, offset: window.offset },
    ties,
    tieNames,
    judges: results.judges,
    overall: results.overall,
    awards,
    suggestions,
    /** What the current record awarded: a correction starts from it, not from the suggestions. */
    publishedRecipients: published,
    choices,
    votes,
    publication: state.publication,
  };
}

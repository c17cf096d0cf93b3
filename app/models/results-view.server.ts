// What the organizer's results page shows: one window of the (cached) ranking with the details of
// the shown rows only, the judges, and what the publish form needs. Its size does not grow with
// the event: 2,000 submissions give the same page as 50, plus page links.
import { type PublicationAwardKind, suggestRecipients } from "~/domain/publication";
import type { RankingMethod, TieRecord } from "~/domain/ranking";
import { rankingWindow, WINDOW_SIZE } from "~/domain/results-window";
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

/** Recipient choices offered in the publish form besides the rows on screen. */
const TOP_CHOICES = 30;

export async function organizerResults(event: { id: string; slug: string; rankingMethod: string; tieBreak: string }, query: ResultsQuery, opts: { votesClosed: boolean; now: Date }) {
  const [state, awards, votes] = await Promise.all([sharedResultsState(event, opts.now.getTime()), listAwards(event.id), opts.votesClosed ? voteTally(event.id) : null]);
  const [results, published] = await Promise.all([
    loadRoundResults(event, { roundId: query.roundId, method: query.method, rounds: state.rounds }),
    state.publication ? publishedRecipients(event.id) : null,
  ]);
  const window = rankingWindow(results.rows, results.entries, { q: query.q, trackId: query.trackId, regionId: query.regionId, page: query.page, size: WINDOW_SIZE });
  const comparison = new Map(results.comparison.map((c) => [c.submissionId, c]));
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
  const ranked = results.rows.filter((r) => r.place !== null);
  const choiceIds = new Set([
    ...ranked.slice(0, TOP_CHOICES).map((r) => r.submissionId),
    ...ranked.filter((r) => shown.has(r.submissionId)).map((r) => r.submissionId),
    ...Object.values(suggestions).flat(),
    ...Object.values(published ?? {}).flat(),
  ]);
  const placeOf = new Map(ranked.map((r) => [r.submissionId, r.place]));
  const choices = ranked
    .filter((r) => choiceIds.has(r.submissionId))
    .map((r) => ({ submissionId: r.submissionId, place: r.place, teamName: name(r.submissionId), title: results.entries[r.submissionId]?.title ?? "" }));
  for (const id of choiceIds) {
    if (!placeOf.has(id)) choices.push({ submissionId: id, place: null, teamName: name(id), title: results.entries[id]?.title ?? "" });
  }

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
    rankedCount: ranked.length,
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

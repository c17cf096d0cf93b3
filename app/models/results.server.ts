// Live results of a judging round: finalized judgments loaded in one batched query, weighted
// totals, rankings under every method (overall, per track, per region), ties and judge statistics.
import { judgeStats, type JudgeStat } from "~/domain/judge-stats";
import {
  compareMethods,
  defaultTieBreak,
  parseTieKeyCode,
  rank,
  RANKING_METHODS,
  type MethodComparisonRow,
  type RankingJudgment,
  type RankingMethod,
  type RankingSubmission,
  type RankRow,
  type TieBreakKey,
  tieKeyCode,
  tieSummary,
  type TieRecord,
  validateTieBreak,
} from "~/domain/ranking";
import { type Criterion, sortCriteria, weightedTotal } from "~/domain/scoring";
import type { PublicationEntry } from "~/domain/publication";
import { db } from "~/services/db.server";

export function isRankingMethod(value: unknown): value is RankingMethod {
  return typeof value === "string" && (RANKING_METHODS as readonly string[]).includes(value);
}

/**
 * The event's stored tie-break order for a round's criteria. "first_criterion" (the stored
 * default) means the round's first criterion; keys naming a criterion of another round are
 * dropped, so a rubric edit can never make the ranking throw.
 */
export function tieBreakFor(stored: string, criteria: readonly Criterion[]): TieBreakKey[] {
  let codes: unknown;
  try {
    codes = JSON.parse(stored);
  } catch {
    return defaultTieBreak(criteria);
  }
  if (!Array.isArray(codes)) return defaultTieBreak(criteria);
  const first = sortCriteria(criteria)[0];
  const keys: TieBreakKey[] = [];
  for (const code of codes) {
    if (code === "first_criterion") {
      if (first) keys.push({ criterion: first.id });
      continue;
    }
    const key = typeof code === "string" ? parseTieKeyCode(code) : null;
    if (key) keys.push(key);
  }
  const bad = new Set(validateTieBreak(keys, criteria).map((e) => e.index));
  const valid = keys.filter((_, i) => !bad.has(i));
  return valid.length ? valid : defaultTieBreak(criteria);
}

export type ResultsEntry = PublicationEntry & { trackId: string | null; regionId: string | null };
export type JudgeRow = JudgeStat & { name: string };

export type RoundResults = Awaited<ReturnType<typeof loadRoundResults>>;

/** The round to show: the one asked for, else the latest round with a finalized judgment, else the first. */
async function pickRound(eventId: string, roundId: string | null) {
  const rounds = await db.round.findMany({ where: { eventId }, orderBy: { order: "asc" }, select: { id: true, name: true, order: true } });
  if (roundId) {
    const r = rounds.find((x) => x.id === roundId);
    if (r) return { rounds, round: r };
  }
  const judged = await db.assignment.findFirst({
    where: { round: { eventId }, judgment: { finalizedAt: { not: null } } },
    orderBy: { round: { order: "desc" } },
    select: { roundId: true },
  });
  return { rounds, round: rounds.find((r) => r.id === judged?.roundId) ?? rounds[0] ?? null };
}

export async function loadRoundResults(
  event: { id: string; rankingMethod: string; tieBreak: string },
  opts: { roundId?: string | null; method?: RankingMethod | null } = {},
) {
  const { rounds, round } = await pickRound(event.id, opts.roundId ?? null);
  const roundId = round?.id ?? "";
  const [criteriaRows, judgmentRows, submissionRows, progress, finalized] = await Promise.all([
    db.criterion.findMany({ where: { roundId }, orderBy: [{ order: "asc" }, { id: "asc" }] }),
    // One batched query (Prisma loads the relations with IN lists, never per row).
    db.judgment.findMany({
      where: { finalizedAt: { not: null }, assignment: { roundId } },
      select: {
        assignment: { select: { judgeId: true, submissionId: true, judge: { select: { name: true } } } },
        scores: { select: { criterionId: true, value: true } },
      },
    }),
    db.submission.findMany({
      where: { eventId: event.id, OR: [{ assignments: { some: { roundId } } }, { entries: { some: { roundId } } }] },
      select: {
        id: true,
        title: true,
        submittedAt: true,
        trackId: true,
        track: { select: { name: true } },
        team: { select: { id: true, name: true, regionId: true, region: { select: { name: true } } } },
      },
    }),
    db.assignment.count({ where: { roundId } }),
    db.assignment.count({ where: { roundId, judgment: { finalizedAt: { not: null } } } }),
  ]);

  const criteria: (Criterion & { description: string })[] = criteriaRows.map((c) => ({
    id: c.id,
    name: c.name,
    description: c.description,
    weight: c.weight,
    scaleMin: c.scaleMin,
    scaleMax: c.scaleMax,
    order: c.order,
  }));
  const method: RankingMethod = opts.method ?? (isRankingMethod(event.rankingMethod) ? event.rankingMethod : "zscore");
  const tieBreak = tieBreakFor(event.tieBreak, criteria);

  const judgeNames = new Map<string, string>();
  const judgments: RankingJudgment[] = [];
  let incomplete = 0;
  for (const j of judgmentRows) {
    const scores: Record<string, number> = {};
    for (const s of j.scores) scores[s.criterionId] = s.value;
    const total = weightedTotal(criteria, scores);
    judgeNames.set(j.assignment.judgeId, j.assignment.judge.name);
    // A finalized judgment missing a score (rubric changed afterwards) cannot be totalled.
    if (total === null) {
      incomplete++;
      continue;
    }
    judgments.push({ judgeId: j.assignment.judgeId, submissionId: j.assignment.submissionId, total, scores });
  }

  const submissions: RankingSubmission[] = submissionRows.map((s) => ({
    id: s.id,
    trackId: s.trackId,
    regionId: s.team.regionId,
    finalSubmittedAt: s.submittedAt,
  }));
  const entries: Record<string, ResultsEntry> = {};
  for (const s of submissionRows) {
    entries[s.id] = {
      submissionId: s.id,
      teamId: s.team.id,
      teamName: s.team.name,
      title: s.title,
      track: s.track?.name ?? null,
      region: s.team.region?.name ?? null,
      trackId: s.trackId,
      regionId: s.team.regionId,
    };
  }

  const input = { judgments, submissions, criteria, method, tieBreak };
  const rows: RankRow[] = rank(input);
  const comparison: MethodComparisonRow[] = compareMethods(input);
  const ties: TieRecord[] = tieSummary(rows);
  const stats = judgeStats(judgments);
  const judges: JudgeRow[] = stats.judges.map((s) => ({ ...s, name: judgeNames.get(s.judgeId) ?? s.judgeId }));

  const cut = (key: "trackId" | "regionId", names: Map<string, string>) =>
    [...names].map(([id, name]) => ({ id, name, rows: rank({ ...input, filter: { [key]: id } }) })).filter((g) => g.rows.length > 0);
  const trackNames = new Map<string, string>();
  const regionNames = new Map<string, string>();
  for (const s of submissionRows) {
    if (s.trackId && s.track) trackNames.set(s.trackId, s.track.name);
    if (s.team.regionId && s.team.region) regionNames.set(s.team.regionId, s.team.region.name);
  }

  return {
    rounds,
    round,
    criteria,
    method,
    tieBreak: tieBreak.map(tieKeyCode),
    tieBreakKeys: tieBreak,
    entries,
    rows,
    comparison,
    ties,
    judges,
    overall: stats.overall,
    judgeNames: Object.fromEntries(judgeNames),
    progress: { assignments: progress, finalized, incomplete },
    byTrack: cut("trackId", trackNames),
    byRegion: cut("regionId", regionNames),
  };
}

/**
 * A cheap fingerprint of the event's judgment data (count + latest change + publications). Every
 * app instance computes it from the database, so a stream on any instance notices a score saved
 * through any other.
 */
export async function resultsSignal(eventId: string): Promise<string> {
  const [agg, finalized, pubs] = await Promise.all([
    db.judgment.aggregate({ where: { assignment: { round: { eventId } } }, _count: { _all: true }, _max: { updatedAt: true } }),
    db.judgment.count({ where: { assignment: { round: { eventId } }, finalizedAt: { not: null } } }),
    db.publication.count({ where: { eventId } }),
  ]);
  return `${agg._count._all}:${finalized}:${agg._max.updatedAt?.getTime() ?? 0}:${pubs}`;
}

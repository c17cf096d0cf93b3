// Live results of a judging round. The ranking (every method's places, ties, judge statistics)
// is computed once per data version and shared by every viewer; the version is read from the
// database on each request, so any instance sees a save made through any other.
import { judgeStats } from "~/domain/judge-stats";
import {
  compareMethods,
  defaultTieBreak,
  parseTieKeyCode,
  rank,
  RANKING_METHODS,
  type RankingJudgment,
  type RankingMethod,
  type RankingSubmission,
  type TieBreakKey,
  tieKeyCode,
  tieSummary,
  validateTieBreak,
} from "~/domain/ranking";
import { foldForSearch } from "~/domain/results-window";
import { type Criterion, sortCriteria, weightedTotal } from "~/domain/scoring";
import type { PublicationEntry } from "~/domain/publication";
import { db, Prisma, queryRows } from "~/services/db.server";
import { versionedCache } from "~/services/versioned-cache.server";
import { roundStates, type RoundState } from "./round-state.server";
import { compareText } from "~/domain/collate";

export { roundStates, type RoundState } from "./round-state.server";

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

export type ResultsEntry = PublicationEntry & { trackId: string | null; regionId: string | null; search: string };

/**
 * The round to show: the one asked for, else the current one — the last round that has started
 * (has entries or assignments), so an open Final is never hidden behind a finished first round.
 */
export function pickRound(rounds: readonly RoundState[], asked: string | null): RoundState | null {
  if (asked) {
    const r = rounds.find((x) => x.id === asked);
    if (r) return r;
  }
  const started = rounds.filter((r) => r.assignments > 0 || r.entries > 0);
  return started.at(-1) ?? rounds[0] ?? null;
}

type RankingInput = { criteria: (Criterion & { description: string })[] };

async function loadCriteria(roundId: string): Promise<RankingInput["criteria"]> {
  const rows = await db.criterion.findMany({
    where: { roundId },
    orderBy: [{ order: "asc" }, { id: "asc" }],
    select: { id: true, name: true, description: true, weight: true, scaleMin: true, scaleMax: true, order: true },
  });
  return rows;
}

/** Everything about a round's ranking that does not depend on which rows a viewer looks at. */
async function computeRanking(roundId: string, eventId: string, method: RankingMethod, tieBreak: TieBreakKey[], criteria: RankingInput["criteria"]) {
  // Two set-based statements whatever the size. Scores come one row per judgment with a column
  // per criterion: a third of the cells of one row per score, and decoding cells is most of the
  // cost of a large read through Prisma.
  const columns = criteria.length ? Prisma.join(criteria.map((c, i) => Prisma.sql`MAX(CASE WHEN s."criterionId" = ${c.id} THEN s.value END) AS ${Prisma.raw(`"c${i}"`)}`)) : Prisma.sql`NULL AS "c0"`;
  const [judgmentRows, submissionRows] = await Promise.all([
    queryRows<({ judgeId: string; judgeName: string; submissionId: string } & Record<string, number | bigint | null | string>)[]>`
      SELECT a."judgeId" AS "judgeId", MAX(u.name) AS "judgeName", a."submissionId" AS "submissionId", ${columns}
      FROM "Judgment" j
      JOIN "Assignment" a ON a.id = j."assignmentId"
      JOIN "User" u ON u.id = a."judgeId"
      LEFT JOIN "Score" s ON s."judgmentId" = j.id
      WHERE a."roundId" = ${roundId} AND j."finalizedAt" IS NOT NULL
      GROUP BY j.id, a."judgeId", a."submissionId"`,
    queryRows<
      { id: string; title: string; submittedAt: Date | null; trackId: string | null; trackName: string | null; teamId: string; teamName: string; regionId: string | null; regionName: string | null }[]
    >`
      SELECT s.id, s.title, s."submittedAt" AS "submittedAt", s."trackId" AS "trackId", tr.name AS "trackName",
             t.id AS "teamId", t.name AS "teamName", t."regionId" AS "regionId", rg.name AS "regionName"
      FROM "Submission" s
      JOIN "Team" t ON t.id = s."teamId"
      LEFT JOIN "Track" tr ON tr.id = s."trackId"
      LEFT JOIN "Region" rg ON rg.id = t."regionId"
      WHERE s."eventId" = ${eventId}
        AND (EXISTS (SELECT 1 FROM "Assignment" a WHERE a."roundId" = ${roundId} AND a."submissionId" = s.id)
          OR EXISTS (SELECT 1 FROM "RoundEntry" e WHERE e."roundId" = ${roundId} AND e."submissionId" = s.id))`,
  ]);

  const judgeNames = new Map<string, string>();
  const judgments: RankingJudgment[] = [];
  let incomplete = 0;
  for (const r of judgmentRows) {
    judgeNames.set(r.judgeId, r.judgeName);
    const scores: Record<string, number> = {};
    criteria.forEach((c, i) => {
      const v = r[`c${i}`];
      if (v !== null && v !== undefined) scores[c.id] = Number(v);
    });
    const total = weightedTotal(criteria, scores);
    // A finalized judgment missing a score (rubric changed afterwards) cannot be totalled.
    if (total === null) {
      incomplete++;
      continue;
    }
    judgments.push({ judgeId: r.judgeId, submissionId: r.submissionId, total, scores });
  }

  const submissions: RankingSubmission[] = [];
  const entries: Record<string, ResultsEntry> = {};
  const tracks = new Map<string, string>();
  const regions = new Map<string, string>();
  for (const s of submissionRows) {
    const submittedAt = s.submittedAt === null ? null : new Date(s.submittedAt);
    submissions.push({ id: s.id, trackId: s.trackId, regionId: s.regionId, finalSubmittedAt: submittedAt });
    entries[s.id] = {
      submissionId: s.id,
      teamId: s.teamId,
      teamName: s.teamName,
      title: s.title,
      track: s.trackName,
      region: s.regionName,
      trackId: s.trackId,
      regionId: s.regionId,
      search: foldForSearch(`${s.teamName} ${s.title}`),
    };
    if (s.trackId && s.trackName) tracks.set(s.trackId, s.trackName);
    if (s.regionId && s.regionName) regions.set(s.regionId, s.regionName);
  }

  const input = { judgments, submissions, criteria, method, tieBreak };
  const rows = rank(input);
  const comparison = compareMethods(input, rows);
  const stats = judgeStats(judgments);
  const byName = (a: { name: string }, b: { name: string }) => compareText(a.name, b.name);
  return {
    rows,
    comparison,
    ties: tieSummary(rows),
    judges: stats.judges.map((s) => ({ ...s, name: judgeNames.get(s.judgeId) ?? s.judgeId })),
    overall: stats.overall,
    judgeNames: Object.fromEntries(judgeNames),
    entries,
    incomplete,
    tracks: [...tracks].map(([id, name]) => ({ id, name })).sort(byName),
    regions: [...regions].map(([id, name]) => ({ id, name })).sort(byName),
  };
}

export type RoundRanking = Awaited<ReturnType<typeof computeRanking>>;

// A 2,000-submission ranking holds a few MB; a handful of (round, method) pairs cover every
// organizer screen of a few events at once.
const rankingCache = versionedCache<RoundRanking>(12);

/** For tests: how many rankings were computed, and a way to start cold. */
export const rankingCacheStats = {
  get computations() {
    return rankingCache.computations;
  },
  clear: () => rankingCache.clear(),
};

export async function loadRoundResults(event: { id: string; rankingMethod: string; tieBreak: string }, opts: { roundId?: string | null; method?: RankingMethod | null; rounds?: RoundState[] } = {}) {
  const rounds = opts.rounds ?? (await roundStates(event.id));
  const round = pickRound(rounds, opts.roundId ?? null);
  const method: RankingMethod = opts.method ?? (isRankingMethod(event.rankingMethod) ? event.rankingMethod : "zscore");
  const criteria = round ? await loadCriteria(round.id) : [];
  const tieBreak = tieBreakFor(event.tieBreak, criteria);
  // The rubric and tie-break order are part of the key: changing either is a new ranking.
  const version = `${round?.version ?? ""}|${JSON.stringify(criteria)}|${JSON.stringify(tieBreak)}`;
  const ranking = round ? await rankingCache.get(`${event.id}:${round.id}:${method}`, version, () => computeRanking(round.id, event.id, method, tieBreak, criteria)) : emptyRanking();
  return {
    rounds,
    round,
    criteria,
    method,
    tieBreak: tieBreak.map(tieKeyCode),
    tieBreakKeys: tieBreak,
    version: round?.version ?? "",
    ...ranking,
    progress: { assignments: round?.assignments ?? 0, finalized: round?.finalized ?? 0, incomplete: ranking.incomplete },
  };
}

export type RoundResults = Awaited<ReturnType<typeof loadRoundResults>>;

function emptyRanking(): RoundRanking {
  return { rows: [], comparison: [], ties: [], judges: [], overall: { count: 0, mean: 0, sd: 0 }, judgeNames: {}, entries: {}, incomplete: 0, tracks: [], regions: [] };
}

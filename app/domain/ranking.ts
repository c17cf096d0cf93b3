/**
 * Final ranking of submissions from finalized judgments.
 *
 * Determinism: judgments are put in (judgeId, submissionId) order before any
 * arithmetic, so every sum is taken in the same order whatever order the
 * input arrived in, and all "equal / higher" decisions use `quantize`, so
 * float noise cannot decide or break a tie.
 */
import { type Criterion, compareIds, sortCriteria } from "./scoring";
import { aggregateBySubmission, RankingInputError, type SubmissionAggregate } from "./ranking-methods";
import { quantize } from "./stats";

export { RankingInputError, type RankingErrorCode } from "./ranking-methods";

export type RankingMethod = "raw" | "zscore" | "borda";
export const RANKING_METHODS: readonly RankingMethod[] = ["raw", "zscore", "borda"];

export interface RankingJudgment {
  judgeId: string;
  submissionId: string;
  /** Weighted total on 0–100 (see `weightedTotal`). */
  total: number;
  scores: Readonly<Record<string, number>>;
}

export interface RankingSubmission {
  id: string;
  trackId: string | null;
  regionId: string | null;
  finalSubmittedAt: Date | null;
}

export type TieBreakKey = "zscore" | "raw" | "borda" | { criterion: string } | "earliest_submission";
/** Serialized tie-break key, e.g. "criterion:<id>"; stable for storage and for tie notes. */
export type TieKeyCode = "zscore" | "raw" | "borda" | "earliest_submission" | `criterion:${string}`;

export interface TieNote {
  /** Every submission sharing this row's method score (itself included), in final order. */
  group: string[];
  /** Key that put this row's place below the place directly above it in the group; null for the group's first place and for the later rows of a joint place. */
  resolvedBy: TieKeyCode | null;
  /** Submissions still sharing this row's place after every tie-break key. */
  jointWith: string[];
}

export interface RankRow {
  submissionId: string;
  /** Standard competition ranking (1, 2, 2, 4); null = unranked because nobody judged it. */
  place: number | null;
  joint: boolean;
  /** The chosen method's display score: raw, zscoreNormalized or borda. Null when unranked. */
  score: number | null;
  /** Mean of the judges' totals, 0–100. */
  raw: number | null;
  /** Mean z-score of its judgments (0 = the typical judgment of its judges). */
  zscore: number | null;
  /** 50 + 10 · zscore (T-score convention): readable on a ~0–100 scale, same order as zscore. */
  zscoreNormalized: number | null;
  /** Mean Borda points × 100, 0–100. */
  borda: number | null;
  judgeCount: number;
  /** Mean score per criterion id; a criterion nobody scored for this submission is absent. */
  criterionMeans: Record<string, number>;
  tieNote?: TieNote;
}

export interface RankingFilter {
  trackId?: string | undefined;
  regionId?: string | undefined;
}

export interface RankInput {
  /** Finalized judgments only; judgments of submissions not listed are ignored. */
  judgments: readonly RankingJudgment[];
  submissions: readonly RankingSubmission[];
  criteria: readonly Criterion[];
  method: RankingMethod;
  /** Defaults to `defaultTieBreak(criteria)`. */
  tieBreak?: readonly TieBreakKey[] | undefined;
  /** Judge statistics (z, Borda) always use every judgment of the event; the filter only selects which rows are ranked. */
  filter?: RankingFilter | undefined;
}

export function tieKeyCode(key: TieBreakKey): TieKeyCode {
  return typeof key === "string" ? key : `criterion:${key.criterion}`;
}

export function parseTieKeyCode(code: string): TieBreakKey | null {
  if (code === "zscore" || code === "raw" || code === "borda" || code === "earliest_submission") return code;
  if (code.startsWith("criterion:") && code.length > "criterion:".length) {
    return { criterion: code.slice("criterion:".length) };
  }
  return null;
}

/** Published default: normalized z-score, then the first criterion's mean, then the earlier final submission. */
export function defaultTieBreak(criteria: readonly Criterion[]): TieBreakKey[] {
  const first = sortCriteria(criteria)[0];
  return first ? ["zscore", { criterion: first.id }, "earliest_submission"] : ["zscore", "earliest_submission"];
}

export type TieBreakErrorCode = "unknown_criterion" | "duplicate_key";

export function validateTieBreak(keys: readonly TieBreakKey[], criteria: readonly Criterion[]): { index: number; code: TieBreakErrorCode }[] {
  const ids = new Set(criteria.map((c) => c.id));
  const seen = new Set<string>();
  const errors: { index: number; code: TieBreakErrorCode }[] = [];
  keys.forEach((key, index) => {
    const code = tieKeyCode(key);
    if (typeof key !== "string" && !ids.has(key.criterion)) errors.push({ index, code: "unknown_criterion" });
    else if (seen.has(code)) errors.push({ index, code: "duplicate_key" });
    seen.add(code);
  });
  return errors;
}

interface Entry {
  submission: RankingSubmission;
  agg: SubmissionAggregate;
}

/** Comparable value for a key; higher is better. Already quantized, so `===` means tied. */
function keyValue(key: TieBreakKey | RankingMethod, e: Entry): number {
  const a = e.agg;
  if (key === "raw") return quantize(a.raw);
  if (key === "zscore") return quantize(a.zscore);
  if (key === "borda") return quantize(a.bordaPoints);
  if (key === "earliest_submission") {
    // Never finally submitted counts as latest.
    return e.submission.finalSubmittedAt ? -e.submission.finalSubmittedAt.getTime() : Number.NEGATIVE_INFINITY;
  }
  const m = a.criterionMeans[key.criterion];
  // A criterion nobody scored for this submission loses the comparison rather than breaking it.
  return m === undefined ? Number.NEGATIVE_INFINITY : quantize(m);
}

function methodScore(method: RankingMethod, a: SubmissionAggregate): number {
  return method === "raw" ? a.raw : method === "zscore" ? 50 + 10 * a.zscore : a.bordaPoints * 100;
}

/**
 * Rows in place order. Order: the method score, then each tie-break key in
 * turn; submissions equal on all of them share a place (standard competition
 * ranking: 1, 2, 2, 4) and are listed by id. Submissions with zero judgments
 * are unranked: they come last, by id, with place null and null scores.
 * Throws RankingInputError on duplicate ids, duplicate (judge, submission)
 * judgments, non-finite totals or a tie-break criterion that does not exist.
 */
export function rank(input: RankInput): RankRow[] {
  const { method, filter } = input;
  const tieBreak = input.tieBreak ?? defaultTieBreak(input.criteria);
  const criterionIds = new Set(input.criteria.map((c) => c.id));
  for (const key of tieBreak) {
    if (typeof key !== "string" && !criterionIds.has(key.criterion)) {
      throw new RankingInputError("unknown_criterion", key.criterion);
    }
  }

  const submissions = [...input.submissions].sort((a, b) => compareIds(a.id, b.id));
  for (let i = 1; i < submissions.length; i++) {
    if (submissions[i]?.id === submissions[i - 1]?.id) {
      throw new RankingInputError("duplicate_submission", submissions[i]?.id ?? "");
    }
  }
  const aggregates = aggregateBySubmission(input.judgments, new Set(submissions.map((s) => s.id)), input.criteria);

  const selected = submissions.filter((s) => (filter?.trackId === undefined || s.trackId === filter.trackId) && (filter?.regionId === undefined || s.regionId === filter.regionId));

  const ranked: Entry[] = [];
  const unranked: RankingSubmission[] = [];
  for (const s of selected) {
    const agg = aggregates.get(s.id);
    if (agg) ranked.push({ submission: s, agg });
    else unranked.push(s);
  }

  const keyVectors = new Map<Entry, number[]>(ranked.map((e) => [e, [keyValue(method, e), ...tieBreak.map((k) => keyValue(k, e))]]));
  const vec = (e: Entry): number[] => keyVectors.get(e) as number[];
  // Index of the first differing key (0 = method score), or -1 when tied on all keys.
  const firstDifference = (a: Entry, b: Entry): number => {
    const va = vec(a);
    const vb = vec(b);
    return va.findIndex((v, i) => v !== vb[i]);
  };

  ranked.sort((a, b) => {
    const i = firstDifference(a, b);
    if (i >= 0) return (vec(b)[i] as number) > (vec(a)[i] as number) ? 1 : -1;
    // Joint places are listed by id: order only, never place.
    return compareIds(a.submission.id, b.submission.id);
  });

  const rows: RankRow[] = [];
  let groupStart = 0;
  while (groupStart < ranked.length) {
    let groupEnd = groupStart + 1;
    while (groupEnd < ranked.length && firstDifference(ranked[groupStart] as Entry, ranked[groupEnd] as Entry) !== 0) {
      groupEnd++;
    }
    rows.push(...placeGroup(ranked.slice(groupStart, groupEnd), groupStart, method, tieBreak, firstDifference));
    groupStart = groupEnd;
  }

  for (const s of unranked) {
    rows.push({
      submissionId: s.id,
      place: null,
      joint: false,
      score: null,
      raw: null,
      zscore: null,
      zscoreNormalized: null,
      borda: null,
      judgeCount: 0,
      criterionMeans: {},
    });
  }
  return rows;
}

/** Places one run of equal method scores; `offset` is how many rows rank above it. */
function placeGroup(group: Entry[], offset: number, method: RankingMethod, tieBreak: readonly TieBreakKey[], firstDifference: (a: Entry, b: Entry) => number): RankRow[] {
  const blocks: Entry[][] = [];
  for (const e of group) {
    const last = blocks[blocks.length - 1];
    if (last && firstDifference(last[0] as Entry, e) === -1) last.push(e);
    else blocks.push([e]);
  }
  const groupIds = group.map((e) => e.submission.id);
  const rows: RankRow[] = [];
  let place = offset + 1;
  blocks.forEach((block, b) => {
    const previous = blocks[b - 1];
    const breaker = previous ? tieBreak[firstDifference(previous[0] as Entry, block[0] as Entry) - 1] : undefined;
    block.forEach((e, i) => {
      const a = e.agg;
      const row: RankRow = {
        submissionId: e.submission.id,
        place,
        joint: block.length > 1,
        score: methodScore(method, a),
        raw: a.raw,
        zscore: a.zscore,
        zscoreNormalized: 50 + 10 * a.zscore,
        borda: a.bordaPoints * 100,
        judgeCount: a.judgeCount,
        criterionMeans: a.criterionMeans,
      };
      if (group.length > 1) {
        row.tieNote = {
          group: groupIds,
          resolvedBy: i === 0 && breaker !== undefined ? tieKeyCode(breaker) : null,
          jointWith: block.filter((o) => o !== e).map((o) => o.submission.id),
        };
      }
      rows.push(row);
    });
    place += block.length;
  });
  return rows;
}

export type TieRecord = { kind: "resolved"; ahead: string[]; behind: string[]; resolvedBy: TieKeyCode } | { kind: "joint"; place: number; submissionIds: string[] };

/** Every resolved tie and every joint place of a ranking, top to bottom (for the published record and audit view). */
export function tieSummary(rows: readonly RankRow[]): TieRecord[] {
  const records: TieRecord[] = [];
  const ranked = rows.filter((r) => r.place !== null);
  const blockAt = (i: number): string[] => ranked.filter((r) => r.place === ranked[i]?.place).map((r) => r.submissionId);
  ranked.forEach((row, i) => {
    const isBlockStart = i === 0 || ranked[i - 1]?.place !== row.place;
    if (!isBlockStart) return;
    if (row.tieNote?.resolvedBy) {
      records.push({ kind: "resolved", ahead: blockAt(i - 1), behind: blockAt(i), resolvedBy: row.tieNote.resolvedBy });
    }
    if (row.joint && row.place !== null) records.push({ kind: "joint", place: row.place, submissionIds: blockAt(i) });
  });
  return records;
}

export interface MethodComparisonRow {
  submissionId: string;
  places: Record<RankingMethod, number | null>;
  joint: Record<RankingMethod, boolean>;
  scores: Record<RankingMethod, number | null>;
  /** place under the chosen method − place under this method: positive = this method ranks it higher. Null when either is unranked. */
  change: Record<RankingMethod, number | null>;
}

/**
 * Places under all three methods (same tie-break and filter), in the chosen method's order.
 * `chosen` is `rank(input)` when the caller already has it, so it is not computed twice.
 */
export function compareMethods(input: RankInput, chosen?: readonly RankRow[]): MethodComparisonRow[] {
  const byMethod = new Map(RANKING_METHODS.map((m) => [m, new Map((m === input.method && chosen ? chosen : rank({ ...input, method: m })).map((r) => [r.submissionId, r]))]));
  const chosenRows = byMethod.get(input.method) as Map<string, RankRow>;
  return [...chosenRows.values()].map((c) => {
    const rowFor = (m: RankingMethod): RankRow => byMethod.get(m)?.get(c.submissionId) as RankRow;
    const per = <T>(f: (r: RankRow) => T): Record<RankingMethod, T> => ({
      raw: f(rowFor("raw")),
      zscore: f(rowFor("zscore")),
      borda: f(rowFor("borda")),
    });
    return {
      submissionId: c.submissionId,
      places: per((r) => r.place),
      joint: per((r) => r.joint),
      scores: per((r) => r.score),
      change: per((r) => (r.place === null || c.place === null ? null : c.place - r.place)),
    };
  });
}

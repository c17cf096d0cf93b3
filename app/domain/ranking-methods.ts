/**
 * Per-judgment normalizations (z-score, Borda points) and their per-submission
 * means. Split from ranking.ts, which only orders and places the results.
 */
import { type Criterion, compareIds, sortCriteria } from "./scoring";
import { allEqual, mean, populationSd, quantize } from "./stats";

export interface NormalizableJudgment {
  judgeId: string;
  submissionId: string;
  total: number;
  scores: Readonly<Record<string, number>>;
}

export interface NormalizedJudgment<J extends NormalizableJudgment = NormalizableJudgment> {
  judgment: J;
  /** (total − judge mean) / judge population sd; 0 when the judge gave every submission the same total (incl. a single judgment). */
  z: number;
  /**
   * Borda points on 0–1 relative to the judge's own load n: (n − position)/(n − 1),
   * position 1 = the judge's best. Tied totals share the average of their positions' points.
   * A judge with a single judgment gives 0.5: it expresses no preference, so it
   * neither lifts nor sinks that submission.
   */
  bordaPoints: number;
}

export interface SubmissionAggregate {
  raw: number;
  zscore: number;
  /** Mean Borda points, 0–1. */
  bordaPoints: number;
  judgeCount: number;
  criterionMeans: Record<string, number>;
}

export type RankingErrorCode = "duplicate_submission" | "duplicate_judgment" | "non_finite_total" | "unknown_criterion";

/** Input the ranking refuses to guess about; `detail` names the offending id(s). */
export class RankingInputError extends Error {
  constructor(
    readonly code: RankingErrorCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = "RankingInputError";
  }
}

/** (judgeId, submissionId) order: the canonical order all sums are taken in. */
export function canonicalJudgmentOrder<J extends NormalizableJudgment>(judgments: readonly J[]): J[] {
  const sorted = [...judgments].sort((a, b) => compareIds(a.judgeId, b.judgeId) || compareIds(a.submissionId, b.submissionId));
  for (let i = 0; i < sorted.length; i++) {
    const j = sorted[i] as J;
    const prev = sorted[i - 1];
    if (prev && prev.judgeId === j.judgeId && prev.submissionId === j.submissionId) {
      throw new RankingInputError("duplicate_judgment", `${j.judgeId}/${j.submissionId}`);
    }
    if (!Number.isFinite(j.total)) throw new RankingInputError("non_finite_total", `${j.judgeId}/${j.submissionId}`);
  }
  return sorted;
}

function normalizeOneJudge<J extends NormalizableJudgment>(own: readonly J[]): NormalizedJudgment<J>[] {
  const totals = own.map((j) => j.total);
  const n = own.length;
  const flat = allEqual(totals);
  const m = mean(totals);
  const sd = flat ? 0 : populationSd(totals, m);

  // Average position per distinct total (descending); positions are 1-based.
  const keys = totals.map(quantize);
  const distinct = [...new Set(keys)].sort((a, b) => b - a);
  const averagePosition = new Map<number, number>();
  let position = 1;
  for (const k of distinct) {
    const count = keys.filter((x) => x === k).length;
    averagePosition.set(k, position + (count - 1) / 2);
    position += count;
  }

  return own.map((judgment, i) => ({
    judgment,
    z: flat ? 0 : (judgment.total - m) / sd,
    bordaPoints: n === 1 ? 0.5 : (n - (averagePosition.get(keys[i] as number) as number)) / (n - 1),
  }));
}

/**
 * z-scores and Borda points of every judgment, in canonical order.
 * Both are relative to the judge's whole load, so they do not depend on which
 * track or region is being ranked.
 */
export function normalizeJudgments<J extends NormalizableJudgment>(judgments: readonly J[]): NormalizedJudgment<J>[] {
  const sorted = canonicalJudgmentOrder(judgments);
  const out: NormalizedJudgment<J>[] = [];
  let start = 0;
  while (start < sorted.length) {
    let end = start + 1;
    while (end < sorted.length && sorted[end]?.judgeId === sorted[start]?.judgeId) end++;
    out.push(...normalizeOneJudge(sorted.slice(start, end)));
    start = end;
  }
  return out;
}

/**
 * Per-submission means over its judges. Judgments of submissions outside
 * `submissionIds` are dropped before anything is computed. Submissions nobody
 * judged are absent from the result.
 */
export function aggregateBySubmission(judgments: readonly NormalizableJudgment[], submissionIds: ReadonlySet<string>, criteria: readonly Criterion[]): Map<string, SubmissionAggregate> {
  const normalized = normalizeJudgments(judgments.filter((j) => submissionIds.has(j.submissionId)));
  const bySubmission = new Map<string, NormalizedJudgment[]>();
  for (const nj of normalized) {
    const list = bySubmission.get(nj.judgment.submissionId);
    if (list) list.push(nj);
    else bySubmission.set(nj.judgment.submissionId, [nj]);
  }

  const ordered = sortCriteria(criteria);
  const out = new Map<string, SubmissionAggregate>();
  for (const [submissionId, list] of bySubmission) {
    const criterionMeans: Record<string, number> = {};
    for (const c of ordered) {
      const values = list.map((nj) => nj.judgment.scores[c.id]).filter((v): v is number => typeof v === "number" && Number.isFinite(v));
      if (values.length > 0) criterionMeans[c.id] = mean(values);
    }
    out.set(submissionId, {
      raw: mean(list.map((nj) => nj.judgment.total)),
      zscore: mean(list.map((nj) => nj.z)),
      bordaPoints: mean(list.map((nj) => nj.bordaPoints)),
      judgeCount: list.length,
      criterionMeans,
    });
  }
  return out;
}

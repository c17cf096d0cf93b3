/**
 * How each judge scores relative to the whole panel, for the organizer's
 * calibration view (and to explain why z-score ranking differs from raw).
 */
import { compareIds } from "./scoring";
import { allEqual, mean, populationSd } from "./stats";

export interface JudgeStatsJudgment {
  judgeId: string;
  submissionId: string;
  /** Weighted total on 0–100. */
  total: number;
}

export type JudgeLabel = "harsh" | "lenient" | "typical";

export interface JudgeStat {
  judgeId: string;
  count: number;
  mean: number;
  /** Population sd of this judge's totals (0 for a single judgment). */
  sd: number;
  min: number;
  max: number;
  /** Judge mean − mean of all judgments: negative = harsher than the panel. */
  harshness: number;
  label: JudgeLabel;
}

export interface PanelStats {
  /** Over all judgments (each judgment weighs the same, not each judge). */
  overall: { count: number; mean: number; sd: number };
  /** Sorted by judgeId. */
  judges: JudgeStat[];
}

/**
 * A judge is labelled harsh/lenient when |harshness| > 0.5 · overall sd.
 * Half a standard deviation is a "medium" effect: small enough to flag a judge
 * who shifts every team by several points, large enough that ordinary spread
 * between judges of a panel stays "typical". Strictly greater, so a judge
 * exactly on the threshold is typical, and a panel with sd 0 labels nobody.
 */
export const HARSHNESS_THRESHOLD_SD = 0.5;

export function judgeStats(judgments: readonly JudgeStatsJudgment[], thresholdSd: number = HARSHNESS_THRESHOLD_SD): PanelStats {
  // Canonical order so float sums are identical for any input order.
  const sorted = [...judgments].sort((a, b) => compareIds(a.judgeId, b.judgeId) || compareIds(a.submissionId, b.submissionId));
  const totals = sorted.map((j) => j.total);
  if (totals.some((t) => !Number.isFinite(t))) throw new RangeError("non_finite_total");
  if (totals.length === 0) return { overall: { count: 0, mean: 0, sd: 0 }, judges: [] };

  const overallMean = mean(totals);
  const overallSd = populationSd(totals, overallMean);
  const threshold = thresholdSd * overallSd;
  // Identical totals can still leave ulp-sized harshness; with no spread nobody is out of line.
  const flat = allEqual(totals);

  const byJudge = new Map<string, number[]>();
  for (const j of sorted) {
    const list = byJudge.get(j.judgeId);
    if (list) list.push(j.total);
    else byJudge.set(j.judgeId, [j.total]);
  }

  const judges: JudgeStat[] = [];
  for (const [judgeId, own] of byJudge) {
    const m = mean(own);
    const harshness = m - overallMean;
    const label: JudgeLabel = !flat && Math.abs(harshness) > threshold ? (harshness < 0 ? "harsh" : "lenient") : "typical";
    judges.push({
      judgeId,
      count: own.length,
      mean: m,
      sd: populationSd(own, m),
      min: own.reduce((a, b) => Math.min(a, b)),
      max: own.reduce((a, b) => Math.max(a, b)),
      harshness,
      label,
    });
  }
  return { overall: { count: totals.length, mean: overallMean, sd: overallSd }, judges };
}

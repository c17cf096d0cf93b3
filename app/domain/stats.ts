/**
 * Small numeric helpers shared by ranking and judge statistics.
 *
 * Callers pass values in a canonical order (sorted by ids) so that float sums
 * are bit-identical however the input arrived; these helpers never reorder.
 */

/**
 * Comparison grid for scores. Values that are mathematically equal but were
 * reached by different float paths (e.g. 0.1 + 0.2 vs 0.3) differ by far less
 * than this, while genuinely different scores on a 0–100 scale differ by far more.
 */
export const SCORE_QUANTUM = 1e-9;

/** Integer key for "are these scores equal / which is higher" decisions. */
export function quantize(x: number): number {
  // Math.round(-0.4) is -0; normalize so keys compare and serialize uniformly.
  return Math.round(x / SCORE_QUANTUM) + 0;
}

export function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

/** NaN for an empty list; callers decide what "no data" means for them. */
export function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : sum(values) / values.length;
}

/** Population standard deviation (divide by n): judges are described, not sampled. */
export function populationSd(values: readonly number[], valuesMean: number = mean(values)): number {
  if (values.length === 0) return Number.NaN;
  let squares = 0;
  for (const v of values) squares += (v - valuesMean) * (v - valuesMean);
  return Math.sqrt(squares / values.length);
}

/**
 * True when every value sits on the same comparison grid point. Used instead of
 * `sd === 0`: identical totals can still give a sub-ulp, non-zero sd through
 * rounding in the mean, which would turn float noise into z-scores of ±1.
 */
export function allEqual(values: readonly number[]): boolean {
  if (values.length === 0) return true;
  const first = quantize(values[0] as number);
  return values.every((v) => quantize(v) === first);
}

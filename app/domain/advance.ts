// Choosing which submissions go on to the next judging round.

import { compareIds } from "./scoring";
import { mean, quantize } from "./stats";

export type AdvanceCandidate = {
  submissionId: string;
  /** Weighted totals (0–100) of this round's complete judgments. */
  totals: readonly number[];
};

export type AdvanceRow = {
  submissionId: string;
  /** Mean weighted total; null when no judge has scored it completely. */
  mean: number | null;
  judgeCount: number;
  /** Competition place (1, 2, 2, 4) among scored submissions; null when unscored. */
  place: number | null;
};

/** Highest mean first; equal means share a place; unscored last. Ties listed by id. */
export function rankByMean(candidates: readonly AdvanceCandidate[]): AdvanceRow[] {
  const rows = candidates.map((c) => ({
    submissionId: c.submissionId,
    mean: c.totals.length === 0 ? null : mean(c.totals),
    judgeCount: c.totals.length,
    place: null as number | null,
  }));
  rows.sort((a, b) => {
    if (a.mean === null || b.mean === null) {
      if (a.mean !== b.mean) return a.mean === null ? 1 : -1;
      return compareIds(a.submissionId, b.submissionId);
    }
    return quantize(b.mean) - quantize(a.mean) || compareIds(a.submissionId, b.submissionId);
  });
  let previous: number | null = null;
  let place = 0;
  rows.forEach((row, i) => {
    if (row.mean === null) return;
    const q = quantize(row.mean);
    if (q !== previous) place = i + 1;
    previous = q;
    row.place = place;
  });
  return rows;
}

/**
 * The top `n` scored submissions. A tie across the cut takes everyone on that
 * place: dropping one of two equal submissions would be decided by id order,
 * which no organizer could explain. Unscored submissions never advance by rank.
 */
export function topN(rows: readonly AdvanceRow[], n: number): { submissionIds: string[]; tieAtCut: boolean } {
  if (!Number.isInteger(n) || n <= 0) return { submissionIds: [], tieAtCut: false };
  const scored = rows.filter((r) => r.place !== null);
  if (scored.length <= n) return { submissionIds: scored.map((r) => r.submissionId), tieAtCut: false };
  const cutPlace = scored[n - 1]?.place ?? null;
  const chosen = scored.filter((r, i) => i < n || r.place === cutPlace);
  return { submissionIds: chosen.map((r) => r.submissionId), tieAtCut: chosen.length > n };
}

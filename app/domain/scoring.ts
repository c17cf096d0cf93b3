/**
 * Judging criteria and per-judgment scoring.
 *
 * Scores are whole numbers only. Half-steps were considered and rejected:
 * judges on paper rubrics and phones enter integers, integer scales keep the
 * arithmetic exact for audits, and a finer scale (e.g. 1–20 instead of 1–10)
 * gives the same resolution without a second rule about allowed steps.
 */

export interface Criterion {
  id: string;
  name: string;
  /** Share of the round's total; the weights of a round add up to 100. */
  weight: number;
  scaleMin: number;
  scaleMax: number;
  /** Display and tie-break order; lower comes first. */
  order: number;
}

export type ScoreErrorCode = "not_integer" | "out_of_scale";

export type ScoreValidation = { ok: true } | { ok: false; code: ScoreErrorCode };

export type CriteriaErrorCode = "no_criteria" | "weights_total" | "weight_not_positive" | "scale_not_integer" | "scale_order" | "name_empty" | "name_duplicate" | "id_duplicate";

export type CriterionField = "id" | "name" | "weight" | "scaleMin" | "scaleMax";

export interface CriteriaFieldError {
  code: CriteriaErrorCode;
  /** Position in the array as given (matches form field indices); null for list-level errors. */
  index: number | null;
  criterionId: string | null;
  field: CriterionField | null;
}

export const WEIGHTS_TOTAL = 100;

/**
 * Weights may be decimals (e.g. 33.3 + 33.3 + 33.4); their float sum can miss
 * 100 by a few ulps, which must not reject an exactly-100 configuration.
 */
const WEIGHT_TOLERANCE = 1e-9;

/** Criteria in their published order; `id` breaks equal `order` values so the result never depends on input order. */
export function sortCriteria<C extends Criterion>(criteria: readonly C[]): C[] {
  return [...criteria].sort((a, b) => a.order - b.order || compareIds(a.id, b.id));
}

/** Code-unit comparison: locale-independent so every server sorts identically. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function validateScore(criterion: Criterion, value: number): ScoreValidation {
  // Non-finite values are reported as not_integer: they are never a valid entry, and the
  // scale check below would give a misleading answer for NaN.
  if (!Number.isInteger(value)) return { ok: false, code: "not_integer" };
  if (value < criterion.scaleMin || value > criterion.scaleMax) return { ok: false, code: "out_of_scale" };
  return { ok: true };
}

export function validateCriteria(criteria: readonly Criterion[]): CriteriaFieldError[] {
  const errors: CriteriaFieldError[] = [];
  if (criteria.length === 0) {
    return [{ code: "no_criteria", index: null, criterionId: null, field: null }];
  }

  const seenIds = new Set<string>();
  const seenNames = new Set<string>();
  let total = 0;

  criteria.forEach((c, index) => {
    const at = (code: CriteriaErrorCode, field: CriterionField): void => {
      errors.push({ code, index, criterionId: c.id, field });
    };

    if (seenIds.has(c.id)) at("id_duplicate", "id");
    seenIds.add(c.id);

    // Case and surrounding spaces are ignored: "Design" and "design " would read as the same column.
    const nameKey = c.name.trim().toLowerCase();
    if (nameKey === "") at("name_empty", "name");
    else if (seenNames.has(nameKey)) at("name_duplicate", "name");
    seenNames.add(nameKey);

    if (!(Number.isFinite(c.weight) && c.weight > 0)) at("weight_not_positive", "weight");
    else total += c.weight;

    // Integer bounds follow from integer-only scores; a fractional bound would be unreachable.
    if (!Number.isInteger(c.scaleMin)) at("scale_not_integer", "scaleMin");
    if (!Number.isInteger(c.scaleMax)) at("scale_not_integer", "scaleMax");
    if (!(c.scaleMin < c.scaleMax)) at("scale_order", "scaleMax");
  });

  // Only meaningful once every weight is usable; otherwise the per-field error says it all.
  const weightsUsable = !errors.some((e) => e.code === "weight_not_positive");
  if (weightsUsable && Math.abs(total - WEIGHTS_TOTAL) > WEIGHT_TOLERANCE) {
    errors.push({ code: "weights_total", index: null, criterionId: null, field: "weight" });
  }
  return errors;
}

/**
 * Weighted total on 0–100: Σ w·(v − min)/(max − min) / Σ w · 100.
 *
 * Dividing by Σ w (rather than assuming 100) keeps a draft rubric whose
 * weights do not yet add up on the same 0–100 scale.
 *
 * Returns null when any criterion is unscored or holds a score that
 * `validateScore` rejects (use it to learn why), or when the criteria cannot
 * produce a total (no criteria, non-positive weight, empty scale): an
 * incomplete or invalid judgment must never yield a number that looks final.
 * Scores for unknown criterion ids are ignored.
 */
export function weightedTotal(criteria: readonly Criterion[], scores: Readonly<Record<string, number>>): number | null {
  if (criteria.length === 0) return null;
  let weighted = 0;
  let weights = 0;
  // Fixed summation order makes the total bit-identical whatever order the criteria arrive in.
  for (const c of sortCriteria(criteria)) {
    if (!(c.weight > 0 && Number.isFinite(c.weight) && c.scaleMax > c.scaleMin)) return null;
    if (!Object.prototype.hasOwnProperty.call(scores, c.id)) return null;
    const value = scores[c.id];
    if (value === undefined || !validateScore(c, value).ok) return null;
    weighted += (c.weight * (value - c.scaleMin)) / (c.scaleMax - c.scaleMin);
    weights += c.weight;
  }
  return (weighted / weights) * 100;
}

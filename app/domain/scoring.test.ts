import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Criterion, sortCriteria, validateCriteria, validateScore, weightedTotal } from "./scoring";

const c = (over: Partial<Criterion> & { id: string }): Criterion => ({
  name: over.id,
  weight: 50,
  scaleMin: 1,
  scaleMax: 10,
  order: 0,
  ...over,
});

describe("validateScore", () => {
  const crit = c({ id: "x", scaleMin: 1, scaleMax: 5 });

  it("accepts integers on the scale, bounds included", () => {
    for (const v of [1, 2, 5]) expect(validateScore(crit, v)).toEqual({ ok: true });
  });

  it("rejects values off the scale", () => {
    expect(validateScore(crit, 0)).toEqual({ ok: false, code: "out_of_scale" });
    expect(validateScore(crit, 6)).toEqual({ ok: false, code: "out_of_scale" });
  });

  it("rejects fractions, including half steps, and non-finite values", () => {
    for (const v of [2.5, 1.0001, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(validateScore(crit, v)).toEqual({ ok: false, code: "not_integer" });
    }
  });
});

describe("validateCriteria", () => {
  it("accepts a well-formed rubric", () => {
    expect(validateCriteria([c({ id: "a", weight: 60 }), c({ id: "b", weight: 40 })])).toEqual([]);
  });

  it("accepts decimal weights whose float sum misses 100 by rounding only", () => {
    const weights = [33.3, 33.3, 33.4];
    expect(validateCriteria(weights.map((weight, i) => c({ id: `k${i}`, weight })))).toEqual([]);
  });

  it("requires at least one criterion", () => {
    expect(validateCriteria([])).toEqual([{ code: "no_criteria", index: null, criterionId: null, field: null }]);
  });

  it("requires weights to total exactly 100", () => {
    expect(validateCriteria([c({ id: "a", weight: 60 }), c({ id: "b", weight: 30 })])).toEqual([{ code: "weights_total", index: null, criterionId: null, field: "weight" }]);
  });

  it("reports field errors by index", () => {
    const errors = validateCriteria([
      c({ id: "a", name: "Desain", weight: 0 }),
      c({ id: "b", name: " desain ", weight: 100, scaleMin: 5, scaleMax: 5 }),
      c({ id: "b", name: "  ", weight: -1, scaleMin: 0.5 }),
    ]);
    expect(errors).toEqual([
      { code: "weight_not_positive", index: 0, criterionId: "a", field: "weight" },
      { code: "name_duplicate", index: 1, criterionId: "b", field: "name" },
      { code: "scale_order", index: 1, criterionId: "b", field: "scaleMax" },
      { code: "id_duplicate", index: 2, criterionId: "b", field: "id" },
      { code: "name_empty", index: 2, criterionId: "b", field: "name" },
      { code: "weight_not_positive", index: 2, criterionId: "b", field: "weight" },
      { code: "scale_not_integer", index: 2, criterionId: "b", field: "scaleMin" },
    ]);
  });

  it("rejects NaN weights as not positive", () => {
    expect(validateCriteria([c({ id: "a", weight: Number.NaN })]).map((e) => e.code)).toEqual(["weight_not_positive"]);
  });
});

describe("weightedTotal", () => {
  const rubric = [c({ id: "inovasi", weight: 60, scaleMin: 0, scaleMax: 4, order: 1 }), c({ id: "dampak", weight: 40, scaleMin: 1, scaleMax: 3, order: 2 })];

  it("matches the hand computation", () => {
    // 60·(3−0)/(4−0) + 40·(2−1)/(3−1) = 45 + 20 = 65; / 100 · 100 = 65
    expect(weightedTotal(rubric, { inovasi: 3, dampak: 2 })).toBeCloseTo(65, 12);
    // 60·1/4 + 40·2/2 = 15 + 40 = 55
    expect(weightedTotal(rubric, { inovasi: 1, dampak: 3 })).toBeCloseTo(55, 12);
  });

  it("normalizes by the weight sum when weights do not yet total 100", () => {
    // (10·1 + 30·0) / 40 · 100 = 25
    const draft = [c({ id: "a", weight: 10, scaleMin: 0, scaleMax: 1 }), c({ id: "b", weight: 30, scaleMin: 0, scaleMax: 1 })];
    expect(weightedTotal(draft, { a: 1, b: 0 })).toBeCloseTo(25, 12);
  });

  it("is null when any criterion is unscored or invalid", () => {
    expect(weightedTotal(rubric, { inovasi: 3 })).toBeNull();
    expect(weightedTotal(rubric, { inovasi: 3, dampak: 4 })).toBeNull();
    expect(weightedTotal(rubric, { inovasi: 2.5, dampak: 2 })).toBeNull();
    expect(weightedTotal([], {})).toBeNull();
  });

  it("ignores scores of unknown criteria", () => {
    expect(weightedTotal(rubric, { inovasi: 4, dampak: 3, other: 99 })).toBeCloseTo(100, 12);
  });

  const arbRubric = fc
    .array(fc.record({ weight: fc.integer({ min: 1, max: 50 }), scaleMin: fc.integer({ min: -3, max: 3 }), span: fc.integer({ min: 1, max: 9 }) }), { minLength: 1, maxLength: 5 })
    .map((rows) => rows.map((r, i) => c({ id: `k${i}`, order: i, weight: r.weight, scaleMin: r.scaleMin, scaleMax: r.scaleMin + r.span })));
  const arbScored = arbRubric.chain((crit) => fc.tuple(fc.constant(crit), fc.tuple(...crit.map((k) => fc.integer({ min: k.scaleMin, max: k.scaleMax })))));
  const toScores = (crit: Criterion[], values: number[]): Record<string, number> => Object.fromEntries(crit.map((k, i) => [k.id, values[i] as number]));

  it("property: stays within 0–100, hits both ends, and ignores criteria order", () => {
    fc.assert(
      fc.property(arbScored, ([crit, values]) => {
        const total = weightedTotal(crit, toScores(crit, values));
        expect(total).not.toBeNull();
        expect(total as number).toBeGreaterThanOrEqual(0);
        expect(total as number).toBeLessThanOrEqual(100 + 1e-9);
        expect(weightedTotal([...crit].reverse(), toScores(crit, values))).toBe(total);
        expect(
          weightedTotal(
            crit,
            toScores(
              crit,
              crit.map((k) => k.scaleMin),
            ),
          ),
        ).toBe(0);
        expect(
          weightedTotal(
            crit,
            toScores(
              crit,
              crit.map((k) => k.scaleMax),
            ),
          ),
        ).toBeCloseTo(100, 9);
      }),
    );
  });

  it("property: raising one score never lowers the total", () => {
    fc.assert(
      fc.property(arbScored, fc.nat(), ([crit, values], pick) => {
        const i = pick % crit.length;
        const k = crit[i] as Criterion;
        if ((values[i] as number) >= k.scaleMax) return;
        const raised = values.map((v, j) => (j === i ? v + 1 : v));
        const before = weightedTotal(crit, toScores(crit, values)) as number;
        const after = weightedTotal(crit, toScores(crit, raised)) as number;
        expect(after).toBeGreaterThan(before);
      }),
    );
  });
});

describe("sortCriteria", () => {
  it("orders by order then id", () => {
    const sorted = sortCriteria([c({ id: "b", order: 1 }), c({ id: "a", order: 1 }), c({ id: "z", order: 0 })]);
    expect(sorted.map((k) => k.id)).toEqual(["z", "a", "b"]);
  });
});

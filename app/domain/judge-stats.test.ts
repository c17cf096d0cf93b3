import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HARSHNESS_THRESHOLD_SD, type JudgeStatsJudgment, judgeStats } from "./judge-stats";

const jd = (judgeId: string, submissionId: string, total: number): JudgeStatsJudgment => ({ judgeId, submissionId, total });

/*
 *   J1: 50 60 70      mean 60, sd √((100+0+100)/3) = √(200/3)
 *   J2: 80 90         mean 85, sd √((25+25)/2) = 5
 *   J3: 70 70 75 65   mean 70, sd √((0+0+25+25)/4) = √12.5
 * all 9: sum 180+170+280 = 630 → mean 70
 *   squared deviations 400+100+0 + 100+400 + 0+0+25+25 = 1050 → sd √(1050/9) ≈ 10.80
 * threshold 0.5·10.80 ≈ 5.40: J1 −10 harsh · J2 +15 lenient · J3 0 typical
 */
const FIXTURE = [jd("J1", "a", 50), jd("J1", "b", 60), jd("J1", "c", 70), jd("J2", "a", 80), jd("J2", "d", 90), jd("J3", "a", 70), jd("J3", "b", 70), jd("J3", "c", 75), jd("J3", "d", 65)];

describe("judgeStats", () => {
  it("matches the hand computation", () => {
    const { overall, judges } = judgeStats(FIXTURE);
    expect(overall.count).toBe(9);
    expect(overall.mean).toBeCloseTo(70, 12);
    expect(overall.sd).toBeCloseTo(Math.sqrt(1050 / 9), 12);
    expect(judges.map((s) => [s.judgeId, s.count, s.min, s.max, s.label])).toEqual([
      ["J1", 3, 50, 70, "harsh"],
      ["J2", 2, 80, 90, "lenient"],
      ["J3", 4, 65, 75, "typical"],
    ]);
    const [j1, j2, j3] = judges;
    expect(j1?.mean).toBeCloseTo(60, 12);
    expect(j1?.sd).toBeCloseTo(Math.sqrt(200 / 3), 12);
    expect(j1?.harshness).toBeCloseTo(-10, 12);
    expect(j2?.sd).toBeCloseTo(5, 12);
    expect(j2?.harshness).toBeCloseTo(15, 12);
    expect(j3?.sd).toBeCloseTo(Math.sqrt(12.5), 12);
    expect(j3?.harshness).toBeCloseTo(0, 12);
  });

  it("uses a strict threshold of 0.5 overall sd by default, configurable", () => {
    expect(HARSHNESS_THRESHOLD_SD).toBe(0.5);
    // With 1.0·sd ≈ 10.80: J1 (−10) becomes typical, J2 (+15) stays lenient.
    expect(judgeStats(FIXTURE, 1).judges.map((s) => s.label)).toEqual(["typical", "lenient", "typical"]);
  });

  it("labels nobody when every total is equal, and handles an empty panel", () => {
    const flat = judgeStats([jd("a", "x", 70), jd("b", "x", 70), jd("b", "y", 70)]);
    expect(flat.judges.map((s) => [s.label, s.sd])).toEqual([
      ["typical", 0],
      ["typical", 0],
    ]);
    expect(judgeStats([])).toEqual({ overall: { count: 0, mean: 0, sd: 0 }, judges: [] });
  });

  it("rejects non-finite totals", () => {
    expect(() => judgeStats([jd("a", "x", Number.NaN)])).toThrow("non_finite_total");
  });

  const arbJudgments = fc.uniqueArray(
    fc.record({ judgeId: fc.constantFrom("j1", "j2", "j3", "j4"), submissionId: fc.constantFrom("a", "b", "c", "d", "e"), total: fc.integer({ min: 0, max: 100 }) }),
    { minLength: 1, maxLength: 20, selector: (j) => `${j.judgeId}/${j.submissionId}` },
  );

  it("property: count-weighted harshness sums to zero and means stay within min..max", () => {
    fc.assert(
      fc.property(arbJudgments, (js) => {
        const { overall, judges } = judgeStats(js);
        expect(judges.reduce((s, j) => s + j.count, 0)).toBe(overall.count);
        expect(judges.reduce((s, j) => s + j.count * j.harshness, 0)).toBeCloseTo(0, 8);
        for (const j of judges) {
          expect(j.mean).toBeGreaterThanOrEqual(j.min - 1e-9);
          expect(j.mean).toBeLessThanOrEqual(j.max + 1e-9);
          expect(j.label === "typical").toBe(Math.abs(j.harshness) <= HARSHNESS_THRESHOLD_SD * overall.sd || overall.sd === 0);
        }
      }),
    );
  });

  it("property: invariant to input order", () => {
    fc.assert(
      fc.property(
        arbJudgments.chain((js) => fc.tuple(fc.constant(js), fc.shuffledSubarray(js, { minLength: js.length, maxLength: js.length }))),
        ([js, shuffled]) => {
          expect(judgeStats(shuffled)).toEqual(judgeStats(js));
        },
      ),
    );
  });
});

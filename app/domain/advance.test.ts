import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rankByMean, topN } from "./advance";

describe("rankByMean", () => {
  it("orders by mean, shares places on equal means and puts unscored last", () => {
    const rows = rankByMean([
      { submissionId: "s1", totals: [60, 70] },
      { submissionId: "s2", totals: [] },
      { submissionId: "s3", totals: [90] },
      { submissionId: "s4", totals: [65, 65] },
    ]);
    expect(rows.map((r) => [r.submissionId, r.place])).toEqual([
      ["s3", 1],
      ["s1", 2],
      ["s4", 2],
      ["s2", null],
    ]);
  });

  it("treats float noise as a tie", () => {
    const rows = rankByMean([
      { submissionId: "a", totals: [0.1 + 0.2] },
      { submissionId: "b", totals: [0.3] },
    ]);
    expect(rows.map((r) => r.place)).toEqual([1, 1]);
  });
});

describe("topN", () => {
  const rows = rankByMean([
    { submissionId: "a", totals: [90] },
    { submissionId: "b", totals: [80] },
    { submissionId: "c", totals: [80] },
    { submissionId: "d", totals: [70] },
    { submissionId: "e", totals: [] },
  ]);

  it("takes the best n", () => {
    expect(topN(rows, 1)).toEqual({ submissionIds: ["a"], tieAtCut: false });
    expect(topN(rows, 3)).toEqual({ submissionIds: ["a", "b", "c"], tieAtCut: false });
  });

  it("takes everyone tied at the cut and says so", () => {
    expect(topN(rows, 2)).toEqual({ submissionIds: ["a", "b", "c"], tieAtCut: true });
  });

  it("never advances unscored submissions and refuses n < 1", () => {
    expect(topN(rows, 10).submissionIds).toEqual(["a", "b", "c", "d"]);
    expect(topN(rows, 0).submissionIds).toEqual([]);
  });

  it("always includes at least min(n, scored) and every chosen row outranks every other (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 20 }), fc.integer({ min: 1, max: 25 }), (values, n) => {
        const ranked = rankByMean(values.map((v, i) => ({ submissionId: `s${String(i).padStart(2, "0")}`, totals: [v] })));
        const { submissionIds } = topN(ranked, n);
        expect(submissionIds.length).toBeGreaterThanOrEqual(Math.min(n, values.length));
        const chosen = new Set(submissionIds);
        const minChosen = Math.min(...ranked.filter((r) => chosen.has(r.submissionId)).map((r) => r.mean ?? 0));
        for (const r of ranked) if (!chosen.has(r.submissionId)) expect(r.mean ?? 0).toBeLessThan(minChosen);
      }),
    );
  });
});

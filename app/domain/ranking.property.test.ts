import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareMethods, rank, RANKING_METHODS, type RankingJudgment, type RankingMethod, type RankingSubmission, type RankRow } from "./ranking";
import { type Criterion, weightedTotal } from "./scoring";
import { quantize } from "./stats";

// Coarse scales so random worlds are full of ties: totals are 15·c1 + 20·(c2 − 1).
const CRITERIA: Criterion[] = [
  { id: "c1", name: "Inovasi", weight: 60, scaleMin: 0, scaleMax: 4, order: 1 },
  { id: "c2", name: "Dampak", weight: 40, scaleMin: 1, scaleMax: 3, order: 2 },
];
const MAX_SUBS = 7;
const MAX_JUDGES = 4;

interface World {
  submissions: RankingSubmission[];
  judgments: RankingJudgment[];
}

const arbWorld: fc.Arbitrary<World> = fc
  .record({
    subs: fc.array(
      fc.record({
        trackId: fc.constantFrom("t1", "t2", null),
        regionId: fc.constantFrom("r1", null),
        minute: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
      }),
      { minLength: 1, maxLength: MAX_SUBS },
    ),
    judgeCount: fc.integer({ min: 1, max: MAX_JUDGES }),
    cells: fc.array(fc.option(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 3 })), { nil: null, freq: 3 }), {
      minLength: MAX_SUBS * MAX_JUDGES,
      maxLength: MAX_SUBS * MAX_JUDGES,
    }),
  })
  .map(({ subs, judgeCount, cells }) => {
    const submissions = subs.map((s, i) => ({
      id: `s${i}`,
      trackId: s.trackId,
      regionId: s.regionId,
      finalSubmittedAt: s.minute === null ? null : new Date(Date.UTC(2025, 0, 1, 12, s.minute)),
    }));
    const judgments: RankingJudgment[] = [];
    for (let jd = 0; jd < judgeCount; jd++) {
      submissions.forEach((s, i) => {
        const cell = cells[jd * MAX_SUBS + i];
        if (!cell) return;
        const scores = { c1: cell[0], c2: cell[1] };
        judgments.push({ judgeId: `j${jd}`, submissionId: s.id, scores, total: weightedTotal(CRITERIA, scores) as number });
      });
    }
    return { submissions, judgments };
  });

const arbMethod = fc.constantFrom<RankingMethod>(...RANKING_METHODS);

const permutationOf = <T>(items: T[]): fc.Arbitrary<T[]> => fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length });

const arbPermutedWorld = arbWorld.chain((w) => fc.tuple(fc.constant(w), permutationOf(w.judgments), permutationOf(w.submissions)));

const rankWorld = (w: World, method: RankingMethod, extra: Partial<Parameters<typeof rank>[0]> = {}) => rank({ criteria: CRITERIA, method, ...w, ...extra });

const placesById = (rows: RankRow[]) => Object.fromEntries(rows.map((r) => [r.submissionId, [r.place, r.joint]]));

/** Places 1..n with standard competition gaps; unranked rows last. */
function expectCompetitionRanking(rows: RankRow[]): void {
  const ranked = rows.filter((r) => r.place !== null);
  expect(rows.slice(ranked.length).every((r) => r.place === null && r.judgeCount === 0)).toBe(true);
  ranked.forEach((r, i) => {
    const prev = ranked[i - 1];
    const next = ranked[i + 1];
    const sharesWithPrev = prev !== undefined && prev.place === r.place;
    expect(r.place).toBe(sharesWithPrev ? prev.place : i + 1);
    expect(r.joint).toBe(sharesWithPrev || (next !== undefined && next.place === r.place));
    if (prev) expect(quantize(r.score as number)).toBeLessThanOrEqual(quantize(prev.score as number));
    if (r.tieNote) {
      expect(r.tieNote.group).toContain(r.submissionId);
      expect(r.tieNote.jointWith.length).toBe(ranked.filter((o) => o.place === r.place).length - 1);
      // Only the first row of a place below another place of its group can carry a resolution.
      if (r.tieNote.resolvedBy !== null) expect(sharesWithPrev).toBe(false);
    } else {
      expect(r.joint).toBe(false);
    }
  });
}

describe("rank properties", () => {
  it("is invariant to the order of judgments and submissions (places, scores and tie notes)", () => {
    fc.assert(
      fc.property(arbPermutedWorld, arbMethod, ([world, judgments, submissions], method) => {
        expect(rankWorld({ judgments, submissions }, method)).toEqual(rankWorld(world, method));
      }),
      { numRuns: 300 },
    );
  });

  it("resolves ties deterministically: permuted input gives the same places and tie notes", () => {
    fc.assert(
      fc.property(arbPermutedWorld, arbMethod, ([world, judgments, submissions], method) => {
        const tieView = (rows: RankRow[]) => rows.map((r) => [r.submissionId, r.place, r.joint, r.tieNote ?? null]);
        const a = rankWorld(world, method);
        expect(tieView(rankWorld({ judgments, submissions }, method))).toEqual(tieView(a));
        expect(tieView(rankWorld(world, method))).toEqual(tieView(a));
      }),
      { numRuns: 300 },
    );
  });

  it("assigns places 1..n with standard competition gaps", () => {
    fc.assert(
      fc.property(arbWorld, arbMethod, (world, method) => {
        expectCompetitionRanking(rankWorld(world, method));
        expectCompetitionRanking(rankWorld(world, method, { tieBreak: [] }));
      }),
      { numRuns: 300 },
    );
  });

  it("z-score ranking is invariant to one judge's positive affine rescaling a·x + b", () => {
    fc.assert(
      fc.property(arbWorld, fc.nat(), fc.double({ min: 0.05, max: 20, noNaN: true }), fc.double({ min: -100, max: 100, noNaN: true }), (world, judgePick, a, b) => {
        const judgeIds = [...new Set(world.judgments.map((j) => j.judgeId))];
        if (judgeIds.length === 0) return;
        const target = judgeIds[judgePick % judgeIds.length];
        const rescaled = world.judgments.map((j) => (j.judgeId === target ? { ...j, total: a * j.total + b } : j));
        const before = rankWorld(world, "zscore");
        const after = rankWorld({ ...world, judgments: rescaled }, "zscore");
        expect(placesById(after)).toEqual(placesById(before));
        expect(after.map((r) => r.submissionId)).toEqual(before.map((r) => r.submissionId));
        after.forEach((r, i) => expect(r.zscore ?? 0).toBeCloseTo(before[i]?.zscore ?? 0, 6));
      }),
      { numRuns: 500 },
    );
  });

  it("filtering by track ranks exactly that track's submissions, in the overall relative order", () => {
    fc.assert(
      fc.property(arbWorld, arbMethod, fc.constantFrom("t1", "t2"), (world, method, trackId) => {
        const all = rankWorld(world, method);
        const filtered = rankWorld(world, method, { filter: { trackId } });
        const inTrack = new Set(world.submissions.filter((s) => s.trackId === trackId).map((s) => s.id));
        expect(new Set(filtered.map((r) => r.submissionId))).toEqual(inTrack);
        // Judge normalization uses the whole event, so the track's order is the overall order restricted.
        expect(filtered.filter((r) => r.place !== null).map((r) => r.submissionId)).toEqual(all.filter((r) => r.place !== null && inTrack.has(r.submissionId)).map((r) => r.submissionId));
        expectCompetitionRanking(filtered);
      }),
      { numRuns: 300 },
    );
  });

  it("compareMethods agrees with rank under each method", () => {
    fc.assert(
      fc.property(arbWorld, arbMethod, (world, method) => {
        const cmp = compareMethods({ criteria: CRITERIA, method, ...world });
        expect(cmp.map((r) => r.submissionId)).toEqual(rankWorld(world, method).map((r) => r.submissionId));
        for (const m of RANKING_METHODS) {
          const places = placesById(rankWorld(world, m));
          for (const row of cmp) {
            expect(row.places[m]).toBe(places[row.submissionId]?.[0]);
            const chosen = row.places[method];
            const other = row.places[m];
            expect(row.change[m]).toBe(chosen === null || other === null ? null : chosen - other);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});

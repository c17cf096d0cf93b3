import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignJudges, assignmentWarnings, explainNonAssignment, type AssignmentResult, type JudgePair } from "./assignment";
import type { ConflictLookup, ConflictReason } from "./conflicts";

const pk = (j: string, s: string): string => `${j}|${s}`;

function lookupOf(map: Record<string, ConflictReason[]>): ConflictLookup {
  return (j, s) => map[pk(j, s)] ?? [];
}

const event = fc
  .record({
    S: fc.integer({ min: 1, max: 10 }),
    J: fc.integer({ min: 1, max: 7 }),
    k: fc.integer({ min: 1, max: 3 }),
    density: fc.constantFrom(0, 20, 50, 80),
  })
  .chain(({ S, J, k, density }) =>
    fc.record({
      S: fc.constant(S),
      J: fc.constant(J),
      k: fc.constant(k),
      cells: fc.array(fc.integer({ min: 0, max: 99 }), { minLength: S * J, maxLength: S * J }).map((cells) => {
        const map: Record<string, ConflictReason[]> = {};
        cells.forEach((c, i) => {
          if (c < density) map[pk(`j${i % J}`, `s${Math.floor(i / J)}`)] = c % 2 ? ["region"] : ["member", "kim"];
        });
        return map;
      }),
      excluded: fc.subarray(
        Array.from({ length: J }, (_, i) => `j${i}`),
        { maxLength: Math.min(1, J) },
      ),
    }),
  );

function solve(e: { S: number; J: number; k: number; cells: Record<string, ConflictReason[]>; excluded: string[] }) {
  const conflicts = lookupOf(e.cells);
  const submissions = Array.from({ length: e.S }, (_, i) => ({ id: `s${i}`, teamId: `t${i}` }));
  const judges = Array.from({ length: e.J }, (_, i) => ({ id: `j${i}` }));
  const result = assignJudges({ submissions, judges, k: e.k, conflicts, excludedJudgeIds: e.excluded });
  return { conflicts, submissions, judges, result };
}

describe("explainNonAssignment", () => {
  it("explains every judge × submission cell of a solver result", () => {
    fc.assert(
      fc.property(event, (e) => {
        const { conflicts, submissions, judges, result } = solve(e);
        const assigned = new Set(result.assignments.map((p) => pk(p.judgeId, p.submissionId)));
        for (const { id: j } of judges) {
          for (const { id: s } of submissions) {
            const codes = explainNonAssignment(j, s, result, conflicts);
            if (assigned.has(pk(j, s))) {
              expect(codes).toEqual(["assigned"]);
              continue;
            }
            const expected = [...(e.cells[pk(j, s)] ?? []).map((r) => `conflict:${r}`), ...(e.excluded.includes(j) ? ["excluded_judge"] : [])];
            // A short submission takes every eligible judge, so an eligible
            // judge left out is always explained by balance.
            expect(codes).toEqual(expected.length > 0 ? expected : ["load_balance"]);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("reports unknown ids and open slots left by manual edits", () => {
    const result: AssignmentResult = {
      k: 2,
      assignments: [{ judgeId: "j0", submissionId: "s0" }],
      loads: { j0: 1, j1: 0 },
      coverage: { s0: 1 },
      shortfalls: [],
      balanced: true,
      minLoad: 0,
      maxLoad: 1,
      droppedFixed: [],
      excludedJudgeIds: [],
    };
    const none = lookupOf({});
    expect(explainNonAssignment("j1", "s0", result, none)).toEqual(["open_slot"]);
    expect(explainNonAssignment("jX", "s0", result, none)).toEqual(["unknown_judge"]);
    expect(explainNonAssignment("j1", "sX", result, none)).toEqual(["unknown_submission"]);
    // Prototype keys must not pass for known ids.
    expect(explainNonAssignment("constructor", "toString", result, none)).toEqual(["unknown_judge", "unknown_submission"]);
    expect(explainNonAssignment("j0", "s0", result, none)).toEqual(["assigned"]);
  });
});

describe("assignmentWarnings", () => {
  const none = lookupOf({});

  it("is empty for a clean, balanced set", () => {
    const pairs: JudgePair[] = [
      { judgeId: "a", submissionId: "s1" },
      { judgeId: "b", submissionId: "s2" },
    ];
    expect(assignmentWarnings(pairs, 1, none, { judgeIds: ["a", "b"], submissionIds: ["s1", "s2"] })).toEqual([]);
  });

  it("lists conflicts, duplicates, unknown ids, counts and imbalance in a stable order", () => {
    const conflicts = lookupOf({ [pk("a", "s2")]: ["institution"] });
    const pairs: JudgePair[] = [
      { judgeId: "a", submissionId: "s2" },
      { judgeId: "a", submissionId: "s1" },
      { judgeId: "a", submissionId: "s1" },
      { judgeId: "a", submissionId: "s3" },
      { judgeId: "b", submissionId: "s3" },
      { judgeId: "zz", submissionId: "s3" },
      { judgeId: "b", submissionId: "s9" },
    ];
    const warnings = assignmentWarnings(pairs, 2, conflicts, {
      judgeIds: ["a", "b", "c"],
      submissionIds: ["s1", "s2", "s3", "s4"],
    });
    expect(warnings).toEqual([
      { code: "duplicate_pair", judgeId: "a", submissionId: "s1", count: 2 },
      { code: "conflict", judgeId: "a", submissionId: "s2", reasons: ["institution"] },
      { code: "unknown_judge", judgeId: "zz" },
      { code: "unknown_submission", submissionId: "s9" },
      { code: "under_assigned", submissionId: "s1", count: 1, k: 2 },
      { code: "under_assigned", submissionId: "s2", count: 1, k: 2 },
      { code: "over_assigned", submissionId: "s3", count: 3, k: 2 },
      { code: "under_assigned", submissionId: "s4", count: 0, k: 2 },
      { code: "imbalance", minLoad: 0, maxLoad: 3, minJudgeIds: ["c"], maxJudgeIds: ["a"] },
    ]);
  });

  it("without a scope only sees ids present in the set", () => {
    const pairs: JudgePair[] = [
      { judgeId: "a", submissionId: "s1" },
      { judgeId: "a", submissionId: "s2" },
      { judgeId: "a", submissionId: "s3" },
      { judgeId: "b", submissionId: "s3" },
    ];
    expect(assignmentWarnings(pairs, 1, none)).toEqual([
      { code: "over_assigned", submissionId: "s3", count: 2, k: 1 },
      { code: "imbalance", minLoad: 1, maxLoad: 3, minJudgeIds: ["b"], maxJudgeIds: ["a"] },
    ]);
  });

  it("agrees with the solver's own report", () => {
    fc.assert(
      fc.property(event, (e) => {
        const { conflicts, submissions, judges, result } = solve(e);
        const warnings = assignmentWarnings(result.assignments, e.k, conflicts, {
          judgeIds: judges.map((j) => j.id).filter((id) => !e.excluded.includes(id)),
          submissionIds: submissions.map((s) => s.id),
        });
        const under = warnings.flatMap((w) => (w.code === "under_assigned" ? [w.submissionId] : []));
        expect(under).toEqual(result.shortfalls.map((s) => s.submissionId));
        expect(warnings.some((w) => w.code === "imbalance")).toBe(!result.balanced);
        expect(warnings.filter((w) => w.code !== "under_assigned" && w.code !== "imbalance")).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

import { describe, expect, it } from "vitest";
import {
  compareMethods,
  defaultTieBreak,
  parseTieKeyCode,
  rank,
  RankingInputError,
  type RankingJudgment,
  type RankingSubmission,
  type RankRow,
  tieKeyCode,
  tieSummary,
  validateTieBreak,
} from "./ranking";
import { type Criterion, weightedTotal } from "./scoring";

// Two criteria, 50/50, scale 0–10: total = 50·c1/10 + 50·c2/10 = 5·(c1 + c2).
const CRITERIA: Criterion[] = [
  { id: "c1", name: "Inovasi", weight: 50, scaleMin: 0, scaleMax: 10, order: 1 },
  { id: "c2", name: "Eksekusi", weight: 50, scaleMin: 0, scaleMax: 10, order: 2 },
];

function j(judgeId: string, submissionId: string, c1: number, c2: number): RankingJudgment {
  const scores = { c1, c2 };
  return { judgeId, submissionId, scores, total: weightedTotal(CRITERIA, scores) as number };
}

const at = (minute: number): Date => new Date(Date.UTC(2025, 7, 17, 10, minute));
const sub = (id: string, finalSubmittedAt: Date | null, trackId: string | null = null): RankingSubmission => ({
  id,
  trackId,
  regionId: null,
  finalSubmittedAt,
});

const pick = (rows: RankRow[]) => rows.map((r) => [r.submissionId, r.place, r.joint]);
const byId = (rows: RankRow[], id: string): RankRow => rows.find((r) => r.submissionId === id) as RankRow;

/*
 * Fixture Z (z-score and Borda; raw shown too). 3 judges, 5 judged submissions + F unjudged.
 *
 *   J1: A (8,8)=80  B (9,7)=80  C (5,7)=60  D (6,6)=60
 *   J2: A (9,9)=90  B (6,4)=50  C (9,9)=90  E (5,5)=50
 *   J3: D (7,7)=70  E (8,6)=70
 *
 * z per judge (population sd):
 *   J1: mean 70, sd √((4·10²)/4) = 10  → A +1, B +1, C −1, D −1
 *   J2: mean 70, sd √((4·20²)/4) = 20  → A +1, B −1, C +1, E −1
 *   J3: both 70, sd 0                  → D 0, E 0
 * mean z: A (1+1)/2 = 1 · B (1−1)/2 = 0 · C (−1+1)/2 = 0 · D (−1+0)/2 = −0.5 · E (−1+0)/2 = −0.5
 * normalized 50+10z: A 60 · B 50 · C 50 · D 45 · E 45
 *
 * Borda, points (n − position)/(n − 1), ties share the average:
 *   J1 n=4: A,B tied at positions 1,2 → (3/3 + 2/3)/2 = 5/6; C,D at 3,4 → (1/3 + 0)/2 = 1/6
 *   J2 n=4: A,C → 5/6; B,E → 1/6
 *   J3 n=2: D,E tied at 1,2 → (1 + 0)/2 = 1/2
 * mean ×100: A 83.33 · B (5/6+1/6)/2 = 50 · C 50 · D (1/6+1/2)/2 = 33.33 · E 33.33
 *
 * criterion means c1: A 8.5 · B 7.5 · C 7 · D 6.5 · E 6.5
 * raw means: A 85 · B 65 · C 75 · D 65 · E 60
 *
 * Default tie-break [zscore, criterion:c1, earliest_submission]:
 *   B vs C (z and Borda): z equal (0 = 0) → c1 7.5 > 7 → B ahead, resolved by criterion:c1,
 *     although C submitted earlier (the criterion key comes first).
 *   D vs E: z equal, c1 equal (6.5), submitted at the same minute → joint 4th.
 *   Raw: B vs D at 65 → z 0 > −0.5 → B ahead, resolved by zscore.
 */
const FIXTURE_Z: Omit<Parameters<typeof rank>[0], "method"> = {
  criteria: CRITERIA,
  submissions: [sub("A", at(1)), sub("B", at(5)), sub("C", at(2)), sub("D", at(9)), sub("E", at(9)), sub("F", at(3))],
  judgments: [
    j("J1", "A", 8, 8),
    j("J1", "B", 9, 7),
    j("J1", "C", 5, 7),
    j("J1", "D", 6, 6),
    j("J2", "A", 9, 9),
    j("J2", "B", 6, 4),
    j("J2", "C", 9, 9),
    j("J2", "E", 5, 5),
    j("J3", "D", 7, 7),
    j("J3", "E", 8, 6),
  ],
};

// z-score and Borda agree on fixture Z: the same places and the same tie resolutions.
const FIXTURE_Z_PLACES = [
  ["A", 1, false],
  ["B", 2, false],
  ["C", 3, false],
  ["D", 4, true],
  ["E", 4, true],
  ["F", null, false],
];
const FIXTURE_Z_TIES = [
  { kind: "resolved", ahead: ["B"], behind: ["C"], resolvedBy: "criterion:c1" },
  { kind: "joint", place: 4, submissionIds: ["D", "E"] },
];

describe("rank — z-score fixture", () => {
  const rows = rank({ ...FIXTURE_Z, method: "zscore" });

  it("places as computed by hand, unjudged submission last and unranked", () => {
    expect(pick(rows)).toEqual(FIXTURE_Z_PLACES);
  });

  it("reports mean z, the normalized score and the other methods' scores", () => {
    const expected: Record<string, [number, number, number, number]> = {
      // [mean z, normalized (= score), raw, borda]
      A: [1, 60, 85, 250 / 3],
      B: [0, 50, 65, 50],
      C: [0, 50, 75, 50],
      D: [-0.5, 45, 65, 100 / 3],
      E: [-0.5, 45, 60, 100 / 3],
    };
    for (const [id, [z, norm, raw, borda]] of Object.entries(expected)) {
      const r = byId(rows, id);
      expect(r.zscore).toBeCloseTo(z, 12);
      expect(r.zscoreNormalized).toBeCloseTo(norm, 12);
      expect(r.score).toBeCloseTo(norm, 12);
      expect(r.raw).toBeCloseTo(raw, 12);
      expect(r.borda).toBeCloseTo(borda, 12);
      expect(r.judgeCount).toBe(2);
    }
    expect(byId(rows, "B").criterionMeans).toEqual({ c1: 7.5, c2: 5.5 });
    expect(byId(rows, "F")).toMatchObject({ score: null, raw: null, judgeCount: 0, criterionMeans: {} });
  });

  it("notes which key broke each tie and which place stayed joint", () => {
    expect(byId(rows, "A").tieNote).toBeUndefined();
    expect(byId(rows, "B").tieNote).toEqual({ group: ["B", "C"], resolvedBy: null, jointWith: [] });
    expect(byId(rows, "C").tieNote).toEqual({ group: ["B", "C"], resolvedBy: "criterion:c1", jointWith: [] });
    expect(byId(rows, "D").tieNote).toEqual({ group: ["D", "E"], resolvedBy: null, jointWith: ["E"] });
    expect(byId(rows, "E").tieNote).toEqual({ group: ["D", "E"], resolvedBy: null, jointWith: ["D"] });
    expect(tieSummary(rows)).toEqual(FIXTURE_Z_TIES);
  });
});

describe("rank — Borda fixture", () => {
  const rows = rank({ ...FIXTURE_Z, method: "borda" });

  it("places and scores as computed by hand", () => {
    expect(pick(rows)).toEqual(FIXTURE_Z_PLACES);
    expect(rows.map((r) => r.score)).toEqual([expect.closeTo(250 / 3, 12), expect.closeTo(50, 12), expect.closeTo(50, 12), expect.closeTo(100 / 3, 12), expect.closeTo(100 / 3, 12), null]);
    expect(tieSummary(rows)).toEqual(FIXTURE_Z_TIES);
  });

  it("gives 0.5 to a judge's only judgment", () => {
    const rows1 = rank({ criteria: CRITERIA, method: "borda", submissions: [sub("A", null)], judgments: [j("J1", "A", 1, 1)] });
    expect(rows1[0]?.borda).toBe(50);
  });
});

describe("rank — raw", () => {
  it("on fixture Z: the 65-point tie between B and D is resolved by z-score", () => {
    const rows = rank({ ...FIXTURE_Z, method: "raw" });
    expect(pick(rows)).toEqual([
      ["A", 1, false],
      ["C", 2, false],
      ["B", 3, false],
      ["D", 4, false],
      ["E", 5, false],
      ["F", null, false],
    ]);
    expect(byId(rows, "D").tieNote).toEqual({ group: ["B", "D"], resolvedBy: "zscore", jointWith: [] });
  });

  /*
   * Fixture R, tie-break configured as [criterion:c1, earliest_submission].
   *   P: J1 (9,9)=90  J2 (8,8)=80  J3 (7,7)=70 → (90+80+70)/3 = 80
   *   Q: J1 (8,6)=70  J2 (7,7)=70              → 70, c1 (8+7)/2 = 7.5
   *   R: J2 (6,6)=60  J3 (8,8)=80              → 70, c1 (6+8)/2 = 7
   *   S: J1 (5,7)=60  J2 (6,6)=60  J3 (6,6)=60 → 60, c1 (5+6+6)/3 = 17/3
   *   T: J1 (6,6)=60  J2 (5,7)=60  J3 (6,6)=60 → 60, c1 (6+5+6)/3 = 17/3
   * Q/R: c1 7.5 > 7 → Q 2nd, R 3rd (R submitted earlier, but c1 comes first).
   * S/T: c1 equal, same submission minute → joint 4th. Places 1, 2, 3, 4, 4.
   */
  const FIXTURE_R = {
    criteria: CRITERIA,
    method: "raw" as const,
    tieBreak: [{ criterion: "c1" }, "earliest_submission"] as const,
    submissions: [sub("P", at(4)), sub("Q", at(8)), sub("R", at(1)), sub("S", at(6)), sub("T", at(6))],
    judgments: [
      j("J1", "P", 9, 9),
      j("J2", "P", 8, 8),
      j("J3", "P", 7, 7),
      j("J1", "Q", 8, 6),
      j("J2", "Q", 7, 7),
      j("J2", "R", 6, 6),
      j("J3", "R", 8, 8),
      j("J1", "S", 5, 7),
      j("J2", "S", 6, 6),
      j("J3", "S", 6, 6),
      j("J1", "T", 6, 6),
      j("J2", "T", 5, 7),
      j("J3", "T", 6, 6),
    ],
  };

  it("on fixture R: places, scores and tie notes as computed by hand", () => {
    const rows = rank(FIXTURE_R);
    expect(pick(rows)).toEqual([
      ["P", 1, false],
      ["Q", 2, false],
      ["R", 3, false],
      ["S", 4, true],
      ["T", 4, true],
    ]);
    expect(rows.map((r) => r.score)).toEqual([80, 70, 70, 60, 60].map((v) => expect.closeTo(v, 12)));
    expect(byId(rows, "S").criterionMeans.c1).toBeCloseTo(17 / 3, 12);
    expect(tieSummary(rows)).toEqual([
      { kind: "resolved", ahead: ["Q"], behind: ["R"], resolvedBy: "criterion:c1" },
      { kind: "joint", place: 4, submissionIds: ["S", "T"] },
    ]);
  });

  it("earliest_submission breaks a tie the criterion cannot; never-submitted counts as latest", () => {
    const rows = rank({
      criteria: CRITERIA,
      method: "raw",
      submissions: [sub("late", at(30)), sub("early", at(10)), sub("none", null)],
      judgments: [j("J1", "late", 5, 5), j("J1", "early", 5, 5), j("J1", "none", 5, 5)],
    });
    expect(pick(rows)).toEqual([
      ["early", 1, false],
      ["late", 2, false],
      ["none", 3, false],
    ]);
    expect(rows.map((r) => r.tieNote?.resolvedBy)).toEqual([null, "earliest_submission", "earliest_submission"]);
  });
});

describe("rank — joint places and tie bookkeeping", () => {
  it("uses standard competition ranking with an empty tie-break list", () => {
    const rows = rank({
      criteria: CRITERIA,
      method: "raw",
      tieBreak: [],
      submissions: ["a", "b", "c", "d"].map((id) => sub(id, null)),
      judgments: [j("J", "a", 9, 9), j("J", "b", 5, 5), j("J", "c", 5, 5), j("J", "d", 1, 1)],
    });
    expect(pick(rows)).toEqual([
      ["a", 1, false],
      ["b", 2, true],
      ["c", 2, true],
      ["d", 4, false],
    ]);
  });

  it("records a resolution between a single place and a joint place below it", () => {
    // Equal totals (50) for x, y, z; c1 puts x ahead, y and z stay joint on every key.
    const rows = rank({
      criteria: CRITERIA,
      method: "raw",
      submissions: [sub("x", at(1)), sub("y", at(1)), sub("z", at(1))],
      judgments: [j("J", "x", 6, 4), j("J", "y", 5, 5), j("J", "z", 5, 5)],
    });
    expect(pick(rows)).toEqual([
      ["x", 1, false],
      ["y", 2, true],
      ["z", 2, true],
    ]);
    expect(byId(rows, "y").tieNote).toEqual({ group: ["x", "y", "z"], resolvedBy: "criterion:c1", jointWith: ["z"] });
    expect(byId(rows, "z").tieNote).toEqual({ group: ["x", "y", "z"], resolvedBy: null, jointWith: ["y"] });
    expect(tieSummary(rows)).toEqual([
      { kind: "resolved", ahead: ["x"], behind: ["y", "z"], resolvedBy: "criterion:c1" },
      { kind: "joint", place: 2, submissionIds: ["y", "z"] },
    ]);
  });
});

describe("rank — input handling", () => {
  it("ignores judgments of submissions that are not listed, in judge statistics too", () => {
    const base = rank({ ...FIXTURE_Z, method: "zscore" });
    const withStray = rank({ ...FIXTURE_Z, method: "zscore", judgments: [...FIXTURE_Z.judgments, j("J1", "X", 0, 0)] });
    expect(withStray).toEqual(base);
  });

  it("rejects duplicates, non-finite totals and unknown tie-break criteria", () => {
    const codeOf = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (e) {
        return e instanceof RankingInputError ? e.code : "other";
      }
      return undefined;
    };
    expect(codeOf(() => rank({ ...FIXTURE_Z, method: "raw", submissions: [sub("A", null), sub("A", null)] }))).toBe("duplicate_submission");
    expect(codeOf(() => rank({ ...FIXTURE_Z, method: "raw", judgments: [j("J1", "A", 1, 1), j("J1", "A", 2, 2)] }))).toBe("duplicate_judgment");
    expect(codeOf(() => rank({ ...FIXTURE_Z, method: "raw", judgments: [{ ...j("J1", "A", 1, 1), total: Number.NaN }] }))).toBe("non_finite_total");
    expect(codeOf(() => rank({ ...FIXTURE_Z, method: "raw", tieBreak: [{ criterion: "nope" }] }))).toBe("unknown_criterion");
  });

  it("filters by region as well as track", () => {
    const submissions: RankingSubmission[] = [
      { id: "a", trackId: "t1", regionId: "jkt", finalSubmittedAt: null },
      { id: "b", trackId: "t1", regionId: "sby", finalSubmittedAt: null },
      { id: "c", trackId: "t2", regionId: "jkt", finalSubmittedAt: null },
    ];
    const judgments = [j("J", "a", 1, 1), j("J", "b", 2, 2), j("J", "c", 3, 3)];
    const ids = (filter: { trackId?: string; regionId?: string }) => rank({ criteria: CRITERIA, method: "raw", submissions, judgments, filter }).map((r) => r.submissionId);
    expect(ids({ regionId: "jkt" })).toEqual(["c", "a"]);
    expect(ids({ trackId: "t1", regionId: "jkt" })).toEqual(["a"]);
    expect(ids({})).toEqual(["c", "b", "a"]);
  });
});

describe("tie-break configuration", () => {
  it("defaults to zscore, first criterion by order, earliest submission", () => {
    const reordered = [{ ...CRITERIA[1]!, order: 0 }, CRITERIA[0]!];
    expect(defaultTieBreak(CRITERIA)).toEqual(["zscore", { criterion: "c1" }, "earliest_submission"]);
    expect(defaultTieBreak(reordered)).toEqual(["zscore", { criterion: "c2" }, "earliest_submission"]);
  });

  it("round-trips key codes", () => {
    for (const key of ["zscore", "raw", "borda", "earliest_submission", { criterion: "c:1" }] as const) {
      expect(parseTieKeyCode(tieKeyCode(key))).toEqual(key);
    }
    expect(parseTieKeyCode("criterion:")).toBeNull();
    expect(parseTieKeyCode("median")).toBeNull();
  });

  it("validates keys against the criteria", () => {
    expect(validateTieBreak(["zscore", { criterion: "zz" }, "zscore"], CRITERIA)).toEqual([
      { index: 1, code: "unknown_criterion" },
      { index: 2, code: "duplicate_key" },
    ]);
  });
});

describe("compareMethods", () => {
  it("lists each submission's place under every method and the change vs the chosen one", () => {
    const rows = compareMethods({ ...FIXTURE_Z, method: "zscore" });
    expect(rows.map((r) => [r.submissionId, r.places, r.change])).toEqual([
      ["A", { raw: 1, zscore: 1, borda: 1 }, { raw: 0, zscore: 0, borda: 0 }],
      ["B", { raw: 3, zscore: 2, borda: 2 }, { raw: -1, zscore: 0, borda: 0 }],
      ["C", { raw: 2, zscore: 3, borda: 3 }, { raw: 1, zscore: 0, borda: 0 }],
      ["D", { raw: 4, zscore: 4, borda: 4 }, { raw: 0, zscore: 0, borda: 0 }],
      ["E", { raw: 5, zscore: 4, borda: 4 }, { raw: -1, zscore: 0, borda: 0 }],
      ["F", { raw: null, zscore: null, borda: null }, { raw: null, zscore: null, borda: null }],
    ]);
    expect(rows[3]?.joint).toEqual({ raw: false, zscore: true, borda: true });
    expect(rows[0]?.scores.raw).toBeCloseTo(85, 12);
  });

  it("gives the same comparison when handed the chosen method's ranking", () => {
    const input = { ...FIXTURE_Z, method: "borda" as const };
    expect(compareMethods(input, rank(input))).toEqual(compareMethods(input));
  });
});

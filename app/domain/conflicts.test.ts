import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CONFLICT_REASONS, conflictLookup, conflictMatrix, conflictsFor, detectConflicts, normalizeAffiliation, type ConflictJudge, type ConflictRules, type ConflictTeam } from "./conflicts";

const ALL: ConflictRules = { sameRegion: true, sameKim: true, sameInstitution: true };
const NONE: ConflictRules = { sameRegion: false, sameKim: false, sameInstitution: false };

const judge = (over: Partial<ConflictJudge> = {}): ConflictJudge => ({
  userId: "u-judge",
  declaredTeamIds: [],
  regionId: "r1",
  kimName: "KIM Maju Jaya",
  institution: "Universitas Gadjah Mada",
  ...over,
});

const team = (over: Partial<ConflictTeam> = {}): ConflictTeam => ({
  id: "t1",
  memberUserIds: ["u-a", "u-b"],
  regionId: "r2",
  kimName: "KIM Sinar Harapan",
  institution: "Institut Teknologi Bandung",
  ...over,
});

describe("normalizeAffiliation", () => {
  it.each([
    ["KIM Maju Jaya", "maju jaya"],
    ["  kim   maju\tjaya ", "maju jaya"],
    ["Maju Jaya", "maju jaya"],
    ["Kelompok Informasi Masyarakat Maju Jaya", "maju jaya"],
    ["ＫＩＭ　Maju Jaya", "maju jaya"], // full-width letters and ideographic space
    ["Kimia Farma", "kimia farma"], // "kim" only as a separate word
    ["KIM", "kim"],
    ["", null],
    ["   ", null],
    [null, null],
    [undefined, null],
  ])("%j → %j", (input, expected) => {
    expect(normalizeAffiliation(input)).toBe(expected);
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const once = normalizeAffiliation(s);
        // Idempotent except that a second pass may strip a second "KIM " prefix ("KIM KIM X").
        const twice = once === null ? null : normalizeAffiliation(once);
        if (once !== null && !/^(kim|kelompok informasi masyarakat)\s/.test(once)) {
          expect(twice).toBe(once);
        }
      }),
    );
  });
});

describe("detectConflicts", () => {
  it("no conflict for an unrelated pair", () => {
    expect(detectConflicts(judge(), team(), ALL)).toEqual([]);
  });

  it("member applies regardless of rules", () => {
    expect(detectConflicts(judge({ userId: "u-a" }), team(), NONE)).toEqual(["member"]);
  });

  it("declared applies regardless of rules", () => {
    expect(detectConflicts(judge({ declaredTeamIds: ["t1"] }), team(), NONE)).toEqual(["declared"]);
  });

  it("region needs both sides set and the rule on", () => {
    expect(detectConflicts(judge({ regionId: "r2" }), team(), ALL)).toEqual(["region"]);
    expect(detectConflicts(judge({ regionId: "r2" }), team(), NONE)).toEqual([]);
    expect(detectConflicts(judge({ regionId: null }), team({ regionId: null }), ALL)).toEqual([]);
    expect(detectConflicts(judge({ regionId: undefined }), team({ regionId: undefined }), ALL)).toEqual([]);
    expect(detectConflicts(judge({ regionId: "" }), team({ regionId: "" }), ALL)).toEqual([]);
  });

  it("KIM is compared normalized", () => {
    const j = judge({ kimName: "  kim sinar   HARAPAN" });
    expect(detectConflicts(j, team(), ALL)).toEqual(["kim"]);
    expect(detectConflicts(j, team(), { ...ALL, sameKim: false })).toEqual([]);
    expect(detectConflicts(judge({ kimName: "" }), team({ kimName: "" }), ALL)).toEqual([]);
    expect(detectConflicts(judge({ kimName: "KIM" }), team({ kimName: "Sinar" }), ALL)).toEqual([]);
  });

  it("institution is compared normalized", () => {
    const j = judge({ institution: "institut  teknologi bandung " });
    expect(detectConflicts(j, team(), ALL)).toEqual(["institution"]);
    expect(detectConflicts(j, team(), { ...ALL, sameInstitution: false })).toEqual([]);
    expect(detectConflicts(judge({ institution: null }), team({ institution: "" }), ALL)).toEqual([]);
  });

  it("lists every reason in canonical order", () => {
    const j = judge({
      userId: "u-b",
      declaredTeamIds: ["t1"],
      regionId: "r2",
      kimName: "Sinar Harapan",
      institution: "INSTITUT TEKNOLOGI BANDUNG",
    });
    expect(detectConflicts(j, team(), ALL)).toEqual([...CONFLICT_REASONS]);
    expect(detectConflicts(j, team(), NONE)).toEqual(["member", "declared"]);
  });

  it("turning a rule off never adds a reason (monotone in rules)", () => {
    const name = fc.constantFrom("KIM A", "a", " kim  a ", "B", "", null);
    const region = fc.constantFrom("r1", "r2", null);
    const judgeArb = fc.record({
      userId: fc.constantFrom("u1", "u2"),
      declaredTeamIds: fc.subarray(["t1", "t2"]),
      regionId: region,
      kimName: name,
      institution: name,
    });
    const teamArb = fc.record({
      id: fc.constantFrom("t1", "t2"),
      memberUserIds: fc.subarray(["u1", "u2", "u3"]),
      regionId: region,
      kimName: name,
      institution: name,
    });
    const rulesArb = fc.record({ sameRegion: fc.boolean(), sameKim: fc.boolean(), sameInstitution: fc.boolean() });
    fc.assert(
      fc.property(judgeArb, teamArb, rulesArb, (j, t, rules) => {
        const some = detectConflicts(j, t, rules);
        const all = detectConflicts(j, t, ALL);
        expect(some.every((r) => all.includes(r))).toBe(true);
        const order = some.map((r) => CONFLICT_REASONS.indexOf(r));
        expect(order).toEqual([...order].sort((a, b) => a - b));
        const always = detectConflicts(j, t, NONE);
        expect(always.every((r) => r === "member" || r === "declared")).toBe(true);
        expect(always.every((r) => some.includes(r))).toBe(true);
      }),
    );
  });
});

describe("conflictMatrix", () => {
  const judges: ConflictJudge[] = [
    judge({ userId: "j1", regionId: "r2" }),
    judge({ userId: "j2", regionId: "r9", kimName: null, institution: null }),
    judge({ userId: "j3", regionId: null, declaredTeamIds: ["t2"], kimName: "kim sinar harapan" }),
  ];
  const teams: ConflictTeam[] = [team({ id: "t1" }), team({ id: "t2", memberUserIds: ["j2"] })];

  it("agrees with detectConflicts on every pair and stays sparse", () => {
    const m = conflictMatrix(judges, teams, ALL);
    for (const j of judges) {
      for (const t of teams) {
        expect(conflictsFor(m, j.userId, t.id)).toEqual(detectConflicts(j, t, ALL));
      }
    }
    for (const row of m.values()) for (const reasons of row.values()) expect(reasons.length).toBeGreaterThan(0);
    expect(conflictsFor(m, "nobody", "t1")).toEqual([]);
  });

  it("respects rules", () => {
    const m = conflictMatrix(judges, teams, NONE);
    expect([...m.keys()].sort()).toEqual(["j2", "j3"]);
    expect(conflictsFor(m, "j2", "t2")).toEqual(["member"]);
    expect(conflictsFor(m, "j3", "t2")).toEqual(["declared"]);
  });

  it("merges a judge listed twice", () => {
    const m = conflictMatrix([judge({ userId: "j", regionId: "r2" }), judge({ userId: "j", declaredTeamIds: ["t1"] })], [team()], ALL);
    expect(conflictsFor(m, "j", "t1")).toEqual(["declared", "region"]);
  });

  it("lookup maps submissions to their team's conflicts", () => {
    const m = conflictMatrix(judges, teams, ALL);
    const lookup = conflictLookup(m, [
      { id: "s1", teamId: "t1" },
      { id: "s2", teamId: "t2" },
    ]);
    expect(lookup("j1", "s1")).toEqual(["region"]);
    expect(lookup("j2", "s2")).toEqual(["member"]);
    expect(lookup("j3", "s2")).toEqual(["declared", "kim"]);
    expect(lookup("j1", "unknown")).toEqual([]);
  });
});

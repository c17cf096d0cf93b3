import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canAddMember, isComplete, missingMembers, teamViolations, validateTeamRules, type TeamMember, type TeamRules } from "./team-rules";
import { KIM_MIX } from "~/test/team-rules";

const m = (pool: string | null): TeamMember => ({ pool });
const many = (pool: string | null, n: number): TeamMember[] => Array.from({ length: n }, () => m(pool));

describe("validateTeamRules", () => {
  it("accepts simple and pooled rules", () => {
    expect(validateTeamRules({ minSize: 1, maxSize: 1 })).toEqual([]);
    expect(validateTeamRules({ minSize: 2, maxSize: 50, pools: [] })).toEqual([]);
    expect(validateTeamRules(KIM_MIX)).toEqual([]);
    // Quotas may exceed maxSize in sum: a flexible mix.
    expect(
      validateTeamRules({
        minSize: 3,
        maxSize: 5,
        pools: [
          { key: "a", quota: 3 },
          { key: "b", quota: 3 },
        ],
      }),
    ).toEqual([]);
  });

  it("checks sizes", () => {
    expect(validateTeamRules({ minSize: 0, maxSize: 3 })).toEqual([{ field: "minSize", code: "too_small" }]);
    expect(validateTeamRules({ minSize: 1.5, maxSize: 3 })).toEqual([{ field: "minSize", code: "not_integer" }]);
    expect(validateTeamRules({ minSize: 4, maxSize: 3 })).toEqual([{ field: "maxSize", code: "min_above_max" }]);
    expect(validateTeamRules({ minSize: 1, maxSize: 51 })).toEqual([{ field: "maxSize", code: "too_large" }]);
    expect(validateTeamRules({ minSize: 1, maxSize: Number.NaN })).toEqual([{ field: "maxSize", code: "not_integer" }]);
    expect(validateTeamRules({ minSize: 51, maxSize: 51 })).toEqual([
      { field: "minSize", code: "too_large" },
      { field: "maxSize", code: "too_large" },
    ]);
  });

  it("checks pools", () => {
    const errors = validateTeamRules({
      minSize: 2,
      maxSize: 4,
      pools: [
        { key: "a", quota: 2 },
        { key: " ", quota: 1 },
        { key: "a", quota: 0 },
        { key: "b", quota: 5 },
        { key: "c", quota: 1.5 },
      ],
    });
    expect(errors).toEqual([
      { field: "pools.1.key", code: "key_required" },
      { field: "pools.2.key", code: "key_duplicate" },
      { field: "pools.2.quota", code: "too_small" },
      { field: "pools.3.quota", code: "quota_above_max" },
      { field: "pools.4.quota", code: "not_integer" },
    ]);
  });

  it("requires quotas to add up to at least maxSize", () => {
    expect(
      validateTeamRules({
        minSize: 2,
        maxSize: 7,
        pools: [
          { key: "a", quota: 3 },
          { key: "b", quota: 2 },
        ],
      }),
    ).toEqual([{ field: "pools", code: "pools_below_max" }]);
  });
});

describe("canAddMember", () => {
  it("enforces team size without pools and ignores pool values", () => {
    const rules: TeamRules = { minSize: 1, maxSize: 2 };
    expect(canAddMember(rules, [], null)).toEqual({ ok: true });
    expect(canAddMember(rules, [m(null)], "anything")).toEqual({ ok: true });
    expect(canAddMember(rules, [m(null), m(null)], null)).toEqual({ ok: false, code: "team_full" });
  });

  it("enforces pools", () => {
    expect(canAddMember(KIM_MIX, [], null)).toEqual({ ok: false, code: "pool_required" });
    expect(canAddMember(KIM_MIX, [], "dosen")).toEqual({ ok: false, code: "pool_unknown" });
    expect(canAddMember(KIM_MIX, many("kim", 2), "kim")).toEqual({ ok: false, code: "pool_full" });
    expect(canAddMember(KIM_MIX, many("kim", 2), "mahasiswa")).toEqual({ ok: true });
    const full = [...many("kim", 2), ...many("mahasiswa", 5)];
    expect(canAddMember(KIM_MIX, full, "kim")).toEqual({ ok: false, code: "team_full" });
  });
});

describe("missingMembers / isComplete", () => {
  it("makes quotas exact when minSize equals their sum", () => {
    const members = many("mahasiswa", 5);
    expect(missingMembers(KIM_MIX, members)).toEqual({ total: 2, byPool: [{ pool: "kim", count: 2 }] });
    expect(missingMembers(KIM_MIX, [])).toEqual({
      total: 7,
      byPool: [
        { pool: "mahasiswa", count: 5 },
        { pool: "kim", count: 2 },
      ],
    });
    expect(isComplete(KIM_MIX, members)).toBe(false);
    expect(isComplete(KIM_MIX, [...members, m("kim"), m("kim")])).toBe(true);
  });

  it("only demands a pool when the others cannot absorb the shortfall", () => {
    const rules: TeamRules = { ...KIM_MIX, minSize: 6 };
    expect(missingMembers(rules, many("mahasiswa", 4))).toEqual({ total: 2, byPool: [{ pool: "kim", count: 1 }] });
    expect(missingMembers(rules, many("mahasiswa", 3))).toEqual({
      total: 3,
      byPool: [
        { pool: "mahasiswa", count: 1 },
        { pool: "kim", count: 1 },
      ],
    });
    expect(missingMembers(rules, [...many("mahasiswa", 4), m("kim")])).toEqual({ total: 1, byPool: [] });
    const flexible: TeamRules = { ...KIM_MIX, minSize: 3 };
    expect(missingMembers(flexible, [m("mahasiswa")])).toEqual({ total: 2, byPool: [] });
    // KIM can take only one more, so one of the two must be a student.
    expect(missingMembers(flexible, [m("kim")])).toEqual({ total: 2, byPool: [{ pool: "mahasiswa", count: 1 }] });
    expect(isComplete(flexible, many("mahasiswa", 3))).toBe(true);
  });

  it("is not complete with rule violations", () => {
    expect(isComplete(KIM_MIX, [...many("mahasiswa", 5), m("kim"), m(null)])).toBe(false);
    expect(isComplete(KIM_MIX, [...many("mahasiswa", 6), m("kim")])).toBe(false);
    expect(teamViolations(KIM_MIX, [...many("mahasiswa", 6), m("kim"), m("dosen")])).toEqual([
      { code: "over_max" },
      { code: "pool_unknown", pool: "dosen" },
      { code: "pool_over_quota", pool: "mahasiswa" },
    ]);
    expect(isComplete({ minSize: 1, maxSize: 2 }, [m("x")])).toBe(true);
  });
});

// ---------------------------------------------------------------- properties

const plainRulesArb = fc.integer({ min: 1, max: 50 }).chain((maxSize) => fc.integer({ min: 1, max: maxSize }).map((minSize): TeamRules => ({ minSize, maxSize })));

const pooledRulesArb = fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 4 }).chain((quotas) => {
  const sum = quotas.reduce((a, b) => a + b, 0);
  return fc
    .integer({ min: Math.max(...quotas), max: Math.min(50, sum) })
    .chain((maxSize) => fc.integer({ min: 1, max: maxSize }).map((minSize): TeamRules => ({ minSize, maxSize, pools: quotas.map((quota, i) => ({ key: `p${i}`, quota })) })));
});

const rulesArb = fc.oneof(plainRulesArb, pooledRulesArb);
const choiceArb = fc.constantFrom<string | null>(null, "p0", "p1", "p2", "p3", "other");

/** Applies additions the way the app does: only when canAddMember allows. */
function build(rules: TeamRules, choices: (string | null)[]): TeamMember[] {
  const members: TeamMember[] = [];
  for (const pool of choices) if (canAddMember(rules, members, pool).ok) members.push(m(pool));
  return members;
}

const stateArb = rulesArb.chain((rules) => fc.array(choiceArb, { maxLength: 80 }).map((choices) => ({ rules, members: build(rules, choices) })));

function addable(rules: TeamRules, members: TeamMember[]): (string | null)[] {
  const options = rules.pools?.length ? rules.pools.map((p) => p.key) : [null];
  return options.filter((p) => canAddMember(rules, members, p).ok);
}

describe("team rule properties", () => {
  it("generated rules are valid", () => {
    fc.assert(
      fc.property(rulesArb, (rules) => {
        expect(validateTeamRules(rules)).toEqual([]);
      }),
    );
  });

  it("canAddMember allows exactly the additions that keep the team valid", () => {
    fc.assert(
      fc.property(rulesArb, fc.array(choiceArb, { maxLength: 80 }), (rules, choices) => {
        const members: TeamMember[] = [];
        for (const pool of choices) {
          const result = canAddMember(rules, members, pool);
          expect(result.ok).toBe(teamViolations(rules, [...members, m(pool)]).length === 0);
          if (result.ok) members.push(m(pool));
          expect(members.length).toBeLessThanOrEqual(rules.maxSize);
          for (const p of rules.pools ?? []) {
            expect(members.filter((x) => x.pool === p.key).length).toBeLessThanOrEqual(p.quota);
          }
        }
      }),
    );
  });

  it("removing any member keeps a valid state that can take the member back", () => {
    fc.assert(
      fc.property(stateArb, fc.nat(), ({ rules, members }, pick) => {
        fc.pre(members.length > 0);
        const index = pick % members.length;
        const removed = members[index]!;
        const rest = members.filter((_, i) => i !== index);
        expect(teamViolations(rules, rest)).toEqual([]);
        expect(canAddMember(rules, rest, removed.pool)).toEqual({ ok: true });
      }),
    );
  });

  it("missingMembers.total is 0 iff size ≥ minSize; complete iff additionally valid", () => {
    fc.assert(
      fc.property(stateArb, ({ rules, members }) => {
        const missing = missingMembers(rules, members);
        expect(missing.total === 0).toBe(members.length >= rules.minSize);
        expect(missing.total).toBe(Math.max(0, rules.minSize - members.length));
        expect(isComplete(rules, members)).toBe(missing.total === 0);
        const sum = missing.byPool.reduce((a, b) => a + b.count, 0);
        expect(sum).toBeLessThanOrEqual(missing.total);
      }),
    );
  });

  it("following missingMembers completes the team in exactly `total` additions", () => {
    fc.assert(
      fc.property(stateArb, ({ rules, members }) => {
        const team = [...members];
        const total = missingMembers(rules, team).total;
        for (let step = 0; step < total; step++) {
          const forced = missingMembers(rules, team).byPool[0]?.pool;
          const pool = forced ?? addable(rules, team)[0];
          expect(pool).not.toBeUndefined();
          expect(canAddMember(rules, team, pool ?? null)).toEqual({ ok: true });
          team.push(m(pool ?? null));
        }
        expect(isComplete(rules, team)).toBe(true);
      }),
    );
  });

  it("byPool counts are tight: filling every other pool first still leaves exactly that many", () => {
    fc.assert(
      fc.property(
        pooledRulesArb.chain((rules) => fc.array(choiceArb, { maxLength: 80 }).map((c) => ({ rules, members: build(rules, c) }))),
        ({ rules, members }) => {
          const { total, byPool } = missingMembers(rules, members);
          for (const pool of rules.pools ?? []) {
            const team = [...members];
            // Greedily add to other pools while the team is short.
            let progressed = true;
            while (missingMembers(rules, team).total > 0 && progressed) {
              const other = addable(rules, team).find((p) => p !== pool.key);
              progressed = other !== undefined;
              if (other !== undefined) team.push(m(other));
            }
            const stillNeeded = missingMembers(rules, team).total;
            expect(stillNeeded).toBe(byPool.find((b) => b.pool === pool.key)?.count ?? 0);
            expect(stillNeeded).toBeLessThanOrEqual(total);
          }
        },
      ),
    );
  });
});

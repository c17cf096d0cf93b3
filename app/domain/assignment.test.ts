import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignJudges, rebalance, type AssignmentInput, type AssignmentResult, type JudgePair } from "./assignment";
import type { ConflictLookup, ConflictReason } from "./conflicts";
import { mulberry32 } from "./prng";

// ---------------------------------------------------------------- fixtures

type Instance = {
  S: number;
  J: number;
  k: number;
  conflicted: ReadonlySet<string>;
  fixed: JudgePair[];
  excluded: string[];
  seed: number;
};

const sid = (i: number): string => `s${i}`;
const jid = (i: number): string => `j${i}`;
const pk = (judgeId: string, submissionId: string): string => `${judgeId}|${submissionId}`;
const REASONS: ConflictReason[] = ["member", "declared", "region", "kim", "institution"];

function lookupOf(conflicted: ReadonlySet<string>): ConflictLookup {
  return (j, s) => {
    if (!conflicted.has(pk(j, s))) return [];
    // A stable, varied reason so "conflict:<reason>" codes get exercised.
    return [REASONS[(j.length + s.length + s.charCodeAt(s.length - 1)) % REASONS.length]!];
  };
}

function toInput(inst: Instance): AssignmentInput {
  return {
    submissions: Array.from({ length: inst.S }, (_, i) => ({ id: sid(i), teamId: `t${i}` })),
    judges: Array.from({ length: inst.J }, (_, i) => ({ id: jid(i) })),
    k: inst.k,
    conflicts: lookupOf(inst.conflicted),
    fixed: inst.fixed,
    excludedJudgeIds: inst.excluded,
    seed: inst.seed,
  };
}

const rng = mulberry32;

/** Conflict probability per pair given by `density(judgeIndex, submissionIndex)`. */
function largeInstance(S: number, J: number, k: number, seed: number, density: (j: number, s: number) => number): Instance {
  const r = rng(seed);
  const conflicted = new Set<string>();
  for (let s = 0; s < S; s++) for (let j = 0; j < J; j++) if (r() < density(j, s)) conflicted.add(pk(jid(j), sid(s)));
  return { S, J, k, conflicted, fixed: [], excluded: [], seed };
}

const smallInstance: fc.Arbitrary<Instance> = fc
  .record({
    S: fc.integer({ min: 0, max: 14 }),
    J: fc.integer({ min: 0, max: 8 }),
    k: fc.integer({ min: 0, max: 4 }),
    density: fc.constantFrom(0, 10, 30, 60, 90),
    seed: fc.integer(),
  })
  .chain(({ S, J, k, density, seed }) =>
    fc.record({
      S: fc.constant(S),
      J: fc.constant(J),
      k: fc.constant(k),
      seed: fc.constant(seed),
      // Per-judge openness makes some judges far more conflicted than others,
      // which is what produces infeasible balance worth optimizing.
      conflicted: fc
        .tuple(fc.array(fc.integer({ min: 0, max: 99 }), { minLength: S * J, maxLength: S * J }), fc.array(fc.integer({ min: 0, max: 30 }), { minLength: J, maxLength: J }))
        .map(([cells, openness]) => {
          const set = new Set<string>();
          cells.forEach((c, idx) => {
            const j = idx % J;
            if (c < density * (openness[j]! / 15)) set.add(pk(jid(j), sid(Math.floor(idx / J))));
          });
          return set;
        }),
      // Indices may point past the lists on purpose: unknown ids must be dropped, not crash.
      fixed: fc.array(
        fc.record({ s: fc.integer({ min: 0, max: S }), j: fc.integer({ min: 0, max: J }) }).map(({ s, j }) => ({
          judgeId: jid(j),
          submissionId: sid(s),
        })),
        { maxLength: 6 },
      ),
      excluded: fc.subarray(
        Array.from({ length: J }, (_, i) => jid(i)),
        { maxLength: Math.min(2, J) },
      ),
    }),
  );

// ---------------------------------------------------------------- oracle

/**
 * Checks every guarantee except optimality of balance. Problems are collected
 * and asserted once: thousands of expect() calls dominate large-event runs.
 */
function checkInvariants(input: AssignmentInput, res: AssignmentResult): void {
  const problems: string[] = [];
  const conflicts = input.conflicts!;
  const excluded = new Set(input.excludedJudgeIds ?? []);
  const eligible = input.judges.map((j) => j.id).filter((id) => !excluded.has(id));
  const eligibleSet = new Set(eligible);
  const subs = input.submissions.map((s) => s.id);
  const subSet = new Set(subs);

  const seen = new Set<string>();
  const count = new Map<string, number>(subs.map((s) => [s, 0]));
  const load = new Map<string, number>(eligible.map((j) => [j, 0]));
  for (const { judgeId, submissionId } of res.assignments) {
    const key = pk(judgeId, submissionId);
    if (seen.has(key)) problems.push(`pair twice ${key}`);
    seen.add(key);
    if (conflicts(judgeId, submissionId).length > 0) problems.push(`conflicted ${key}`);
    if (!eligibleSet.has(judgeId)) problems.push(`ineligible judge ${key}`);
    if (!subSet.has(submissionId)) problems.push(`unknown submission ${key}`);
    count.set(submissionId, (count.get(submissionId) ?? 0) + 1);
    load.set(judgeId, (load.get(judgeId) ?? 0) + 1);
  }

  // Fixed pairs: kept exactly when valid, otherwise reported.
  const droppedKeys = new Set(res.droppedFixed.map((d) => pk(d.judgeId, d.submissionId)));
  const fixedPerSub = new Map<string, number>();
  const countedFixed = new Set<string>();
  for (const p of input.fixed ?? []) {
    const key = pk(p.judgeId, p.submissionId);
    const valid = subSet.has(p.submissionId) && eligibleSet.has(p.judgeId) && conflicts(p.judgeId, p.submissionId).length === 0;
    if (seen.has(key) !== valid) problems.push(`fixed ${key} kept=${seen.has(key)} valid=${valid}`);
    if (droppedKeys.has(key) === valid) problems.push(`fixed ${key} dropped=${droppedKeys.has(key)} valid=${valid}`);
    if (valid && !countedFixed.has(key)) {
      countedFixed.add(key);
      fixedPerSub.set(p.submissionId, (fixedPerSub.get(p.submissionId) ?? 0) + 1);
    }
  }

  // Coverage: as many judges as allowed, never a silent gap.
  const shortBy = new Map(res.shortfalls.map((x) => [x.submissionId, x]));
  for (const s of subs) {
    let possible = 0;
    for (const j of eligible) if (conflicts(j, s).length === 0) possible++;
    const expected = Math.max(fixedPerSub.get(s) ?? 0, Math.min(input.k, possible));
    if (count.get(s) !== expected) problems.push(`coverage of ${s}: ${count.get(s)} ≠ ${expected}`);
    if (res.coverage[s] !== expected) problems.push(`reported coverage of ${s}`);
    const short = shortBy.get(s);
    const wanted = expected < input.k ? input.k - expected : 0;
    if ((short?.missing ?? 0) !== wanted || (short && short.reason !== "not_enough_eligible_judges")) {
      problems.push(`shortfall of ${s}: ${JSON.stringify(short)} vs missing ${wanted}`);
    }
  }
  if (res.shortfalls.length !== shortBy.size) problems.push("duplicate shortfalls");
  expect(problems).toEqual([]);

  expect(res.loads).toEqual(Object.fromEntries(load));
  const values = [...load.values()];
  const min = values.length ? Math.min(...values) : 0;
  const max = values.length ? Math.max(...values) : 0;
  expect([res.minLoad, res.maxLoad]).toEqual([min, max]);
  expect(res.balanced).toBe(max - min <= 1);
}

/**
 * Independent certificate of optimal balance: no chain of moves (judge A gives a
 * non-fixed submission to an eligible judge B, who gives one to C, …) lowers a
 * judge with load L while raising one with load ≤ L−2.
 */
function noImprovingExchange(input: AssignmentInput, res: AssignmentResult): boolean {
  const conflicts = input.conflicts!;
  const fixed = new Set((input.fixed ?? []).map((p) => pk(p.judgeId, p.submissionId)));
  const eligible = Object.keys(res.loads);
  const assigned = new Set(res.assignments.map((p) => pk(p.judgeId, p.submissionId)));
  const movable = new Map<string, string[]>(eligible.map((j) => [j, []]));
  for (const p of res.assignments) if (!fixed.has(pk(p.judgeId, p.submissionId))) movable.get(p.judgeId)!.push(p.submissionId);
  // One multi-source search per load level: "some judge at L reaches one at ≤ L−2".
  for (const L of new Set(Object.values(res.loads))) {
    const queue = eligible.filter((j) => res.loads[j] === L);
    const visited = new Set(queue);
    while (queue.length > 0) {
      const judge = queue.shift()!;
      for (const s of movable.get(judge)!) {
        for (const other of eligible) {
          if (visited.has(other) || assigned.has(pk(other, s)) || conflicts(other, s).length > 0) continue;
          if (res.loads[other]! <= L - 2) return false;
          visited.add(other);
          queue.push(other);
        }
      }
    }
  }
  return true;
}

/** Exhaustive best [minimal max load, maximal min load] over all full-coverage completions. */
function bruteForceBounds(input: AssignmentInput, res: AssignmentResult): [number, number] | null {
  const eligible = Object.keys(res.loads);
  const base = new Map(eligible.map((j) => [j, 0]));
  const fixedKept = new Set(res.assignments.map((p) => pk(p.judgeId, p.submissionId)));
  const keptFixed = (input.fixed ?? []).filter((p) => fixedKept.has(pk(p.judgeId, p.submissionId)));
  const uniqueFixed = new Set(keptFixed.map((p) => pk(p.judgeId, p.submissionId)));
  for (const key of uniqueFixed) {
    const j = key.split("|")[0]!;
    base.set(j, base.get(j)! + 1);
  }
  const options: string[][][] = [];
  let space = 1;
  for (const { id: s } of input.submissions) {
    const fixedHere = eligible.filter((j) => uniqueFixed.has(pk(j, s)));
    const free = eligible.filter((j) => !fixedHere.includes(j) && input.conflicts!(j, s).length === 0);
    const need = Math.min(Math.max(input.k - fixedHere.length, 0), free.length);
    const subsets = combinations(free, need);
    space *= subsets.length;
    if (space > 50_000) return null;
    options.push(subsets);
  }
  let best: [number, number] = [Infinity, -Infinity];
  const loads = new Map(base);
  const walk = (i: number): void => {
    if (i === options.length) {
      const v = [...loads.values()];
      best = [Math.min(best[0], Math.max(...v)), Math.max(best[1], Math.min(...v))];
      return;
    }
    for (const subset of options[i]!) {
      for (const j of subset) loads.set(j, loads.get(j)! + 1);
      walk(i + 1);
      for (const j of subset) loads.set(j, loads.get(j)! - 1);
    }
  };
  walk(0);
  return best;
}

function combinations<T>(items: T[], size: number): T[][] {
  if (size === 0) return [[]];
  if (items.length < size) return [];
  const [head, ...tail] = items;
  return [...combinations(tail, size - 1).map((c) => [head!, ...c]), ...combinations(tail, size)];
}

// ---------------------------------------------------------------- small properties

describe("assignJudges — properties on small events", () => {
  it("coverage, no conflicts, no duplicates, fixed pairs, loads", () => {
    fc.assert(
      fc.property(smallInstance, (inst) => {
        const input = toInput(inst);
        checkInvariants(input, assignJudges(input));
      }),
      { numRuns: 400 },
    );
  });

  it("balance is optimal: no improving exchange, and matches exhaustive search", () => {
    fc.assert(
      fc.property(smallInstance, (inst) => {
        const input = toInput(inst);
        const res = assignJudges(input);
        expect(noImprovingExchange(input, res)).toBe(true);
        if (Object.keys(res.loads).length === 0) return;
        const best = bruteForceBounds(input, res);
        if (best) expect([res.maxLoad, res.minLoad]).toEqual(best);
      }),
      { numRuns: 400 },
    );
  });

  it("sweep of 3,000 seeded random events: invariants and optimal balance", () => {
    // Improvable outcomes are rare (≈1 in 300 events here), so a wide cheap
    // sweep guards the exchange phase better than a few hundred fast-check runs.
    for (let seed = 0; seed < 3000; seed++) {
      const r = rng(seed);
      const S = 1 + Math.floor(r() * 10);
      const J = 2 + Math.floor(r() * 6);
      const k = 1 + Math.floor(r() * 3);
      const density = r() * 1.5;
      const openness = Array.from({ length: J }, () => r());
      const conflicted = new Set<string>();
      for (let s = 0; s < S; s++) for (let j = 0; j < J; j++) if (r() < density * openness[j]!) conflicted.add(pk(jid(j), sid(s)));
      const fixed = r() < 0.3 ? [{ judgeId: jid(Math.floor(r() * J)), submissionId: sid(Math.floor(r() * S)) }] : [];
      const excluded = r() < 0.2 ? [jid(Math.floor(r() * J))] : [];
      const input = toInput({ S, J, k, conflicted, fixed, excluded, seed });
      const res = assignJudges(input);
      checkInvariants(input, res);
      expect(noImprovingExchange(input, res), `seed ${seed}`).toBe(true);
    }
  });

  it("without conflicts or fixed pairs the loads always differ by at most one", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 5 }), (S, J, k) => {
        const res = assignJudges(toInput({ S, J, k, conflicted: new Set(), fixed: [], excluded: [], seed: 1 }));
        expect(res.balanced).toBe(true);
        expect(res.shortfalls.length).toBe(k > J ? S : 0);
      }),
    );
  });

  it("is deterministic and independent of input order", () => {
    fc.assert(
      fc.property(smallInstance, fc.integer(), (inst, shuffleSeed) => {
        const input = toInput(inst);
        const first = assignJudges(input);
        expect(assignJudges(toInput(inst))).toEqual(first);
        const r = rng(shuffleSeed);
        const permute = <T>(xs: readonly T[]): T[] =>
          xs
            .map((x) => [r(), x] as const)
            .sort((a, b) => a[0] - b[0])
            .map(([, x]) => x);
        const permuted = assignJudges({
          ...input,
          submissions: permute(input.submissions),
          judges: permute(input.judges),
          fixed: permute(input.fixed ?? []),
          excludedJudgeIds: permute(input.excludedJudgeIds ?? []),
        });
        expect(permuted).toEqual(first);
      }),
      { numRuns: 150 },
    );
  });

  it("rebalance keeps every other pair and restores coverage and balance", () => {
    fc.assert(
      fc.property(smallInstance, fc.nat(), (inst, pick) => {
        const input = toInput({ ...inst, fixed: [], excluded: [] });
        const before = assignJudges(input);
        if (inst.J === 0) return;
        const dropped = jid(pick % inst.J);
        const after = rebalance({ ...input, existing: before.assignments, droppedJudgeIds: [dropped] });
        const afterKeys = new Set(after.assignments.map((p) => pk(p.judgeId, p.submissionId)));
        for (const p of before.assignments) {
          if (p.judgeId !== dropped) expect(afterKeys.has(pk(p.judgeId, p.submissionId))).toBe(true);
        }
        expect(after.assignments.some((p) => p.judgeId === dropped)).toBe(false);
        expect(after.loads[dropped]).toBeUndefined();
        const kept = before.assignments.filter((p) => p.judgeId !== dropped);
        const asFixed = { ...input, fixed: kept, excludedJudgeIds: [dropped] };
        checkInvariants(asFixed, after);
        expect(noImprovingExchange(asFixed, after)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------- examples

describe("assignJudges — examples", () => {
  it("reports shortfalls instead of leaving silent gaps", () => {
    const conflicted = new Set([pk("j0", "s0"), pk("j1", "s0")]);
    const res = assignJudges(toInput({ S: 2, J: 3, k: 2, conflicted, fixed: [], excluded: [], seed: 0 }));
    expect(res.coverage).toEqual({ s0: 1, s1: 2 });
    expect(res.shortfalls).toEqual([{ submissionId: "s0", missing: 1, reason: "not_enough_eligible_judges" }]);
    expect(res.assignments.filter((p) => p.submissionId === "s0")).toEqual([{ judgeId: "j2", submissionId: "s0" }]);
  });

  it("flags unavoidable imbalance but still covers everything", () => {
    // j1 may judge nothing, so it must stay at 0 while j0 takes all three.
    const conflicted = new Set([0, 1, 2].map((s) => pk("j1", sid(s))));
    const res = assignJudges(toInput({ S: 3, J: 2, k: 1, conflicted, fixed: [], excluded: [], seed: 0 }));
    expect(res.loads).toEqual({ j0: 3, j1: 0 });
    expect(res.balanced).toBe(false);
    expect(res.shortfalls).toEqual([]);
  });

  it("keeps fixed pairs, counts them towards k and reports invalid ones", () => {
    const res = assignJudges({
      ...toInput({ S: 2, J: 3, k: 1, conflicted: new Set([pk("j2", "s1")]), fixed: [], excluded: ["j1"], seed: 0 }),
      fixed: [
        { judgeId: "j0", submissionId: "s0" },
        { judgeId: "j0", submissionId: "s0" },
        { judgeId: "j1", submissionId: "s1" },
        { judgeId: "j2", submissionId: "s1" },
        { judgeId: "j9", submissionId: "s1" },
        { judgeId: "j0", submissionId: "s9" },
      ],
    });
    expect(res.assignments).toEqual([
      { judgeId: "j0", submissionId: "s0" },
      { judgeId: "j0", submissionId: "s1" },
    ]);
    expect(res.droppedFixed).toEqual([
      { judgeId: "j1", submissionId: "s1", reason: "excluded_judge" },
      { judgeId: "j2", submissionId: "s1", reason: "conflict" },
      { judgeId: "j9", submissionId: "s1", reason: "unknown_judge" },
      { judgeId: "j0", submissionId: "s9", reason: "unknown_submission" },
    ]);
    expect(res.loads).toEqual({ j0: 2, j2: 0 });
    expect(res.excludedJudgeIds).toEqual(["j1"]);
  });

  it("keeps more fixed judges than k rather than removing manual choices", () => {
    const fixed = ["j0", "j1", "j2"].map((judgeId) => ({ judgeId, submissionId: "s0" }));
    const res = assignJudges({ ...toInput({ S: 1, J: 4, k: 2, conflicted: new Set(), fixed, excluded: [], seed: 0 }) });
    expect(res.coverage).toEqual({ s0: 3 });
    expect(res.shortfalls).toEqual([]);
  });

  it("handles empty events and k = 0", () => {
    expect(assignJudges(toInput({ S: 0, J: 0, k: 3, conflicted: new Set(), fixed: [], excluded: [], seed: 0 }))).toMatchObject({
      assignments: [],
      shortfalls: [],
      balanced: true,
    });
    const noJudges = assignJudges(toInput({ S: 2, J: 0, k: 2, conflicted: new Set(), fixed: [], excluded: [], seed: 0 }));
    expect(noJudges.shortfalls.map((s) => s.missing)).toEqual([2, 2]);
    const zero = assignJudges(toInput({ S: 3, J: 2, k: 0, conflicted: new Set(), fixed: [], excluded: [], seed: 0 }));
    expect(zero.assignments).toEqual([]);
    expect(zero.loads).toEqual({ j0: 0, j1: 0 });
  });

  it("rejects an invalid k", () => {
    for (const k of [-1, 1.5, Number.NaN]) {
      expect(() => assignJudges({ submissions: [], judges: [], k })).toThrow(RangeError);
    }
  });

  it("different seeds may pair judges differently but keep the guarantees", () => {
    const inst = largeInstance(40, 9, 3, 7, () => 0.2);
    const a = assignJudges({ ...toInput(inst), seed: 1 });
    const b = assignJudges({ ...toInput(inst), seed: 2 });
    checkInvariants(toInput(inst), a);
    checkInvariants(toInput(inst), b);
    expect(a.assignments).not.toEqual(b.assignments);
  });
});

// ---------------------------------------------------------------- large fixed-seed events

describe("assignJudges — large events", () => {
  const cases: [string, Instance][] = [
    ["no conflicts", largeInstance(2000, 100, 3, 1, () => 0)],
    ["10% conflicts", largeInstance(2000, 100, 3, 2, () => 0.1)],
    ["60% conflicts, k=5", largeInstance(2000, 100, 5, 3, () => 0.6)],
    ["97% conflicts (shortfalls, imbalance)", largeInstance(1500, 100, 3, 4, () => 0.97)],
    // 90 judges may only judge the first 200 submissions: the other 10 must carry
    // the rest, so balance is infeasible and the exchange phase has real work.
    ["clustered eligibility", largeInstance(2000, 100, 3, 5, (j, s) => (j >= 10 && s >= 200 ? 1 : 0))],
  ];

  // Speed is measured by `npm run bench`, not asserted here.
  it.each(cases)("%s: guarantees hold", (_name, inst) => {
    const input = toInput(inst);
    const res = assignJudges(input);
    checkInvariants(input, res);
    expect(noImprovingExchange(input, res)).toBe(true);
    if (inst.conflicted.size === 0) expect(res.balanced).toBe(true);
  });

  it("rebalances a large event after a judge drops out", () => {
    const inst = largeInstance(2000, 100, 3, 6, () => 0.1);
    const input = toInput(inst);
    const before = assignJudges(input);
    const after = rebalance({ ...input, existing: before.assignments, droppedJudgeIds: ["j42"] });
    const afterKeys = new Set(after.assignments.map((p) => pk(p.judgeId, p.submissionId)));
    const kept = before.assignments.filter((p) => p.judgeId !== "j42");
    expect(kept.every((p) => afterKeys.has(pk(p.judgeId, p.submissionId)))).toBe(true);
    const asFixed = { ...input, fixed: kept, excludedJudgeIds: ["j42"] };
    checkInvariants(asFixed, after);
    expect(after.balanced).toBe(true);
    expect(after.assignments.length).toBe(before.assignments.length);
  });

  it("is deterministic on a large event", () => {
    const input = toInput(largeInstance(2000, 100, 3, 8, () => 0.3));
    expect(assignJudges(input)).toEqual(assignJudges(input));
  });
});

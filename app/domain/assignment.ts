// Automatic judge assignment: k distinct, non-conflicted judges per submission
// with judge workloads as even as the conflicts allow.
//
// Priorities, in order:
//  1. Coverage. Without load caps every submission can take min(k, its eligible
//     judges) independently, so that is always achievable; a submission is short
//     only when too few judges may judge it, and that is reported as a shortfall.
//     Balance is never bought with an uncovered submission.
//  2. Balance. Among full-coverage assignments we pick one whose load vector is
//     "decreasingly minimal": the feasible load vectors form an M-convex set, and
//     there a vector with no improving exchange (move one submission from a
//     judge with load L to one with load ≤ L−2, possibly through a chain of
//     swaps) simultaneously minimises the maximum load and maximises the minimum
//     (Frank & Murota, "Discrete decreasing minimization"). When max−min ≤ 1 is
//     achievable at all, it is therefore achieved.
//
// Fixed pairs (manual or previous assignments) count towards k and towards the
// loads but are never moved. Input order does not matter: ids are sorted first,
// and ties are broken by a seeded shuffle so panels mix instead of the same
// three judges sharing every submission.

import type { ConflictLookup, ConflictReason } from "./conflicts";
import { levelLoads, smallestSufficientCap } from "./assignment-balance";
import { FlowNetwork } from "./flow";
import { mulberry32, shuffle } from "./prng";

export { assignmentWarnings, explainNonAssignment } from "./assignment-review";
export type { AssignmentScope, AssignmentWarning, NonAssignmentCode } from "./assignment-review";

export type JudgePair = { judgeId: string; submissionId: string };

export type AssignmentInput = {
  submissions: readonly { id: string; teamId: string }[];
  judges: readonly { id: string }[];
  /** Judges wanted per submission. */
  k: number;
  /** Omitted: nobody is conflicted. */
  conflicts?: ConflictLookup;
  /** Kept as-is (unless conflicted or the judge is excluded) and counted towards k and loads. */
  fixed?: readonly JudgePair[];
  /** Judges who dropped out: they get nothing and do not count for balance. */
  excludedJudgeIds?: readonly string[];
  /** Tie-breaking seed; same seed + same input → same output. */
  seed?: number;
};

export type Shortfall = {
  submissionId: string;
  missing: number;
  reason: "not_enough_eligible_judges";
};

export type DroppedFixedReason = "unknown_submission" | "excluded_judge" | "unknown_judge" | "conflict";

export type DroppedFixed = JudgePair & { reason: DroppedFixedReason };

export type AssignmentResult = {
  k: number;
  /** Sorted by submission id, then judge id; includes the kept fixed pairs. */
  assignments: JudgePair[];
  /** Every eligible (non-excluded) judge, including those with load 0. */
  loads: Record<string, number>;
  /** Judges per submission, for every submission. */
  coverage: Record<string, number>;
  shortfalls: Shortfall[];
  /** max − min load ≤ 1 over eligible judges. False only when conflicts or fixed pairs make it impossible. */
  balanced: boolean;
  minLoad: number;
  maxLoad: number;
  droppedFixed: DroppedFixed[];
  excludedJudgeIds: string[];
};

export type RebalanceInput = Omit<AssignmentInput, "fixed"> & {
  existing: readonly JudgePair[];
  droppedJudgeIds: readonly string[];
};

const NO_REASONS: readonly ConflictReason[] = [];
const noConflicts: ConflictLookup = () => NO_REASONS;

// Code-unit order, never localeCompare: the result must not depend on the host locale.
const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byPair = (a: JudgePair, b: JudgePair): number => byString(a.submissionId, b.submissionId) || byString(a.judgeId, b.judgeId);

function pairKey(judgeId: string, submissionId: string): string {
  return `${judgeId}\u0000${submissionId}`;
}

export function assignJudges(input: AssignmentInput): AssignmentResult {
  const { k } = input;
  if (!Number.isInteger(k) || k < 0) throw new RangeError("invalid_k");
  const conflicts = input.conflicts ?? noConflicts;
  const excluded = new Set(input.excludedJudgeIds ?? []);
  const knownJudges = new Set(input.judges.map((j) => j.id));
  const judgeIds = [...knownJudges].filter((id) => !excluded.has(id)).sort(byString);
  const submissions = uniqueById(input.submissions);
  const S = submissions.length;
  const J = judgeIds.length;
  const judgeIndex = new Map(judgeIds.map((id, i) => [id, i]));
  const subIndex = new Map(submissions.map((s, i) => [s.id, i]));

  const fixedOf: number[][] = submissions.map(() => []);
  const fixedLoad = new Int32Array(J);
  const droppedFixed: DroppedFixed[] = [];
  const seen = new Set<string>();
  for (const p of [...(input.fixed ?? [])].sort(byPair)) {
    const key = pairKey(p.judgeId, p.submissionId);
    if (seen.has(key)) continue;
    seen.add(key);
    const si = subIndex.get(p.submissionId);
    const ji = judgeIndex.get(p.judgeId); // undefined for excluded judges too
    if (si === undefined || ji === undefined || conflicts(p.judgeId, p.submissionId).length > 0) {
      const reason: DroppedFixedReason = si === undefined ? "unknown_submission" : excluded.has(p.judgeId) ? "excluded_judge" : ji === undefined ? "unknown_judge" : "conflict";
      droppedFixed.push({ judgeId: p.judgeId, submissionId: p.submissionId, reason });
      continue;
    }
    fixedOf[si].push(ji);
    fixedLoad[ji]++;
  }

  const rand = mulberry32(input.seed ?? 0);
  const order = Array.from({ length: J }, (_, i) => i);
  const candidates: number[][] = [];
  const demand = new Int32Array(S);
  let edgeCount = S + J;
  for (let si = 0; si < S; si++) {
    const fixedHere = fixedOf[si];
    const need = k - fixedHere.length;
    const list: number[] = [];
    if (need > 0) {
      shuffle(order, rand);
      const subId = submissions[si].id;
      for (const ji of order) {
        if (fixedHere.includes(ji) || conflicts(judgeIds[ji], subId).length > 0) continue;
        list.push(ji);
      }
    }
    demand[si] = Math.min(Math.max(need, 0), list.length);
    candidates.push(list);
    edgeCount += list.length;
  }

  const source = 0;
  const sink = S + J + 1;
  const judgeNode = (ji: number): number => S + 1 + ji;
  const net = new FlowNetwork(S + J + 2, edgeCount);
  let required = 0;
  for (let si = 0; si < S; si++) {
    if (demand[si] === 0) continue;
    required += demand[si];
    net.addEdge(source, si + 1, demand[si]);
    for (const ji of candidates[si]) net.addEdge(si + 1, judgeNode(ji), 1);
  }
  const judgeEdge = Int32Array.from(judgeIds, (_, ji) => net.addEdge(judgeNode(ji), sink, 0));

  if (required > 0) {
    const capAll = (limit: number): void => {
      for (let ji = 0; ji < J; ji++) {
        const e = judgeEdge[ji];
        net.setCapacity(e, Math.max(limit - fixedLoad[ji], net.flowOn(e)));
      }
    };
    const total = required + fixedLoad.reduce((a, b) => a + b, 0);
    const lo = Math.floor(total / J);
    const hi = Math.ceil(total / J);
    // Filling everyone to the floor first, then to the ceiling, finds a
    // max−min ≤ 1 solution whenever one exists (flow into the sink is never
    // undone by later augmentation).
    capAll(lo);
    let flow = net.maxFlow(source, sink);
    capAll(hi);
    flow += net.maxFlow(source, sink);
    // Conflicts forced some judge above the ceiling. The cap needed is usually
    // just above it, so raise step by step (each step only augments) before
    // falling back to a search that recomputes from a snapshot.
    for (let limit = hi + 1; flow < required && limit <= hi + 3; limit++) {
      capAll(limit);
      flow += net.maxFlow(source, sink);
    }
    if (flow < required) {
      const limit = smallestSufficientCap(net, hi + 3, required - flow, (u) => capAll(u), source, sink);
      capAll(limit);
      flow += net.maxFlow(source, sink);
    }
    capAll(S + k + 1); // effectively uncapped, so exchanges below may shift load freely
    const loads = Array.from(judgeIds, (_, ji) => fixedLoad[ji] + net.flowOn(judgeEdge[ji]));
    levelLoads(net, S, judgeEdge, loads);
  }

  const assignments: JudgePair[] = [];
  const coverage: Record<string, number> = {};
  const shortfalls: Shortfall[] = [];
  const loadOf = new Int32Array(fixedLoad);
  for (let si = 0; si < S; si++) {
    const chosen = [...fixedOf[si]];
    for (let e = net.firstEdge(si + 1); e !== -1; e = net.nextEdge(e)) {
      // Even edge ids are the forward submission→judge edges; odd ones are residual twins.
      if ((e & 1) === 0 && net.flowOn(e) > 0) {
        const ji = net.target(e) - S - 1;
        chosen.push(ji);
        loadOf[ji]++;
      }
    }
    chosen.sort((a, b) => a - b);
    const subId = submissions[si].id;
    for (const ji of chosen) assignments.push({ judgeId: judgeIds[ji], submissionId: subId });
    coverage[subId] = chosen.length;
    if (chosen.length < k) {
      shortfalls.push({ submissionId: subId, missing: k - chosen.length, reason: "not_enough_eligible_judges" });
    }
  }

  const loads: Record<string, number> = {};
  judgeIds.forEach((id, ji) => (loads[id] = loadOf[ji]));
  const minLoad = J === 0 ? 0 : Math.min(...loadOf);
  const maxLoad = J === 0 ? 0 : Math.max(...loadOf);
  return {
    k,
    assignments,
    loads,
    coverage,
    shortfalls,
    balanced: maxLoad - minLoad <= 1,
    minLoad,
    maxLoad,
    droppedFixed,
    excludedJudgeIds: [...excluded].sort(byString),
  };
}

/**
 * A judge dropped out: every other existing pair is kept, and the dropped
 * judges' submissions are topped up again, preferring the least-loaded judges.
 */
export function rebalance(input: RebalanceInput): AssignmentResult {
  const dropped = new Set(input.droppedJudgeIds);
  const { existing, droppedJudgeIds, ...rest } = input;
  return assignJudges({
    ...rest,
    fixed: existing.filter((p) => !dropped.has(p.judgeId)),
    excludedJudgeIds: [...(input.excludedJudgeIds ?? []), ...droppedJudgeIds],
  });
}

function uniqueById<T extends { id: string }>(items: readonly T[]): T[] {
  const byId = new Map<string, T>();
  for (const item of items) if (!byId.has(item.id)) byId.set(item.id, item);
  return [...byId.values()].sort((a, b) => byString(a.id, b.id));
}

// Organizer-facing checks on assignments: why a judge is not on a submission,
// and what is wrong with a hand-edited assignment set. Kept apart from the
// solver so manual edits can be validated without running it.

import type { AssignmentResult, JudgePair } from "./assignment";
import type { ConflictLookup, ConflictReason } from "./conflicts";

export type NonAssignmentCode =
  | "assigned"
  | `conflict:${ConflictReason}`
  | "excluded_judge"
  | "unknown_judge"
  | "unknown_submission"
  /** Eligible, but the submission already has its k judges from others. */
  | "load_balance"
  /** Eligible and the submission still has room: only possible after manual edits. */
  | "open_slot";

const assignedCache = new WeakMap<AssignmentResult, Set<string>>();

const key = (judgeId: string, submissionId: string): string => `${judgeId}\u0000${submissionId}`;

// Organizers browse whole judge × submission grids, so the pair set is built
// once per result instead of once per question.
function assignedPairs(result: AssignmentResult): Set<string> {
  let set = assignedCache.get(result);
  if (!set) {
    set = new Set(result.assignments.map((p) => key(p.judgeId, p.submissionId)));
    assignedCache.set(result, set);
  }
  return set;
}

/**
 * Why the judge is (not) on the submission. Returns ["assigned"] for assigned
 * pairs; otherwise every applicable code, conflicts first in reason order.
 */
export function explainNonAssignment(judgeId: string, submissionId: string, result: AssignmentResult, conflicts: ConflictLookup): NonAssignmentCode[] {
  if (assignedPairs(result).has(key(judgeId, submissionId))) return ["assigned"];
  const codes: NonAssignmentCode[] = conflicts(judgeId, submissionId).map((reason) => `conflict:${reason}` as const);
  if (result.excludedJudgeIds.includes(judgeId)) codes.push("excluded_judge");
  else if (!Object.hasOwn(result.loads, judgeId)) codes.push("unknown_judge");
  const covered = Object.hasOwn(result.coverage, submissionId) ? result.coverage[submissionId] : undefined;
  if (covered === undefined) codes.push("unknown_submission");
  if (codes.length > 0) return codes;
  return [covered !== undefined && covered >= result.k ? "load_balance" : "open_slot"];
}

export type AssignmentWarning =
  | { code: "conflict"; judgeId: string; submissionId: string; reasons: readonly ConflictReason[] }
  | { code: "duplicate_pair"; judgeId: string; submissionId: string; count: number }
  | { code: "unknown_judge"; judgeId: string }
  | { code: "unknown_submission"; submissionId: string }
  | { code: "under_assigned"; submissionId: string; count: number; k: number }
  | { code: "over_assigned"; submissionId: string; count: number; k: number }
  | {
      code: "imbalance";
      minLoad: number;
      maxLoad: number;
      minJudgeIds: string[];
      maxJudgeIds: string[];
    };

/**
 * Without a scope only judges and submissions that appear in `assignments` are
 * known, so a judge with nothing or a submission with nobody cannot be seen;
 * pass the event's judge and submission ids to catch those too.
 */
export type AssignmentScope = {
  judgeIds?: readonly string[];
  submissionIds?: readonly string[];
};

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Problems in a (typically hand-edited) assignment set, in a stable order:
 * pair problems, then unknown ids, then per-submission counts, then imbalance.
 */
export function assignmentWarnings(assignments: readonly JudgePair[], k: number, conflicts: ConflictLookup, scope: AssignmentScope = {}): AssignmentWarning[] {
  const pairs = new Map<string, { pair: JudgePair; count: number }>();
  for (const p of assignments) {
    const id = key(p.judgeId, p.submissionId);
    const entry = pairs.get(id);
    if (entry) entry.count++;
    else pairs.set(id, { pair: p, count: 1 });
  }
  const sortedPairs = [...pairs.values()].sort((a, b) => byString(a.pair.submissionId, b.pair.submissionId) || byString(a.pair.judgeId, b.pair.judgeId));

  const warnings: AssignmentWarning[] = [];
  const judgesOf = new Map<string, number>();
  const loadOf = new Map<string, number>();
  for (const id of scope.submissionIds ?? []) judgesOf.set(id, 0);
  for (const id of scope.judgeIds ?? []) loadOf.set(id, 0);
  const knownJudges = scope.judgeIds ? new Set(scope.judgeIds) : null;
  const knownSubs = scope.submissionIds ? new Set(scope.submissionIds) : null;
  const unknownJudges = new Set<string>();
  const unknownSubs = new Set<string>();

  for (const { pair, count } of sortedPairs) {
    const { judgeId, submissionId } = pair;
    const reasons = conflicts(judgeId, submissionId);
    if (reasons.length > 0) warnings.push({ code: "conflict", judgeId, submissionId, reasons });
    if (count > 1) warnings.push({ code: "duplicate_pair", judgeId, submissionId, count });
    if (knownJudges && !knownJudges.has(judgeId)) unknownJudges.add(judgeId);
    if (knownSubs && !knownSubs.has(submissionId)) unknownSubs.add(submissionId);
    // Duplicates count once: a judge scoring the same submission twice adds no coverage.
    judgesOf.set(submissionId, (judgesOf.get(submissionId) ?? 0) + 1);
    loadOf.set(judgeId, (loadOf.get(judgeId) ?? 0) + 1);
  }

  for (const judgeId of [...unknownJudges].sort(byString)) warnings.push({ code: "unknown_judge", judgeId });
  for (const submissionId of [...unknownSubs].sort(byString)) {
    warnings.push({ code: "unknown_submission", submissionId });
  }

  for (const [submissionId, count] of [...judgesOf].sort((a, b) => byString(a[0], b[0]))) {
    if (unknownSubs.has(submissionId)) continue;
    if (count < k) warnings.push({ code: "under_assigned", submissionId, count, k });
    else if (count > k) warnings.push({ code: "over_assigned", submissionId, count, k });
  }

  // Balance is judged among the event's judges; unknown judges are already flagged.
  const balanced = [...loadOf].filter(([id]) => !unknownJudges.has(id)).sort((a, b) => byString(a[0], b[0]));
  if (balanced.length > 0) {
    const values = balanced.map(([, load]) => load);
    const minLoad = Math.min(...values);
    const maxLoad = Math.max(...values);
    if (maxLoad - minLoad > 1) {
      warnings.push({
        code: "imbalance",
        minLoad,
        maxLoad,
        minJudgeIds: balanced.filter(([, l]) => l === minLoad).map(([id]) => id),
        maxJudgeIds: balanced.filter(([, l]) => l === maxLoad).map(([id]) => id),
      });
    }
  }
  return warnings;
}

// Judge assignment per round: automatic distribution, manual edits (conflicts refused outright),
// re-balancing after a judge drops out (the organizer's board is in assignment-board.server.ts).
import { assignJudges, assignmentWarnings, rebalance, type AssignmentResult, type JudgePair } from "~/domain/assignment";
import type { ConflictReason } from "~/domain/conflicts";
import { audit } from "~/services/audit.server";
import { db } from "~/services/db.server";
import type { Failure } from "~/validation/message";
import { conflictContext, lookupFor, refreshDetectedConflicts, type Tx } from "./conflict.server";

export async function getRound(eventId: string, roundId: string, client: Tx = db) {
  return client.round.findFirst({ where: { id: roundId, eventId } });
}

/**
 * The first round judges every submitted project of an accepted team; its entries are created
 * on first use. Later rounds get entries only by advancing.
 */
export async function ensureFirstRoundEntries(round: { id: string; eventId: string; order: number }, client: Tx = db) {
  const minOrder = await client.round.aggregate({ where: { eventId: round.eventId }, _min: { order: true } });
  if (round.order !== minOrder._min.order) return 0;
  if ((await client.roundEntry.count({ where: { roundId: round.id } })) > 0) return 0;
  const submissions = await client.submission.findMany({
    where: { eventId: round.eventId, status: "SUBMITTED", team: { status: "ACCEPTED" } },
    select: { id: true },
  });
  for (const s of submissions) await client.roundEntry.create({ data: { roundId: round.id, submissionId: s.id } });
  return submissions.length;
}

async function roundState(eventId: string, roundId: string, client: Tx = db) {
  const [entries, judges, assignments, ctx] = await Promise.all([
    client.roundEntry.findMany({ where: { roundId }, select: { submission: { select: { id: true, teamId: true } } } }),
    client.eventMember.findMany({ where: { eventId, role: "JUDGE" }, select: { userId: true } }),
    client.assignment.findMany({ where: { roundId }, select: { id: true, judgeId: true, submissionId: true, manual: true } }),
    conflictContext(eventId, client),
  ]);
  const submissions = entries.map((e) => e.submission);
  const lookup = lookupFor(ctx.matrix, submissions);
  return { submissions, judgeIds: judges.map((j) => j.userId), assignments, lookup, ctx };
}

/** An AssignmentResult describing what is stored, so the domain's explanations apply to it. */
export function resultFromPairs(pairs: readonly JudgePair[], k: number, submissionIds: readonly string[], judgeIds: readonly string[]): AssignmentResult {
  const loads: Record<string, number> = Object.fromEntries(judgeIds.map((id) => [id, 0]));
  const coverage: Record<string, number> = Object.fromEntries(submissionIds.map((id) => [id, 0]));
  for (const p of pairs) {
    if (Object.hasOwn(loads, p.judgeId)) loads[p.judgeId]++;
    if (Object.hasOwn(coverage, p.submissionId)) coverage[p.submissionId]++;
  }
  const values = Object.values(loads);
  const minLoad = values.length ? Math.min(...values) : 0;
  const maxLoad = values.length ? Math.max(...values) : 0;
  return {
    k,
    assignments: [...pairs],
    loads,
    coverage,
    shortfalls: Object.entries(coverage)
      .filter(([, n]) => n < k)
      .map(([submissionId, n]) => ({ submissionId, missing: k - n, reason: "not_enough_eligible_judges" as const })),
    balanced: maxLoad - minLoad <= 1,
    minLoad,
    maxLoad,
    droppedFixed: [],
    excludedJudgeIds: [],
  };
}

/** "Bagikan otomatis": keeps every existing pair and tops each entry up to k judges. */
export async function autoAssign(eventId: string, roundId: string, actorId: string) {
  return db.$transaction(async (tx) => {
    const round = await tx.round.findFirstOrThrow({ where: { id: roundId, eventId } });
    await ensureFirstRoundEntries(round, tx);
    await refreshDetectedConflicts(eventId, tx);
    const state = await roundState(eventId, roundId, tx);
    const result = assignJudges({
      submissions: state.submissions,
      judges: state.judgeIds.map((id) => ({ id })),
      k: round.judgesPerSubmission,
      conflicts: state.lookup,
      fixed: state.assignments,
      seed: seedOf(roundId),
    });
    const existing = new Set(state.assignments.map((a) => `${a.judgeId}|${a.submissionId}`));
    const created = result.assignments.filter((p) => !existing.has(`${p.judgeId}|${p.submissionId}`));
    for (const p of created) await tx.assignment.create({ data: { roundId, ...p } });
    await audit(
      {
        eventId,
        actorId,
        action: "assignment.auto",
        entity: "round",
        entityId: roundId,
        after: { k: round.judgesPerSubmission, created, shortfalls: result.shortfalls, loads: result.loads, droppedFixed: result.droppedFixed },
      },
      tx,
    );
    return { created: created.length, shortfalls: result.shortfalls, balanced: result.balanced, conflictedExisting: result.droppedFixed.filter((d) => d.reason === "conflict") };
  });
}

/** A refused hand-made pair; a conflict names its reasons. */
export type AddAssignmentFailure = Failure<"unknownJudge" | "unknownSubmission" | "duplicate"> | (Failure<"conflict"> & { reasons: readonly ConflictReason[] });
export type AddAssignmentResult = { ok: true; warnings: ReturnType<typeof assignmentWarnings> } | AddAssignmentFailure;

/** A hand-made pair. Conflicted pairs are refused outright; imbalance is only warned about. */
export async function addAssignment(eventId: string, roundId: string, judgeId: string, submissionId: string, actorId: string): Promise<AddAssignmentResult> {
  return db.$transaction(async (tx) => {
    const state = await roundState(eventId, roundId, tx);
    const sub = state.submissions.find((s) => s.id === submissionId);
    if (!state.judgeIds.includes(judgeId)) return { ok: false, code: "unknownJudge" };
    if (!sub) return { ok: false, code: "unknownSubmission" };
    if (state.assignments.some((a) => a.judgeId === judgeId && a.submissionId === submissionId)) return { ok: false, code: "duplicate" };
    const reasons = state.lookup(judgeId, submissionId);
    if (reasons.length > 0) return { ok: false, code: "conflict", reasons };
    const created = await tx.assignment.create({ data: { roundId, judgeId, submissionId, manual: true } });
    await audit({ eventId, actorId, action: "assignment.add", entity: "assignment", entityId: created.id, after: { roundId, judgeId, submissionId, manual: true } }, tx);
    const round = await tx.round.findUniqueOrThrow({ where: { id: roundId } });
    const pairs = [...state.assignments, { judgeId, submissionId }];
    const warnings = assignmentWarnings(pairs, round.judgesPerSubmission, state.lookup, { judgeIds: state.judgeIds, submissionIds: state.submissions.map((s) => s.id) });
    return { ok: true, warnings };
  });
}

/** Removes a pair; a finalized judgment is evidence and is never removed this way. */
export async function removeAssignment(eventId: string, roundId: string, assignmentId: string, actorId: string): Promise<{ ok: true } | Failure<"notFound" | "finalized">> {
  return db.$transaction(async (tx) => {
    const a = await tx.assignment.findFirst({
      where: { id: assignmentId, roundId, round: { eventId } },
      include: { judgment: { include: { scores: true } } },
    });
    if (!a) return { ok: false, code: "notFound" };
    if (a.judgment?.finalizedAt) return { ok: false, code: "finalized" };
    await tx.assignment.delete({ where: { id: a.id } });
    await audit(
      {
        eventId,
        actorId,
        action: "assignment.remove",
        entity: "assignment",
        entityId: a.id,
        before: {
          roundId,
          judgeId: a.judgeId,
          submissionId: a.submissionId,
          manual: a.manual,
          scores: a.judgment ? Object.fromEntries(a.judgment.scores.map((s) => [s.criterionId, s.value])) : null,
        },
      },
      tx,
    );
    return { ok: true };
  });
}

/**
 * A judge dropped out: their unfinished assignments in the round are removed and the affected
 * submissions topped up by the others, least loaded first. Finalized judgments are kept.
 */
export async function rebalanceWithout(
  eventId: string,
  roundId: string,
  judgeId: string,
  actorId: string,
): Promise<{ ok: true; removed: number; created: number; shortfalls: AssignmentResult["shortfalls"] } | Failure<"unknownJudge">> {
  return db.$transaction(async (tx) => {
    const round = await tx.round.findFirstOrThrow({ where: { id: roundId, eventId } });
    const state = await roundState(eventId, roundId, tx);
    if (!state.judgeIds.includes(judgeId)) return { ok: false, code: "unknownJudge" };
    const result = rebalance({
      submissions: state.submissions,
      judges: state.judgeIds.map((id) => ({ id })),
      k: round.judgesPerSubmission,
      conflicts: state.lookup,
      existing: state.assignments,
      droppedJudgeIds: [judgeId],
      seed: seedOf(roundId),
    });
    const removed = await tx.assignment.findMany({
      where: { roundId, judgeId, OR: [{ judgment: null }, { judgment: { finalizedAt: null } }] },
      select: { id: true, submissionId: true },
    });
    await tx.assignment.deleteMany({ where: { id: { in: removed.map((r) => r.id) } } });
    const existing = new Set(state.assignments.map((a) => `${a.judgeId}|${a.submissionId}`));
    const created = result.assignments.filter((p) => !existing.has(`${p.judgeId}|${p.submissionId}`));
    for (const p of created) await tx.assignment.create({ data: { roundId, ...p } });
    await audit(
      { eventId, actorId, action: "assignment.rebalance", entity: "round", entityId: roundId, before: { droppedJudgeId: judgeId, removed }, after: { created, shortfalls: result.shortfalls } },
      tx,
    );
    return { ok: true, removed: removed.length, created: created.length, shortfalls: result.shortfalls };
  });
}

// The same round always gets the same tie-breaks, so re-running after an edit is predictable.
function seedOf(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return h >>> 0;
}

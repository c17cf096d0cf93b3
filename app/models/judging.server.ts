// A judge's own work: their queue, one assignment with its rubric, and saving scores under an
// optimistic version check. Every query here is scoped by the judge's user id, so no path leads
// to another judge's scores.
import { canScore, type ScoreCapability } from "~/domain/phase";
import { checkScores, judgmentStatus, scoredOnly, type JudgmentError, type ScoreEntries } from "~/domain/judgment";
import { sortCriteria } from "~/domain/scoring";
import { toTimeline } from "~/models/event.server";
import { audit } from "~/services/audit.server";
import { db, Prisma } from "~/services/db.server";
import { conflictReasons } from "./conflict.server";

/**
 * True when the user is a judge of the submission's event and assigned to it in some round.
 * The file download route (/berkas/:id) and the project page call this for judges.
 */
export async function canJudgeSeeSubmission(userId: string, submissionId: string): Promise<boolean> {
  const assignment = await db.assignment.findFirst({
    where: { judgeId: userId, submissionId },
    select: { round: { select: { eventId: true } } },
  });
  if (!assignment) return false;
  const role = await db.eventMember.findFirst({ where: { userId, eventId: assignment.round.eventId, role: "JUDGE" }, select: { id: true } });
  return role !== null;
}

/** "Tim #3F9A2C": what judges see instead of a team's identity under blind judging. */
export function blindLabel(submissionId: string): string {
  return submissionId.slice(-6).toUpperCase();
}

function scoreMap(scores: readonly { criterionId: string; value: number }[]): Record<string, number> {
  return Object.fromEntries(scores.map((s) => [s.criterionId, s.value]));
}

export async function judgeQueue(eventId: string, judgeId: string) {
  const assignments = await db.assignment.findMany({
    where: { judgeId, round: { eventId } },
    select: {
      id: true,
      round: { select: { id: true, name: true, order: true, closesAt: true, criteria: true } },
      submission: { select: { id: true, title: true, tagline: true, team: { select: { name: true } } } },
      judgment: { select: { finalizedAt: true, updatedAt: true, scores: { select: { criterionId: true, value: true } } } },
    },
  });
  return assignments
    .map((a) => ({
      id: a.id,
      round: { id: a.round.id, name: a.round.name, order: a.round.order, closesAt: a.round.closesAt },
      submission: { id: a.submission.id, title: a.submission.title, tagline: a.submission.tagline, teamName: a.submission.team.name },
      status: judgmentStatus(a.round.criteria, a.judgment ? { finalizedAt: a.judgment.finalizedAt, scores: scoreMap(a.judgment.scores) } : null),
    }))
    .sort((x, y) => x.round.order - y.round.order || x.submission.title.localeCompare(y.submission.title, "id") || (x.id < y.id ? -1 : 1));
}

/**
 * How many of the judge's assignments in rounds still open at `now` wait for a final judgment,
 * per event id, in one statement: what a judge's dashboard leads with.
 */
export async function pendingJudgingByEvent(judgeId: string, now: Date): Promise<Record<string, number>> {
  const pending = { judgeId, OR: [{ judgment: { is: null } }, { judgment: { is: { finalizedAt: null } } }] };
  const rounds = await db.round.findMany({
    where: { closesAt: { gt: now }, assignments: { some: pending } },
    select: { eventId: true, _count: { select: { assignments: { where: pending } } } },
  });
  const byEvent: Record<string, number> = {};
  for (const r of rounds) byEvent[r.eventId] = (byEvent[r.eventId] ?? 0) + r._count.assignments;
  return byEvent;
}

/** One assignment of this judge with what the scoring page needs; null when it is not theirs. */
export async function getAssignmentForJudge(eventId: string, assignmentId: string, judgeId: string) {
  const a = await db.assignment.findFirst({
    where: { id: assignmentId, judgeId, round: { eventId } },
    select: {
      id: true,
      round: { select: { id: true, name: true, order: true, closesAt: true, criteria: true } },
      submission: {
        select: {
          id: true,
          teamId: true,
          title: true,
          tagline: true,
          description: true,
          repoUrl: true,
          demoUrl: true,
          videoUrl: true,
          track: { select: { name: true } },
          attachments: { select: { id: true, filename: true, kind: true, size: true }, orderBy: { createdAt: "asc" } },
          team: {
            select: {
              name: true,
              kimName: true,
              institution: true,
              region: { select: { name: true } },
              members: { select: { role: true, user: { select: { name: true } } }, orderBy: { joinedAt: "asc" } },
            },
          },
        },
      },
      judgment: { select: { version: true, comment: true, privateNote: true, finalizedAt: true, scores: { select: { criterionId: true, value: true } } } },
    },
  });
  if (!a) return null;
  return {
    ...a,
    round: { ...a.round, criteria: sortCriteria(a.round.criteria) },
    judgment: a.judgment ? { ...a.judgment, scores: scoreMap(a.judgment.scores) } : null,
  };
}

export type JudgmentSnapshot = { version: number; scores: Record<string, number>; comment: string; privateNote: string; finalized: boolean };

export type SaveInput = {
  eventId: string;
  assignmentId: string;
  judgeId: string;
  /** The version the judge's values were based on (0 before the first save). */
  version: number;
  scores: ScoreEntries;
  comment: string;
  privateNote: string;
  finalize: boolean;
  now: Date;
};

export type SaveErrorCode = "not_assigned" | "conflict" | "round_closed" | "round_not_open" | "finalized" | "invalid" | "stale";

export type SaveOutcome =
  | { ok: true; version: number; finalized: boolean }
  | { ok: false; code: SaveErrorCode; errors?: JudgmentError[]; current?: JudgmentSnapshot; reasons?: readonly string[] };

class Stale extends Error {}

async function snapshot(assignmentId: string): Promise<JudgmentSnapshot> {
  const j = await db.judgment.findUnique({ where: { assignmentId }, include: { scores: true } });
  return j
    ? { version: j.version, scores: scoreMap(j.scores), comment: j.comment, privateNote: j.privateNote, finalized: j.finalizedAt !== null }
    : { version: 0, scores: {}, comment: "", privateNote: "", finalized: false };
}

/**
 * Saves (and optionally finalizes) a judgment. Nothing is written unless every check passes,
 * and the write itself only lands if the stored version is still the one the judge started from.
 */
export async function saveJudgment(input: SaveInput): Promise<SaveOutcome> {
  const a = await db.assignment.findFirst({
    where: { id: input.assignmentId, judgeId: input.judgeId, round: { eventId: input.eventId } },
    include: { round: { include: { criteria: true } }, submission: { select: { id: true, teamId: true } }, judgment: true },
  });
  const isJudge = a ? await db.eventMember.findFirst({ where: { eventId: input.eventId, userId: input.judgeId, role: "JUDGE" } }) : null;
  if (!a || !isJudge) return { ok: false, code: "not_assigned" };

  const reasons = await conflictReasons(input.eventId, input.judgeId, a.submission.teamId);
  if (reasons.length > 0) return { ok: false, code: "conflict", reasons };

  const event = await db.event.findUniqueOrThrow({ where: { id: input.eventId }, include: { rounds: { orderBy: { order: "asc" } } } });
  const capability: ScoreCapability = canScore(toTimeline(event), a.roundId, input.now);
  if (!capability.allowed) return { ok: false, code: capability.reason === "not_open_yet" ? "round_not_open" : "round_closed" };
  if (a.judgment?.finalizedAt) return { ok: false, code: "finalized", current: await snapshot(a.id) };

  const errors = checkScores(a.round.criteria, input.scores, { finalize: input.finalize });
  if (errors.length > 0) return { ok: false, code: "invalid", errors };

  const stored = a.judgment?.version ?? 0;
  if (input.version !== stored) return { ok: false, code: "stale", current: await snapshot(a.id) };

  const scores = scoredOnly(input.scores);
  const finalizedAt = input.finalize ? input.now : null;
  try {
    const version = await db.$transaction(async (tx) => {
      const before = await tx.judgment.findUnique({ where: { assignmentId: a.id }, include: { scores: true } });
      let judgmentId: string;
      if (input.version === 0) {
        // A second first-save of the same assignment fails on the unique assignmentId.
        const created = await tx.judgment.create({
          data: { assignmentId: a.id, comment: input.comment, privateNote: input.privateNote, version: 1, finalizedAt },
        });
        judgmentId = created.id;
      } else {
        if (!before) throw new Stale();
        const updated = await tx.judgment.updateMany({
          where: { id: before.id, version: input.version, finalizedAt: null },
          data: { comment: input.comment, privateNote: input.privateNote, version: input.version + 1, finalizedAt },
        });
        if (updated.count !== 1) throw new Stale();
        judgmentId = before.id;
      }
      await tx.score.deleteMany({ where: { judgmentId, criterionId: { notIn: Object.keys(scores) } } });
      for (const [criterionId, value] of Object.entries(scores)) {
        await tx.score.upsert({
          where: { judgmentId_criterionId: { judgmentId, criterionId } },
          create: { judgmentId, criterionId, value },
          update: { value },
        });
      }
      const meta = { assignmentId: a.id, roundId: a.roundId, submissionId: a.submissionId, judgeId: a.judgeId };
      await audit(
        {
          eventId: input.eventId,
          actorId: input.judgeId,
          action: input.finalize ? "judgment.finalize" : "judgment.save",
          entity: "judgment",
          entityId: judgmentId,
          before: before
            ? { ...meta, version: before.version, scores: scoreMap(before.scores), comment: before.comment, privateNote: before.privateNote, finalized: false }
            : { ...meta, version: 0, scores: {}, comment: "", privateNote: "", finalized: false },
          after: { ...meta, version: input.version + 1, scores, comment: input.comment, privateNote: input.privateNote, finalized: input.finalize },
        },
        tx,
      );
      return input.version + 1;
    });
    return { ok: true, version, finalized: input.finalize };
  } catch (e) {
    if (e instanceof Stale || (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")) {
      return { ok: false, code: "stale", current: await snapshot(a.id) };
    }
    throw e;
  }
}

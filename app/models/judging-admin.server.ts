// The organizer's side of judging beyond assignment: progress per judge and per submission,
// reminders, the judging audit trail and advancing submissions to the next round.
import { rankByMean, topN, type AdvanceRow } from "~/domain/advance";
import { judgmentStatus, type JudgmentStatus } from "~/domain/judgment";
import { weightedTotal } from "~/domain/scoring";
import { audit } from "~/services/audit.server";
import { db } from "~/services/db.server";
import { sendMail } from "~/services/mail.server";
import type { Failure } from "~/validation/message";
import { compareText } from "~/domain/collate";

const scoreMap = (scores: readonly { criterionId: string; value: number }[]) => Object.fromEntries(scores.map((s) => [s.criterionId, s.value]));

async function roundAssignments(roundId: string) {
  return db.assignment.findMany({
    where: { roundId },
    select: {
      id: true,
      judgeId: true,
      submissionId: true,
      judge: { select: { name: true, email: true } },
      submission: { select: { title: true, team: { select: { name: true } } } },
      judgment: { select: { finalizedAt: true, updatedAt: true, scores: { select: { criterionId: true, value: true } } } },
    },
  });
}

export type JudgeProgress = { judgeId: string; name: string; email: string; assigned: number; complete: number; finalized: number; lastActivity: Date | null };
export type SubmissionProgress = {
  submissionId: string;
  title: string;
  teamName: string;
  assigned: number;
  finalized: number;
  mean: number | null;
  judges: { name: string; status: JudgmentStatus }[];
};

export async function roundProgress(eventId: string, roundId: string) {
  const round = await db.round.findFirst({ where: { id: roundId, eventId }, include: { criteria: true } });
  if (!round) return null;
  const [judges, assignments, entries] = await Promise.all([
    db.eventMember.findMany({ where: { eventId, role: "JUDGE" }, select: { userId: true, user: { select: { name: true, email: true } } } }),
    roundAssignments(roundId),
    db.roundEntry.findMany({ where: { roundId }, select: { submission: { select: { id: true, title: true, team: { select: { name: true } } } } } }),
  ]);
  const byJudge = new Map<string, JudgeProgress>(
    judges.map((j) => [j.userId, { judgeId: j.userId, name: j.user.name, email: j.user.email, assigned: 0, complete: 0, finalized: 0, lastActivity: null }]),
  );
  const bySubmission = new Map<string, SubmissionProgress & { totals: number[] }>(
    entries.map((e) => [
      e.submission.id,
      { submissionId: e.submission.id, title: e.submission.title, teamName: e.submission.team.name, assigned: 0, finalized: 0, mean: null, judges: [], totals: [] },
    ]),
  );
  for (const a of assignments) {
    const scores = a.judgment ? scoreMap(a.judgment.scores) : {};
    const status = judgmentStatus(round.criteria, a.judgment ? { finalizedAt: a.judgment.finalizedAt, scores } : null);
    const j = byJudge.get(a.judgeId) ?? { judgeId: a.judgeId, name: a.judge.name, email: a.judge.email, assigned: 0, complete: 0, finalized: 0, lastActivity: null };
    j.assigned++;
    if (status === "complete" || status === "finalized") j.complete++;
    if (status === "finalized") j.finalized++;
    if (a.judgment && (!j.lastActivity || a.judgment.updatedAt > j.lastActivity)) j.lastActivity = a.judgment.updatedAt;
    byJudge.set(a.judgeId, j);
    const s = bySubmission.get(a.submissionId);
    if (s) {
      s.assigned++;
      if (status === "finalized") s.finalized++;
      s.judges.push({ name: a.judge.name, status });
      const total = weightedTotal(round.criteria, scores);
      if (total !== null) s.totals.push(total);
    }
  }
  const submissions = [...bySubmission.values()].map(({ totals, ...s }) => ({
    ...s,
    mean: totals.length ? totals.reduce((x, y) => x + y, 0) / totals.length : null,
  }));
  submissions.sort((a, b) => compareText(a.title, b.title));
  const judgeRows = [...byJudge.values()].sort((a, b) => compareText(a.name, b.name));
  return { round, judges: judgeRows, submissions };
}

/** Emails every judge (or the one named) who still has unfinalized assignments in the round. */
export async function remindJudges(eventId: string, roundId: string, actorId: string, judgeId: string | null, message: (judge: { name: string; open: number }) => { subject: string; text: string }) {
  const progress = await roundProgress(eventId, roundId);
  if (!progress) return { sent: 0 };
  const late = progress.judges.filter((j) => j.assigned > j.finalized && (judgeId === null || j.judgeId === judgeId));
  for (const j of late) {
    const { subject, text } = message({ name: j.name, open: j.assigned - j.finalized });
    await sendMail({ to: j.email, subject, text });
  }
  await audit({
    eventId,
    actorId,
    action: "judging.remind",
    entity: "round",
    entityId: roundId,
    after: { judges: late.map((j) => ({ judgeId: j.judgeId, open: j.assigned - j.finalized })) },
  });
  return { sent: late.length };
}

/** The event's judges by name, for filtering the judging audit. */
export async function listJudgeNames(eventId: string) {
  return db.eventMember.findMany({ where: { eventId, role: "JUDGE" }, select: { userId: true, user: { select: { name: true } } }, orderBy: { user: { name: "asc" } } });
}

/** The round's entries ranked by the mean of their complete judgments' weighted totals. */
export async function advanceCandidates(eventId: string, roundId: string) {
  const round = await db.round.findFirst({ where: { id: roundId, eventId }, include: { criteria: true } });
  if (!round) return null;
  const next = await db.round.findFirst({ where: { eventId, order: { gt: round.order } }, orderBy: { order: "asc" } });
  const entries = await db.roundEntry.findMany({
    where: { roundId },
    select: {
      submission: {
        select: {
          id: true,
          title: true,
          team: { select: { name: true } },
          assignments: {
            where: { roundId },
            select: { judgment: { select: { finalizedAt: true, scores: { select: { criterionId: true, value: true } } } } },
          },
        },
      },
    },
  });
  const rows: AdvanceRow[] = rankByMean(
    entries.map((e) => ({
      submissionId: e.submission.id,
      totals: e.submission.assignments.map((a) => (a.judgment ? weightedTotal(round.criteria, scoreMap(a.judgment.scores)) : null)).filter((t): t is number => t !== null),
    })),
  );
  const info = new Map(entries.map((e) => [e.submission.id, { title: e.submission.title, teamName: e.submission.team.name }]));
  const advanced = next ? new Set((await db.roundEntry.findMany({ where: { roundId: next.id }, select: { submissionId: true } })).map((r) => r.submissionId)) : new Set<string>();
  return {
    round,
    next,
    rows: rows.map((r) => ({ ...r, ...(info.get(r.submissionId) ?? { title: "", teamName: "" }), advanced: advanced.has(r.submissionId) })),
  };
}

export type AdvanceSelection = { mode: "top"; n: number } | { mode: "pick"; submissionIds: string[] };

/** Why nothing advanced; `nothingToAdvance`: the selection came out empty (no complete judgments to rank). */
export type AdvanceFailure = Failure<"unknownRound" | "noNextRound" | "unknownSubmission" | "nothingToAdvance">;
export type AdvanceResult = { ok: true; created: number; tieAtCut: boolean; nextRoundName: string } | AdvanceFailure;

export async function advanceToNextRound(eventId: string, roundId: string, selection: AdvanceSelection, actorId: string): Promise<AdvanceResult> {
  const data = await advanceCandidates(eventId, roundId);
  if (!data) return { ok: false, code: "unknownRound" };
  if (!data.next) return { ok: false, code: "noNextRound" };
  let chosen: string[];
  let tieAtCut = false;
  if (selection.mode === "top") {
    const top = topN(data.rows, selection.n);
    chosen = top.submissionIds;
    tieAtCut = top.tieAtCut;
  } else {
    const inRound = new Set(data.rows.map((r) => r.submissionId));
    if (selection.submissionIds.some((id) => !inRound.has(id))) return { ok: false, code: "unknownSubmission" };
    chosen = [...new Set(selection.submissionIds)];
  }
  if (chosen.length === 0) return { ok: false, code: "nothingToAdvance" };
  const nextId = data.next.id;
  const created = await db.$transaction(async (tx) => {
    const existing = new Set((await tx.roundEntry.findMany({ where: { roundId: nextId }, select: { submissionId: true } })).map((e) => e.submissionId));
    const fresh = chosen.filter((id) => !existing.has(id));
    for (const submissionId of fresh) await tx.roundEntry.create({ data: { roundId: nextId, submissionId } });
    await audit({ eventId, actorId, action: "round.advance", entity: "round", entityId: nextId, after: { fromRoundId: roundId, selection, submissionIds: fresh, tieAtCut } }, tx);
    return fresh.length;
  });
  return { ok: true, created, tieAtCut, nextRoundName: data.next.name };
}

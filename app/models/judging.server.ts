// A judge's own work: their queue, one assignment with its rubric, and saving scores under an
// optimistic version check. Every query here is scoped by the judge's user id, so no path leads
// to another judge's scores.
import type { ConflictReason } from "~/domain/conflicts";
import { canScore, type ScoreCapability } from "~/domain/phase";
import { checkScores, scoredOnly, type JudgmentError, type ScoreEntries } from "~/domain/judgment";
import { toTimeline, type EventWithRounds } from "~/models/event.server";
import { auditInsert, auditInsertWhen, type AuditEntry } from "~/services/audit.server";
import { db, isPostgres, isUniqueViolation, Prisma, queryRows } from "~/services/db.server";
import { rowId } from "~/services/ids.server";
import type { Failure } from "~/validation/message";
import { assignmentFacts, eventCriteria } from "./judge-desk.server";

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

function scoreMap(scores: readonly { criterionId: string; value: number }[]): Record<string, number> {
  return Object.fromEntries(scores.map((s) => [s.criterionId, s.value]));
}

/**
 * How many of the judge's assignments in rounds still open at `now` wait for a final judgment,
 * per event id, in one statement: what a judge's dashboard leads with.
 */
export async function pendingJudgingByEvent(judgeId: string, now: Date): Promise<Record<string, number>> {
  // One pass over the judge's own assignments (indexed by judge), counted per round; whether a
  // round is still open is decided here, against the caller's clock.
  const rounds = await queryRows<{ eventId: string; closesAt: Date | string | number; pending: number | bigint }[]>`
    SELECT r."eventId", r."closesAt", COUNT(*) AS "pending"
    FROM "Assignment" a
    JOIN "Round" r ON r."id" = a."roundId"
    LEFT JOIN "Judgment" j ON j."assignmentId" = a."id"
    WHERE a."judgeId" = ${judgeId} AND j."finalizedAt" IS NULL AND r."closesAt" IS NOT NULL
    GROUP BY r."id", r."eventId", r."closesAt"`;
  const byEvent: Record<string, number> = {};
  for (const r of rounds) {
    if (new Date(r.closesAt).getTime() <= now.getTime()) continue;
    byEvent[r.eventId] = (byEvent[r.eventId] ?? 0) + Number(r.pending);
  }
  return byEvent;
}

export type JudgmentSnapshot = { version: number; scores: Record<string, number>; comment: string; privateNote: string; finalized: boolean };

export type SaveInput = {
  /** The event as the request context loaded it: its timeline and conflict rules. */
  event: EventWithRounds;
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

/**
 * A refused save. A conflict names its reasons; invalid scores come with each criterion's error;
 * a finalized or stale judgment comes with what is stored now, for the judge to compare.
 */
export type SaveFailure =
  | Failure<"notAssigned" | "roundClosed" | "roundNotOpen">
  | (Failure<"conflict"> & { reasons: readonly ConflictReason[] })
  | (Failure<"invalid"> & { errors: JudgmentError[] })
  | (Failure<"finalized" | "stale"> & { current: JudgmentSnapshot });

export type SaveErrorCode = SaveFailure["code"];

export type SaveOutcome = { ok: true; version: number; finalized: boolean } | SaveFailure;

class Stale extends Error {}

async function snapshot(assignmentId: string): Promise<JudgmentSnapshot> {
  const j = await db.judgment.findUnique({ where: { assignmentId }, include: { scores: true } });
  return j
    ? { version: j.version, scores: scoreMap(j.scores), comment: j.comment, privateNote: j.privateNote, finalized: j.finalizedAt !== null }
    : { version: 0, scores: {}, comment: "", privateNote: "", finalized: false };
}

function snapshotOf(j: { version: number; scores: Record<string, number>; comment: string; privateNote: string; finalizedAt: Date | null } | null): JudgmentSnapshot {
  return j
    ? { version: j.version, scores: j.scores, comment: j.comment, privateNote: j.privateNote, finalized: j.finalizedAt !== null }
    : { version: 0, scores: {}, comment: "", privateNote: "", finalized: false };
}

/**
 * Saves (and optionally finalizes) a judgment. Nothing is written unless every check passes,
 * and the write itself only lands if the stored version is still the one the judge started from.
 * Two reads (the assignment with its judgment, scores and conflicts; the rubric), then one write of
 * the judgment, its scores and the audit record together: a short transaction on SQLite, one
 * statement on PostgreSQL.
 */
export async function saveJudgment(input: SaveInput): Promise<SaveOutcome> {
  const { event } = input;
  const [a, criteria] = await Promise.all([assignmentFacts(event, input.assignmentId, input.judgeId, input.now), eventCriteria(event.id)]);
  if (!a || !a.stillJudge) return { ok: false, code: "notAssigned" };
  if (a.conflicts.length > 0) return { ok: false, code: "conflict", reasons: a.conflicts };

  const capability: ScoreCapability = canScore(toTimeline(event), a.roundId, input.now);
  if (!capability.allowed) return { ok: false, code: capability.reason === "not_open_yet" ? "roundNotOpen" : "roundClosed" };
  if (a.judgment?.finalizedAt) return { ok: false, code: "finalized", current: snapshotOf(a.judgment) };

  const errors = checkScores(
    criteria.filter((c) => c.roundId === a.roundId),
    input.scores,
    { finalize: input.finalize },
  );
  if (errors.length > 0) return { ok: false, code: "invalid", errors };

  const before = a.judgment;
  if (input.version !== (before?.version ?? 0)) return { ok: false, code: "stale", current: snapshotOf(before) };

  const scores = scoredOnly(input.scores);
  const finalizedAt = input.finalize ? input.now : null;
  const data = { comment: input.comment, privateNote: input.privateNote, version: input.version + 1, finalizedAt };
  const meta = { assignmentId: a.id, roundId: a.roundId, submissionId: a.submission.id, judgeId: input.judgeId };
  const entry = (judgmentId: string): AuditEntry => ({
    eventId: event.id,
    actorId: input.judgeId,
    action: input.finalize ? "judgment.finalize" : "judgment.save",
    entity: "judgment",
    entityId: judgmentId,
    before: { ...meta, ...snapshotOf(before), finalized: false },
    after: { ...meta, version: input.version + 1, scores, comment: input.comment, privateNote: input.privateNote, finalized: input.finalize },
  });
  if (await writeJudgment({ assignmentId: a.id, before, version: input.version, data, scores, now: input.now, entry })) {
    return { ok: true, version: input.version + 1, finalized: input.finalize };
  }
  return { ok: false, code: "stale", current: await snapshot(a.id) };
}

export type JudgmentWrite = {
  assignmentId: string;
  before: { id: string } | null;
  /** The version the save was based on; the judgment's becomes `data.version`. */
  version: number;
  data: { comment: string; privateNote: string; version: number; finalizedAt: Date | null };
  scores: Record<string, number>;
  now: Date;
  entry: (judgmentId: string) => AuditEntry;
};

/**
 * Writes the judgment, its scores and the audit record together, or nothing: false when the
 * judgment is no longer at `version` (another save got there first, or it was finalized since).
 */
export async function writeJudgment(write: JudgmentWrite): Promise<boolean> {
  try {
    if (isPostgres()) await writeInOneStatement(write);
    else await writeInTransaction(write);
    return true;
  } catch (e) {
    if (e instanceof Stale || isUniqueViolation(e)) return false;
    throw e;
  }
}

/** The version-checked update of a stored judgment: it changes no row once another save or a finalize got there first. */
function updateJudgment(id: string, version: number, data: JudgmentWrite["data"], now: Date): Prisma.Sql {
  return Prisma.sql`UPDATE "Judgment"
    SET "comment" = ${data.comment}, "privateNote" = ${data.privateNote}, "version" = ${data.version}, "finalizedAt" = ${data.finalizedAt}, "updatedAt" = ${now}
    WHERE "id" = ${id} AND "version" = ${version} AND "finalizedAt" IS NULL`;
}

/**
 * SQLite: the judgment, its scores and the audit record in one short transaction. The writes are
 * SQL: through Prisma's query builder these four statements cost about three times as much, and
 * a save is the write fifty judges repeat. The version check is the UPDATE's row count.
 */
async function writeInTransaction({ assignmentId, before, version, data, scores, now, entry }: JudgmentWrite): Promise<void> {
  await db.$transaction(async (tx) => {
    let judgmentId: string;
    if (!before) {
      // A second first-save of the same assignment fails on the unique assignmentId.
      judgmentId = (await tx.judgment.create({ data: { assignmentId, ...data }, select: { id: true } })).id;
    } else {
      const updated = await tx.$executeRaw(updateJudgment(before.id, version, data, now));
      if (updated !== 1) throw new Stale();
      judgmentId = before.id;
      await tx.$executeRaw`DELETE FROM "Score" WHERE "judgmentId" = ${judgmentId}`;
    }
    const entries = Object.entries(scores);
    if (entries.length > 0) {
      const rows = entries.map(([criterionId, value]) => Prisma.sql`(${rowId(now.getTime())}, ${judgmentId}, ${criterionId}, ${value})`);
      await tx.$executeRaw`INSERT INTO "Score" ("id", "judgmentId", "criterionId", "value") VALUES ${Prisma.join(rows)}`;
    }
    await tx.$executeRaw(auditInsert(entry(judgmentId), now));
  });
}

/**
 * PostgreSQL: the same write as one statement, which PostgreSQL applies whole or not at all. The
 * judgment is inserted (a second first-save finds the assignment taken and inserts nothing) or
 * updated under the version check; the scores and the audit record are written only when it was.
 * As a transaction it took six round trips (BEGIN, four writes, COMMIT), and after each the
 * request waited its turn on the event loop behind the other requests' work, so each round trip
 * lengthened the save; as only a few requests are let in at once (admission.server.ts), the
 * saves a second follow a save's length.
 */
async function writeInOneStatement({ assignmentId, before, version, data, scores, now, entry }: JudgmentWrite): Promise<void> {
  const judgmentId = before?.id ?? rowId(now.getTime());
  const saved = before
    ? Prisma.sql`${updateJudgment(judgmentId, version, data, now)} RETURNING "id"`
    : Prisma.sql`INSERT INTO "Judgment" ("id", "assignmentId", "comment", "privateNote", "version", "finalizedAt", "updatedAt")
        VALUES (${judgmentId}, ${assignmentId}, ${data.comment}, ${data.privateNote}, ${data.version}, ${data.finalizedAt}, ${now})
        ON CONFLICT ("assignmentId") DO NOTHING
        RETURNING "id"`;
  const entries = Object.entries(scores);
  // One statement cannot both delete a row and update it: the scores it keeps are upserted, the
  // others deleted.
  const kept = entries.map(([criterionId]) => criterionId);
  const cleared = before
    ? Prisma.sql`, "cleared" AS (
        DELETE FROM "Score" WHERE "judgmentId" = ${judgmentId} AND EXISTS (SELECT 1 FROM "saved")${kept.length ? Prisma.sql` AND "criterionId" NOT IN (${Prisma.join(kept)})` : Prisma.empty})`
    : Prisma.empty;
  const scored = entries.length
    ? Prisma.sql`, "scored" AS (
        INSERT INTO "Score" ("id", "judgmentId", "criterionId", "value")
        SELECT v."id", "saved"."id", v."criterionId", v."value"
        FROM "saved" CROSS JOIN (VALUES ${Prisma.join(entries.map(([criterionId, value]) => Prisma.sql`(CAST(${rowId(now.getTime())} AS TEXT), CAST(${criterionId} AS TEXT), CAST(${value} AS INTEGER))`))}) AS v("id", "criterionId", "value")
        ON CONFLICT ("judgmentId", "criterionId") DO UPDATE SET "value" = EXCLUDED."value")`
    : Prisma.empty;
  const rows = await db.$queryRaw<{ saved: number | bigint }[]>`
    WITH "saved" AS (${saved})${cleared}${scored}, "logged" AS (${auditInsertWhen(entry(judgmentId), now, "saved")})
    SELECT COUNT(*) AS "saved" FROM "saved"`;
  if (Number(rows[0]?.saved ?? 0) !== 1) throw new Stale();
}

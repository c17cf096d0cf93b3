// A team's project: the draft, the explicit submit and the revisions after it. Every write takes
// `now` from the route and is refused, with nothing stored, unless the team is ACCEPTED and the
// submission window (with the team's own extension) is open at that instant.
import { canSubmit, type Extension } from "~/domain/phase";
import { changedFields, missingToSubmit, REVISION_FIELDS, type RevisionField, type SubmissionText } from "~/domain/submission";
import { diffLines, diffWords } from "~/domain/diff";
import { parseHttpUrl } from "~/domain/links";
import { getEventContextById, toTimeline } from "~/models/event.server";
import { db, isPostgres, isUniqueViolation, Prisma, queryRows } from "~/services/db.server";
import { rowId } from "~/services/ids.server";
import type { Failure } from "~/validation/message";

/** Why a team may not write now; a deadline that was or will be is `params.at` (ISO 8601). */
export type WriteDenied = Failure<"notAccepted" | "closed" | "notOpenYet">;

const WRITE_DENIED: ReadonlySet<string> = new Set<WriteDenied["code"]>(["notAccepted", "closed", "notOpenYet"]);

/** Whether a refusal is about the team or the submission window rather than the input. */
export function isWriteDenied(failure: Failure): failure is WriteDenied {
  return WRITE_DENIED.has(failure.code);
}

/** The team as the project page and its actions use it: its event (rounds, tracks), extensions and project with its files. */
export type TeamForSubmission = Prisma.TeamGetPayload<{
  include: { event: { include: { rounds: true; tracks: true } }; extensions: true; submission: { include: { attachments: true } } };
}>;
type TeamRecord = Omit<TeamForSubmission, "event" | "extensions" | "submission">;
type Track = TeamForSubmission["event"]["tracks"][number];
type SubmissionWithFiles = NonNullable<TeamForSubmission["submission"]>;
type SubmissionRow = Omit<SubmissionWithFiles, "attachments" | "version"> & {
  version: number | bigint;
  attachmentId: string | null;
  attachmentFilename: string;
  attachmentKind: string;
  attachmentMime: string;
  attachmentSize: number | bigint;
  attachmentStorageKey: string;
  attachmentSha256: string;
  attachmentUploadedById: string;
  attachmentCreatedAt: Date | string;
};

const optionalDate = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));

/** The project from its rows (one per attachment, or one with no attachment columns); null without rows. */
function submissionOf(rows: SubmissionRow[]): SubmissionWithFiles | null {
  const [row] = rows;
  if (!row) return null;
  const {
    attachmentId: _id,
    attachmentFilename: _f,
    attachmentKind: _k,
    attachmentMime: _m,
    attachmentSize: _s,
    attachmentStorageKey: _sk,
    attachmentSha256: _h,
    attachmentUploadedById: _u,
    attachmentCreatedAt: _c,
    ...submission
  } = row;
  return {
    ...submission,
    version: Number(submission.version),
    firstSubmittedAt: optionalDate(submission.firstSubmittedAt),
    submittedAt: optionalDate(submission.submittedAt),
    createdAt: new Date(submission.createdAt),
    updatedAt: new Date(submission.updatedAt),
    attachments: rows
      .filter((r) => r.attachmentId !== null)
      .map((r) => ({
        id: r.attachmentId as string,
        submissionId: submission.id,
        filename: r.attachmentFilename,
        kind: r.attachmentKind,
        mime: r.attachmentMime,
        size: Number(r.attachmentSize),
        storageKey: r.attachmentStorageKey,
        sha256: r.attachmentSha256,
        uploadedById: r.attachmentUploadedById,
        createdAt: new Date(r.attachmentCreatedAt),
      })),
  };
}

/**
 * The team with its event and submission, only if `userId` is one of its members. The team row
 * is read first (scoped by membership), then its event, tracks, extensions and submission at once.
 */
export async function getTeamForMember(teamId: string, userId: string): Promise<TeamForSubmission | null> {
  const [team] = await queryRows<TeamRecord[]>`
    SELECT t.* FROM "Team" t
    WHERE t."id" = ${teamId} AND EXISTS (SELECT 1 FROM "TeamMember" m WHERE m."teamId" = t."id" AND m."userId" = ${userId})`;
  if (!team) return null;
  // Tracks and extensions in SQL: the project page and every save at the deadline read them, and
  // each read through Prisma's query builder costs several times its SQL.
  const [context, tracks, extensions, submissionRows] = await Promise.all([
    getEventContextById(team.eventId, userId),
    queryRows<(Track & { order: number | bigint })[]>`
      SELECT "id", "eventId", "name", "description", "order" FROM "Track" WHERE "eventId" = ${team.eventId} ORDER BY "order" ASC, "id" ASC`,
    queryRows<TeamForSubmission["extensions"]>`
      SELECT "id", "teamId", "kind", "until", "reason", "grantedById", "createdAt" FROM "Extension" WHERE "teamId" = ${teamId}`,
    // The project and its attachments in SQL as well, in one statement (a project has at most a
    // few attachments): through the query builder this read cost 0.8 to 1.1 ms against about 0.2 ms.
    queryRows<SubmissionRow[]>`
      SELECT s.*, x."id" AS "attachmentId", x."filename" AS "attachmentFilename", x."kind" AS "attachmentKind", x."mime" AS "attachmentMime",
        x."size" AS "attachmentSize", x."storageKey" AS "attachmentStorageKey", x."sha256" AS "attachmentSha256",
        x."uploadedById" AS "attachmentUploadedById", x."createdAt" AS "attachmentCreatedAt"
      FROM "Submission" s LEFT JOIN "Attachment" x ON x."submissionId" = s."id"
      WHERE s."teamId" = ${teamId}
      ORDER BY x."createdAt" ASC, x."id" ASC`,
  ]);
  if (!context) return null;
  return {
    ...team,
    event: { ...context.event, tracks: tracks.map((t) => ({ ...t, order: Number(t.order) })) },
    extensions: extensions.map((e) => ({ ...e, until: new Date(e.until), createdAt: new Date(e.createdAt) })),
    submission: submissionOf(submissionRows),
  };
}

export function submissionExtensions(team: { extensions: { kind: string; until: Date }[] }): Extension[] {
  return team.extensions.filter((e) => e.kind === "SUBMISSION").map((e) => ({ kind: "submission", until: e.until }));
}

/** Null when the team may write at `now`; otherwise why not. */
export function writeDenied(team: Pick<TeamForSubmission, "status" | "event" | "extensions">, now: Date): WriteDenied | null {
  if (team.status !== "ACCEPTED") return { ok: false, code: "notAccepted" };
  const capability = canSubmit(toTimeline(team.event), now, submissionExtensions(team));
  if (capability.allowed) return null;
  return { ok: false, code: capability.reason === "closed" ? "closed" : "notOpenYet", params: { at: capability.at.toISOString() } };
}

export type SubmissionInput = {
  title?: string;
  tagline?: string;
  description?: string;
  trackId?: string;
  repoUrl?: string;
  demoUrl?: string;
  videoUrl?: string;
};

export type SaveMode = "draft" | "autosave" | "submit";

/**
 * `trackForeign` belongs to the track field; `requiredToSubmit` names every empty field in
 * `fields`; `autosaveSubmitted` concerns the whole form.
 */
export type SaveFailure = WriteDenied | Failure<"notFound" | "trackForeign" | "autosaveSubmitted" | "requiredToSubmit">;

export type SaveResult = { ok: true; submissionId: string; status: "DRAFT" | "SUBMITTED"; revision: number | null; savedAt: Date } | SaveFailure;

type NormalizedText = SubmissionText & { title: string; tagline: string; description: string };

function normalize(input: SubmissionInput): NormalizedText {
  const link = (v: string | undefined) => (v ? parseHttpUrl(v) : null);
  return {
    title: input.title?.trim() ?? "",
    tagline: input.tagline?.trim() ?? "",
    // Markdown keeps its whitespace; only Windows line endings are unified for stable diffs.
    description: (input.description ?? "").replace(/\r\n?/g, "\n"),
    trackId: input.trackId || null,
    repoUrl: link(input.repoUrl),
    demoUrl: link(input.demoUrl),
    videoUrl: link(input.videoUrl),
  };
}

function textOf(s: SubmissionText | { [K in RevisionField]: string | null }): SubmissionText {
  return Object.fromEntries(REVISION_FIELDS.map((f) => [f, s[f] ?? null])) as SubmissionText;
}

/**
 * Saves the team's project at `now`. A draft save or autosave keeps it a draft; "submit" makes
 * it SUBMITTED. Once submitted, every save that changes a text field records a revision (the
 * first submit records revision 1, the baseline later revisions are compared with).
 */
/**
 * `team`: the team as `getTeamForMember(teamId, userId)` just read it, when the caller has it (the
 * project page reads it before the form), so a save does not read it twice.
 */
export async function saveSubmission(args: { teamId: string; userId: string; now: Date; mode: SaveMode; input: SubmissionInput; team?: TeamForSubmission }): Promise<SaveResult> {
  const team = args.team?.id === args.teamId ? args.team : await getTeamForMember(args.teamId, args.userId);
  if (!team) return { ok: false, code: "notFound" };
  const denied = writeDenied(team, args.now);
  if (denied) return denied;

  const next = normalize(args.input);
  if (next.trackId && !team.event.tracks.some((t) => t.id === next.trackId)) {
    return { ok: false, code: "trackForeign", field: "trackId" };
  }
  const existing = team.submission;
  if (args.mode === "autosave" && existing?.status === "SUBMITTED") {
    // Edits of a submitted project are deliberate saves, each one a revision.
    return { ok: false, code: "autosaveSubmitted" };
  }
  const submitted = args.mode === "submit" || existing?.status === "SUBMITTED";
  if (submitted) {
    const missing = missingToSubmit(next, { hasTracks: team.event.tracks.length > 0, requireVideo: team.event.requireVideo });
    if (missing.length) return { ok: false, code: "requiredToSubmit", fields: Object.fromEntries(missing.map((f) => [f, "requiredToSubmit"])) };
  }

  const status = submitted ? ("SUBMITTED" as const) : ("DRAFT" as const);
  const submittedAt = submitted ? args.now : null;
  const firstSubmittedAt = existing?.firstSubmittedAt ?? (submitted ? args.now : null);
  const write: SubmissionWrite = { eventId: team.eventId, teamId: team.id, userId: args.userId, now: args.now, next, status, firstSubmittedAt, submittedAt };
  for (let attempt = 0; ; attempt++) {
    try {
      const { submissionId, revision } = isPostgres() ? await writeInOneStatement(write) : await writeInTransaction(write);
      return { ok: true, submissionId, status, revision, savedAt: args.now };
    } catch (e) {
      // Two members saving at the same instant race for the next revision number; the loser retries.
      if (attempt < 2 && isUniqueViolation(e)) continue;
      throw e;
    }
  }
}

type SubmissionWrite = {
  eventId: string;
  teamId: string;
  userId: string;
  now: Date;
  next: NormalizedText;
  status: "DRAFT" | "SUBMITTED";
  firstSubmittedAt: Date | null;
  submittedAt: Date | null;
};

/**
 * The project's row: inserted, or updated when the team has one (a draft made at the same instant
 * by a teammate becomes an update). The status goes in as a literal (one of two constants) so that
 * PostgreSQL reads it as its enum type.
 */
function upsertSubmission({ eventId, teamId, now, next, status, firstSubmittedAt, submittedAt }: SubmissionWrite): Prisma.Sql {
  return Prisma.sql`INSERT INTO "Submission" ("id", "eventId", "teamId", "trackId", "title", "tagline", "description", "repoUrl", "demoUrl", "videoUrl", "status", "firstSubmittedAt", "submittedAt", "version", "createdAt", "updatedAt")
    VALUES (${rowId(now.getTime())}, ${eventId}, ${teamId}, ${next.trackId}, ${next.title}, ${next.tagline}, ${next.description}, ${next.repoUrl}, ${next.demoUrl}, ${next.videoUrl},
      ${Prisma.raw(`'${status}'`)}, ${firstSubmittedAt}, ${submittedAt}, 1, ${now}, ${now})
    ON CONFLICT ("teamId") DO UPDATE SET
      "trackId" = excluded."trackId", "title" = excluded."title", "tagline" = excluded."tagline", "description" = excluded."description",
      "repoUrl" = excluded."repoUrl", "demoUrl" = excluded."demoUrl", "videoUrl" = excluded."videoUrl", "status" = excluded."status",
      "firstSubmittedAt" = excluded."firstSubmittedAt", "submittedAt" = excluded."submittedAt", "version" = "Submission"."version" + 1, "updatedAt" = excluded."updatedAt"
    RETURNING "id"`;
}

/** A revision's columns, its text in REVISION_FIELDS order. */
const REVISION_COLUMNS = Prisma.raw(`("id", "submissionId", "number", ${REVISION_FIELDS.map((field) => `"${field}"`).join(", ")}, "authorId", "createdAt")`);

/**
 * SQLite: in SQL, as this is the write a thousand teams make in the last minute and through
 * Prisma's query builder its three statements cost several times their SQL. The upsert, then for
 * a submitted project the latest revision, then the new one if the text changed.
 */
async function writeInTransaction(write: SubmissionWrite): Promise<{ submissionId: string; revision: number | null }> {
  const { next, now, userId } = write;
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: string }[]>(upsertSubmission(write));
    let revision: number | null = null;
    if (write.status === "SUBMITTED") {
      const [last] = await tx.$queryRaw<({ number: number | bigint } & { [K in RevisionField]: string | null })[]>`
        SELECT "number", "title", "tagline", "description", "trackId", "repoUrl", "demoUrl", "videoUrl"
        FROM "SubmissionRevision" WHERE "submissionId" = ${row.id} ORDER BY "number" DESC LIMIT 1`;
      if (!last || changedFields(textOf(last), next).length > 0) {
        revision = Number(last?.number ?? 0) + 1;
        await tx.$executeRaw`
          INSERT INTO "SubmissionRevision" ${REVISION_COLUMNS}
          VALUES (${rowId(now.getTime())}, ${row.id}, ${revision}, ${Prisma.join(REVISION_FIELDS.map((field) => next[field]))}, ${userId}, ${now})`;
      }
    }
    return { submissionId: row.id, revision };
  });
}

/**
 * PostgreSQL: the same write as one statement, applied whole or not at all, instead of a
 * transaction of three to five round trips, after each of which the request waited its turn on
 * the event loop. For a submitted project the new revision is inserted only when the
 * latest one differs in some field (an empty field and a missing one are the same, as in
 * `changedFields`). Two teammates submitting at the same instant both read the same latest
 * revision and meet on its number's unique index: the loser's statement writes nothing and is
 * retried, as the transaction was.
 */
async function writeInOneStatement(write: SubmissionWrite): Promise<{ submissionId: string; revision: number | null }> {
  const { next, now, userId } = write;
  if (write.status !== "SUBMITTED") {
    const [row] = await db.$queryRaw<{ id: string }[]>(upsertSubmission(write));
    return { submissionId: row.id, revision: null };
  }
  const text = (value: string | null) => Prisma.sql`CAST(${value} AS TEXT)`;
  const same = Prisma.join(
    REVISION_FIELDS.map((field) => Prisma.sql`COALESCE(l.${Prisma.raw(`"${field}"`)}, '') = COALESCE(${text(next[field])}, '')`),
    " AND ",
  );
  const [row] = await db.$queryRaw<{ id: string; revision: number | bigint | null }[]>`
    WITH "saved" AS (${upsertSubmission(write)}),
    "last" AS (
      SELECT r.* FROM "SubmissionRevision" r WHERE r."submissionId" = (SELECT "id" FROM "saved") ORDER BY r."number" DESC LIMIT 1
    ),
    "revised" AS (
      INSERT INTO "SubmissionRevision" ${REVISION_COLUMNS}
      SELECT ${text(rowId(now.getTime()))}, s."id", COALESCE((SELECT "number" FROM "last"), 0) + 1,
        ${Prisma.join(REVISION_FIELDS.map((field) => text(next[field])))}, ${text(userId)}, CAST(${now} AS TIMESTAMP(3))
      FROM "saved" s
      WHERE NOT EXISTS (SELECT 1 FROM "last" l WHERE ${same})
      RETURNING "number"
    )
    SELECT s."id", (SELECT "number" FROM "revised") AS "revision" FROM "saved" s`;
  return { submissionId: row.id, revision: row.revision === null ? null : Number(row.revision) };
}

/** Revision history with authors, newest first, for the team or an organizer. */
type RevisionRow = Awaited<ReturnType<typeof db.submissionRevision.findFirstOrThrow>> & { authorName: string | null };

export async function listRevisions(submissionId: string) {
  const rows = await queryRows<RevisionRow[]>`
    SELECT r.*, u."name" AS "authorName" FROM "SubmissionRevision" r LEFT JOIN "User" u ON u."id" = r."authorId"
    WHERE r."submissionId" = ${submissionId}
    ORDER BY r."number" DESC`;
  return rows.map((r) => ({ ...r, number: Number(r.number), authorName: r.authorName ?? "" }));
}

/**
 * What changed in each revision compared with the one before it, as word diffs (line diffs for
 * the description). Tracks are compared by name, which is what people recognise.
 */
export function revisionViews(
  revisions: (Record<RevisionField, string | null> & { number: number; createdAt: Date; authorName: string })[],
  trackNames: Map<string, string>,
  formatAt: (d: Date) => string,
) {
  const ordered = [...revisions].sort((a, b) => a.number - b.number);
  const readable = (r: Record<RevisionField, string | null>): SubmissionText => ({ ...textOf(r), trackId: r.trackId ? (trackNames.get(r.trackId) ?? "") : null });
  return ordered
    .map((r, i) => {
      const prev = ordered[i - 1];
      const changes = prev
        ? changedFields(readable(prev), readable(r)).map((field) => {
            const before = readable(prev)[field] ?? "";
            const after = readable(r)[field] ?? "";
            return { field, parts: field === "description" ? diffLines(before, after) : diffWords(before, after) };
          })
        : [];
      return { number: r.number, createdAtLabel: formatAt(r.createdAt), authorName: r.authorName, changes };
    })
    .reverse();
}

// Attachments and the cover image of a submission. The type comes from the bytes (checkUpload),
// files live outside public/ and are served only to the team, the event's organizers and judges
// assigned to the submission (and the cover to the public once the gallery is published).
// Every check runs before a byte is written; if the database write then fails, the stored file
// is deleted, so no path leaves an orphan behind.
import { blindPeriod } from "~/domain/blind";
import { UPLOAD_KINDS, type UploadCheckError } from "~/domain/filetype";
import { attachmentName, MAX_ATTACHMENTS } from "~/domain/submission";
import { db } from "~/services/db.server";
import { checkUpload } from "~/services/filetype.server";
import { deleteFile, putFile } from "~/services/storage.server";
import type { Failure } from "~/validation/message";
import { getTeamForMember, writeDenied, type TeamForSubmission, type WriteDenied } from "./submission.server";

export type UploadedFile = { bytes: Uint8Array; name: string; mime: string };

const UPLOAD_CODES = {
  too_large: "tooLarge",
  empty: "empty",
  type_not_allowed: "typeNotAllowed",
  content_mismatch: "contentMismatch",
} as const satisfies Record<UploadCheckError, string>;

/** A refused file belongs to the form's `file` field; `tooLarge` and `tooMany` name the limit as `max`. */
export type FileFailure = WriteDenied | Failure<"notFound" | "tooMany" | (typeof UPLOAD_CODES)[UploadCheckError]>;

export type FileResult = { ok: true; id: string } | FileFailure;

const MIB = 1024 * 1024;

function uploadRefusal(code: UploadCheckError, maxBytes: number): FileFailure {
  const refusal = { ok: false, code: UPLOAD_CODES[code], field: "file" } as const;
  return code === "too_large" ? { ...refusal, params: { max: `${maxBytes / MIB} MB` } } : refusal;
}

async function writableTeam(teamId: string, userId: string, now: Date): Promise<{ team: TeamForSubmission } | FileFailure> {
  const team = await getTeamForMember(teamId, userId);
  if (!team) return { ok: false, code: "notFound" };
  return writeDenied(team, now) ?? { team };
}

/** Stores the file, then runs `write`; if `write` throws, the file is removed again. */
async function storeThen<T>(folder: string, bytes: Uint8Array, write: (stored: Awaited<ReturnType<typeof putFile>>) => Promise<T>): Promise<T> {
  const stored = await putFile(folder, bytes);
  try {
    return await write(stored);
  } catch (e) {
    await deleteFile(stored.key);
    throw e;
  }
}

export async function addAttachment(args: { teamId: string; userId: string; now: Date; file: UploadedFile }): Promise<FileResult> {
  const found = await writableTeam(args.teamId, args.userId, args.now);
  if (!("team" in found)) return found;
  const { team } = found;
  if ((team.submission?.attachments.length ?? 0) >= MAX_ATTACHMENTS) {
    return { ok: false, code: "tooMany", field: "file", params: { max: MAX_ATTACHMENTS } };
  }
  const policy = UPLOAD_KINDS.attachments;
  const checked = await checkUpload({ bytes: args.file.bytes, declaredName: args.file.name, declaredMime: args.file.mime, ...policy });
  if (!checked.ok) return uploadRefusal(checked.code, policy.maxBytes);

  const attachment = await storeThen("attachments", args.file.bytes, (stored) =>
    db.$transaction(async (tx) => {
      const submission = await tx.submission.upsert({ where: { teamId: team.id }, create: { eventId: team.eventId, teamId: team.id }, update: {} });
      return tx.attachment.create({
        data: {
          submissionId: submission.id,
          filename: attachmentName(args.file.name, checked.ext),
          kind: checked.kind,
          mime: checked.mime,
          size: stored.size,
          storageKey: stored.key,
          sha256: stored.sha256,
          uploadedById: args.userId,
          createdAt: args.now,
        },
      });
    }),
  );
  return { ok: true, id: attachment.id };
}

export async function removeAttachment(args: { teamId: string; userId: string; now: Date; attachmentId: string }): Promise<FileResult> {
  const found = await writableTeam(args.teamId, args.userId, args.now);
  if (!("team" in found)) return found;
  const attachment = found.team.submission?.attachments.find((a) => a.id === args.attachmentId);
  if (!attachment) return { ok: false, code: "notFound" };
  await db.attachment.delete({ where: { id: attachment.id } });
  await deleteFile(attachment.storageKey);
  return { ok: true, id: attachment.id };
}

export async function setCover(args: { teamId: string; userId: string; now: Date; file: UploadedFile }): Promise<FileResult> {
  const found = await writableTeam(args.teamId, args.userId, args.now);
  if (!("team" in found)) return found;
  const { team } = found;
  const policy = UPLOAD_KINDS.image;
  const checked = await checkUpload({ bytes: args.file.bytes, declaredName: args.file.name, declaredMime: args.file.mime, ...policy });
  if (!checked.ok) return uploadRefusal(checked.code, policy.maxBytes);
  const previous = team.submission?.coverKey ?? null;
  const submission = await storeThen("covers", args.file.bytes, (stored) =>
    db.submission.upsert({
      where: { teamId: team.id },
      create: { eventId: team.eventId, teamId: team.id, coverKey: stored.key },
      update: { coverKey: stored.key },
    }),
  );
  if (previous) await deleteFile(previous);
  return { ok: true, id: submission.id };
}

export async function removeCover(args: { teamId: string; userId: string; now: Date }): Promise<FileResult> {
  const found = await writableTeam(args.teamId, args.userId, args.now);
  if (!("team" in found)) return found;
  const submission = found.team.submission;
  if (!submission?.coverKey) return { ok: false, code: "notFound" };
  await db.submission.update({ where: { id: submission.id }, data: { coverKey: null } });
  await deleteFile(submission.coverKey);
  return { ok: true, id: submission.id };
}

type Viewer = { id: string; isAdmin: boolean } | null;

/**
 * Team members, the event's organizers (and platform admins) and judges assigned to it. Access
 * follows the roles and assignments held now: a judge removed from the event keeps assignment
 * rows for the record but no longer reaches the files.
 */
async function isPrivilegedViewer(viewer: Viewer, s: { id: string; eventId: string; teamId: string }): Promise<boolean> {
  if (!viewer) return false;
  if (viewer.isAdmin) return true;
  const [member, roles, assignment] = await Promise.all([
    db.teamMember.findFirst({ where: { teamId: s.teamId, userId: viewer.id }, select: { id: true } }),
    db.eventMember.findMany({ where: { eventId: s.eventId, userId: viewer.id }, select: { role: true } }),
    db.assignment.findFirst({ where: { submissionId: s.id, judgeId: viewer.id, round: { eventId: s.eventId } }, select: { id: true } }),
  ]);
  const has = (role: string) => roles.some((r) => r.role === role);
  return Boolean(member || has("ORGANIZER") || (has("JUDGE") && assignment));
}

/** The attachment if `viewer` may download it; null otherwise (the route answers 404). */
export async function attachmentForViewer(attachmentId: string, viewer: Viewer) {
  const attachment = await db.attachment.findUnique({
    where: { id: attachmentId },
    include: { submission: { select: { id: true, eventId: true, teamId: true } } },
  });
  if (!attachment || !(await isPrivilegedViewer(viewer, attachment.submission))) return null;
  return attachment;
}

/** The cover's storage key if `viewer` may see it: privileged viewers always, the public once the project is in the published gallery. */
export async function coverForViewer(submissionId: string, viewer: Viewer, now: Date): Promise<string | null> {
  const s = await db.submission.findUnique({
    where: { id: submissionId },
    select: {
      id: true,
      eventId: true,
      teamId: true,
      coverKey: true,
      status: true,
      team: { select: { status: true } },
      event: { select: { galleryPublished: true, isPublic: true, blindJudging: true, rounds: { select: { closesAt: true } } } },
    },
  });
  if (!s?.coverKey) return null;
  const inGallery = s.event.galleryPublished && s.event.isPublic && !blindPeriod(s.event, now) && s.status === "SUBMITTED" && s.team.status === "ACCEPTED";
  if (inGallery || (await isPrivilegedViewer(viewer, s))) return s.coverKey;
  return null;
}

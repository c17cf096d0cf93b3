// "Delete my account" (UU PDP, the right to erasure) without breaking published records: the
// user row stays, anonymized, because certificates, scores, revisions and uploads point to it.
// What is erased and what is kept, and why, is listed in the README (Security → Personal data).
import { certificateInitials, DELETED_NAME, deletedEmail } from "~/domain/privacy";
import { audit } from "~/services/audit.server";
import { db } from "~/services/db.server";
import { deleteFile } from "~/services/storage.server";
import type { Tx } from "./conflict.server";
import { checkPassword } from "./user.server";
import type { Failure } from "~/validation/message";

export type DeletionRefusal = Failure<"wrongPassword"> | (Failure<"captain"> & { teams: string[] });
export type DeletionResult = { ok: true; removedMemberships: number; removedTeams: number } | DeletionRefusal;

/** Teams the user captains that still have other members: captaincy must be handed over first. */
export async function teamsToHandOver(userId: string): Promise<string[]> {
  const captained = await db.teamMember.findMany({
    where: { userId, role: "CAPTAIN" },
    select: { team: { select: { name: true, _count: { select: { members: true } } } } },
  });
  return captained.filter((m) => m.team._count.members > 1).map((m) => m.team.name);
}

/**
 * Deletes (anonymizes) the account when `password` is its current password and it captains no
 * team with other members. In one transaction: memberships of teams not accepted end (a team
 * left empty is deleted with its drafts), names on certificates become initials, sessions, links
 * and remembered devices go, the row loses name, email, WhatsApp, password and roles'
 * admin flag, and one audit row records that an account was deleted, with no personal data.
 * Stored files of deleted teams are removed after the commit.
 */
export async function deleteAccount(userId: string, password: string, now: Date): Promise<DeletionResult> {
  if (!(await checkPassword(userId, password))) return { ok: false, code: "wrongPassword" };
  const handOver = await teamsToHandOver(userId);
  if (handOver.length) return { ok: false, code: "captain", teams: handOver };

  const outcome = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { deletedAt: true } });
    if (!user || user.deletedAt) return null;
    // Re-checked inside the transaction: a member may have joined since.
    const captained = await tx.teamMember.findMany({ where: { userId, role: "CAPTAIN" }, select: { team: { select: { _count: { select: { members: true } } } } } });
    if (captained.some((m) => m.team._count.members > 1)) return "captain" as const;

    const { files, ...counts } = await anonymizeAccount(tx, userId, now);
    await audit({ actorId: null, action: "account.delete", entity: "user", entityId: userId, after: counts }, tx);
    return { ...counts, files };
  });
  if (outcome === null) return { ok: false, code: "wrongPassword" };
  if (outcome === "captain") return { ok: false, code: "captain", teams: await teamsToHandOver(userId) };
  for (const key of outcome.files) await deleteFile(key);
  return { ok: true, removedMemberships: outcome.removedMemberships, removedTeams: outcome.removedTeams };
}

/** The stored files of a team (proposal, cover, attachments), for deletion after the team's row goes. */
export const TEAM_FILES = { proposalKey: true, submission: { select: { coverKey: true, attachments: { select: { storageKey: true } } } } } as const;

type TeamFiles = { proposalKey: string | null; submission: { coverKey: string | null; attachments: { storageKey: string }[] } | null };

export function teamFileKeys(teams: readonly TeamFiles[]): string[] {
  return teams.flatMap((t) => [t.proposalKey, t.submission?.coverKey, ...(t.submission?.attachments.map((a) => a.storageKey) ?? [])]).filter((k): k is string => Boolean(k));
}

/**
 * Erases the account's personal data inside `tx`: memberships of teams not accepted end (a team left
 * empty is deleted with its drafts; the keys of its stored files are returned for deletion after the
 * commit), names on certificates become initials, sessions, links and remembered devices go, and
 * team finder listings and requests are deleted, and the row loses name, email, WhatsApp, password and admin flag. Used by "delete my account" and by
 * the retention job for dormant accounts.
 */
export async function anonymizeAccount(tx: Tx, userId: string, now: Date): Promise<{ removedMemberships: number; removedTeams: number; files: string[] }> {
  const open = await tx.teamMember.findMany({
    where: { userId, team: { status: { not: "ACCEPTED" } } },
    select: {
      id: true,
      teamId: true,
      team: {
        select: { ...TEAM_FILES, _count: { select: { members: true } } },
      },
    },
  });
  const emptied = open.filter((m) => m.team._count.members === 1);
  const files = teamFileKeys(emptied.map((m) => m.team));
  await tx.teamMember.deleteMany({ where: { id: { in: open.map((m) => m.id) } } });
  if (emptied.length) await tx.team.deleteMany({ where: { id: { in: emptied.map((m) => m.teamId) } } });

  const certificates = await tx.certificate.findMany({ where: { userId }, select: { id: true, name: true } });
  for (const c of certificates) await tx.certificate.update({ where: { id: c.id }, data: { name: certificateInitials(c.name) } });

  await tx.session.deleteMany({ where: { userId } });
  await tx.userToken.deleteMany({ where: { userId } });
  // The team finder's listings and the requests to or from the person (as the participant) go.
  await tx.finderListing.deleteMany({ where: { userId } });
  await tx.joinRequest.deleteMany({ where: { userId } });
  await tx.user.update({
    where: { id: userId },
    data: {
      name: DELETED_NAME,
      email: deletedEmail(userId),
      whatsapp: null,
      // Not an Argon2 hash: no password ever verifies against it.
      passwordHash: "!deleted",
      emailVerifiedAt: null,
      isAdmin: false,
      deletedAt: now,
    },
  });
  return { removedMemberships: open.length, removedTeams: emptied.length, files };
}

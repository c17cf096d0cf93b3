// Email verification: a one-time link (UserToken EMAIL_VERIFY, only its hash stored).
import { db, isUniqueViolation } from "~/services/db.server";
import { randomToken, sha256 } from "~/services/ids.server";
import { checkPassword, normalizeEmail } from "./user.server";
import type { Failure } from "~/validation/message";

export const VERIFY_TOKEN_HOURS = 48;

export async function createEmailVerifyToken(userId: string, now: Date): Promise<string> {
  const token = randomToken(32);
  await db.$transaction([
    db.userToken.updateMany({ where: { userId, purpose: "EMAIL_VERIFY", usedAt: null }, data: { usedAt: now } }),
    db.userToken.create({
      data: { userId, purpose: "EMAIL_VERIFY", tokenHash: sha256(token), expiresAt: new Date(now.getTime() + VERIFY_TOKEN_HOURS * 3_600_000) },
    }),
  ]);
  return token;
}

export type EmailVerifyResult = { ok: true } | Failure<"invalid" | "expired">;

export async function verifyEmailToken(token: string, now: Date): Promise<EmailVerifyResult> {
  const row = await db.userToken.findUnique({ where: { tokenHash: sha256(token) } });
  if (!row || row.purpose !== "EMAIL_VERIFY" || row.usedAt) return { ok: false, code: "invalid" };
  if (row.expiresAt.getTime() <= now.getTime()) return { ok: false, code: "expired" };
  const ok = await db.$transaction(async (tx) => {
    const burned = await tx.userToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
    if (burned.count !== 1) return false;
    await tx.user.update({ where: { id: row.userId }, data: { emailVerifiedAt: now } });
    return true;
  });
  return ok ? { ok: true } : { ok: false, code: "invalid" };
}

// Changing the address: a link to the NEW address (UserToken EMAIL_CHANGE, the address kept in
// `email`); the account's address changes only when its own owner opens that link in time.

export type EmailChangeRequest = { ok: true; token: string; name: string; oldEmail: string; newEmail: string } | Failure<"wrongPassword" | "same" | "taken">;

/**
 * Checks the current password and that the new address is free, then issues a one-time link for
 * it (earlier change links stop working). Nothing is written when it refuses.
 */
export async function requestEmailChange(userId: string, input: { email: string; currentPassword: string }, now: Date): Promise<EmailChangeRequest> {
  const newEmail = normalizeEmail(input.email);
  if (!(await checkPassword(userId, input.currentPassword))) return { ok: false, code: "wrongPassword" };
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, email: true } });
  if (user.email === newEmail) return { ok: false, code: "same" };
  if (await db.user.findUnique({ where: { email: newEmail }, select: { id: true } })) return { ok: false, code: "taken" };
  const token = randomToken(32);
  await db.$transaction([
    db.userToken.updateMany({ where: { userId, purpose: "EMAIL_CHANGE", usedAt: null }, data: { usedAt: now } }),
    db.userToken.create({
      data: { userId, purpose: "EMAIL_CHANGE", email: newEmail, tokenHash: sha256(token), expiresAt: new Date(now.getTime() + VERIFY_TOKEN_HOURS * 3_600_000) },
    }),
  ]);
  return { ok: true, token, name: user.name, oldEmail: user.email, newEmail };
}

/** The change waiting for its link to be opened, if any. */
export async function pendingEmailChange(userId: string, now: Date) {
  return db.userToken.findFirst({
    where: { userId, purpose: "EMAIL_CHANGE", usedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { email: true, expiresAt: true },
  });
}

/** Withdraws a requested change: its link stops working. Returns whether one was pending. */
export async function cancelEmailChange(userId: string, now: Date): Promise<boolean> {
  const done = await db.userToken.updateMany({ where: { userId, purpose: "EMAIL_CHANGE", usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  return done.count > 0;
}

export type EmailChangeResult = { ok: true; name: string; oldEmail: string; newEmail: string } | Failure<"invalid" | "expired" | "wrongAccount" | "taken">;

/**
 * Opens a change link as `userId`. Only the account that asked may use it, before it expires and
 * while the address is still free. In one transaction the address changes and counts as confirmed
 * (the link proved it), and every link mailed to the old address (confirmation, password reset)
 * or for another change stops working. A refusal writes nothing, so the owner can still use the
 * link after signing in to the right account.
 */
export async function confirmEmailChange(token: string, userId: string, now: Date): Promise<EmailChangeResult> {
  if (!token || token.length > 100) return { ok: false, code: "invalid" };
  const row = await db.userToken.findUnique({ where: { tokenHash: sha256(token) } });
  if (!row || row.purpose !== "EMAIL_CHANGE" || row.usedAt || !row.email) return { ok: false, code: "invalid" };
  if (row.userId !== userId) return { ok: false, code: "wrongAccount" };
  if (row.expiresAt.getTime() <= now.getTime()) return { ok: false, code: "expired" };
  const newEmail = row.email;
  if (await db.user.findUnique({ where: { email: newEmail }, select: { id: true } })) return { ok: false, code: "taken" };
  try {
    return await db.$transaction(async (tx): Promise<EmailChangeResult> => {
      const burned = await tx.userToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
      if (burned.count !== 1) return { ok: false, code: "invalid" };
      const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true } });
      await tx.user.update({ where: { id: userId }, data: { email: newEmail, emailVerifiedAt: now } });
      await tx.userToken.updateMany({
        where: { userId, purpose: { in: ["EMAIL_VERIFY", "PASSWORD_RESET", "EMAIL_CHANGE"] }, usedAt: null },
        data: { usedAt: now },
      });
      return { ok: true, name: before.name, oldEmail: before.email, newEmail };
    });
  } catch (error) {
    // Someone signed up with the address between the check and the update.
    if (isUniqueViolation(error)) return { ok: false, code: "taken" };
    throw error;
  }
}

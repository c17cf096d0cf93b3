import type { Language } from "~/i18n";
import { normalizeWhatsApp } from "~/domain/links";
import { db, isUniqueViolation } from "~/services/db.server";
import { randomToken, sha256 } from "~/services/ids.server";
import { dummyHash, hashPassword, verifyPassword } from "~/services/password.server";
import { RESET_TOKEN_MINUTES } from "~/validation/auth";
import type { Failure } from "~/validation/message";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(email: string) {
  return db.user.findUnique({ where: { email: normalizeEmail(email) } });
}

export type NewUser = { name: string; email: string; password: string; whatsapp?: string | null };
/** The privacy notice version the new owner agreed to on the sign-up form, and when. */
export type Consent = { version: number; at: Date };

/** Creates the account; returns null when the email is already taken (race-safe via the unique index). */
export async function createUser(input: NewUser, consent: Consent) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      data: {
        name: input.name.trim(),
        email: normalizeEmail(input.email),
        passwordHash,
        whatsapp: input.whatsapp ? normalizeWhatsApp(input.whatsapp) : null,
        privacyVersion: consent.version,
        privacyAcceptedAt: consent.at,
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

/** Returns the user when the password matches; spends the same time when the account does not exist. */
export async function verifyLogin(email: string, password: string) {
  const user = await findUserByEmail(email);
  if (!user) {
    await verifyPassword(await dummyHash(), password);
    return null;
  }
  return (await verifyPassword(user.passwordHash, password)) ? user : null;
}

/**
 * Notes a successful sign-in and the language the page was in: retention treats an account not
 * signed in since an event ended as dormant, and reminders are written in the stored language.
 */
export async function recordSignIn(userId: string, now: Date, language: Language): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { lastSignInAt: now, language }, select: { id: true } });
}

/** The language switch, for a signed-in user: mail sent later (reminders) follows it. */
export async function rememberLanguage(userId: string, language: Language): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { language }, select: { id: true } });
}

/** Issues a one-time reset token (only its hash is stored). Earlier unused tokens stop working. */
export async function createPasswordResetToken(userId: string, now: Date): Promise<string> {
  const token = randomToken(32);
  await db.$transaction([
    db.userToken.updateMany({ where: { userId, purpose: "PASSWORD_RESET", usedAt: null }, data: { usedAt: now } }),
    db.userToken.create({
      data: {
        userId,
        purpose: "PASSWORD_RESET",
        tokenHash: sha256(token),
        expiresAt: new Date(now.getTime() + RESET_TOKEN_MINUTES * 60_000),
      },
    }),
  ]);
  return token;
}

export type TokenState = { ok: true; userId: string; tokenId: string } | Failure<"invalid" | "expired">;

export async function checkResetToken(token: string, now: Date): Promise<TokenState> {
  const row = await db.userToken.findUnique({ where: { tokenHash: sha256(token) } });
  if (!row || row.purpose !== "PASSWORD_RESET" || row.usedAt) return { ok: false, code: "invalid" };
  if (row.expiresAt.getTime() <= now.getTime()) return { ok: false, code: "expired" };
  return { ok: true, userId: row.userId, tokenId: row.id };
}

/** Sets the new password, burns the token, ends every session and forgets known devices, atomically. */
export async function resetPassword(token: string, password: string, now: Date): Promise<TokenState> {
  const state = await checkResetToken(token, now);
  if (!state.ok) return state;
  const passwordHash = await hashPassword(password);
  const used = await db.$transaction(async (tx) => {
    const burned = await tx.userToken.updateMany({ where: { id: state.tokenId, usedAt: null }, data: { usedAt: now } });
    if (burned.count !== 1) return false;
    await tx.user.update({ where: { id: state.userId }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId: state.userId } });
    // Whoever knew the old password may have made their browser a known device.
    await tx.userToken.deleteMany({ where: { userId: state.userId, purpose: "KNOWN_DEVICE" } });
    return true;
  });
  return used ? state : { ok: false, code: "invalid" };
}

export async function countSessions(userId: string, now: Date): Promise<number> {
  return db.session.count({ where: { userId, expiresAt: { gt: now } } });
}

export async function getProfile(userId: string) {
  return db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, name: true, email: true, whatsapp: true, isAdmin: true, createdAt: true },
  });
}

export type ProfileInput = { name: string; whatsapp?: string | null };

/** Saves the name and WhatsApp number as sign-up does (number normalized to +62…, empty clears it). */
export async function updateProfile(userId: string, input: ProfileInput) {
  return db.user.update({
    where: { id: userId },
    data: { name: input.name.trim(), whatsapp: input.whatsapp ? normalizeWhatsApp(input.whatsapp) : null },
    select: { id: true, name: true, whatsapp: true },
  });
}

/** Whether `password` is the account's current password. */
export async function checkPassword(userId: string, password: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user) {
    await verifyPassword(await dummyHash(), password);
    return false;
  }
  return verifyPassword(user.passwordHash, password);
}

export type PasswordChange = { current: string; next: string; keepSessionKey: string; keepDeviceSecret: string | null };

/**
 * Sets a new password when `current` is right. Every other session of the account ends (the one
 * stored under `keepSessionKey` stays), password-reset links stop working, and every known device
 * but this browser's is forgotten, all in one transaction.
 */
export async function changePassword(userId: string, change: PasswordChange, now: Date): Promise<{ ok: true } | Failure<"wrongPassword">> {
  if (!(await checkPassword(userId, change.current))) return { ok: false, code: "wrongPassword" };
  const passwordHash = await hashPassword(change.next);
  const keepDevice = change.keepDeviceSecret && change.keepDeviceSecret.length <= 100 ? sha256(change.keepDeviceSecret) : "";
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { passwordHash } }),
    db.session.deleteMany({ where: { userId, id: { not: change.keepSessionKey } } }),
    db.userToken.updateMany({ where: { userId, purpose: "PASSWORD_RESET", usedAt: null }, data: { usedAt: now } }),
    db.userToken.deleteMany({ where: { userId, purpose: "KNOWN_DEVICE", tokenHash: { not: keepDevice } } }),
  ]);
  return { ok: true };
}

export type AdminPromotion = "promoted" | "already" | "unverified" | "missing";

/**
 * Makes ADMIN_EMAIL's account platform admin, but only once its owner has confirmed the address:
 * anyone can sign up with an address they do not own and wait for the next start.
 */
export async function promoteAdmin(email: string): Promise<AdminPromotion> {
  const user = await findUserByEmail(email);
  if (!user) return "missing";
  if (user.isAdmin) return "already";
  if (!user.emailVerifiedAt) return "unverified";
  const done = await db.user.updateMany({ where: { id: user.id, isAdmin: false, emailVerifiedAt: { not: null } }, data: { isAdmin: true } });
  return done.count === 1 ? "promoted" : "already";
}

/**
 * Records that the user agreed to notice `version`. An older agreement is replaced; a newer or
 * equal one is left as it was (a second tab agreeing again writes nothing).
 */
export async function acceptPrivacyNotice(userId: string, consent: Consent): Promise<boolean> {
  const done = await db.user.updateMany({
    where: { id: userId, deletedAt: null, OR: [{ privacyVersion: null }, { privacyVersion: { lt: consent.version } }] },
    data: { privacyVersion: consent.version, privacyAcceptedAt: consent.at },
  });
  return done.count === 1;
}

export async function getPrivacyConsent(userId: string) {
  return db.user.findUnique({ where: { id: userId }, select: { privacyVersion: true, privacyAcceptedAt: true } });
}

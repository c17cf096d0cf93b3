// The account page's writes at the model level: the profile, the password (other sessions end,
// this one stays) and a change of address that takes effect only through the link to the new one.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createUser } from "../../prisma/seed-utils";
import { db } from "~/services/db.server";
import { sha256 } from "~/services/ids.server";
import { verifyPassword } from "~/services/password.server";
import { sessionKey } from "~/services/session-key.server";
import { databaseFingerprint } from "~/test/db-fingerprint";
import { cancelEmailChange, confirmEmailChange, createEmailVerifyToken, pendingEmailChange, requestEmailChange, verifyEmailToken } from "./email-verification.server";
import { inviteeMismatch } from "./invite.server";
import { rememberDevice } from "./known-device.server";
import { changePassword, checkResetToken, createPasswordResetToken, updateProfile } from "./user.server";

const NOW = new Date("2026-11-20T03:00:00.000Z");
const unique = (tag: string) => `${tag}-${randomBytes(5).toString("hex")}@contoh.id`;
const PASSWORD = "rahasia-123";

async function account(opts: { verified?: boolean; whatsapp?: string | null } = {}) {
  return createUser(db, { email: unique("akun"), name: "Sari Wulandari", password: PASSWORD, verified: opts.verified, whatsapp: opts.whatsapp });
}

async function sessionOf(userId: string) {
  const key = sessionKey(randomBytes(20).toString("hex"));
  await db.session.create({ data: { id: key, userId, expiresAt: new Date(NOW.getTime() + 864e5) } });
  return key;
}

const snapshot = () => databaseFingerprint();

describe("updateProfile", () => {
  it("stores the name trimmed and the WhatsApp number as +62…, and clears the number when empty", async () => {
    const user = await account({ whatsapp: "+6281111111111" });
    expect(await updateProfile(user.id, { name: "  Sari W. ", whatsapp: "0812-3456-7890" })).toMatchObject({ name: "Sari W.", whatsapp: "+6281234567890" });
    await updateProfile(user.id, { name: "Sari W.", whatsapp: "" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).whatsapp).toBeNull();
  });
});

describe("changePassword", () => {
  it("refuses a wrong current password and writes nothing", async () => {
    const user = await account();
    const here = await sessionOf(user.id);
    await sessionOf(user.id);
    const before = await snapshot();
    expect(await changePassword(user.id, { current: "bukan-sandinya", next: "sandi-baru-456", keepSessionKey: here, keepDeviceSecret: null }, NOW)).toEqual({ ok: false, code: "wrongPassword" });
    expect(await snapshot()).toEqual(before);
  });

  it("sets the new password, ends every other session, burns reset links and forgets other devices", async () => {
    const user = await account();
    const here = await sessionOf(user.id);
    const elsewhere = await sessionOf(user.id);
    const other = await account();
    const othersSession = await sessionOf(other.id);
    const thisDevice = await rememberDevice(user.id, NOW);
    const otherDevice = await rememberDevice(user.id, NOW);
    const reset = await createPasswordResetToken(user.id, NOW);

    expect(await changePassword(user.id, { current: PASSWORD, next: "sandi-baru-456", keepSessionKey: here, keepDeviceSecret: thisDevice }, NOW)).toEqual({ ok: true });

    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(stored.passwordHash, "sandi-baru-456")).toBe(true);
    expect(await verifyPassword(stored.passwordHash, PASSWORD)).toBe(false);
    expect((await db.session.findMany({ where: { userId: user.id } })).map((s) => s.id)).toEqual([here]);
    expect(await db.session.findUnique({ where: { id: elsewhere } })).toBeNull();
    expect(await db.session.findUnique({ where: { id: othersSession } })).not.toBeNull();
    expect(await checkResetToken(reset, NOW)).toEqual({ ok: false, code: "invalid" });
    const devices = await db.userToken.findMany({ where: { userId: user.id, purpose: "KNOWN_DEVICE" } });
    expect(devices.map((d) => d.tokenHash)).toEqual([sha256(thisDevice)]);
    expect(devices.map((d) => d.tokenHash)).not.toContain(sha256(otherDevice));
  });
});

describe("changing the address", () => {
  it("refuses a wrong password, the current address and an address taken by another account, writing nothing", async () => {
    const user = await account();
    const taken = await account();
    const before = await snapshot();
    expect(await requestEmailChange(user.id, { email: unique("baru"), currentPassword: "salah-sandi" }, NOW)).toEqual({ ok: false, code: "wrongPassword" });
    expect(await requestEmailChange(user.id, { email: user.email.toUpperCase(), currentPassword: PASSWORD }, NOW)).toEqual({ ok: false, code: "same" });
    expect(await requestEmailChange(user.id, { email: ` ${taken.email.toUpperCase()} `, currentPassword: PASSWORD }, NOW)).toEqual({ ok: false, code: "taken" });
    expect(await snapshot()).toEqual(before);
  });

  it("keeps the old address until the link is opened; then the new one is the account's, confirmed, and old links stop working", async () => {
    const user = await account({ verified: false });
    const verifyOld = await createEmailVerifyToken(user.id, NOW);
    const reset = await createPasswordResetToken(user.id, NOW);
    const newEmail = unique("baru");
    const request = await requestEmailChange(user.id, { email: newEmail.toUpperCase(), currentPassword: PASSWORD }, NOW);
    if (!request.ok) throw new Error(request.code);
    expect(request).toMatchObject({ oldEmail: user.email, newEmail, name: user.name });
    // Nothing about the account moved yet: still the old address, still unconfirmed.
    const waiting = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(waiting).toMatchObject({ email: user.email, emailVerifiedAt: null });
    expect(await pendingEmailChange(user.id, NOW)).toMatchObject({ email: newEmail });

    const later = new Date(NOW.getTime() + 60_000);
    expect(await confirmEmailChange(request.token, user.id, later)).toEqual({ ok: true, name: user.name, oldEmail: user.email, newEmail });
    const moved = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(moved.email).toBe(newEmail);
    expect(moved.emailVerifiedAt?.toISOString()).toBe(later.toISOString());
    expect(await pendingEmailChange(user.id, later)).toBeNull();
    // Links mailed to the old address (or for this change) no longer work.
    expect(await confirmEmailChange(request.token, user.id, later)).toEqual({ ok: false, code: "invalid" });
    expect(await verifyEmailToken(verifyOld, later)).toEqual({ ok: false, code: "invalid" });
    expect(await checkResetToken(reset, later)).toEqual({ ok: false, code: "invalid" });
  });

  it("an invite follows the confirmed address: one for the old address no longer fits, one for the new fits", async () => {
    const user = await account();
    const oldEmail = user.email;
    const newEmail = unique("baru");
    const request = await requestEmailChange(user.id, { email: newEmail, currentPassword: PASSWORD }, NOW);
    if (!request.ok) throw new Error(request.code);
    const asSeen = async () => {
      const u = await db.user.findUniqueOrThrow({ where: { id: user.id } });
      return { id: u.id, email: u.email, emailVerified: u.emailVerifiedAt !== null };
    };
    expect(inviteeMismatch({ email: newEmail }, await asSeen())).toBe("wrongAccount");
    await confirmEmailChange(request.token, user.id, NOW);
    expect(inviteeMismatch({ email: oldEmail }, await asSeen())).toBe("wrongAccount");
    expect(inviteeMismatch({ email: newEmail }, await asSeen())).toBeNull();
  });

  it("a new request replaces the earlier link", async () => {
    const user = await account();
    const first = await requestEmailChange(user.id, { email: unique("pertama"), currentPassword: PASSWORD }, NOW);
    const second = await requestEmailChange(user.id, { email: unique("kedua"), currentPassword: PASSWORD }, NOW);
    if (!first.ok || !second.ok) throw new Error("request refused");
    expect(await pendingEmailChange(user.id, NOW)).toMatchObject({ email: second.newEmail });
    expect(await confirmEmailChange(first.token, user.id, NOW)).toEqual({ ok: false, code: "invalid" });
    expect(await confirmEmailChange(second.token, user.id, NOW)).toMatchObject({ ok: true, newEmail: second.newEmail });
  });

  it("refuses another account, an expired link and an address taken meanwhile, writing nothing", async () => {
    const user = await account();
    const stranger = await account();
    const newEmail = unique("baru");
    const request = await requestEmailChange(user.id, { email: newEmail, currentPassword: PASSWORD }, NOW);
    if (!request.ok) throw new Error(request.code);
    const before = await snapshot();
    expect(await confirmEmailChange(request.token, stranger.id, NOW)).toEqual({ ok: false, code: "wrongAccount" });
    expect(await confirmEmailChange(request.token, user.id, new Date(NOW.getTime() + 48 * 3_600_000))).toEqual({ ok: false, code: "expired" });
    expect(await confirmEmailChange("tidak-ada", user.id, NOW)).toEqual({ ok: false, code: "invalid" });
    expect(await snapshot()).toEqual(before);

    // Someone signs up with the address before the link is opened.
    await createUser(db, { email: newEmail, name: "Orang Lain", password: PASSWORD });
    const taken = await snapshot();
    expect(await confirmEmailChange(request.token, user.id, NOW)).toEqual({ ok: false, code: "taken" });
    expect(await snapshot()).toEqual(taken);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
  });

  it("a withdrawn change's link stops working", async () => {
    const user = await account();
    expect(await cancelEmailChange(user.id, NOW)).toBe(false);
    const request = await requestEmailChange(user.id, { email: unique("baru"), currentPassword: PASSWORD }, NOW);
    if (!request.ok) throw new Error(request.code);
    expect(await cancelEmailChange(user.id, NOW)).toBe(true);
    expect(await pendingEmailChange(user.id, NOW)).toBeNull();
    expect(await confirmEmailChange(request.token, user.id, NOW)).toEqual({ ok: false, code: "invalid" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
  });
});

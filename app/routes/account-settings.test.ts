// The account page's forms through their routes: profile, password and address. Every refused
// post answers a localized key with its status and leaves every table as it was (the login
// throttle's counters aside, which count refused passwords on purpose).
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createUser } from "../../prisma/seed-utils";
import { action as accountAction, loader as accountLoader } from "~/routes/akun";
import { action as emailAction, loader as emailLoader } from "~/routes/akun_.email";
import { loader as confirmLoader } from "~/routes/akun_.email_.$token";
import { action as passwordAction } from "~/routes/akun_.sandi";
import { action as loginAction } from "~/routes/masuk";
import { db } from "~/services/db.server";
import { resetEnvCache } from "~/services/env.server";
import { languageCookie } from "~/services/i18n.server";
import { startSession } from "~/services/session.server";
import { databaseFingerprint } from "~/test/db-fingerprint";
import { call, formRequest, getRequest } from "~/test/request";
import { args, errorsOf } from "~/test/teams";

const PASSWORD = "rahasia-123";
const unique = (tag: string) => `${tag}-${randomBytes(5).toString("hex")}@contoh.id`;
const snapshot = () => databaseFingerprint({ except: ["RateLimiterFlexible"] });

async function account(opts: { verified?: boolean; isAdmin?: boolean } = {}) {
  const user = await createUser(db, { email: unique("akun"), name: "Sari Wulandari", password: PASSWORD, whatsapp: "+6281111111111", ...opts });
  const cookie = (await startSession(user.id, getRequest("/"))).split(";")[0];
  return { ...user, cookie };
}

const inEnglish = async (cookie: string) => `${cookie}; ${(await languageCookie.serialize("en")).split(";")[0]}`;

function mailsTo(email: string): string[] {
  const outbox = join(process.env.DATA_DIR ?? "", "outbox");
  if (!existsSync(outbox)) return [];
  return readdirSync(outbox)
    .sort()
    .map((f) => readFileSync(join(outbox, f), "utf8"))
    .filter((text) => text.includes(`To: ${email}`));
}

function linkIn(mail: string | undefined): string {
  const match = /https?:\/\/[^\s]+\/akun\/email\/([A-Za-z0-9_-]+)/.exec(mail ?? "");
  if (!match?.[1]) throw new Error(`no change link in ${mail}`);
  return match[1];
}

const saveProfile = (cookie: string, body: Record<string, string>) => call(() => accountAction(args(formRequest("/akun", { intent: "profile", ...body }, { cookie }))));
const savePassword = (cookie: string, body: Record<string, string>, ip?: string) => call(() => passwordAction(args(formRequest("/akun/sandi", body, { cookie, ip }))));
const askEmail = (cookie: string, body: Record<string, string>, ip?: string) => call(() => emailAction(args(formRequest("/akun/email", body, { cookie, ip }))));
const openLink = (token: string, cookie?: string) => call(() => confirmLoader(args(getRequest(`/akun/email/${token}`, cookie), { token })));
const login = (email: string, password: string) => call(() => loginAction(args(formRequest("/masuk", { email, password }))));

describe("profile", () => {
  it("refuses a short name and a bad WhatsApp number next to the fields, writing nothing", async () => {
    const user = await account();
    const before = await snapshot();
    const refused = await saveProfile(user.cookie, { name: "S", whatsapp: "12345" });
    expect(refused.status).toBe(400);
    expect(errorsOf(refused.body)).toMatchObject({ name: ["validation.nameMin"], whatsapp: ["validation.whatsapp"] });
    const noName = await saveProfile(user.cookie, { whatsapp: "0812 3456 7890" });
    expect(errorsOf(noName.body).name).toEqual(["validation.required"]);
    expect((await saveProfile(user.cookie, { name: "x".repeat(101) })).status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it("saves the name and normalizes the number as sign-up does", async () => {
    const user = await account();
    const saved = await saveProfile(user.cookie, { name: " Sari Wulan ", whatsapp: "0812-3456-7890" });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe("/akun?ok=profil");
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ name: "Sari Wulan", whatsapp: "+6281234567890" });
    const page = await call(() => accountLoader(args(getRequest("/akun", user.cookie))));
    expect(page.body).toMatchObject({ profile: { name: "Sari Wulan", whatsapp: "+6281234567890" } });
    expect((await saveProfile(user.cookie, { name: "Sari Wulan", whatsapp: "" })).status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).whatsapp).toBeNull();
  });

  it("an unknown intent is refused", async () => {
    const user = await account();
    const before = await snapshot();
    expect((await call(() => accountAction(args(formRequest("/akun", { intent: "hapus", name: "Nama Baru" }, { cookie: user.cookie }))))).status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });
});

describe("password", () => {
  it("refuses bad input with the sign-up rules, writing nothing and echoing no password", async () => {
    const user = await account();
    const before = await snapshot();
    const cases: [Record<string, string>, string, string][] = [
      [{ currentPassword: PASSWORD, password: "pendek", confirm: "pendek" }, "password", "validation.passwordMin"],
      [{ currentPassword: PASSWORD, password: "sandi-baru-456", confirm: "sandi-lain-456" }, "confirm", "validation.passwordMismatch"],
      [{ currentPassword: PASSWORD, password: PASSWORD, confirm: PASSWORD }, "password", "account.passwordSame"],
      [{ password: "sandi-baru-456", confirm: "sandi-baru-456" }, "currentPassword", "validation.required"],
    ];
    for (const [body, field, key] of cases) {
      const refused = await savePassword(user.cookie, body);
      expect(refused.status).toBe(400);
      expect(errorsOf(refused.body)[field]).toEqual([key]);
      expect(JSON.stringify(refused.body)).not.toContain("sandi-baru-456");
    }
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a wrong current password with a clear message, and throttles guessing like login", async () => {
    const user = await account();
    await startSession(user.id, getRequest("/"));
    const before = await snapshot();
    const ip = "192.0.2.77";
    const body = { currentPassword: "tebakan-salah", password: "sandi-baru-456", confirm: "sandi-baru-456" };
    for (let i = 0; i < 5; i++) {
      const refused = await savePassword(user.cookie, body, ip);
      expect(refused.status).toBe(400);
      expect(errorsOf(refused.body).currentPassword).toEqual(["account.wrongPassword"]);
    }
    const blocked = await savePassword(user.cookie, { ...body, currentPassword: PASSWORD }, ip);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(errorsOf(blocked.body)[""]?.[0]).toMatch(/^errors\.rateLimited\|/);
    expect(await snapshot()).toEqual(before);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(2);
    expect(mailsTo(user.email)).toHaveLength(0);
  });

  it("changes it, keeps this device signed in, signs the others out, tells the owner; the new password logs in", async () => {
    const user = await account();
    const other = (await startSession(user.id, getRequest("/"))).split(";")[0];
    expect(await db.session.count({ where: { userId: user.id } })).toBe(2);
    const done = await savePassword(await inEnglish(user.cookie), { currentPassword: PASSWORD, password: "sandi-baru-456", confirm: "sandi-baru-456" });
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe("/akun?ok=sandi");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
    expect((await call(() => accountLoader(args(getRequest("/akun", user.cookie))))).status).toBe(200);
    const signedOut = await call(() => accountLoader(args(getRequest("/akun", other))));
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("Location")).toMatch(/^\/masuk\?redirectTo=/);
    expect(mailsTo(user.email).at(-1)).toContain("Subject: Your KIM Hackathon password was changed");

    expect((await login(user.email, PASSWORD)).status).toBe(400);
    expect((await login(user.email, "sandi-baru-456")).status).toBe(302);
  });
});

describe("email", () => {
  it("refuses a bad address, a missing or wrong password and the current address, writing and mailing nothing", async () => {
    const user = await account();
    const before = await snapshot();
    const cases: [Record<string, string>, string, string][] = [
      [{ email: "bukan-email", currentPassword: PASSWORD }, "email", "validation.email"],
      [{ email: unique("baru") }, "currentPassword", "validation.required"],
      [{ email: unique("baru"), currentPassword: "salah-sandi-1" }, "currentPassword", "account.wrongPassword"],
      [{ email: user.email.toUpperCase(), currentPassword: PASSWORD }, "email", "account.emailSame"],
    ];
    for (const [body, field, key] of cases) {
      const refused = await askEmail(user.cookie, body);
      expect(refused.status).toBe(400);
      expect(errorsOf(refused.body)[field]).toEqual([key]);
      expect(JSON.stringify(refused.body)).not.toContain(PASSWORD);
    }
    expect(await snapshot()).toEqual(before);
    expect(mailsTo(user.email)).toHaveLength(0);
  });

  it("refuses an address another account uses with a plain message: nothing about that account, no mail", async () => {
    const user = await account();
    const owner = await account();
    const before = await snapshot();
    const refused = await askEmail(user.cookie, { email: owner.email.toUpperCase(), currentPassword: PASSWORD });
    expect(refused.status).toBe(400);
    expect(errorsOf(refused.body)).toEqual({ email: ["account.emailTaken"] });
    expect(JSON.stringify(refused.body)).not.toContain(owner.name);
    expect(await snapshot()).toEqual(before);
    expect(mailsTo(owner.email)).toHaveLength(0);
    expect(mailsTo(user.email)).toHaveLength(0);
  });

  it("mails a link to the new address and a note to the old; only the owner's opening of it changes the address", async () => {
    const user = await account({ verified: false });
    const stranger = await account();
    const newEmail = unique("baru");
    const asked = await askEmail(user.cookie, { email: newEmail, currentPassword: PASSWORD });
    expect(asked.status).toBe(302);
    expect(asked.headers.get("Location")).toBe("/akun?ok=email-dikirim");
    // Nothing moved yet; the page says what is pending.
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ email: user.email, emailVerifiedAt: null });
    expect((await call(() => emailLoader(args(getRequest("/akun/email", user.cookie))))).body).toMatchObject({ email: user.email, pendingEmail: newEmail });
    const [linkMail] = mailsTo(newEmail);
    expect(linkMail).toContain("Subject: Konfirmasi email baru akun KIM Hackathon");
    expect(mailsTo(user.email).at(-1)).toContain(`menjadi ${newEmail}`);
    const token = linkIn(linkMail);

    // Signed out: to the login page and back. Another account: refused. Neither writes.
    const before = await snapshot();
    const anonymous = await openLink(token);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toBe(`/masuk?redirectTo=${encodeURIComponent(`/akun/email/${token}`)}`);
    const wrong = await openLink(token, stranger.cookie);
    expect(wrong.status).toBe(403);
    expect(wrong.body).toEqual({ state: "wrongAccount" });
    expect(await snapshot()).toEqual(before);

    const opened = await openLink(token, user.cookie);
    expect(opened.status).toBe(302);
    expect(opened.headers.get("Location")).toBe("/akun?ok=email-diganti");
    const moved = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(moved.email).toBe(newEmail);
    expect(moved.emailVerifiedAt).not.toBeNull();
    expect(mailsTo(user.email).at(-1)).toContain("Subject: Email akun KIM Hackathon Anda telah diganti");
    // The same session now reads as the new, confirmed address.
    expect((await call(() => accountLoader(args(getRequest("/akun", user.cookie))))).body).toMatchObject({ profile: { email: newEmail }, verified: true, pendingEmail: null });

    const again = await openLink(token, user.cookie);
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ state: "invalid" });
    expect((await login(user.email, PASSWORD)).status).toBe(400);
    expect((await login(newEmail, PASSWORD)).status).toBe(302);
  });

  it("writes the mails in the requester's language", async () => {
    const user = await account();
    const newEmail = unique("new");
    expect((await askEmail(await inEnglish(user.cookie), { email: newEmail, currentPassword: PASSWORD })).status).toBe(302);
    expect(mailsTo(newEmail)[0]).toContain("Subject: Confirm the new email of your KIM Hackathon account");
    expect(mailsTo(user.email).at(-1)).toContain("Subject: Email change requested for your KIM Hackathon account");
  });

  it("a withdrawn change's link no longer works", async () => {
    const user = await account();
    const newEmail = unique("baru");
    await askEmail(user.cookie, { email: newEmail, currentPassword: PASSWORD });
    const cancelled = await askEmail(user.cookie, { intent: "cancel" });
    expect(cancelled.headers.get("Location")).toBe("/akun?ok=email-dibatalkan");
    const before = await snapshot();
    expect((await openLink(linkIn(mailsTo(newEmail)[0]), user.cookie)).body).toEqual({ state: "invalid" });
    expect(await snapshot()).toEqual(before);
    expect((await askEmail(user.cookie, { intent: "cancel" })).headers.get("Location")).toBe("/akun/email");
  });

  it("limits change requests per account with a clear message", async () => {
    const user = await account();
    for (let i = 0; i < 5; i++) expect((await askEmail(user.cookie, { email: unique(`coba${i}`), currentPassword: PASSWORD })).status).toBe(302);
    const before = await snapshot();
    const blocked = await askEmail(user.cookie, { email: unique("lagi"), currentPassword: PASSWORD });
    expect(blocked.status).toBe(429);
    expect(errorsOf(blocked.body)[""]?.[0]).toMatch(/^account\.emailChangeLimited\|\{"minutes":\d+\}$/);
    expect(await snapshot()).toEqual(before);
  });

  it("the account that confirms ADMIN_EMAIL becomes admin; nobody does before the link is opened", async () => {
    const adminEmail = unique("admin");
    process.env.ADMIN_EMAIL = adminEmail;
    resetEnvCache();
    try {
      const user = await account();
      await askEmail(user.cookie, { email: adminEmail, currentPassword: PASSWORD });
      expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).isAdmin).toBe(false);
      expect((await openLink(linkIn(mailsTo(adminEmail)[0]), user.cookie)).status).toBe(302);
      expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ email: adminEmail, isAdmin: true });
    } finally {
      delete process.env.ADMIN_EMAIL;
      resetEnvCache();
    }
  });
});

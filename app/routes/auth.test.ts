import { describe, expect, it } from "vitest";
import { action as forgotAction } from "~/routes/lupa-sandi";
import { action as loginAction } from "~/routes/masuk";
import { action as signupAction } from "~/routes/daftar";
import { action as resetAction, loader as resetLoader } from "~/routes/atur-ulang-sandi.$token";
import { action as accountAction } from "~/routes/akun";
import { loader as verifyLoader } from "~/routes/verifikasi-email.$token";
import { createPasswordResetToken } from "~/models/user.server";
import { db } from "~/services/db.server";
import { getUser } from "~/services/session.server";
import { args, call, formRequest, getRequest, sessionCookieFrom } from "~/test/request";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const unique = () => `u${Date.now()}${Math.floor(Math.random() * 1e6)}@contoh.id`;

async function signup(fields: Partial<Record<string, string>> = {}) {
  const email = fields.email ?? unique();
  const body = { name: "Siti Aminah", email, password: "rahasia-123", confirm: "rahasia-123", agree: "on", ...fields } as Record<string, string>;
  return { email, res: await call(() => signupAction(args(formRequest("/daftar", body)))) };
}

function mailsTo(email: string): string[] {
  const outbox = join(process.env.DATA_DIR ?? "", "outbox");
  return readdirSync(outbox)
    .map((f) => readFileSync(join(outbox, f), "utf8"))
    .filter((text) => text.includes(`To: ${email}`));
}

function fieldErrors(body: unknown): Record<string, string[]> {
  return ((body as { error?: Record<string, string[]> }).error ?? {}) as Record<string, string[]>;
}

describe("sign up", () => {
  it("creates the account, normalizes WhatsApp and mails a link that confirms the address", async () => {
    const { email, res } = await signup({ whatsapp: "0812-3456-7890" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ sent: email, redirectTo: "/dasbor" });
    expect(res.headers.get("Set-Cookie")).toBeNull();
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.whatsapp).toBe("+6281234567890");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.emailVerifiedAt).toBeNull();
    const mail = mailsTo(email);
    expect(mail).toHaveLength(1);
    const token = /verifikasi-email\/([A-Za-z0-9_-]+)/.exec(mail[0])?.[1] ?? "";
    expect((await call(() => verifyLoader(args(getRequest(`/verifikasi-email/${token}`), { token })))).status).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).not.toBeNull();
  });

  it.each([
    ["invalid email", { email: "bukan-email" }, "email", "validation.email"],
    ["short password", { password: "pendek", confirm: "pendek" }, "password", "validation.passwordMin"],
    ["mismatched confirmation", { confirm: "lain-lagi-123" }, "confirm", "validation.passwordMismatch"],
    ["bad WhatsApp number", { whatsapp: "12345" }, "whatsapp", "validation.whatsapp"],
    ["missing name", { name: "" }, "name", "validation.required"],
  ])("refuses %s with a localized field error and writes nothing", async (_label, fields, field, key) => {
    const before = await db.user.count();
    const { res } = await signup(fields as Record<string, string>);
    expect(res.status).toBe(400);
    expect(fieldErrors(res.body)[field]).toContain(key);
    expect(await db.user.count()).toBe(before);
  });

  it("answers a taken email (case-insensitive) exactly like a new one, writes nothing and mails the owner instead", async () => {
    const { email, res: first } = await signup();
    const before = await db.user.count();
    const passwordHash = (await db.user.findUniqueOrThrow({ where: { email } })).passwordHash;
    const { res } = await signup({ email: email.toUpperCase(), name: "Penyusup" });
    expect(res.status).toBe(first.status);
    expect(res.body).toEqual(first.body);
    expect(res.headers.get("Set-Cookie")).toBeNull();
    expect(await db.user.count()).toBe(before);
    expect((await db.user.findUniqueOrThrow({ where: { email } })).passwordHash).toBe(passwordHash);
    const mails = mailsTo(email);
    expect(mails).toHaveLength(2);
    expect(mails.some((m) => m.includes("/lupa-sandi") && m.includes("Siti Aminah"))).toBe(true);
  });
});

describe("log in and out", () => {
  it("logs in with the right password and refuses a wrong one without saying which part was wrong", async () => {
    const { email } = await signup();
    const ok = await call(() => loginAction(args(formRequest("/masuk", { email, password: "rahasia-123", redirectTo: "/akun" }))));
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Location")).toBe("/akun");
    const bad = await call(() => loginAction(args(formRequest("/masuk", { email, password: "salah-sandi" }))));
    expect(bad.status).toBe(400);
    expect(fieldErrors(bad.body)[""]).toContain("validation.invalidCredentials");
    const unknown = await call(() => loginAction(args(formRequest("/masuk", { email: unique(), password: "salah-sandi" }))));
    expect(fieldErrors(unknown.body)[""]).toContain("validation.invalidCredentials");
  });

  it("never redirects off-site after login", async () => {
    const { email } = await signup();
    const res = await call(() => loginAction(args(formRequest("/masuk", { email, password: "rahasia-123", redirectTo: "//evil.example/x" }))));
    expect(res.headers.get("Location")).toBe("/dasbor");
  });

  it("stores only the SHA-256 of the session id, so a copied Session row is not a session", async () => {
    const { email } = await signup();
    const res = await call(() => loginAction(args(formRequest("/masuk", { email, password: "rahasia-123" }))));
    const cookie = sessionCookieFrom(res.headers);
    const secret = cookie.split("=")[1];
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const rows = await db.session.findMany({ where: { userId: user.id } });
    expect(rows.map((r) => r.id)).toContain(createHash("sha256").update(secret).digest("hex"));
    expect(rows.map((r) => r.id)).not.toContain(secret);
    expect((await getUser(getRequest("/", cookie)))?.email).toBe(email);
    expect(await getUser(getRequest("/", `kim_session=${rows[0].id}`))).toBeNull();
  });

  it("logs out of all devices", async () => {
    const { email } = await signup();
    const a = await call(() => loginAction(args(formRequest("/masuk", { email, password: "rahasia-123" }))));
    const b = await call(() => loginAction(args(formRequest("/masuk", { email, password: "rahasia-123" }))));
    const cookieA = sessionCookieFrom(a.headers);
    const cookieB = sessionCookieFrom(b.headers);
    const res = await call(() => accountAction(args(formRequest("/akun", { intent: "logout-all" }, { cookie: cookieA }))));
    expect(res.status).toBe(302);
    expect(await getUser(getRequest("/", cookieB))).toBeNull();
    expect(await getUser(getRequest("/", cookieA))).toBeNull();
  });
});

describe("password reset", () => {
  it("emails a one-time link that sets a new password once", async () => {
    const { email } = await signup();
    const res = await call(() => forgotAction(args(formRequest("/lupa-sandi", { email }))));
    expect(res.status).toBe(200);
    const outbox = join(process.env.DATA_DIR ?? "", "outbox");
    const mail = readdirSync(outbox).filter((f) => f.includes(email) && readFileSync(join(outbox, f), "utf8").includes("atur-ulang-sandi"));
    expect(mail).toHaveLength(1);
    const text = readFileSync(join(outbox, mail[0]), "utf8");
    const token = /atur-ulang-sandi\/([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? "";
    expect(token.length).toBeGreaterThan(30);

    const done = await call(() => resetAction(args(formRequest(`/atur-ulang-sandi/${token}`, { password: "sandi-baru-456", confirm: "sandi-baru-456" }), { token })));
    expect(done.status).toBe(302);
    const login = await call(() => loginAction(args(formRequest("/masuk", { email, password: "sandi-baru-456" }))));
    expect(login.status).toBe(302);

    const again = await call(() => resetAction(args(formRequest(`/atur-ulang-sandi/${token}`, { password: "sandi-lagi-789", confirm: "sandi-lagi-789" }), { token })));
    expect(again.status).toBe(400);
    expect(fieldErrors(again.body)[""]).toContain("auth.resetInvalid");
  });

  it("rate-limits reset requests per account with 429, Retry-After and a clear message", async () => {
    const { email } = await signup();
    for (let i = 0; i < 3; i++) {
      expect((await call(() => forgotAction(args(formRequest("/lupa-sandi", { email }))))).status).toBe(200);
    }
    const blocked = await call(() => forgotAction(args(formRequest("/lupa-sandi", { email }))));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("Retry-After"))).toBeGreaterThan(0);
    const result = (blocked.body as { result: { error: Record<string, string[]> } }).result;
    expect(result.error[""][0]).toMatch(/^errors\.rateLimited\|\{"minutes":\d+\}$/);
  });

  it("answers the same for an unknown email and sends nothing", async () => {
    const res = await call(() => forgotAction(args(formRequest("/lupa-sandi", { email: unique() }))));
    expect(res.status).toBe(200);
    expect((res.body as { sent: boolean }).sent).toBe(true);
  });

  it("refuses an unknown token and an expired one, changing nothing", async () => {
    const { email } = await signup();
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const unknown = await call(() => resetLoader(args(getRequest("/atur-ulang-sandi/nope"), { token: "nope" })));
    expect(unknown.status).toBe(400);
    expect((unknown.body as { reason: string }).reason).toBe("invalid");

    const token = await createPasswordResetToken(user.id, new Date(Date.now() - 61 * 60_000));
    const expired = await call(() => resetAction(args(formRequest(`/atur-ulang-sandi/${token}`, { password: "sandi-baru-456", confirm: "sandi-baru-456" }), { token })));
    expect(expired.status).toBe(400);
    expect(fieldErrors(expired.body)[""]).toContain("auth.resetExpired");
    const after = await db.user.findUniqueOrThrow({ where: { email } });
    expect(after.passwordHash).toBe(user.passwordHash);
  });
});

describe("what a refused form echoes", () => {
  it.each([
    ["sign-up", () => signupAction(args(formRequest("/daftar", { name: "Siti", email: "bukan-email", password: "rahasia-123", confirm: "rahasia-123", tambahan: "x".repeat(50_000) })))],
    ["login", () => loginAction(args(formRequest("/masuk", { email: "bukan-email", password: "rahasia-123", tambahan: "x".repeat(50_000) })))],
  ])("%s echoes only its own fields, never the password", async (_label, run) => {
    const res = await call(run);
    expect(res.status).toBe(400);
    const initial = (res.body as { initialValue?: Record<string, unknown> }).initialValue ?? {};
    expect(initial.email).toBe("bukan-email");
    expect(Object.keys(initial)).not.toContain("tambahan");
    expect(Object.keys(initial)).not.toContain("password");
  });
});

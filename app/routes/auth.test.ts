import { describe, expect, it } from "vitest";
import { action as forgotAction } from "~/routes/lupa-sandi";
import { action as loginAction } from "~/routes/masuk";
import { action as signupAction } from "~/routes/daftar";
import { action as resetAction, loader as resetLoader } from "~/routes/atur-ulang-sandi.$token";
import { action as accountAction } from "~/routes/akun";
import { createPasswordResetToken } from "~/models/user.server";
import { db } from "~/services/db.server";
import { getUser } from "~/services/session.server";
import { call, formRequest, getRequest, sessionCookieFrom } from "~/test/request";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: { nonce: "" } });
const unique = () => `u${Date.now()}${Math.floor(Math.random() * 1e6)}@contoh.id`;

async function signup(fields: Partial<Record<string, string>> = {}) {
  const email = fields.email ?? unique();
  const body = { name: "Siti Aminah", email, password: "rahasia-123", confirm: "rahasia-123", ...fields } as Record<string, string>;
  return { email, res: await call(() => signupAction(args(formRequest("/daftar", body)))) };
}

function fieldErrors(body: unknown): Record<string, string[]> {
  return ((body as { error?: Record<string, string[]> }).error ?? {}) as Record<string, string[]>;
}

describe("sign up", () => {
  it("creates the account, normalizes WhatsApp and starts a session", async () => {
    const { email, res } = await signup({ whatsapp: "0812-3456-7890" });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/dasbor");
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.whatsapp).toBe("+6281234567890");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const cookie = sessionCookieFrom(res.headers);
    expect((await getUser(getRequest("/", cookie)))?.email).toBe(email);
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

  it("refuses a duplicate email (case-insensitive) and writes nothing", async () => {
    const { email } = await signup();
    const before = await db.user.count();
    const { res } = await signup({ email: email.toUpperCase() });
    expect(res.status).toBe(400);
    expect(fieldErrors(res.body).email).toContain("validation.emailTaken");
    expect(await db.user.count()).toBe(before);
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

  it("rate-limits repeated failures per account with 429 and a clear message", async () => {
    const { email } = await signup();
    let last = { status: 0, body: {} as unknown };
    for (let i = 0; i < 9; i++) {
      last = await call(() => loginAction(args(formRequest("/masuk", { email, password: "salah-sandi" }))));
    }
    expect(last.status).toBe(429);
    expect(fieldErrors(last.body)[""][0]).toMatch(/^errors\.rateLimited\|/);
    // Even the right password waits until the window passes.
    const right = await call(() => loginAction(args(formRequest("/masuk", { email, password: "rahasia-123" }))));
    expect(right.status).toBe(429);
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
    const mail = readdirSync(outbox).filter((f) => f.includes(email.replace("@", "@")));
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

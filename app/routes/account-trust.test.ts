// Account trust: who may act before confirming an address, how sign-up, login and verification
// mail are throttled, and who ADMIN_EMAIL makes admin.
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createUser } from "../../prisma/seed-utils";
import { action as registerAction } from "~/routes/acara.$slug.daftar-tim";
import { action as verifyAction } from "~/routes/akun_.verifikasi";
import { action as signupAction } from "~/routes/daftar";
import { action as joinAction } from "~/routes/gabung.$token";
import { action as loginAction } from "~/routes/masuk";
import { promoteAdmin } from "~/models/user.server";
import { db } from "~/services/db.server";
import { consume } from "~/services/rate-limit.server";
import { startSession } from "~/services/session.server";
import { call, formRequest, getRequest } from "~/test/request";
import { args, errorsOf, makeEvent, person } from "~/test/teams";

const unique = (tag: string) => `${tag}-${randomBytes(5).toString("hex")}@contoh.id`;

async function account(opts: { verified?: boolean } = {}) {
  const email = unique("akun");
  const user = await createUser(db, { email, name: "Pemilik Akun", password: "rahasia-123", verified: opts.verified });
  const cookie = (await startSession(user.id, getRequest("/"))).split(";")[0];
  return { ...user, cookie };
}

function login(email: string, password: string, ip: string, cookie?: string) {
  return call(() => loginAction(args(formRequest("/masuk", { email, password }, { ip, cookie }))));
}

function signup(email: string, ip: string) {
  const body = { name: "Peserta Lokakarya", email, password: "rahasia-123", confirm: "rahasia-123", agree: "on" };
  return call(() => signupAction(args(formRequest("/daftar", body, { ip }))));
}

function mailsTo(email: string): string[] {
  const outbox = join(process.env.DATA_DIR ?? "", "outbox");
  return readdirSync(outbox)
    .map((f) => readFileSync(join(outbox, f), "utf8"))
    .filter((text) => text.includes(`To: ${email}`));
}

describe("a confirmed address is needed to act", () => {
  it("an unconfirmed account cannot register or join a team, with a localized message; confirmed it can", async () => {
    const ev = await makeEvent();
    const unconfirmed = await account({ verified: false });
    const body = { name: "Tim Belum Konfirmasi", kimName: "KIM Uji", regionId: ev.regionId, institution: "Universitas Uji" };
    const register = (cookie: string) => call(() => registerAction(args(formRequest(`/acara/${ev.slug}/daftar-tim`, body, { cookie }), { slug: ev.slug })));
    const refused = await register(unconfirmed.cookie);
    expect(refused.status).toBe(403);
    expect(errorsOf(refused.body)[""]).toContain("account.verifyRequired");
    expect(await db.team.count({ where: { eventId: ev.id } })).toBe(0);

    const captain = await person();
    expect((await register(captain.cookie)).status).toBe(302);
    const team = await db.team.findFirstOrThrow({ where: { eventId: ev.id } });
    const joined = await call(() => joinAction(args(formRequest(`/gabung/${team.inviteToken}`, {}, { cookie: unconfirmed.cookie }), { token: team.inviteToken })));
    expect(joined.status).toBe(403);
    expect(errorsOf(joined.body)[""]).toContain("account.verifyRequired");
    expect(await db.teamMember.count({ where: { teamId: team.id } })).toBe(1);
  });

  it("re-sending the confirmation link is throttled per account", async () => {
    const user = await account({ verified: false });
    const send = () => call(() => verifyAction(args(formRequest("/akun/verifikasi", {}, { cookie: user.cookie }))));
    for (let i = 0; i < 3; i++) expect((await send()).status).toBe(200);
    const blocked = await send();
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((blocked.body as { error: string }).error).toMatch(/^account\.verifyLimited\|\{"minutes":\d+\}$/);
    expect(mailsTo(user.email)).toHaveLength(3);
  });
});

describe("ADMIN_EMAIL", () => {
  it("promotes the account only once its owner has confirmed the address", async () => {
    const squatter = await account({ verified: false });
    expect(await promoteAdmin(squatter.email.toUpperCase())).toBe("unverified");
    expect((await db.user.findUniqueOrThrow({ where: { id: squatter.id } })).isAdmin).toBe(false);

    const owner = await account({ verified: true });
    expect(await promoteAdmin(owner.email)).toBe("promoted");
    expect((await db.user.findUniqueOrThrow({ where: { id: owner.id } })).isAdmin).toBe(true);
    expect(await promoteAdmin(owner.email)).toBe("already");
    expect(await promoteAdmin(unique("tidak-ada"))).toBe("missing");
  });
});

describe("sign-up limits", () => {
  it("a workshop hall signs up behind one address", async () => {
    const hall = "203.0.113.50";
    for (let i = 0; i < 25; i++) expect((await signup(unique("peserta"), hall)).status).toBe(200);
  });

  it("limits attempts per email with a clear message, whatever the address", async () => {
    const email = unique("sasaran");
    for (let i = 0; i < 5; i++) expect((await signup(email, `198.51.100.${i + 1}`)).status).toBe(200);
    const blocked = await signup(email, "198.51.100.99");
    expect(blocked.status).toBe(429);
    expect(errorsOf(blocked.body)[""][0]).toMatch(/^account\.signupLimitedEmail\|\{"minutes":\d+\}$/);
    expect(mailsTo(email)).toHaveLength(5);
  });
});

describe("login throttling", () => {
  it("slows a guesser at one address while the owner elsewhere still gets in", async () => {
    const owner = await account();
    const attacker = "192.0.2.66";
    for (let i = 0; i < 5; i++) expect((await login(owner.email, `salah-${i}-sandi`, attacker)).status).toBe(400);
    const blocked = await login(owner.email, "salah-lagi-sandi", attacker);
    expect(blocked.status).toBe(429);
    expect(errorsOf(blocked.body)[""][0]).toMatch(/^errors\.rateLimited\|/);
    // Even the right password waits at that address…
    expect((await login(owner.email, "rahasia-123", attacker)).status).toBe(429);
    // …but not at the owner's.
    expect((await login(owner.email, "rahasia-123", "198.51.100.7")).status).toBe(302);
  });

  it("guessing spread over many addresses stops new browsers, never the owner's known one", async () => {
    const owner = await account();
    const first = await login(owner.email, "rahasia-123", "198.51.100.8");
    expect(first.status).toBe(302);
    const device =
      first.headers
        .getSetCookie()
        .find((c) => c.startsWith("kim_device="))
        ?.split(";")[0] ?? "";
    expect(device).toMatch(/^kim_device=.{40,}/);
    // 50 failures from 50 addresses, as a botnet would spread them.
    for (let i = 0; i < 50; i++) await consume([["loginAccount", owner.email]]);
    expect((await login(owner.email, "rahasia-123", "198.51.100.9")).status).toBe(429);
    expect((await login(owner.email, "rahasia-123", "198.51.100.10", device)).status).toBe(302);
    // A device cookie of another account does not help.
    const other = await account();
    expect((await login(other.email, "salah-sandi-1", "198.51.100.11", device)).status).toBe(400);
    for (let i = 0; i < 49; i++) await consume([["loginAccount", other.email]]);
    expect((await login(other.email, "rahasia-123", "198.51.100.11", device)).status).toBe(429);
  });
});

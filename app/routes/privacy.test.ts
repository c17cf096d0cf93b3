// The UU PDP rights through their routes: consent at sign-up and after a new notice version, an
// event's own notice at team registration, the data download and account deletion. Every refusal
// is localized and writes nothing.
import { randomBytes } from "node:crypto";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { loader as rootLoader } from "~/root";
import { action as registerAction } from "~/routes/acara.$slug.daftar-tim";
import { action as joinAction, loader as joinLoader } from "~/routes/gabung.$token";
import { loader as dataLoader } from "~/routes/akun_.data[.]zip";
import { action as deleteAction, loader as deleteLoader } from "~/routes/akun_.hapus";
import { action as signupAction } from "~/routes/daftar";
import { action as languageAction } from "~/routes/bahasa";
import { action as loginAction } from "~/routes/masuk";
import { action as consentAction, loader as consentLoader } from "~/routes/persetujuan";
import { loader as noticeLoader } from "~/routes/privasi";
import { PRIVACY_VERSION } from "~/domain/privacy";
import { db } from "~/services/db.server";
import { sha256 } from "~/services/ids.server";
import { getUser } from "~/services/session.server";
import { databaseFingerprint } from "~/test/db-fingerprint";
import { call, formRequest, getRequest } from "~/test/request";
import { args, errorsOf, makeEvent, person, type Person } from "~/test/teams";

const snapshot = () => databaseFingerprint({ except: ["RateLimiterFlexible"] });
const email = () => `daftar-${randomBytes(5).toString("hex")}@contoh.id`;

describe("consent at sign-up", () => {
  it("refuses a sign-up without the ticked agreement with a localized message and creates nothing", async () => {
    const address = email();
    const body = { name: "Dewi Kartika", email: address, password: "rahasia-kuat-1", confirm: "rahasia-kuat-1" };
    const before = await snapshot();
    for (const agree of [undefined, "", "off", "yes"]) {
      const res = await call(() => signupAction(args(formRequest("/daftar", agree === undefined ? body : { ...body, agree }))));
      expect(res.status).toBe(400);
      expect(errorsOf(res.body).agree).toEqual(["privacy.agreeRequired"]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("stores the notice version and the time of agreement on the new account", async () => {
    const address = email();
    const start = Date.now();
    const res = await call(() => signupAction(args(formRequest("/daftar", { name: "Dewi Kartika", email: address, password: "rahasia-kuat-1", confirm: "rahasia-kuat-1", agree: "on" }))));
    expect(res.status).toBe(200);
    const user = await db.user.findUniqueOrThrow({ where: { email: address } });
    expect(user.privacyVersion).toBe(PRIVACY_VERSION);
    expect(user.privacyAcceptedAt!.getTime()).toBeGreaterThanOrEqual(start - 1);
  });

  it("names the operator on the notice pages", async () => {
    const notice = await call(() => noticeLoader(args(getRequest("/privasi"))));
    expect(notice.body).toMatchObject({ operator: "Dinas Komunikasi dan Informatika Provinsi Jawa Timur" });
  });
});

describe("a new notice version", () => {
  async function outdated() {
    const p = await person("Pengguna Lama");
    await db.user.update({ where: { id: p.id }, data: { privacyVersion: PRIVACY_VERSION - 1, privacyAcceptedAt: new Date("2025-01-01T00:00:00Z") } });
    return p;
  }

  it("sends a signed-in user with an older agreement to the consent page, but leaves the notice, logout and deletion open", async () => {
    const p = await outdated();
    const res = await call(() => rootLoader(args(getRequest("/dasbor?tab=1", p.cookie))));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/persetujuan?redirectTo=${encodeURIComponent("/dasbor?tab=1")}`);
    for (const open of ["/privasi", "/persetujuan", "/akun/hapus"]) expect((await call(() => rootLoader(args(getRequest(open, p.cookie))))).status).toBe(200);
    const current = await person("Pengguna Baru");
    expect((await call(() => rootLoader(args(getRequest("/dasbor", current.cookie))))).status).toBe(200);
    expect((await call(() => rootLoader(args(getRequest("/dasbor"))))).status).toBe(200);
  });

  it("refuses the consent form without the tick and writes nothing; with it stores the new version and returns", async () => {
    const p = await outdated();
    expect((await call(() => consentLoader(args(getRequest("/persetujuan", p.cookie))))).status).toBe(200);
    const before = await snapshot();
    const refused = await call(() => consentAction(args(formRequest("/persetujuan", { redirectTo: "/akun" }, { cookie: p.cookie }))));
    expect(refused.status).toBe(400);
    expect(errorsOf(refused.body).agree).toEqual(["privacy.agreeRequired"]);
    expect(await snapshot()).toEqual(before);

    const ok = await call(() => consentAction(args(formRequest("/persetujuan", { agree: "on", redirectTo: "/akun" }, { cookie: p.cookie }))));
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Location")).toBe("/akun");
    expect((await db.user.findUniqueOrThrow({ where: { id: p.id } })).privacyVersion).toBe(PRIVACY_VERSION);
    expect((await call(() => rootLoader(args(getRequest("/dasbor", p.cookie))))).status).toBe(200);
    // Nothing left to agree to: the page sends the user on.
    expect((await call(() => consentLoader(args(getRequest("/persetujuan?redirectTo=%2Fakun", p.cookie))))).headers.get("Location")).toBe("/akun");
  });
});

type Ev = Awaited<ReturnType<typeof makeEvent>>;
const NOTICE = "Panitia memotret kegiatan untuk dokumentasi dan publikasi Dinas.";

/** An event with its own privacy notice (or none), and the person who will register a team in it. */
async function eventAndCaptain(notice: string | null) {
  const ev = await makeEvent();
  if (notice !== null) await db.event.update({ where: { id: ev.id }, data: { privacyNotice: notice } });
  const captain = await person("Ketua Tim");
  return { ev, captain };
}

const registerTeam = (ev: Ev, captain: Person, fields: Record<string, string>) =>
  call(() => registerAction(args(formRequest(`/acara/${ev.slug}/daftar-tim`, fields, { cookie: captain.cookie }), { slug: ev.slug })));

const joinTeam = (token: string, who: Person, fields: Record<string, string>) => call(() => joinAction(args(formRequest(`/gabung/${token}`, fields, { cookie: who.cookie }), { token })));

describe("an event's own privacy notice", () => {
  it("must be agreed to by the captain at team registration; refused without, stored on the membership with", async () => {
    const { ev, captain } = await eventAndCaptain(NOTICE);
    const body = { name: "Tim Garuda", kimName: "KIM Sumber Rejeki", regionId: ev.regionId, institution: "Universitas Airlangga" };
    const send = (fields: Record<string, string>) => registerTeam(ev, captain, fields);
    const before = await snapshot();
    const refused = await send(body);
    expect(refused.status).toBe(400);
    expect(errorsOf(refused.body).agreeEventNotice).toEqual(["privacy.eventNotice.required"]);
    expect(await snapshot()).toEqual(before);

    const ok = await send({ ...body, agreeEventNotice: "on" });
    expect(ok.status).toBe(302);
    const membership = await db.teamMember.findUniqueOrThrow({ where: { eventId_userId: { eventId: ev.id, userId: captain.id } } });
    expect(membership.noticeSha256).toBe(sha256(NOTICE));
    expect(membership.noticeAcceptedAt).not.toBeNull();
  });
});

describe("an event's own privacy notice when joining by invite", () => {
  it("is shown on the invite page and must be ticked by the joining member; refused without, stored on the membership with", async () => {
    const { ev, captain } = await eventAndCaptain(NOTICE);
    const registered = await registerTeam(ev, captain, { name: "Tim Elang", kimName: "KIM Sumber Rejeki", regionId: ev.regionId, institution: "Universitas Airlangga", agreeEventNotice: "on" });
    expect(registered.status).toBe(302);
    const team = await db.team.findFirstOrThrow({ where: { eventId: ev.id, name: "Tim Elang" } });
    const joiner = await person("Anggota Baru");
    const page = await call(() => joinLoader(args(getRequest(`/gabung/${team.inviteToken}`, joiner.cookie), { token: team.inviteToken })));
    expect(page.body).toMatchObject({ event: { privacyNotice: NOTICE } });

    const send = (fields: Record<string, string>) => joinTeam(team.inviteToken, joiner, fields);
    const before = await snapshot();
    for (const agree of [undefined, "", "off"]) {
      const refused = await send(agree === undefined ? {} : { agreeEventNotice: agree });
      expect(refused.status).toBe(400);
      expect(errorsOf(refused.body).agreeEventNotice).toEqual(["privacy.eventNotice.requiredJoin"]);
    }
    expect(await snapshot()).toEqual(before);

    const ok = await send({ agreeEventNotice: "on" });
    expect(ok.status).toBe(302);
    const membership = await db.teamMember.findUniqueOrThrow({ where: { eventId_userId: { eventId: ev.id, userId: joiner.id } } });
    expect(membership.noticeSha256).toBe(sha256(NOTICE));
    expect(membership.noticeAcceptedAt).not.toBeNull();
  });

  it("asks nothing extra when the event has no notice of its own", async () => {
    const { ev, captain } = await eventAndCaptain(null);
    await registerTeam(ev, captain, { name: "Tim Rajawali", kimName: "KIM Maju", regionId: ev.regionId, institution: "SMKN 1 Surabaya" });
    const team = await db.team.findFirstOrThrow({ where: { eventId: ev.id, name: "Tim Rajawali" } });
    const joiner = await person("Anggota Lain");
    const ok = await joinTeam(team.inviteToken, joiner, {});
    expect(ok.status).toBe(302);
    const membership = await db.teamMember.findUniqueOrThrow({ where: { eventId_userId: { eventId: ev.id, userId: joiner.id } } });
    expect(membership.noticeSha256).toBeNull();
  });
});

describe("downloading one's data", () => {
  it("sends the signed-in user a ZIP with their JSON, and an anonymous visitor to log in", async () => {
    const p = await person("Dewi Kartika", "+6281234567890");
    const anon = await call(() => dataLoader(args(getRequest("/akun/data.zip"))));
    expect(anon.status).toBe(302);
    expect(anon.headers.get("Location")).toMatch(/^\/masuk\?redirectTo=/);

    const res = await dataLoader(args(getRequest("/akun/data.zip", p.cookie)));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/zip");
    expect(res.headers.get("Content-Disposition")).toMatch(/attachment; filename="data-saya-kim-hackathon-\d{4}-\d{2}-\d{2}\.zip"/);
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const doc = JSON.parse(strFromU8(files["data-saya.json"]!));
    expect(doc.account).toMatchObject({ id: p.id, email: p.email, name: "Dewi Kartika", whatsapp: "+6281234567890" });
    expect(JSON.stringify(doc)).not.toMatch(/passwordHash|argon2|tokenHash/);
  });
});

describe("deleting one's account", () => {
  const confirm = { currentPassword: "rahasia-123", confirmation: "HAPUS" };
  const post = (cookie: string, fields: Record<string, string>) => call(() => deleteAction(args(formRequest("/akun/hapus", fields, { cookie }))));

  it("refuses a wrong password, a missing or wrong confirmation and a captain with teammates, each localized, writing nothing", async () => {
    const p = await person();
    const before = await snapshot();
    const wrong = await post(p.cookie, { ...confirm, currentPassword: "bukan-sandinya" });
    expect(wrong.status).toBe(400);
    expect(errorsOf(wrong.body).currentPassword).toEqual(["account.wrongPassword"]);
    for (const confirmation of [undefined, "", "ya", "hapus akun"]) {
      const res = await post(p.cookie, confirmation === undefined ? { currentPassword: "rahasia-123" } : { ...confirm, confirmation });
      expect(res.status).toBe(400);
      expect(errorsOf(res.body).confirmation).toEqual(["privacy.delete.confirmMismatch"]);
    }
    expect(await snapshot()).toEqual(before);

    const ev = await makeEvent();
    const member = await person("Anggota");
    const code = randomBytes(4).toString("hex");
    const team = await db.team.create({ data: { eventId: ev.id, name: `Tim ${code}`, nameKey: `tim ${code}`, inviteCode: code, inviteToken: `t-${code}` } });
    await db.teamMember.create({ data: { teamId: team.id, eventId: ev.id, userId: p.id, role: "CAPTAIN" } });
    await db.teamMember.create({ data: { teamId: team.id, eventId: ev.id, userId: member.id, role: "MEMBER" } });
    expect((await call(() => deleteLoader(args(getRequest("/akun/hapus", p.cookie))))).body).toEqual({ handOver: [team.name] });
    const withTeam = await snapshot();
    const captain = await post(p.cookie, confirm);
    expect(captain.status).toBe(409);
    expect(errorsOf(captain.body)[""]).toEqual([`privacy.delete.captainBlocked|${JSON.stringify({ teams: team.name })}`]);
    expect(await snapshot()).toEqual(withTeam);
  });

  it("erases the account, ends its sessions at once and the address can no longer log in", async () => {
    const p = await person("Dewi Kartika", "+6281234567890");
    const res = await post(p.cookie, { ...confirm, confirmation: "delete" });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/masuk?akun=dihapus");
    expect(res.headers.get("Set-Cookie")).toMatch(/^kim_session=;/);
    expect(await getUser(getRequest("/akun", p.cookie))).toBeNull();
    expect(await db.user.findUnique({ where: { email: p.email } })).toBeNull();
    const login = await call(() => loginAction(args(formRequest("/masuk", { email: p.email, password: "rahasia-123" }))));
    expect(login.status).toBe(400);
    expect(errorsOf(login.body)[""]).toEqual(["validation.invalidCredentials"]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "account.delete", entityId: p.id } });
    expect(JSON.stringify(audit)).not.toMatch(/Dewi|contoh\.id|6281234567890/);
  });
});

describe("retention needs to know who still uses an account", () => {
  it("notes the time of each successful sign-in, and not of a failed one", async () => {
    const p = await person("Rudi Hartono");
    const failed = await call(() => loginAction(args(formRequest("/masuk", { email: p.email, password: "salah-sandi-1" }))));
    expect(failed.status).toBe(400);
    expect((await db.user.findUniqueOrThrow({ where: { id: p.id } })).lastSignInAt).toBeNull();
    const start = Date.now();
    const ok = await call(() => loginAction(args(formRequest("/masuk", { email: p.email, password: "rahasia-123" }))));
    expect(ok.status).toBe(302);
    const signedIn = await db.user.findUniqueOrThrow({ where: { id: p.id } });
    expect(signedIn.lastSignInAt!.getTime()).toBeGreaterThanOrEqual(start - 1);
    // The page's language is kept for mail sent later (reminders).
    expect(signedIn.language).toBe("id");
    const english = await call(() => loginAction(args(formRequest("/masuk", { email: p.email, password: "rahasia-123" }, { cookie: "lng=ImVuIg==" }))));
    expect(english.status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: p.id } })).language).toBe("en");
  });

  it("keeps the language switched to by a signed-in user, and nothing for a visitor", async () => {
    const p = await person("Sinta Maharani");
    const switched = await call(() => languageAction(args(formRequest("/bahasa", { lng: "en", redirectTo: "/dasbor" }, { cookie: p.cookie }))));
    expect(switched.status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: p.id } })).language).toBe("en");
    const anonymous = await call(() => languageAction(args(formRequest("/bahasa", { lng: "en" }))));
    expect(anonymous.status).toBe(302);
  });
});

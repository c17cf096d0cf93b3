import { describe, expect, it } from "vitest";
import { action as registerAction, loader as registerLoader } from "~/routes/acara.$slug.daftar-tim";
import { action as joinAction, loader as joinLoader } from "~/routes/gabung.$token";
import { action as codeAction } from "~/routes/gabung._index";
import { action as teamAction, loader as teamLoader } from "~/routes/tim.$teamId._index";
import { loader as proposalLoader } from "~/routes/tim.$teamId.proposal";
import { loader as dashboardLoader } from "~/routes/dasbor";
import { db } from "~/services/db.server";
import { BASE, call, formRequest, getRequest } from "~/test/request";
import { args, CLOSED, errorsOf, makeEvent, minimalPdf, organizerOf, person, type Person } from "~/test/teams";

const POOLS = [
  { key: "mahasiswa", label: "Mahasiswa", quota: 2 },
  { key: "kim", label: "Anggota KIM", quota: 1 },
];

type Ev = Awaited<ReturnType<typeof makeEvent>>;

async function register(ev: Ev, who: Person, fields: Record<string, string> = {}) {
  const body = { name: "Tim Garuda", kimName: "KIM Sumber Rejeki", regionId: ev.regionId, institution: "Universitas Airlangga", ...fields };
  return call(() => registerAction(args(formRequest(`/acara/${ev.slug}/daftar-tim`, body, { cookie: who.cookie }), { slug: ev.slug })));
}

async function registered(ev: Ev, who: Person, fields: Record<string, string> = {}) {
  const res = await register(ev, who, fields);
  expect(res.status).toBe(302);
  const teamId = /\/tim\/([^?]+)/.exec(res.headers.get("Location") ?? "")?.[1] ?? "";
  return db.team.findUniqueOrThrow({ where: { id: teamId } });
}

async function join(token: string, who: Person, pool?: string) {
  return call(() => joinAction(args(formRequest(`/gabung/${token}`, pool ? { pool } : {}, { cookie: who.cookie }), { token })));
}

async function teamPost(teamId: string, who: Person, fields: Record<string, string>) {
  return call(() => teamAction(args(formRequest(`/tim/${teamId}`, fields, { cookie: who.cookie }), { teamId })));
}

function multipart(path: string, fields: Record<string, string | File>, cookie: string): Request {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return new Request(`${BASE}${path}`, { method: "POST", body: form, headers: { Cookie: cookie, Origin: BASE } });
}

describe("registering a team", () => {
  it("creates the team with the creator as captain, a short code and an unguessable link", async () => {
    const ev = await makeEvent({ pools: POOLS });
    const captain = await person();
    const page = await call(() => registerLoader(args(getRequest(`/acara/${ev.slug}/daftar-tim`, captain.cookie), { slug: ev.slug })));
    expect(page.status).toBe(200);
    const team = await registered(ev, captain, { name: "  Tim   Garuda ", pool: "kim", trackId: ev.trackId });
    expect(team).toMatchObject({ name: "Tim Garuda", nameKey: "tim garuda", status: "PENDING", trackId: ev.trackId, regionId: ev.regionId });
    expect(team.inviteCode).toMatch(/^[2-9A-Z]{8}$/);
    expect(team.inviteToken.length).toBeGreaterThanOrEqual(40);
    const members = await db.teamMember.findMany({ where: { teamId: team.id } });
    expect(members).toMatchObject([{ userId: captain.id, role: "CAPTAIN", pool: "kim", eventId: ev.id }]);
  });

  it.each([
    ["a missing team name", { name: "" }, "name", "validation.required"],
    ["an unknown region", { regionId: "nope" }, "regionId", "validation.invalid"],
    ["no pool where the event has pools", {}, "pool", "team.errors.poolRequired"],
    ["a bad video link", { pool: "kim", videoUrl: "javascript:alert(1)" }, "videoUrl", "validation.url"],
  ])("refuses %s with a localized message and writes nothing", async (_label, fields, field, key) => {
    const ev = await makeEvent({ pools: POOLS });
    const res = await register(ev, await person(), fields as Record<string, string>);
    expect(res.status).toBe(400);
    expect(errorsOf(res.body)[field]).toContain(key);
    expect(await db.team.count({ where: { eventId: ev.id } })).toBe(0);
  });

  it("refuses a duplicate name in the event regardless of case and spacing, but allows it in another event", async () => {
    const ev = await makeEvent();
    await registered(ev, await person());
    const res = await register(ev, await person(), { name: "TIM  garuda" });
    expect(res.status).toBe(400);
    expect(errorsOf(res.body).name).toContain("team.errors.nameTaken");
    expect(await db.team.count({ where: { eventId: ev.id } })).toBe(1);
    await registered(await makeEvent(), await person());
  });

  it("refuses a name that differs only by invisible or look-alike characters, even against a key stored before folding", async () => {
    const ev = await makeEvent();
    const first = await registered(ev, await person());
    // A key as stored before look-alikes were folded must not let a twin through.
    await db.team.update({ where: { id: first.id }, data: { nameKey: "tim garuda (lama)" } });
    for (const twin of ["Tim\u200b Garuda", "Tim G\u0430ruda", "TIM GARUDA\u2060", "Tim Gаrudа", "Tím Garuda", "Tim Ｇａｒｕｄａ"]) {
      const res = await register(ev, await person(), { name: twin });
      expect(res.status, twin).toBe(400);
      expect(errorsOf(res.body).name).toContain("team.errors.nameTaken");
    }
    expect(await db.team.count({ where: { eventId: ev.id } })).toBe(1);
  });

  it("refuses a second team for the same person in the same event", async () => {
    const ev = await makeEvent();
    const captain = await person();
    await registered(ev, captain);
    const res = await register(ev, captain, { name: "Tim Kedua" });
    expect(res.status).toBe(400);
    expect(errorsOf(res.body)[""]).toContain("team.errors.alreadyInTeam");
    expect(await db.team.count({ where: { eventId: ev.id } })).toBe(1);
  });

  it("refuses registration after the deadline", async () => {
    const ev = await makeEvent({ offsets: CLOSED });
    const res = await register(ev, await person());
    expect(res.status).toBe(400);
    expect(errorsOf(res.body)[""]).toContain("team.errors.registrationClosed");
    expect(await db.team.count({ where: { eventId: ev.id } })).toBe(0);
  });

  it("requires the proposal and video where the event asks, and serves the PDF only to members and organizers", async () => {
    const ev = await makeEvent({ settings: { requireProposal: true, requireVideo: true } });
    const captain = await person();
    const base = { name: "Tim Berkas", kimName: "KIM Maju", regionId: ev.regionId, institution: "ITS" };
    const path = `/acara/${ev.slug}/daftar-tim`;
    const send = (fields: Record<string, string | File>) => call(() => registerAction(args(multipart(path, { ...base, ...fields }, captain.cookie), { slug: ev.slug })));

    const noVideo = await send({ proposal: new File([minimalPdf()], "proposal.pdf", { type: "application/pdf" }) });
    expect(errorsOf(noVideo.body).videoUrl).toContain("team.errors.videoRequired");
    const noFile = await send({ videoUrl: "https://youtu.be/dQw4w9WgXcQ" });
    expect(errorsOf(noFile.body).proposal).toContain("team.errors.proposalRequired");
    const fake = await send({ videoUrl: "https://youtu.be/dQw4w9WgXcQ", proposal: new File(["<html>bukan pdf</html>"], "proposal.pdf", { type: "application/pdf" }) });
    expect(fake.status).toBe(400);
    expect(errorsOf(fake.body).proposal).toContain("team.errors.proposalType");
    expect(await db.team.count({ where: { eventId: ev.id } })).toBe(0);

    const ok = await send({ videoUrl: "https://youtu.be/dQw4w9WgXcQ", proposal: new File([minimalPdf()], "Proposal Tim.pdf", { type: "application/pdf" }) });
    expect(ok.status).toBe(302);
    const team = await db.team.findFirstOrThrow({ where: { eventId: ev.id } });
    expect(team.proposalKey).toMatch(/^proposals\//);
    expect(team.proposalName).toBe("Proposal Tim.pdf");

    const download = (who: Person) => call(() => proposalLoader(args(getRequest(`/tim/${team.id}/proposal`, who.cookie), { teamId: team.id })));
    const mine = await download(captain);
    expect(mine.status).toBe(200);
    expect(mine.headers.get("Content-Type")).toBe("application/pdf");
    expect(mine.headers.get("Content-Disposition")).toMatch(/^attachment/);
    expect((await download(await organizerOf(ev.id))).status).toBe(200);
    expect((await download(await person())).status).toBe(404);
  });
});

describe("registration materials", () => {
  it("lets the captain replace the proposal and video while registration is open, and nobody else", async () => {
    const ev = await makeEvent({ settings: { requireProposal: true, requireVideo: true } });
    const captain = await person();
    const path = `/acara/${ev.slug}/daftar-tim`;
    const pdf = () => new File([minimalPdf()], "proposal.pdf", { type: "application/pdf" });
    const fields = { name: "Tim Materi", kimName: "KIM Maju", regionId: ev.regionId, institution: "ITS", videoUrl: "https://youtu.be/dQw4w9WgXcQ", proposal: pdf() };
    expect((await call(() => registerAction(args(multipart(path, fields, captain.cookie), { slug: ev.slug })))).status).toBe(302);
    const team = await db.team.findFirstOrThrow({ where: { eventId: ev.id } });
    const member = await person();
    await join(team.inviteToken, member);

    const update = (who: Person, f: Record<string, string | File>) => call(() => teamAction(args(multipart(`/tim/${team.id}`, { intent: "materials", ...f }, who.cookie), { teamId: team.id })));
    const byMember = await update(member, { videoUrl: "https://youtu.be/aaaaaaaaaaa" });
    expect(byMember.body).toMatchObject({ error: "team.errors.captainOnly" });
    const noVideo = await update(captain, { videoUrl: "" });
    expect(noVideo.body).toMatchObject({ error: "team.errors.videoRequired" });
    const notPdf = await update(captain, { videoUrl: "https://youtu.be/aaaaaaaaaaa", proposal: new File(["GIF89a"], "x.pdf") });
    expect(notPdf.body).toMatchObject({ error: "team.errors.proposalType" });
    expect(await db.team.findUniqueOrThrow({ where: { id: team.id } })).toMatchObject({ videoUrl: team.videoUrl, proposalKey: team.proposalKey });

    expect((await update(captain, { videoUrl: "https://youtu.be/aaaaaaaaaaa", proposal: pdf() })).status).toBe(302);
    const after = await db.team.findUniqueOrThrow({ where: { id: team.id } });
    expect(after.videoUrl).toBe("https://youtu.be/aaaaaaaaaaa");
    expect(after.proposalKey).not.toBe(team.proposalKey);
  });

  it("hides the registration page of an unpublished event and points a member to their team", async () => {
    const hidden = await makeEvent({ isPublic: false });
    const someone = await person();
    expect((await call(() => registerLoader(args(getRequest(`/acara/${hidden.slug}/daftar-tim`, someone.cookie), { slug: hidden.slug })))).status).toBe(404);
    const ev = await makeEvent();
    const team = await registered(ev, someone);
    const page = await call(() => registerLoader(args(getRequest(`/acara/${ev.slug}/daftar-tim`, someone.cookie), { slug: ev.slug })));
    expect(page.body).toMatchObject({ myTeamId: team.id, capability: { allowed: true } });
  });
});

describe("invitations and joining", () => {
  it("joins by link with a pool, and by a loosely typed code", async () => {
    const ev = await makeEvent({ pools: POOLS });
    const team = await registered(ev, await person(), { pool: "kim" });
    const a = await person();
    const page = await call(() => joinLoader(args(getRequest(`/gabung/${team.inviteToken}`, a.cookie), { token: team.inviteToken })));
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      invalid: false,
      pools: [
        { key: "mahasiswa", free: 2 },
        { key: "kim", free: 0 },
      ],
    });
    const res = await join(team.inviteToken, a, "mahasiswa");
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/tim/${team.id}?gabung=1`);

    const typed = `${team.inviteCode.slice(0, 4).toLowerCase()} ${team.inviteCode.slice(4)}`;
    const byCode = await call(() => codeAction(args(formRequest("/gabung", { code: typed }, { cookie: a.cookie }))));
    expect(byCode.status).toBe(302);
    expect(byCode.headers.get("Location")).toBe(`/gabung/${team.inviteToken}`);
    expect(await db.teamMember.count({ where: { teamId: team.id } })).toBe(2);
  });

  it("refuses a wrong code and a regenerated code or link", async () => {
    const ev = await makeEvent();
    const captain = await person();
    const team = await registered(ev, captain);
    const someone = await person();
    const wrong = await call(() => codeAction(args(formRequest("/gabung", { code: "ZZZZZZZZ" }, { cookie: someone.cookie }))));
    expect(wrong.status).toBe(400);
    expect(errorsOf(wrong.body).code).toContain("join.errors.invalidCode");

    expect((await teamPost(team.id, captain, { intent: "regenerate" })).status).toBe(302);
    const fresh = await db.team.findUniqueOrThrow({ where: { id: team.id } });
    expect(fresh.inviteCode).not.toBe(team.inviteCode);
    expect(fresh.inviteToken).not.toBe(team.inviteToken);
    const oldCode = await call(() => codeAction(args(formRequest("/gabung", { code: team.inviteCode }, { cookie: someone.cookie }))));
    expect(errorsOf(oldCode.body).code).toContain("join.errors.invalidCode");
    const oldLink = await join(team.inviteToken, someone);
    expect(oldLink.status).toBe(400);
    expect(errorsOf(oldLink.body)[""]).toContain("join.errors.invalidLink");
    const oldPage = await call(() => joinLoader(args(getRequest(`/gabung/${team.inviteToken}`, someone.cookie), { token: team.inviteToken })));
    expect(oldPage.status).toBe(404);
    expect(await db.teamMember.count({ where: { teamId: team.id } })).toBe(1);
    expect((await join(fresh.inviteToken, someone)).status).toBe(302);
  });

  it("throttles guessing codes: after 20 tries in 15 minutes the account gets 429 and nothing is looked up", async () => {
    const ev = await makeEvent();
    const team = await registered(ev, await person());
    const guesser = await person();
    const ip = "10.9.8.7";
    for (let i = 0; i < 20; i++) {
      const res = await call(() => codeAction(args(formRequest("/gabung", { code: `ZZZZZZ${String(i).padStart(2, "2")}` }, { cookie: guesser.cookie, ip }))));
      expect(res.status).toBe(400);
    }
    const blocked = await call(() => codeAction(args(formRequest("/gabung", { code: team.inviteCode }, { cookie: guesser.cookie, ip }))));
    expect(blocked.status).toBe(429);
    expect(errorsOf(blocked.body)[""][0]).toMatch(/^errors\.rateLimited\|/);
    expect(await db.teamMember.count({ where: { teamId: team.id } })).toBe(1);
  });

  it("refuses a full team, a full pool, a second team and joining after the deadline", async () => {
    const ev = await makeEvent({ pools: POOLS, maxTeamSize: 3 });
    const team = await registered(ev, await person(), { pool: "mahasiswa" });
    const kim = await person();
    expect((await join(team.inviteToken, kim, "kim")).status).toBe(302);

    const secondKim = await person();
    const poolFull = await join(team.inviteToken, secondKim, "kim");
    expect(poolFull.status).toBe(400);
    expect(errorsOf(poolFull.body).pool).toContain("join.errors.poolFull");
    const noPool = await join(team.inviteToken, secondKim);
    expect(errorsOf(noPool.body).pool).toContain("team.errors.poolRequired");

    const other = await registered(ev, await person(), { name: "Tim Lain", pool: "mahasiswa" });
    const again = await join(other.inviteToken, kim, "mahasiswa");
    expect(again.status).toBe(400);
    expect(errorsOf(again.body)[""]).toContain("team.errors.alreadyInTeam");

    expect((await join(team.inviteToken, await person(), "mahasiswa")).status).toBe(302);
    const full = await join(team.inviteToken, secondKim, "mahasiswa");
    expect(full.status).toBe(400);
    expect(errorsOf(full.body)[""]).toContain("join.errors.teamFull");
    expect(await db.teamMember.count({ where: { teamId: team.id } })).toBe(3);
    expect(await db.teamMember.count({ where: { teamId: other.id } })).toBe(1);

    // After the deadline nothing changes, unless the organizers extended this team's registration.
    await db.event.update({ where: { id: ev.id }, data: { registrationClosesAt: new Date(Date.now() - 1000) } });
    const late = await join(other.inviteToken, secondKim, "kim");
    expect(late.status).toBe(400);
    expect(errorsOf(late.body)[""]).toContain("join.errors.closed");
    expect(await db.teamMember.count({ where: { teamId: other.id } })).toBe(1);
    const org = await organizerOf(ev.id);
    await db.extension.create({ data: { teamId: other.id, kind: "REGISTRATION", until: new Date(Date.now() + 3600_000), reason: "Sakit", grantedById: org.id } });
    expect((await join(other.inviteToken, secondKim, "kim")).status).toBe(302);
  });

  it("lets exactly one of two people take the last place at once", async () => {
    const ev = await makeEvent({ maxTeamSize: 2, minTeamSize: 1 });
    const team = await registered(ev, await person());
    const [a, b] = [await person(), await person()];
    const results = await Promise.all([join(team.inviteToken, a), join(team.inviteToken, b)]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 400]);
    expect(errorsOf(results.find((r) => r.status === 400)?.body)[""]).toContain("join.errors.teamFull");
    expect(await db.teamMember.count({ where: { teamId: team.id } })).toBe(2);
  });

  it("lets exactly one pool place be taken at once", async () => {
    const ev = await makeEvent({ pools: POOLS, maxTeamSize: 3 });
    const team = await registered(ev, await person(), { pool: "mahasiswa" });
    const results = await Promise.all([join(team.inviteToken, await person(), "kim"), join(team.inviteToken, await person(), "kim")]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 400]);
    expect(await db.teamMember.count({ where: { teamId: team.id, pool: "kim" } })).toBe(1);
  });

  it("keeps one team per person when the same person joins two teams at once", async () => {
    const ev = await makeEvent();
    const [t1, t2] = [await registered(ev, await person()), await registered(ev, await person(), { name: "Tim Dua" })];
    const a = await person();
    const results = await Promise.all([join(t1.inviteToken, a), join(t2.inviteToken, a)]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 400]);
    expect(await db.teamMember.count({ where: { userId: a.id } })).toBe(1);
  });
});

describe("captain actions and leaving", () => {
  async function teamOfThree() {
    const ev = await makeEvent();
    const captain = await person("Ketua");
    const team = await registered(ev, captain);
    const [m1, m2] = [await person("Anggota Satu"), await person("Anggota Dua")];
    await join(team.inviteToken, m1);
    await join(team.inviteToken, m2);
    const rows = await db.teamMember.findMany({ where: { teamId: team.id } });
    const idOf = (p: Person) => rows.find((r) => r.userId === p.id)?.id ?? "";
    return { ev, team, captain, m1, m2, idOf };
  }

  it("removes a member and hands over the captaincy; members cannot", async () => {
    const { team, captain, m1, m2, idOf } = await teamOfThree();
    const notCaptain = await teamPost(team.id, m1, { intent: "remove", memberId: idOf(m2) });
    expect(notCaptain.status).toBe(403);
    expect(notCaptain.body).toMatchObject({ error: "team.errors.captainOnly" });

    expect((await teamPost(team.id, captain, { intent: "remove", memberId: idOf(m2) })).status).toBe(302);
    expect(await db.teamMember.count({ where: { teamId: team.id } })).toBe(2);

    const leaveFirst = await teamPost(team.id, captain, { intent: "leave" });
    expect(leaveFirst.body).toMatchObject({ error: "team.errors.handOverFirst" });

    expect((await teamPost(team.id, captain, { intent: "transfer", memberId: idOf(m1) })).status).toBe(302);
    const roles = await db.teamMember.findMany({ where: { teamId: team.id }, select: { userId: true, role: true } });
    expect(roles.find((r) => r.userId === m1.id)?.role).toBe("CAPTAIN");
    expect(roles.find((r) => r.userId === captain.id)?.role).toBe("MEMBER");

    const left = await teamPost(team.id, captain, { intent: "leave" });
    expect(left.headers.get("Location")).toBe("/dasbor?tim=keluar");
    expect(await db.teamMember.count({ where: { teamId: team.id } })).toBe(1);
  });

  it("gives the team a new link and code when a member is removed, so the removed member cannot rejoin with the old ones", async () => {
    const { team, captain, m2, idOf } = await teamOfThree();
    expect((await teamPost(team.id, captain, { intent: "remove", memberId: idOf(m2) })).status).toBe(302);
    const after = await db.team.findUniqueOrThrow({ where: { id: team.id } });
    expect(after.inviteToken).not.toBe(team.inviteToken);
    expect(after.inviteCode).not.toBe(team.inviteCode);

    const byLink = await join(team.inviteToken, m2);
    expect(byLink.status).not.toBe(302);
    const byCode = await call(() => codeAction(args(formRequest("/gabung", { code: team.inviteCode }, { cookie: m2.cookie }))));
    expect(byCode.status).not.toBe(302);
    expect(await db.teamMember.count({ where: { teamId: team.id, userId: m2.id } })).toBe(0);
    // The team sees the new invite.
    const page = await call(() => teamLoader(args(getRequest(`/tim/${team.id}`, captain.cookie), { teamId: team.id })));
    expect(page.body).toMatchObject({ invite: { code: after.inviteCode } });
    expect(JSON.stringify(page.body)).toContain(after.inviteToken);
  });

  it("deletes the team when the last member leaves, only after confirmation", async () => {
    const ev = await makeEvent();
    const captain = await person();
    const team = await registered(ev, captain);
    const unconfirmed = await teamPost(team.id, captain, { intent: "leave" });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.body).toMatchObject({ error: "team.errors.confirmDelete" });
    expect(await db.team.count({ where: { id: team.id } })).toBe(1);
    const done = await teamPost(team.id, captain, { intent: "leave", confirm: "yes" });
    expect(done.headers.get("Location")).toBe("/dasbor?tim=dihapus");
    expect(await db.team.count({ where: { id: team.id } })).toBe(0);
  });

  it("changes nothing after the deadline", async () => {
    const { ev, team, captain, m1, idOf } = await teamOfThree();
    await db.event.update({ where: { id: ev.id }, data: { registrationClosesAt: new Date(Date.now() - 1000) } });
    const attempts: Record<string, string>[] = [{ intent: "regenerate" }, { intent: "remove", memberId: idOf(m1) }, { intent: "transfer", memberId: idOf(m1) }];
    for (const fields of attempts) {
      const res = await teamPost(team.id, captain, fields);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: "team.errors.editClosed" });
    }
    expect((await teamPost(team.id, m1, { intent: "leave" })).body).toMatchObject({ error: "team.errors.editClosed" });
    const after = await db.team.findUniqueOrThrow({ where: { id: team.id }, include: { members: true } });
    expect(after.inviteCode).toBe(team.inviteCode);
    expect(after.members).toHaveLength(3);
  });
});

describe("team page and dashboard", () => {
  it("shows members, what is missing and the invite to members; organizers see it; anyone else gets 404", async () => {
    const ev = await makeEvent({
      pools: [
        { key: "mahasiswa", label: "Mahasiswa", quota: 3 },
        { key: "kim", label: "Anggota KIM", quota: 1 },
      ],
      minTeamSize: 4,
      maxTeamSize: 4,
    });
    const captain = await person("Ketua Tim", "0812-3456-7890");
    const team = await registered(ev, captain, { pool: "mahasiswa" });
    const page = await call(() => teamLoader(args(getRequest(`/tim/${team.id}`, captain.cookie), { teamId: team.id })));
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      members: [{ name: "Ketua Tim", role: "CAPTAIN", whatsappLink: "https://wa.me/6281234567890" }],
      missing: {
        total: 3,
        byPool: [
          { pool: "mahasiswa", count: 2 },
          { pool: "kim", count: 1 },
        ],
      },
      step: { key: "completeMembers", count: 3 },
      invite: { code: team.inviteCode },
      viewer: { role: "CAPTAIN", organizer: false },
    });
    const organizer = await organizerOf(ev.id);
    const org = await call(() => teamLoader(args(getRequest(`/tim/${team.id}`, organizer.cookie), { teamId: team.id })));
    expect(org.status).toBe(200);
    expect(org.body).toMatchObject({ invite: null, viewer: { role: null, organizer: true } });
    const outsider = await person();
    const stranger = await call(() => teamLoader(args(getRequest(`/tim/${team.id}`, outsider.cookie), { teamId: team.id })));
    expect(stranger.status).toBe(404);
    const strangerPost = await teamPost(team.id, await person(), { intent: "regenerate" });
    expect(strangerPost.status).toBe(404);
    expect(strangerPost.body).toMatchObject({ error: "team.errors.notMember" });
  });

  it("lists the participant's teams with status and next step on the dashboard", async () => {
    const captain = await person();
    const ev = await makeEvent();
    const team = await registered(ev, captain);
    await db.team.update({ where: { id: team.id }, data: { status: "REJECTED", statusReason: "Berkas tidak lengkap" } });
    const res = await call(() => dashboardLoader(args(getRequest("/dasbor", captain.cookie))));
    expect(res.body).toMatchObject({ teams: [{ id: team.id, status: "REJECTED", role: "CAPTAIN", step: { key: "rejected", reason: "Berkas tidak lengkap" } }] });
  });
});

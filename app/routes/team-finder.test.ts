import { describe, expect, it } from "vitest";
import * as finderRoute from "~/routes/acara.$slug.cari-tim";
import * as teamFinderRoute from "~/routes/tim.$teamId.cari-anggota";
import { action as joinAction } from "~/routes/gabung.$token";
import { loader as teamLoader } from "~/routes/tim.$teamId._index";
import { db } from "~/services/db.server";
import { call, formRequest, getRequest } from "~/test/request";
import { renderRoute } from "~/test/render-route";
import { loader as rootLoader } from "~/root";
import { pageStatements } from "~/test/page-load";
import { args, CLOSED, errorsOf, makeEvent, person, type Person } from "~/test/teams";

const POOLS = [
  { key: "mahasiswa", label: "Mahasiswa", quota: 2 },
  { key: "kim", label: "Anggota KIM", quota: 1 },
];

type Ev = Awaited<ReturnType<typeof makeEvent>>;

function finderPost(ev: Ev, who: Person, fields: Record<string, string>) {
  return call(() => finderRoute.action(args(formRequest(`/acara/${ev.slug}/cari-tim`, fields, { cookie: who.cookie }), { slug: ev.slug })));
}

function finderGet(ev: Ev, who: Person) {
  return call(() => finderRoute.loader(args(getRequest(`/acara/${ev.slug}/cari-tim`, who.cookie), { slug: ev.slug })));
}

function teamPost(teamId: string, who: Person, fields: Record<string, string>) {
  return call(() => teamFinderRoute.action(args(formRequest(`/tim/${teamId}/cari-anggota`, fields, { cookie: who.cookie }), { teamId })));
}

/** A team with a captain (and members from `pools`), made as registration would. */
async function teamOf(ev: Ev, captainPool: string | null, memberPools: (string | null)[] = []) {
  const captain = await person("Kapten Garuda", "081234567890");
  const code = Math.random().toString(36).slice(2, 10);
  const team = await db.team.create({ data: { eventId: ev.id, name: `Tim ${code}`, nameKey: `tim ${code}`, inviteCode: code.toUpperCase(), inviteToken: `tok-${code}`, regionId: ev.regionId } });
  await db.teamMember.create({ data: { teamId: team.id, eventId: ev.id, userId: captain.id, role: "CAPTAIN", pool: captainPool } });
  for (const pool of memberPools) {
    const m = await person("Anggota");
    await db.teamMember.create({ data: { teamId: team.id, eventId: ev.id, userId: m.id, role: "MEMBER", pool } });
  }
  return { team, captain };
}

async function listed(ev: Ev, who: Person, fields: Record<string, string> = {}) {
  const res = await finderPost(ev, who, { intent: "list", skills: "desain UI, Laravel", agreeShown: "on", ...fields });
  expect(res.status, JSON.stringify(res.body)).toBe(302);
}

async function looking(teamId: string, captain: Person, note = "Butuh desainer") {
  const res = await teamPost(teamId, captain, { intent: "open", note });
  expect(res.status, JSON.stringify(res.body)).toBe(302);
}

/** A team looking for members, and a listed participant whose request to join it is pending. */
async function pendingRequest(ev: Ev, opts: { captainPool?: string; name?: string; listing?: Record<string, string>; message?: string } = {}) {
  const { team, captain } = await teamOf(ev, opts.captainPool ?? null);
  await looking(team.id, captain);
  const lone = await person(opts.name);
  await listed(ev, lone, opts.listing);
  const fields = { intent: "request", teamId: team.id, ...(opts.message === undefined ? {} : { message: opts.message }) };
  expect((await finderPost(ev, lone, fields)).status).toBe(302);
  return { team, captain, lone };
}

const snapshot = async (eventId: string) => ({
  listings: await db.finderListing.findMany({ where: { eventId }, orderBy: { id: "asc" } }),
  requests: await db.joinRequest.findMany({ where: { eventId }, orderBy: { id: "asc" } }),
  members: await db.teamMember.count({ where: { eventId } }),
  openings: await db.teamOpening.count({ where: { eventId } }),
});

describe("listing oneself", () => {
  it("lists, edits and removes a participant's listing", async () => {
    const ev = await makeEvent({ pools: POOLS });
    const lone = await person("Sari Lone");
    await listed(ev, lone, { regionId: ev.regionId, pool: "kim", note: "Bisa video" });
    expect(await db.finderListing.findFirst({ where: { eventId: ev.id, userId: lone.id } })).toMatchObject({ skills: "desain UI, Laravel", pool: "kim", regionId: ev.regionId, note: "Bisa video" });
    await listed(ev, lone, { skills: "Flutter;flutter, data", pool: "mahasiswa" });
    expect(await db.finderListing.findFirst({ where: { eventId: ev.id, userId: lone.id } })).toMatchObject({ skills: "Flutter, data", pool: "mahasiswa", regionId: null, note: "" });
    expect(await db.finderListing.count({ where: { eventId: ev.id } })).toBe(1);
    const res = await finderPost(ev, lone, { intent: "unlist" });
    expect(res.status).toBe(302);
    expect(await db.finderListing.count({ where: { eventId: ev.id } })).toBe(0);
  });

  it.each([
    ["without agreeing to be shown", { agreeShown: "" }, "agreeShown", "finder.errors.agreeShown"],
    ["without skills", { skills: " , " }, "skills", "validation.required"],
    ["with a note that is too long", { note: "x".repeat(281) }, "note", "validation.tooLong"],
    ["with a region of another event", { regionId: "bukan-wilayah" }, "regionId", "validation.invalid"],
    ["without a pool where the event has pools", { pool: "" }, "pool", "team.errors.poolRequired"],
    ["with an unknown pool", { pool: "dosen" }, "pool", "validation.invalid"],
  ])("refuses a listing %s with a localized message and writes nothing", async (_label, fields, field, key) => {
    const ev = await makeEvent({ pools: POOLS });
    const lone = await person();
    const before = await snapshot(ev.id);
    const res = await finderPost(ev, lone, { intent: "list", skills: "desain UI", agreeShown: "on", pool: "kim", ...fields });
    expect(res.status).toBe(400);
    expect(errorsOf(res.body)[field]).toContain(key);
    expect(await snapshot(ev.id)).toEqual(before);
  });

  it("refuses someone already in a team of the event", async () => {
    const ev = await makeEvent();
    const { captain } = await teamOf(ev, null);
    const res = await finderPost(ev, captain, { intent: "list", skills: "desain UI", agreeShown: "on" });
    expect(res.status).toBe(400);
    expect(errorsOf(res.body)[""]).toContain("team.errors.alreadyInTeam");
    expect(await db.finderListing.count({ where: { eventId: ev.id } })).toBe(0);
  });
});

describe("what the finder shows", () => {
  it("shows teams that are looking with what they still need, hides full teams, and never shows contact details", async () => {
    const ev = await makeEvent({ pools: POOLS, minTeamSize: 4, maxTeamSize: 4 });
    const needy = await teamOf(ev, "mahasiswa", ["mahasiswa"]);
    const full = await teamOf(ev, "mahasiswa", ["mahasiswa", "kim"]);
    await db.teamSeat.create({
      data: { teamId: full.team.id, eventId: ev.id, name: "Tempat", email: "tempat@contoh.id", tokenHash: `h-${full.team.id}`, invitedById: full.captain.id, role: "MEMBER", pool: "kim" },
    });
    await looking(needy.team.id, needy.captain, "Cari anggota KIM");
    await db.teamOpening.create({ data: { teamId: full.team.id, eventId: ev.id, note: "" } });
    const lone = await person("Sari Lone", "081299988877");
    await listed(ev, lone, { pool: "kim", note: "Siap begadang" });

    const page = await finderGet(ev, lone);
    expect(page.status).toBe(200);
    const body = page.body as { teams: { teamId: string; needs: { missing: unknown } }[] };
    expect(body.teams.map((t) => t.teamId)).toEqual([needy.team.id]);
    expect(body.teams[0]?.needs.missing).toEqual({ total: 2, byPool: [{ pool: "kim", count: 1 }] });

    // The captain sees the listing; the rendered page names the person but shows no contact.
    const html = (await renderRoute(finderRoute, "/acara/:slug/cari-tim", getRequest(`/acara/${ev.slug}/cari-tim`, needy.captain.cookie))).html;
    expect(html).toContain("Sari Lone");
    expect(html).toContain("Siap begadang");
    const loneHtml = (await renderRoute(finderRoute, "/acara/:slug/cari-tim", getRequest(`/acara/${ev.slug}/cari-tim`, lone.cookie))).html;
    expect(loneHtml).toContain("1 anggota KIM lagi dibutuhkan");
    expect(loneHtml).toContain("Cari anggota KIM");
    for (const text of [html, loneHtml, JSON.stringify(page.body), JSON.stringify((await finderGet(ev, needy.captain)).body)]) {
      for (const contact of [lone.email, "081299988877", "6281299988877", needy.captain.email, "081234567890", "6281234567890", "tempat@contoh.id"]) expect(text).not.toContain(contact);
    }
  });

  it("shows listings only to the event's participants", async () => {
    const ev = await makeEvent();
    const lone = await person("Sari Lone");
    await listed(ev, lone);
    const stranger = await person("Orang Lain");
    const page = (await finderGet(ev, stranger)).body as { seesListings: boolean; listings: unknown[] };
    expect(page).toMatchObject({ seesListings: false, listings: [] });
  });

  it("is closed from the exact millisecond of the registration deadline: nothing shown, nothing sent or accepted", async () => {
    const ev = await makeEvent();
    const { team, captain, lone } = await pendingRequest(ev, { name: "Sari Lone" });
    const request = await db.joinRequest.findFirstOrThrow({ where: { teamId: team.id } });
    const other = await person("Budi");
    await listed(ev, other);

    await db.event.update({ where: { id: ev.id }, data: { registrationClosesAt: new Date(Date.now() - 1) } });
    const page = (await finderGet(ev, lone)).body as { open: boolean; teams: unknown[]; listings: unknown[]; requests: unknown[] };
    expect(page).toMatchObject({ open: false, teams: [], listings: [], requests: [] });
    const before = await snapshot(ev.id);
    const sent = await finderPost(ev, other, { intent: "request", teamId: team.id });
    expect(sent.status).toBe(400);
    expect((sent.body as { error: string }).error).toBe("finder.errors.closed");
    const accepted = await teamPost(team.id, captain, { intent: "accept", requestId: request.id });
    expect(accepted.status).toBe(400);
    expect((accepted.body as { error: string }).error).toBe("finder.errors.closed");
    expect((await finderPost(ev, other, { intent: "list", skills: "Go", agreeShown: "on" })).status).toBe(400);
    expect(await snapshot(ev.id)).toEqual(before);
  });

  it("is closed on an event whose registration is over", async () => {
    const ev = await makeEvent({ offsets: CLOSED });
    const lone = await person();
    const res = await finderPost(ev, lone, { intent: "list", skills: "Go", agreeShown: "on" });
    expect(res.status).toBe(400);
    expect(errorsOf(res.body)[""]).toContain("finder.errors.closed");
  });
});

describe("requests", () => {
  it("a participant asks, the captain accepts: the participant is a member, out of the finder, and sees the team's contacts", async () => {
    const ev = await makeEvent({ pools: POOLS });
    const { team, captain } = await teamOf(ev, "mahasiswa");
    await looking(team.id, captain);
    const lone = await person("Sari Lone");
    await listed(ev, lone, { pool: "kim" });
    const other = await teamOf(ev, "mahasiswa");
    await looking(other.team.id, other.captain);
    expect((await finderPost(ev, lone, { intent: "request", teamId: team.id, message: "Saya bisa desain" })).status).toBe(302);
    expect((await finderPost(ev, lone, { intent: "request", teamId: other.team.id })).status).toBe(302);
    const request = await db.joinRequest.findFirstOrThrow({ where: { teamId: team.id, userId: lone.id } });
    expect(request).toMatchObject({ direction: "TO_TEAM", status: "PENDING", message: "Saya bisa desain", senderId: lone.id });

    const page = (await call(() => teamFinderRoute.loader(args(getRequest(`/tim/${team.id}/cari-anggota`, captain.cookie), { teamId: team.id })))).body as {
      requests: { id: string; name: string; skills: string[] }[];
    };
    expect(page.requests).toMatchObject([{ id: request.id, name: "Sari Lone", skills: ["desain UI", "Laravel"] }]);
    expect(JSON.stringify(page)).not.toContain(lone.email);

    const res = await teamPost(team.id, captain, { intent: "accept", requestId: request.id });
    expect(res.status, JSON.stringify(res.body)).toBe(302);
    expect(await db.teamMember.findFirst({ where: { eventId: ev.id, userId: lone.id } })).toMatchObject({ teamId: team.id, role: "MEMBER", pool: "kim" });
    // The listing and the other pending request are withdrawn by the join.
    expect(await db.finderListing.count({ where: { eventId: ev.id, userId: lone.id } })).toBe(0);
    expect(await db.joinRequest.count({ where: { eventId: ev.id, userId: lone.id } })).toBe(0);
    const actions = (await db.auditLog.findMany({ where: { eventId: ev.id }, orderBy: { at: "asc" } })).map((a) => [a.action, a.actorId]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ["team.join", lone.id],
        ["joinRequest.accept", captain.id],
      ]),
    );
    const teamPage = (await call(() => teamLoader(args(getRequest(`/tim/${team.id}`, lone.cookie), { teamId: team.id })))).body as { members: { email: string | null }[] };
    expect(teamPage.members.map((m) => m.email)).toContain(captain.email);
  });

  it("a captain invites, the participant accepts after ticking the event's notice", async () => {
    const ev = await makeEvent();
    await db.event.update({ where: { id: ev.id }, data: { privacyNotice: "Data tim dibagikan ke Dinas." } });
    const { team, captain } = await teamOf(ev, null);
    const lone = await person("Sari Lone");
    await listed(ev, lone);
    expect((await finderPost(ev, captain, { intent: "invite", userId: lone.id, message: "Gabung yuk" })).status).toBe(302);
    const request = await db.joinRequest.findFirstOrThrow({ where: { teamId: team.id } });
    expect(request).toMatchObject({ direction: "TO_PARTICIPANT", senderId: captain.id, userId: lone.id });

    const unticked = await finderPost(ev, lone, { intent: "accept", requestId: request.id });
    expect(unticked.status).toBe(400);
    expect((unticked.body as { error: string }).error).toBe("privacy.eventNotice.requiredJoin");
    expect(await db.teamMember.count({ where: { teamId: team.id } })).toBe(1);
    expect(await db.joinRequest.count({ where: { id: request.id } })).toBe(1);

    const res = await finderPost(ev, lone, { intent: "accept", requestId: request.id, agreeEventNotice: "on" });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/tim/${team.id}?gabung=1`);
    const member = await db.teamMember.findFirstOrThrow({ where: { teamId: team.id, userId: lone.id } });
    expect(member.noticeSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("a participant's request carries their agreement to the event's notice", async () => {
    const ev = await makeEvent();
    await db.event.update({ where: { id: ev.id }, data: { privacyNotice: "Data tim dibagikan ke Dinas." } });
    const { team, captain } = await teamOf(ev, null);
    await looking(team.id, captain);
    const lone = await person();
    await listed(ev, lone);
    const unticked = await finderPost(ev, lone, { intent: "request", teamId: team.id });
    expect(unticked.status).toBe(400);
    expect((unticked.body as { error: string }).error).toBe("privacy.eventNotice.requiredJoin");
    expect(await db.joinRequest.count({ where: { teamId: team.id } })).toBe(0);
    expect((await finderPost(ev, lone, { intent: "request", teamId: team.id, agreeEventNotice: "on" })).status).toBe(302);
    const request = await db.joinRequest.findFirstOrThrow({ where: { teamId: team.id } });
    expect((await teamPost(team.id, captain, { intent: "accept", requestId: request.id })).status).toBe(302);
    expect(await db.teamMember.findFirstOrThrow({ where: { teamId: team.id, userId: lone.id } })).toMatchObject({ noticeAcceptedAt: request.noticeAcceptedAt, noticeSha256: request.noticeSha256 });
  });

  it("accepting applies the pool quota like an invite link: a pool-full team refuses and nothing changes", async () => {
    const ev = await makeEvent({ pools: POOLS });
    const { team, captain } = await pendingRequest(ev, { captainPool: "mahasiswa", listing: { pool: "kim" } });
    const request = await db.joinRequest.findFirstOrThrow({ where: { teamId: team.id } });
    // Meanwhile a KIM member joins by the invite link and takes the only KIM place.
    const kim = await person();
    expect((await call(() => joinAction(args(formRequest(`/gabung/${team.inviteToken}`, { pool: "kim" }, { cookie: kim.cookie }), { token: team.inviteToken })))).status).toBe(302);
    const before = await snapshot(ev.id);
    const res = await teamPost(team.id, captain, { intent: "accept", requestId: request.id });
    expect(res.status).toBe(400);
    expect((res.body as { error: string }).error).toBe("join.errors.poolFull");
    expect(await snapshot(ev.id)).toEqual(before);
    // And a new request into the full pool is refused up front.
    const another = await person();
    await listed(ev, another, { pool: "kim" });
    const sent = await finderPost(ev, another, { intent: "request", teamId: team.id });
    expect((sent.body as { error: string }).error).toBe("join.errors.poolFull");
  });

  it("refuses duplicates, a declined pair, a team not looking and more than five pending requests, with localized messages", async () => {
    const ev = await makeEvent();
    const lone = await person();
    await listed(ev, lone);
    const teams = [];
    for (let i = 0; i < 6; i++) {
      const t = await teamOf(ev, null);
      await looking(t.team.id, t.captain);
      teams.push(t);
    }
    const [first, ...rest] = teams;
    if (!first) throw new Error("no team");
    expect((await finderPost(ev, lone, { intent: "request", teamId: first.team.id })).status).toBe(302);
    const again = await finderPost(ev, lone, { intent: "request", teamId: first.team.id });
    expect(again.status).toBe(400);
    expect((again.body as { error: string }).error).toBe("finder.errors.duplicate");
    // The captain's invitation to the same participant is the same pair: refused too.
    const invite = await finderPost(ev, first.captain, { intent: "invite", userId: lone.id });
    expect((invite.body as { error: string }).error).toBe("finder.errors.duplicate");

    const request = await db.joinRequest.findFirstOrThrow({ where: { teamId: first.team.id } });
    expect((await teamPost(first.team.id, first.captain, { intent: "decline", requestId: request.id })).status).toBe(302);
    expect(await db.auditLog.count({ where: { eventId: ev.id, action: "joinRequest.decline", actorId: first.captain.id } })).toBe(1);
    const declined = await finderPost(ev, lone, { intent: "request", teamId: first.team.id });
    expect((declined.body as { error: string }).error).toBe("finder.errors.declined");

    for (const t of rest.slice(0, 5)) expect((await finderPost(ev, lone, { intent: "request", teamId: t.team.id })).status).toBe(302);
    const sixth = await teamOf(ev, null);
    await looking(sixth.team.id, sixth.captain);
    const tooMany = await finderPost(ev, lone, { intent: "request", teamId: sixth.team.id });
    expect(tooMany.status).toBe(400);
    expect((tooMany.body as { error: string }).error).toBe("finder.errors.tooMany");

    const quiet = await teamOf(ev, null);
    const other = await person();
    await listed(ev, other);
    const notLooking = await finderPost(ev, other, { intent: "request", teamId: quiet.team.id });
    expect((notLooking.body as { error: string }).error).toBe("finder.errors.notLooking");
    expect(await db.joinRequest.count({ where: { eventId: ev.id, status: "PENDING" } })).toBe(5);
  });

  it("refuses bad input with a localized message and writes nothing", async () => {
    const ev = await makeEvent();
    const { team, captain } = await teamOf(ev, null);
    await looking(team.id, captain);
    const lone = await person();
    await listed(ev, lone);
    const before = await snapshot(ev.id);
    const long = await finderPost(ev, lone, { intent: "request", teamId: team.id, message: "x".repeat(281) });
    expect(long.status).toBe(400);
    expect((long.body as { error: string }).error).toBe("validation.invalid");
    const noTeam = await finderPost(ev, lone, { intent: "request" });
    expect(noTeam.status).toBe(400);
    const unknown = await finderPost(ev, lone, { intent: "request", teamId: "tidak-ada" });
    expect((unknown.body as { error: string }).error).toBe("finder.errors.teamNotFound");
    const note = await teamPost(team.id, captain, { intent: "open", note: "x".repeat(281) });
    expect(note.status).toBe(400);
    expect(await snapshot(ev.id)).toEqual(before);
  });

  it("only the side that was asked may accept: other users, members and the sender cannot", async () => {
    const ev = await makeEvent();
    const { team, captain } = await teamOf(ev, null);
    const member = await person();
    await db.teamMember.create({ data: { teamId: team.id, eventId: ev.id, userId: member.id, role: "MEMBER" } });
    await looking(team.id, captain);
    const lone = await person();
    await listed(ev, lone);
    expect((await finderPost(ev, lone, { intent: "request", teamId: team.id })).status).toBe(302);
    const request = await db.joinRequest.findFirstOrThrow({ where: { teamId: team.id } });
    const otherCaptain = await teamOf(ev, null);
    const before = await snapshot(ev.id);

    const byStranger = await teamPost(team.id, await person(), { intent: "accept", requestId: request.id });
    expect(byStranger.status).toBe(404);
    const byMember = await teamPost(team.id, member, { intent: "accept", requestId: request.id });
    expect(byMember.status).toBe(404);
    const byOtherCaptain = await teamPost(otherCaptain.team.id, otherCaptain.captain, { intent: "accept", requestId: request.id });
    expect(byOtherCaptain.status).toBe(404);
    const bySender = await finderPost(ev, lone, { intent: "accept", requestId: request.id });
    expect(bySender.status).toBe(404);
    const declineByStranger = await finderPost(ev, await person(), { intent: "decline", requestId: request.id });
    expect(declineByStranger.status).toBe(404);
    const memberOpens = await teamPost(team.id, member, { intent: "close" });
    expect(memberOpens.status).toBe(403);
    expect(await snapshot(ev.id)).toEqual(before);

    // The sender may take it back.
    expect((await finderPost(ev, lone, { intent: "cancel", requestId: request.id })).status).toBe(302);
    expect(await db.joinRequest.count({ where: { teamId: team.id } })).toBe(0);
  });

  it("joining by invite link withdraws the listing and the pending requests", async () => {
    const ev = await makeEvent();
    const a = await teamOf(ev, null);
    const b = await teamOf(ev, null);
    await looking(a.team.id, a.captain);
    const lone = await person();
    await listed(ev, lone);
    expect((await finderPost(ev, lone, { intent: "request", teamId: a.team.id })).status).toBe(302);
    expect((await call(() => joinAction(args(formRequest(`/gabung/${b.team.inviteToken}`, {}, { cookie: lone.cookie }), { token: b.team.inviteToken })))).status).toBe(302);
    expect(await db.finderListing.count({ where: { eventId: ev.id } })).toBe(0);
    expect(await db.joinRequest.count({ where: { eventId: ev.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { eventId: ev.id, action: "team.join", actorId: lone.id } })).toBe(1);
  });
});

describe("the person's data download", () => {
  it("holds their listing and their requests (without the captain's contact details)", async () => {
    const { collectAccountData } = await import("~/models/account-data.server");
    const ev = await makeEvent();
    const { team, captain, lone } = await pendingRequest(ev, { listing: { note: "Siap lembur akhir pekan" }, message: "Saya bisa desain" });
    const doc = (await collectAccountData(lone.id, new Date()))?.document as Record<string, unknown>;
    expect(doc.teamFinderListings).toEqual([expect.objectContaining({ event: { slug: ev.slug, name: ev.name }, skills: expect.stringContaining("Laravel"), note: "Siap lembur akhir pekan" })]);
    expect(doc.teamFinderRequests).toEqual([expect.objectContaining({ team: team.name, direction: "you asked the team", status: "PENDING", message: "Saya bisa desain" })]);
    expect(JSON.stringify(doc)).not.toContain(captain.email);
  });
});

describe("account deletion", () => {
  it("takes the person's listing and requests out of the finder", async () => {
    const { anonymizeAccount } = await import("~/models/account-deletion.server");
    const ev = await makeEvent();
    const { lone } = await pendingRequest(ev);
    await db.$transaction((tx) => anonymizeAccount(tx, lone.id, new Date()));
    expect(await db.finderListing.count({ where: { userId: lone.id } })).toBe(0);
    expect(await db.joinRequest.count({ where: { userId: lone.id } })).toBe(0);
  });
});

describe("what the finder pages cost", () => {
  it("send at most 8 statements, the same number with a few or many listings and teams", async () => {
    const ev = await makeEvent({ pools: POOLS });
    const { team, captain, lone } = await pendingRequest(ev, { captainPool: "mahasiswa", listing: { pool: "kim" } });
    const counts = async () => {
      const pages = [
        () => pageStatements([rootLoader, finderRoute.loader], `/acara/${ev.slug}/cari-tim`, { slug: ev.slug }, lone.cookie),
        () => pageStatements([rootLoader, finderRoute.loader], `/acara/${ev.slug}/cari-tim`, { slug: ev.slug }, captain.cookie),
        () => pageStatements([rootLoader, teamFinderRoute.loader], `/tim/${team.id}/cari-anggota`, { teamId: team.id }, captain.cookie),
      ];
      const result = [];
      for (const page of pages) {
        await page();
        result.push((await page()).length);
      }
      return result;
    };
    const few = await counts();
    for (let i = 0; i < 6; i++) {
      const t = await teamOf(ev, "mahasiswa", ["mahasiswa"]);
      await looking(t.team.id, t.captain);
      const p = await person();
      await listed(ev, p, { pool: "kim" });
      expect((await finderPost(ev, p, { intent: "request", teamId: team.id })).status).toBe(302);
    }
    const many = await counts();
    expect(many).toEqual(few);
    for (const n of many) expect(n).toBeLessThanOrEqual(8);
  });
});

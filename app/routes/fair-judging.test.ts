// Fair judging: blind labels nothing public leads to, public pages that stay closed while blind
// judging lasts, file access that follows current roles, a ballot without disqualified teams and
// announcements shown only to their audience.
import { describe, expect, it } from "vitest";
import { demoPng } from "../../prisma/seed-submissions";
import { loader as eventLoader } from "~/routes/acara.$slug._index";
import { loader as galleryLoader } from "~/routes/acara.$slug_.galeri";
import { action as voteAction, loader as voteLoader } from "~/routes/acara.$slug_.pilih";
import { loader as projectLoader } from "~/routes/acara.$slug_.proyek.$submissionId";
import { loader as fileLoader } from "~/routes/berkas.$attachmentId";
import { loader as coverLoader } from "~/routes/berkas.sampul.$submissionId";
import { loader as queueLoader } from "~/routes/juri.$slug._index";
import { action as conflictAction, loader as conflictLoader } from "~/routes/juri.$slug.konflik";
import { loader as pageLoader } from "~/routes/juri.$slug.nilai.$assignmentId";
import { action as saveAction } from "~/routes/juri.$slug.nilai.$assignmentId.simpan";
import { loader as orgConflictLoader } from "~/routes/kelola.$slug.penjurian.konflik";
import { action as staffAction } from "~/routes/kelola.$slug.tim-panitia";
import { db } from "~/services/db.server";
import { putFile } from "~/services/storage.server";
import { assign, cookieFor, judgingEvent } from "~/test/judging-fixture";
import { args, call, formRequest, getRequest } from "~/test/request";

const HOUR = 3_600_000;

type Fx = Awaited<ReturnType<typeof judgingEvent>>;

async function openToPublic(fx: Fx) {
  const now = Date.now();
  await db.event.update({
    where: { id: fx.event.id },
    data: { isPublic: true, galleryPublished: true, peoplesChoice: true, votingOpensAt: new Date(now - HOUR), votingClosesAt: new Date(now + 100 * HOUR) },
  });
}

async function publicPages(fx: Fx, cookie?: string) {
  const slug = fx.event.slug;
  const submissionId = fx.submissions[0].id;
  return {
    gallery: (await call(() => galleryLoader(args(getRequest(`/acara/${slug}/galeri`, cookie), { slug })))).status,
    project: (await call(() => projectLoader(args(getRequest(`/acara/${slug}/proyek/${submissionId}`, cookie), { slug, submissionId })))).status,
    ballot: (await call(() => voteLoader(args(getRequest(`/acara/${slug}/pilih`, cookie), { slug })))).status,
  };
}

describe("blind judging", () => {
  it("labels each assignment with a stored random label that no public id leads to", async () => {
    const fx = await judgingEvent({ judges: 2, teams: 2, blind: true });
    const [j1, j2] = fx.judges;
    const s = fx.submissions[0];
    const a1 = await assign(fx.rounds[0].id, j1.id, s.id);
    const a2 = await assign(fx.rounds[0].id, j2.id, s.id);
    const slug = fx.event.slug;
    const cookie = await cookieFor(j1.id);
    const queue = await call(() => queueLoader(args(getRequest(`/juri/${slug}`, cookie), { slug })));
    const label = (queue.body as { window: { rows: { id: string; team: string }[] } }).window.rows[0].team;
    const page = await call(() => pageLoader(args(getRequest(`/juri/${slug}/nilai/${a1.id}`, cookie), { slug, assignmentId: a1.id })));
    const blindId = (page.body as { blindId: string }).blindId;

    expect(blindId).toBe(label);
    expect(label).toMatch(/^[A-Z0-9_-]{8}$/);
    // Nothing public (the submission or team id shown in gallery and ballot URLs) contains it.
    for (const id of [s.id, s.teamId]) {
      expect(id.toUpperCase()).not.toContain(label);
      expect(label).not.toContain(id.slice(-6).toUpperCase());
    }
    // Stored, so it stays the same between visits; another judge's label is their own.
    expect((await db.assignment.findUniqueOrThrow({ where: { id: a1.id } })).label?.toUpperCase()).toBe(label);
    expect((await db.assignment.findUniqueOrThrow({ where: { id: a2.id } })).label?.toUpperCase()).not.toBe(label);
  });

  it("keeps the gallery, project pages, covers and the ballot closed to the public until the last round closes", async () => {
    const fx = await judgingEvent({ judges: 1, teams: 2, blind: true });
    await openToPublic(fx);
    const { key } = await putFile("covers", demoPng(8, 8, [0, 0, 0], [9, 9, 9]));
    await db.submission.update({ where: { id: fx.submissions[0].id }, data: { coverKey: key } });
    const slug = fx.event.slug;
    const cover = async () => (await call(() => coverLoader(args(getRequest(`/berkas/sampul/${fx.submissions[0].id}`), { submissionId: fx.submissions[0].id })))).status;

    expect(await publicPages(fx)).toEqual({ gallery: 404, project: 404, ballot: 404 });
    expect(await cover()).toBe(404);
    const voter = fx.participants[1];
    const signedVote = await call(async () => voteAction(args(formRequest(`/acara/${slug}/pilih`, { submissionId: fx.submissions[0].id }, { cookie: await cookieFor(voter.id) }), { slug })));
    expect(signedVote.status).toBe(400);
    expect(await db.vote.count({ where: { eventId: fx.event.id } })).toBe(0);
    const eventPage = await call(() => eventLoader(args(getRequest(`/acara/${slug}`), { slug })));
    const ev = eventPage.body as { event: { galleryPublished: boolean }; votingOpen: boolean };
    expect(ev.event.galleryPublished).toBe(false);
    expect(ev.votingOpen).toBe(false);
    // Organizers keep their preview.
    expect((await publicPages(fx, await cookieFor(fx.organizer.id))).gallery).toBe(200);

    // Once every round has closed there is nothing left to keep blind.
    await db.round.updateMany({ where: { eventId: fx.event.id }, data: { closesAt: new Date(Date.now() - 1000) } });
    expect(await publicPages(fx)).toEqual({ gallery: 200, project: 200, ballot: 200 });
    expect(await cover()).toBe(200);
  });

  it("leaves the public pages of an event without blind judging open while judging runs", async () => {
    const fx = await judgingEvent({ judges: 1, teams: 2, blind: false });
    await openToPublic(fx);
    expect(await publicPages(fx)).toEqual({ gallery: 200, project: 200, ballot: 200 });
  });
});

describe("file access follows current roles", () => {
  it("a judge removed from the event, or unassigned, no longer downloads the submission's files", async () => {
    const fx = await judgingEvent({ judges: 2, teams: 1 });
    const [judge, other] = fx.judges;
    const s = fx.submissions[0];
    await assign(fx.rounds[0].id, judge.id, s.id);
    const otherAssignment = await assign(fx.rounds[0].id, other.id, s.id);
    const stored = await putFile("attachments", new TextEncoder().encode("%PDF-1.4 proposal"));
    const attachment = await db.attachment.create({
      data: {
        submissionId: s.id,
        filename: "proposal.pdf",
        kind: "document",
        mime: "application/pdf",
        size: stored.size,
        storageKey: stored.key,
        sha256: stored.sha256,
        uploadedById: fx.participants[0].id,
      },
    });
    const download = async (userId: string) => (await call(async () => fileLoader(args(getRequest(`/berkas/${attachment.id}`, await cookieFor(userId)), { attachmentId: attachment.id })))).status;

    expect(await download(judge.id)).toBe(200);
    expect(await download(other.id)).toBe(200);
    await db.eventMember.deleteMany({ where: { eventId: fx.event.id, userId: judge.id } });
    expect(await download(judge.id)).toBe(404);
    await db.assignment.delete({ where: { id: otherAssignment.id } });
    expect(await download(other.id)).toBe(404);
    // The team and the organizers keep access.
    expect(await download(fx.participants[0].id)).toBe(200);
    expect(await download(fx.organizer.id)).toBe(200);
  });
});

describe("People's Choice ballot", () => {
  it("neither lists nor accepts nor counts a disqualified team", async () => {
    const fx = await judgingEvent({ judges: 1, teams: 3 });
    await openToPublic(fx);
    const slug = fx.event.slug;
    const [kept, , dropped] = fx.submissions;
    const early = fx.participants[0];
    const ok = await call(async () => voteAction(args(formRequest(`/acara/${slug}/pilih`, { submissionId: dropped.id }, { cookie: await cookieFor(early.id) }), { slug })));
    expect(ok.status).toBe(200);
    await db.team.update({ where: { id: dropped.teamId }, data: { status: "REJECTED", statusReason: "Plagiat" } });

    const ballot = await call(() => voteLoader(args(getRequest(`/acara/${slug}/pilih`), { slug })));
    const ids = (ballot.body as { candidates: { id: string }[] }).candidates.map((c) => c.id);
    expect(ids).toContain(kept.id);
    expect(ids).not.toContain(dropped.id);

    const voter = fx.participants[1];
    const refused = await call(async () => voteAction(args(formRequest(`/acara/${slug}/pilih`, { submissionId: dropped.id }, { cookie: await cookieFor(voter.id) }), { slug })));
    expect(refused.status).toBe(400);
    expect(await db.vote.count({ where: { eventId: fx.event.id, userId: voter.id } })).toBe(0);

    await db.event.update({ where: { id: fx.event.id }, data: { votingClosesAt: new Date(Date.now() - 1000) } });
    const closed = await call(() => voteLoader(args(getRequest(`/acara/${slug}/pilih`), { slug })));
    expect(JSON.stringify(closed.body)).not.toContain(dropped.id);
    const { voteTally } = await import("~/models/vote.server");
    expect((await voteTally(fx.event.id)).map((v) => v.submissionId)).not.toContain(dropped.id);
  });
});

describe("announcements", () => {
  it("are shown on the event page only to their audience", async () => {
    const fx = await judgingEvent({ judges: 1, teams: 1 });
    const slug = fx.event.slug;
    for (const segment of ["all", "accepted", "finalists", "judges"]) {
      await db.announcement.create({ data: { eventId: fx.event.id, title: `Untuk ${segment}`, body: "Isi", segment, authorId: fx.organizer.id } });
    }
    const seen = async (userId?: string) => {
      const page = await call(async () => eventLoader(args(getRequest(`/acara/${slug}`, userId ? await cookieFor(userId) : undefined), { slug })));
      return (page.body as { announcements: { title: string }[] }).announcements.map((a) => a.title).sort();
    };
    expect(await seen()).toEqual(["Untuk all"]);
    expect(await seen(fx.judges[0].id)).toEqual(["Untuk all", "Untuk judges"]);
    expect(await seen(fx.participants[0].id)).toEqual(["Untuk accepted", "Untuk all"]);
    await assign(fx.rounds[1].id, fx.judges[0].id, fx.submissions[0].id);
    expect(await seen(fx.participants[0].id)).toEqual(["Untuk accepted", "Untuk all", "Untuk finalists"]);
    expect(await seen(fx.organizer.id)).toEqual(["Untuk accepted", "Untuk all", "Untuk finalists", "Untuk judges"]);
  });
});

async function declare(fx: Fx, judgeId: string, fields: Record<string, string | string[]>) {
  const slug = fx.event.slug;
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  const request = formRequest(`/juri/${slug}/konflik`, {}, { cookie: await cookieFor(judgeId) });
  return call(() => conflictAction(args(new Request(request.url, { method: "POST", headers: request.headers, body: body.toString() }), { slug })));
}

async function saveScores(fx: Fx, judgeId: string, assignmentId: string) {
  const slug = fx.event.slug;
  const [c1, c2] = fx.rounds[0].criteria.map((c) => c.id);
  const fields = { intent: "save", version: "0", comment: "Bagus", privateNote: "", [`score.${c1}`]: "7", [`score.${c2}`]: "6" };
  return call(async () => saveAction(args(formRequest(`/juri/${slug}/nilai/${assignmentId}/simpan`, fields, { cookie: await cookieFor(judgeId) }), { slug, assignmentId })));
}

async function judgeView(fx: Fx, judgeId: string, assignmentIds: string[]) {
  const slug = fx.event.slug;
  const cookie = await cookieFor(judgeId);
  const queue = await call(() => queueLoader(args(getRequest(`/juri/${slug}`, cookie), { slug })));
  const pages = [];
  for (const id of assignmentIds) {
    const page = await call(() => pageLoader(args(getRequest(`/juri/${slug}/nilai/${id}`, cookie), { slug, assignmentId: id })));
    const body = page.body as { state: string; conflicts: string[] };
    pages.push({ state: body.state, conflicts: body.conflicts });
  }
  return { queue: queue.body, pages };
}

async function organizerConflicts(fx: Fx) {
  const slug = fx.event.slug;
  const page = await call(async () => orgConflictLoader(args(getRequest(`/kelola/${slug}/penjurian/konflik`, await cookieFor(fx.organizer.id)), { slug })));
  return page.body as { rows: { judgeId: string; teamId: string; assignment: string }[]; flags: { kind: string; judgeName: string; teamName: string; assigned: boolean }[] };
}

describe("conflict declarations under blind judging", () => {
  it("do not reveal which assignment they hit; organizers see the hit, and a withdrawal is recorded for them", async () => {
    const fx = await judgingEvent({ judges: 1, teams: 3, blind: true });
    const judge = fx.judges[0];
    const ids = [];
    for (const s of fx.submissions) ids.push((await assign(fx.rounds[0].id, judge.id, s.id)).id);
    const before = await judgeView(fx, judge.id, ids);

    expect((await declare(fx, judge.id, { teamIds: fx.teams[1].id })).status).toBe(200);
    expect(await db.conflict.count({ where: { judgeId: judge.id, teamId: fx.teams[1].id, source: "DECLARED" } })).toBe(1);
    // Everything the judge can look at is as it was, and every save behaves the same.
    expect(await judgeView(fx, judge.id, ids)).toEqual(before);
    const saves = [];
    for (const id of ids) saves.push((await saveScores(fx, judge.id, id)).status);
    expect(new Set(saves).size).toBe(1);
    const page = await call(async () => conflictLoader(args(getRequest(`/juri/${fx.event.slug}/konflik`, await cookieFor(judge.id)), { slug: fx.event.slug })));
    expect(page.body).toMatchObject({ blind: true, declaredTeamIds: [fx.teams[1].id] });

    // The organizers see the declaration and that it hits scored work to reassign.
    const org = await organizerConflicts(fx);
    expect(org.rows.find((r) => r.judgeId === judge.id && r.teamId === fx.teams[1].id)?.assignment).toBe("scored");

    expect((await declare(fx, judge.id, {})).status).toBe(200);
    const withdrawals = await db.auditLog.findMany({ where: { eventId: fx.event.id, action: "conflict.withdraw", actorId: judge.id } });
    expect(withdrawals.map((w) => w.entityId)).toEqual([fx.teams[1].id]);
    const flags = (await organizerConflicts(fx)).flags;
    expect(flags).toContainEqual(expect.objectContaining({ kind: "withdrawn", judgeName: judge.name, teamName: fx.teams[1].name, assigned: true }));
  });

  it("still keep the judge off the team when judging is not blind", async () => {
    const fx = await judgingEvent({ judges: 1, teams: 2, blind: false });
    const judge = fx.judges[0];
    const a = await assign(fx.rounds[0].id, judge.id, fx.submissions[1].id);
    await declare(fx, judge.id, { teamIds: fx.teams[1].id });
    expect((await judgeView(fx, judge.id, [a.id])).pages[0].state).toBe("conflict");
    expect((await saveScores(fx, judge.id, a.id)).status).toBe(403);
  });
});

describe("judge affiliations", () => {
  it("recorded by an organizer cannot be edited away by the judge, and a refused save stays refused", async () => {
    const fx = await judgingEvent({ judges: 1, teams: 2 });
    const judge = fx.judges[0];
    const a = await assign(fx.rounds[0].id, judge.id, fx.submissions[0].id);
    const member = await db.eventMember.findFirstOrThrow({ where: { eventId: fx.event.id, userId: judge.id, role: "JUDGE" } });
    const slug = fx.event.slug;
    const recorded = await call(async () =>
      staffAction(
        args(
          formRequest(
            `/kelola/${slug}/tim-panitia`,
            { intent: "affiliation", memberId: member.id, regionId: fx.teams[0].regionId ?? "", kimName: "", institution: "" },
            { cookie: await cookieFor(fx.organizer.id) },
          ),
          { slug },
        ),
      ),
    );
    expect(recorded.status).toBe(302);
    expect((await saveScores(fx, judge.id, a.id)).status).toBe(403);

    const edit = await declare(fx, judge.id, { regionId: "", kimName: "", institution: "" });
    expect(edit.status).toBe(400);
    expect((edit.body as { error: Record<string, string[]> }).error.regionId).toEqual(["judge.errors.affiliationLocked"]);
    expect((await db.eventMember.findUniqueOrThrow({ where: { id: member.id } })).regionId).toBe(fx.teams[0].regionId);
    expect((await saveScores(fx, judge.id, a.id)).status).toBe(403);
    // Declarations stay the judge's own; the page shows the affiliation as the organizer's.
    expect((await declare(fx, judge.id, { teamIds: fx.teams[1].id })).status).toBe(200);
    const page = await call(async () => conflictLoader(args(getRequest(`/juri/${slug}/konflik`, await cookieFor(judge.id)), { slug })));
    expect(page.body).toMatchObject({ affiliation: "organizer" });
  });

  it("naming a region or team of no such event is refused on its field, and nothing is written", async () => {
    const fx = await judgingEvent({ judges: 1, teams: 1 });
    const judge = fx.judges[0];
    const before = await db.eventMember.findFirstOrThrow({ where: { eventId: fx.event.id, userId: judge.id, role: "JUDGE" } });
    const team = await declare(fx, judge.id, { teamIds: [fx.teams[0].id, "tim-tidak-ada"] });
    expect(team.status).toBe(400);
    expect((team.body as { error: Record<string, string[]> }).error.teamIds).toEqual(["judge.errors.unknownTeam"]);
    const region = await declare(fx, judge.id, { regionId: "wilayah-tidak-ada", kimName: "KIM Baru", institution: "" });
    expect(region.status).toBe(400);
    expect((region.body as { error: Record<string, string[]> }).error.regionId).toEqual(["judge.errors.unknownRegion"]);
    expect(await db.conflict.count({ where: { eventId: fx.event.id, judgeId: judge.id, source: "DECLARED" } })).toBe(0);
    expect(await db.eventMember.findUniqueOrThrow({ where: { id: before.id } })).toEqual(before);
    expect(await db.auditLog.count({ where: { eventId: fx.event.id, action: "conflict.declare" } })).toBe(0);
  });

  it("changed by the judge are audited and re-checked against scores already given", async () => {
    const fx = await judgingEvent({ judges: 1, teams: 2 });
    const judge = fx.judges[0];
    const a = await assign(fx.rounds[0].id, judge.id, fx.submissions[0].id);
    expect((await saveScores(fx, judge.id, a.id)).status).toBe(200);

    expect((await declare(fx, judge.id, { regionId: fx.teams[0].regionId ?? "", kimName: "", institution: "" })).status).toBe(200);
    expect(await db.auditLog.count({ where: { eventId: fx.event.id, action: "conflict.declare", actorId: judge.id } })).toBe(1);
    const flagged = await db.auditLog.findMany({ where: { eventId: fx.event.id, action: "conflict.scored", actorId: judge.id } });
    expect(flagged.map((f) => f.entityId)).toEqual([fx.teams[0].id]);
    const org = await organizerConflicts(fx);
    expect(org.rows.find((r) => r.judgeId === judge.id && r.teamId === fx.teams[0].id)?.assignment).toBe("scored");
    expect(org.flags).toContainEqual(expect.objectContaining({ kind: "scored", judgeName: judge.name, teamName: fx.teams[0].name }));
    // Saving again is refused now.
    expect((await saveScores(fx, judge.id, a.id)).status).toBe(403);
  });

  it("cannot be changed by the judge under blind judging once they have assignments", async () => {
    const fx = await judgingEvent({ judges: 1, teams: 2, blind: true });
    const judge = fx.judges[0];
    await assign(fx.rounds[0].id, judge.id, fx.submissions[0].id);
    const edit = await declare(fx, judge.id, { regionId: fx.teams[0].regionId ?? "", kimName: "", institution: "" });
    expect(edit.status).toBe(400);
    expect((await db.eventMember.findFirstOrThrow({ where: { eventId: fx.event.id, userId: judge.id } })).regionId).toBeNull();
  });
});

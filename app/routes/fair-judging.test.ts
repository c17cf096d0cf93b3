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
import { loader as pageLoader } from "~/routes/juri.$slug.nilai.$assignmentId";
import { db } from "~/services/db.server";
import { putFile } from "~/services/storage.server";
import { assign, cookieFor, judgingEvent } from "~/test/judging-fixture";
import { call, formRequest, getRequest } from "~/test/request";

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: { nonce: "" } });
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
    const label = (queue.body as { rounds: { items: { id: string; team: string }[] }[] }).rounds[0].items[0].team;
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
      data: { submissionId: s.id, filename: "proposal.pdf", kind: "document", mime: "application/pdf", size: stored.size, storageKey: stored.key, sha256: stored.sha256, uploadedById: fx.participants[0].id },
    });
    const download = async (userId: string) =>
      (await call(async () => fileLoader(args(getRequest(`/berkas/${attachment.id}`, await cookieFor(userId)), { attachmentId: attachment.id })))).status;

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

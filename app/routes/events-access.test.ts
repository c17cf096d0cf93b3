// Who may reach the organizer pages and the public page, and what the public page says.
import { describe, expect, it } from "vitest";
import { loader as publicLoader } from "~/routes/acara.$slug._index";
import { loader as layoutLoader } from "~/routes/kelola.$slug";
import { loader as dashboardLoader } from "~/routes/kelola.$slug._index";
import * as audit from "~/routes/kelola.$slug.audit";
import * as timeline from "~/routes/kelola.$slug.linimasa";
import * as settings from "~/routes/kelola.$slug.pengaturan";
import * as structureLayout from "~/routes/kelola.$slug.struktur";
import * as structure from "~/routes/kelola.$slug.struktur._index";
import * as awards from "~/routes/kelola.$slug.struktur.penghargaan";
import * as rubric from "~/routes/kelola.$slug.struktur.rubrik";
import * as regions from "~/routes/kelola.$slug.struktur.wilayah";
import * as staff from "~/routes/kelola.$slug.tim-panitia";
import { db } from "~/services/db.server";
import { args, makeAssignment, makeEvent, makeUser, organizedEvent } from "~/test/event-helpers";
import { call, formRequest, getRequest } from "~/test/request";

type Loader = (a: ReturnType<typeof args>) => Promise<unknown>;

const LOADERS: [string, string, Loader][] = [
  ["layout", "", layoutLoader as Loader],
  ["dashboard", "", dashboardLoader as Loader],
  ["settings", "pengaturan", settings.loader as Loader],
  ["timeline", "linimasa", timeline.loader as Loader],
  ["structure layout", "struktur", structureLayout.loader as Loader],
  ["structure", "struktur", structure.loader as Loader],
  ["regions", "struktur/wilayah", regions.loader as Loader],
  ["rubric", "struktur/rubrik", rubric.loader as Loader],
  ["awards", "struktur/penghargaan", awards.loader as Loader],
  ["staff", "tim-panitia", staff.loader as Loader],
  ["audit", "audit", audit.loader as Loader],
];

/** One state-changing post per organizer action; each would write (and audit) if allowed. */
function actions(ids: { faqId: string; trackId: string; regionId: string; roundId: string; awardId: string }): [string, string, Loader, Record<string, string>][] {
  return [
    ["settings", "pengaturan", settings.action as Loader, { intent: "settings", name: "Diambil alih", slug: "diambil-alih", timezone: "Asia/Jakarta", isPublic: "on" }],
    ["faq add", "pengaturan", settings.action as Loader, { intent: "faq-add", question: "Pertanyaan jahil?", answer: "x" }],
    ["faq delete", "pengaturan", settings.action as Loader, { intent: "faq-delete", id: ids.faqId }],
    ["banner remove", "pengaturan", settings.action as Loader, { intent: "banner-remove" }],
    ["timeline", "linimasa", timeline.action as Loader, { registrationOpensAt: "2030-01-01T00:00" }],
    ["track add", "struktur", structure.action as Loader, { intent: "track-add", name: "Trek Jahil" }],
    ["track delete", "struktur", structure.action as Loader, { intent: "track-delete", id: ids.trackId }],
    ["team rules", "struktur", structure.action as Loader, { intent: "teamRules", minTeamSize: "1", maxTeamSize: "2" }],
    ["judging", "struktur", structure.action as Loader, { intent: "judging", rankingMethod: "raw", blindJudging: "on" }],
    ["region delete", "struktur/wilayah", regions.action as Loader, { intent: "region-delete", id: ids.regionId }],
    [
      "rubric",
      "struktur/rubrik",
      rubric.action as Loader,
      { roundId: ids.roundId, judgesPerSubmission: "1", "criteria[0].name": "X", "criteria[0].weight": "100", "criteria[0].scaleMin": "1", "criteria[0].scaleMax": "5" },
    ],
    ["award delete", "struktur/penghargaan", awards.action as Loader, { intent: "award-delete", id: ids.awardId }],
    ["peoples choice", "struktur/penghargaan", awards.action as Loader, { intent: "peoplesChoice" }],
    ["invite", "tim-panitia", staff.action as Loader, { intent: "invite", role: "ORGANIZER" }],
  ];
}

async function world() {
  const { event, organizer } = await organizedEvent();
  const judge = await makeUser();
  await db.eventMember.create({ data: { eventId: event.id, userId: judge.id, role: "JUDGE" } });
  const { organizer: otherOrganizer } = await organizedEvent();
  const stranger = await makeUser();
  const admin = await makeUser({ isAdmin: true });
  const ids = {
    faqId: (await db.faqItem.findFirstOrThrow({ where: { eventId: event.id } })).id,
    trackId: (await db.track.findFirstOrThrow({ where: { eventId: event.id } })).id,
    regionId: (await db.region.findFirstOrThrow({ where: { eventId: event.id } })).id,
    roundId: (await db.round.findFirstOrThrow({ where: { eventId: event.id } })).id,
    awardId: (await db.award.findFirstOrThrow({ where: { eventId: event.id } })).id,
  };
  return { event, organizer, judge, otherOrganizer, stranger, admin, ids };
}

describe("organizer pages", () => {
  it("answer 404 to signed-in people who do not organize the event, and send anonymous visitors to log in", async () => {
    const w = await world();
    for (const [name, path, loader] of LOADERS) {
      const url = `/kelola/${w.event.slug}${path ? `/${path}` : ""}`;
      const anon = await call(() => loader(args(getRequest(url), { slug: w.event.slug })));
      expect(anon.status, `${name} anonymous`).toBe(302);
      expect(anon.headers.get("Location"), name).toBe(`/masuk?redirectTo=${encodeURIComponent(url)}`);
      for (const who of [w.stranger, w.judge, w.otherOrganizer]) {
        expect((await call(() => loader(args(getRequest(url, who.cookie), { slug: w.event.slug })))).status, `${name} non-organizer`).toBe(404);
      }
      expect((await call(() => loader(args(getRequest(url, w.organizer.cookie), { slug: w.event.slug })))).status, `${name} organizer`).toBe(200);
      expect((await call(() => loader(args(getRequest(url, w.admin.cookie), { slug: w.event.slug })))).status, `${name} admin`).toBe(200);
    }
    expect((await call(() => settings.loader(args(getRequest("/kelola/tidak-ada/pengaturan", w.organizer.cookie), { slug: "tidak-ada" })))).status).toBe(404);
  });

  it("refuse every organizer action from non-organizers and write nothing", async () => {
    const w = await world();
    const before = await db.event.findUniqueOrThrow({
      where: { id: w.event.id },
      include: { faqs: true, tracks: true, regions: true, awards: true, rounds: { include: { criteria: true } }, pools: true },
    });
    for (const [name, path, action, fields] of actions(w.ids)) {
      const url = `/kelola/${w.event.slug}/${path}`;
      expect((await call(() => action(args(formRequest(url, fields), { slug: w.event.slug })))).status, `${name} anonymous`).toBe(302);
      for (const who of [w.stranger, w.judge, w.otherOrganizer]) {
        expect((await call(() => action(args(formRequest(url, fields, { cookie: who.cookie }), { slug: w.event.slug })))).status, `${name} non-organizer`).toBe(404);
      }
    }
    const after = await db.event.findUniqueOrThrow({
      where: { id: w.event.id },
      include: { faqs: true, tracks: true, regions: true, awards: true, rounds: { include: { criteria: true } }, pools: true },
    });
    expect(after).toEqual(before);
    expect(await db.invite.count({ where: { eventId: w.event.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { eventId: w.event.id } })).toBe(0);
  });

  it("refuse items of another event even to an organizer", async () => {
    const w = await world();
    const other = await makeEvent();
    const track = await db.track.findFirstOrThrow({ where: { eventId: other.id } });
    const res = await call(() =>
      structure.action(args(formRequest(`/kelola/${w.event.slug}/struktur`, { intent: "track-delete", id: track.id }, { cookie: w.organizer.cookie }), { slug: w.event.slug })),
    );
    expect(res.status).toBe(404);
    expect(await db.track.count({ where: { id: track.id } })).toBe(1);
  });

  it("dashboard counts teams by status, members, submissions and judging progress", async () => {
    const w = await world();
    const round = await db.round.findFirstOrThrow({ where: { eventId: w.event.id } });
    const a = await makeAssignment(w.event.id, round.id);
    await makeAssignment(w.event.id, round.id);
    await db.judgment.create({ data: { assignmentId: a.id, finalizedAt: new Date() } });
    await db.team.updateMany({ where: { eventId: w.event.id }, data: { status: "ACCEPTED" } });
    const res = await call(() => dashboardLoader(args(getRequest(`/kelola/${w.event.slug}`, w.organizer.cookie), { slug: w.event.slug })));
    const body = res.body as {
      counts: { teams: Record<string, number>; submissions: Record<string, number>; judging: { id: string; assignments: number; finalized: number }[]; staff: Record<string, number> };
    };
    expect(body.counts.teams).toEqual({ PENDING: 0, ACCEPTED: 2, REJECTED: 0 });
    expect(body.counts.submissions).toEqual({ DRAFT: 0, SUBMITTED: 2 });
    expect(body.counts.judging.map((r) => [r.id, r.finalized, r.assignments])).toEqual([
      [round.id, 1, 2],
      [expect.any(String), 0, 0],
    ]);
    expect(body.counts.staff).toEqual({ ORGANIZER: 1, JUDGE: 3 });
  });
});

type PublicBody = {
  phase: string;
  roundName: string | null;
  registrationOpen: boolean;
  organizer: boolean;
  next: { label: string; targetMs: number } | null;
  serverNowMs: number;
  steps: { key: string; status: string; rounds: { name: string; status: string }[] }[];
  event: { descriptionHtml: string; whatsapp: { href: string } | null; awards: unknown[]; faqs: unknown[] };
};

describe("public event page", () => {
  it("shows an event in registration with its countdown to the registration deadline", async () => {
    const event = await makeEvent({ description: "Halo <script>alert(1)</script> **KIM**" });
    const res = await call(() => publicLoader(args(getRequest(`/acara/${event.slug}`), { slug: event.slug })));
    expect(res.status).toBe(200);
    const body = res.body as PublicBody;
    expect(body.phase).toBe("registration");
    expect(body.registrationOpen).toBe(true);
    expect(body.organizer).toBe(false);
    expect(body.next?.label).toBe("Pendaftaran ditutup");
    expect(body.next?.targetMs).toBe(event.registrationClosesAt.getTime());
    expect(Math.abs(body.serverNowMs - Date.now())).toBeLessThan(5000);
    expect(body.steps.find((s) => s.status === "current")?.key).toBe("registration");
    expect(body.event.descriptionHtml).not.toContain("<script>");
    expect(body.event.descriptionHtml).toContain("<strong>KIM</strong>");
    expect(body.event.whatsapp?.href).toMatch(/^https:\/\/wa\.me\/6281234500001\?text=/);
    expect(body.event.awards).toHaveLength(1);
    expect(body.event.faqs).toHaveLength(1);
  });

  it("offers a member their team instead of registering another", async () => {
    const event = await makeEvent();
    const member = await makeUser();
    const stranger = await makeUser();
    const team = await db.team.create({
      data: {
        eventId: event.id,
        name: "Tim Ada",
        nameKey: "tim ada",
        inviteCode: `K${Date.now()}`,
        inviteToken: `tok-${Date.now()}`,
        members: { create: { eventId: event.id, userId: member.id, role: "CAPTAIN" } },
      },
    });
    const mine = await call(() => publicLoader(args(getRequest(`/acara/${event.slug}`, member.cookie), { slug: event.slug })));
    expect(mine.body).toMatchObject({ registrationOpen: true, myTeamId: team.id });
    const theirs = await call(() => publicLoader(args(getRequest(`/acara/${event.slug}`, stranger.cookie), { slug: event.slug })));
    expect(theirs.body).toMatchObject({ registrationOpen: true, myTeamId: null });
  });

  it("shows the judging phase and the round being scored", async () => {
    const event = await makeEvent({ offsets: { registrationOpens: -60, registrationCloses: -40, screeningCloses: -33, submissionOpens: -30, submissionCloses: -5, rounds: [-2, 3], announcement: 5 } });
    const body = (await call(() => publicLoader(args(getRequest(`/acara/${event.slug}`), { slug: event.slug })))).body as PublicBody;
    expect(body.phase).toBe("judging");
    expect(body.roundName).toBe("Final");
    expect(body.registrationOpen).toBe(false);
    expect(body.next?.label).toBe("Penjurian Final ditutup");
    const judging = body.steps.find((s) => s.key === "judging");
    expect(judging?.status).toBe("current");
    expect(judging?.rounds.map((r) => r.status)).toEqual(["done", "current"]);
  });

  it("is a 404 for a private event unless the viewer organizes it", async () => {
    const { event, organizer } = await organizedEvent({ isPublic: false });
    const stranger = await makeUser();
    expect((await call(() => publicLoader(args(getRequest(`/acara/${event.slug}`), { slug: event.slug })))).status).toBe(404);
    expect((await call(() => publicLoader(args(getRequest(`/acara/${event.slug}`, stranger.cookie), { slug: event.slug })))).status).toBe(404);
    const res = await call(() => publicLoader(args(getRequest(`/acara/${event.slug}`, organizer.cookie), { slug: event.slug })));
    expect(res.status).toBe(200);
    expect((res.body as PublicBody).organizer).toBe(true);
    expect((await call(() => publicLoader(args(getRequest("/acara/tidak-ada"), { slug: "tidak-ada" })))).status).toBe(404);
  });
});

import { describe, expect, it } from "vitest";
import * as publicPage from "~/routes/acara.$slug._index";
import { loader as calendarLoader } from "~/routes/acara.$slug.kalender[.]ics";
import * as remindersPage from "~/routes/kelola.$slug.pengingat";
import { sendDueReminders } from "~/models/reminders.server";
import { db } from "~/services/db.server";
import { args, makeUser, organizedEvent } from "~/test/event-helpers";
import { renderRoute } from "~/test/render-route";
import { BASE, call, formRequest, getRequest } from "~/test/request";

const unfold = (s: string) => s.replace(/\r\n[ \t]/g, "");
const DEADLINE_2031 = new Date("2031-03-04T16:59:59.999Z"); // Selasa, 4 Maret 2031 23.59.59,999 WIB

/** An organized event whose submission closes at an exact millisecond, well in the future. */
async function eventWithDeadline(overrides: Parameters<typeof organizedEvent>[0] = {}, DEADLINE = DEADLINE_2031) {
  const made = await organizedEvent({
    offsets: { registrationOpens: -3, registrationCloses: 25, screeningCloses: 32, submissionOpens: 35, submissionCloses: 45, rounds: [50, 55], announcement: 58 },
    ...overrides,
  });
  const rounds = await db.round.findMany({ where: { eventId: made.event.id }, orderBy: { order: "asc" } });
  const day = 86_400_000;
  await db.event.update({
    where: { id: made.event.id },
    data: {
      registrationOpensAt: new Date(DEADLINE.getTime() - 40 * day),
      registrationClosesAt: new Date(DEADLINE.getTime() - 20 * day),
      screeningClosesAt: new Date(DEADLINE.getTime() - 15 * day),
      submissionOpensAt: new Date(DEADLINE.getTime() - 10 * day),
      submissionClosesAt: DEADLINE,
      announcementAt: new Date(DEADLINE.getTime() + 20 * day),
    },
  });
  await db.round.update({ where: { id: rounds[0]!.id }, data: { closesAt: new Date(DEADLINE.getTime() + 5 * day) } });
  await db.round.update({ where: { id: rounds[1]!.id }, data: { closesAt: new Date(DEADLINE.getTime() + 10 * day) } });
  return { ...made, rounds };
}

describe("the organizer's reminders page", () => {
  it("lists each kind's reminders with their time in the event's zone, audience and status, in both languages", async () => {
    const { event, organizer } = await eventWithDeadline();
    const id = await renderRoute(remindersPage, "/kelola/:slug/pengingat", getRequest(`/kelola/${event.slug}/pengingat`, organizer.cookie));
    expect(id.status).toBe(200);
    expect(id.html).toContain("Pengingat email");
    expect(id.html).toContain("Karya belum dikirim");
    expect(id.html).toContain("24 jam sebelum tenggat");
    expect(id.html).toContain("Tenggat Selasa, 4 Maret 2031 23.59 WIB");
    expect(id.html).toContain("Terjadwal Senin, 3 Maret 2031 23.59 WIB");
    expect(id.html).toContain("Babak Final");
    expect(id.html).toContain("0 penerima saat ini");
    const en = await renderRoute(remindersPage, "/kelola/:slug/pengingat", getRequest(`/kelola/${event.slug}/pengingat?lng=en`, organizer.cookie), { language: "en" });
    expect(en.html).toContain("Email reminders");
    expect(en.html).toContain("Planned for Monday, 3 March 2031 23:59 WIB");
    expect(en.html).toContain("Switch this reminder off");
  });

  it("shows a reminder sent, with its time and count, and a check that found nobody to remind", async () => {
    const deadline = new Date("2032-05-04T16:59:59.999Z");
    const { event, organizer } = await eventWithDeadline({}, deadline);
    const member = await makeUser({ name: "Anggota Draf" });
    const team = await db.team.create({ data: { eventId: event.id, name: "Tim Draf", nameKey: "tim draf", inviteCode: "draf01", inviteToken: "tok-draf01", status: "ACCEPTED" } });
    await db.teamMember.create({ data: { teamId: team.id, eventId: event.id, userId: member.id, role: "CAPTAIN" } });
    const due = new Date(deadline.getTime() - 24 * 3_600_000);
    await sendDueReminders(due);
    // A judging round with nobody assigned: checked, nobody to remind.
    const round = (await db.round.findFirstOrThrow({ where: { eventId: event.id }, orderBy: { order: "asc" } })).closesAt;
    await sendDueReminders(new Date(round.getTime() - 24 * 3_600_000));
    const page = await renderRoute(remindersPage, "/kelola/:slug/pengingat", getRequest(`/kelola/${event.slug}/pengingat`, organizer.cookie));
    expect(page.html).toContain("Terkirim Senin, 3 Mei 2032 23.59 WIB ke 1 orang");
    expect(page.html).toContain("Diperiksa Sabtu, 8 Mei 2032 23.59 WIB: tidak ada yang perlu diingatkan");
  });

  it("switches a kind off and on again, audited", async () => {
    const { event, organizer } = await eventWithDeadline();
    const post = (fields: Record<string, string>) => call(() => remindersPage.action(args(formRequest(`/kelola/${event.slug}/pengingat`, fields, { cookie: organizer.cookie }), { slug: event.slug })));
    const off = await post({ kind: "judging", on: "0" });
    expect(off.status).toBe(302);
    expect(off.headers.get("Location")).toBe(`/kelola/${event.slug}/pengingat?tersimpan=off`);
    expect(await db.event.findUniqueOrThrow({ where: { id: event.id }, select: { remindJudging: true, remindSubmission: true } })).toEqual({ remindJudging: false, remindSubmission: true });
    const page = await renderRoute(remindersPage, "/kelola/:slug/pengingat", getRequest(`/kelola/${event.slug}/pengingat?tersimpan=off`, organizer.cookie));
    expect(page.html).toContain("Pengingat dimatikan.");
    expect(page.html).toContain("Dimatikan");
    expect(page.html).toContain("Nyalakan pengingat ini");

    expect((await post({ kind: "judging", on: "1" })).status).toBe(302);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).remindJudging).toBe(true);
    const log = await db.auditLog.findMany({ where: { eventId: event.id, action: "reminders.update" }, orderBy: { at: "asc" } });
    expect(log.map((l) => l.after)).toEqual([JSON.stringify({ remindJudging: false }), JSON.stringify({ remindJudging: true })]);
  });

  it.each([
    ["an unknown kind", { kind: "announcement", on: "0" }, "reminders.errors.kind"],
    ["no kind", { on: "0" }, "reminders.errors.kind"],
    ["a switch that is neither on nor off", { kind: "submission", on: "maybe" }, "validation.invalid"],
  ])("refuses %s with a localized message and writes nothing", async (_label, fields, key) => {
    const { event, organizer } = await eventWithDeadline();
    const before = await db.event.findUniqueOrThrow({ where: { id: event.id } });
    const res = await call(() => remindersPage.action(args(formRequest(`/kelola/${event.slug}/pengingat`, fields, { cookie: organizer.cookie }), { slug: event.slug })));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(key);
    expect(await db.event.findUniqueOrThrow({ where: { id: event.id } })).toEqual(before);
    expect(await db.auditLog.count({ where: { eventId: event.id, action: "reminders.update" } })).toBe(0);
  });

  it("is not there for anyone but the event's organizers", async () => {
    const { event } = await eventWithDeadline();
    const stranger = await makeUser();
    const res = await call(() => remindersPage.loader(args(getRequest(`/kelola/${event.slug}/pengingat`, stranger.cookie), { slug: event.slug })));
    expect(res.status).toBe(404);
    const write = await call(() => remindersPage.action(args(formRequest(`/kelola/${event.slug}/pengingat`, { kind: "judging", on: "0" }, { cookie: stranger.cookie }), { slug: event.slug })));
    expect(write.status).toBe(404);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).remindJudging).toBe(true);
  });
});

describe("the calendar feed", () => {
  const feed = (slug: string, query = "", cookie?: string) => call(() => calendarLoader(args(getRequest(`/acara/${slug}/kalender.ics${query}`, cookie), { slug })));

  it("serves the public event's timeline as text/calendar with one stable entry per deadline", async () => {
    const { event, rounds } = await eventWithDeadline();
    const res = await feed(event.slug);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    const body = String(res.body);
    expect(body.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(body.endsWith("END:VCALENDAR\r\n")).toBe(true);
    for (const line of body.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const text = unfold(body);
    // Registration opens/closes, screening, submission opens/closes, two rounds, announcement.
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(8);
    const host = new URL(BASE).hostname;
    expect(text).toContain(`UID:${event.id}-submissionCloses@${host}\r\nDTSTAMP:`);
    expect(text).toContain("DTSTART;TZID=Asia/Jakarta:20310304T235959\r\n");
    expect(text).toContain(`SUMMARY:${event.name}: Pengumpulan karya ditutup\r\n`);
    expect(text).toContain(`UID:${event.id}-roundCloses-${rounds[1]!.id}@${host}`);
    expect(text).toContain("DESCRIPTION:Pengumpulan karya ditutup: Selasa\\, 4 Maret 2031 23.59 WIB\\n");
    // The same deadlines keep their UIDs from one download to the next.
    const uids = (s: string) => [...unfold(s).matchAll(/^UID:(.*)$/gm)].map((m) => m[1]);
    expect(uids(String((await feed(event.slug)).body))).toEqual(uids(body));
  });

  it("gives one deadline as its own file, in English when asked", async () => {
    const { event } = await eventWithDeadline();
    const one = await feed(event.slug, "?tenggat=submissionCloses&lng=en");
    expect(one.status).toBe(200);
    expect(one.headers.get("Content-Disposition")).toBe(`inline; filename="${event.slug}-submissionCloses.ics"`);
    const text = unfold(String(one.body));
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(text).toContain(`SUMMARY:${event.name}: Submission closes\r\n`);
    expect((await feed(event.slug, "?tenggat=tidak-ada")).status).toBe(404);
  });

  it("is 404 for an unknown event and for a private one, whoever asks", async () => {
    expect((await feed("tidak-ada-acara-ini")).status).toBe(404);
    const { event, organizer } = await eventWithDeadline({ isPublic: false });
    expect((await feed(event.slug)).status).toBe(404);
    expect((await feed(event.slug, "", organizer.cookie)).status).toBe(404);
  });
});

describe("add-to-calendar links on the event page", () => {
  it("give each deadline still ahead a Google Calendar link in UTC and its own .ics", async () => {
    const { event } = await eventWithDeadline();
    // Registration opened in the past: nothing to add to a calendar any more.
    await db.event.update({ where: { id: event.id }, data: { registrationOpensAt: new Date("2020-01-01T01:00:00Z") } });
    const page = await renderRoute(publicPage, "/acara/:slug", getRequest(`/acara/${event.slug}`));
    expect(page.status).toBe(200);
    const data = page.loaderData as { calendar: { feed: string; subscribe: string; items: { id: string; google: string; ics: string }[] } };
    expect(data.calendar.feed).toBe(`/acara/${event.slug}/kalender.ics`);
    expect(data.calendar.subscribe).toBe(`webcal://${new URL(BASE).host}/acara/${event.slug}/kalender.ics`);
    expect(data.calendar.items.map((i) => i.id).slice(0, 2)).toEqual(["registrationCloses", "screeningCloses"]);
    const close = data.calendar.items.find((i) => i.id === "submissionCloses")!;
    expect(close.ics).toBe(`/acara/${event.slug}/kalender.ics?tenggat=submissionCloses`);
    const google = new URL(close.google);
    expect(google.searchParams.get("dates")).toBe("20310304T165959Z/20310304T165959Z");
    expect(google.searchParams.get("ctz")).toBe("Asia/Jakarta");
    expect(page.html).toContain("Tambahkan ke kalender");
    expect(page.html).toContain(`href="/acara/${event.slug}/kalender.ics?tenggat=submissionCloses"`);
  });

  it("are not offered on an organizer's preview of a private event", async () => {
    const { event, organizer } = await eventWithDeadline({ isPublic: false });
    const page = await renderRoute(publicPage, "/acara/:slug", getRequest(`/acara/${event.slug}`, organizer.cookie));
    expect(page.status).toBe(200);
    expect((page.loaderData as { calendar: unknown }).calendar).toBeNull();
    expect(page.html).not.toContain("kalender.ics");
  });
});

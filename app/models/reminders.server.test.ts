import { randomBytes } from "node:crypto";
import type { Transporter } from "nodemailer";
import { afterEach, describe, expect, it } from "vitest";
import { LATE_LIMIT_MS } from "~/domain/reminders";
import { db } from "~/services/db.server";
import { resetEnvCache } from "~/services/env.server";
import { setTransportForTests } from "~/services/mail.server";
import { makeEvent, makeUser, outbox } from "~/test/event-helpers";
import { reminderOverview, sendDueReminders, setReminderSwitch } from "./reminders.server";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (d: Date, ms: number) => new Date(d.getTime() + ms);

let world = 0;

/**
 * An event whose submission closes at 23:59:59.999 WIB on a day of its own (each world a month
 * after the last, so the job's ticks for one never reach another's reminders), with:
 * A accepted with a draft (2 members), B accepted and submitted, C accepted with nothing,
 * R rejected with a draft, X accepted with a draft and a submission extension of two days,
 * S pending with one member of a minimum of three; round 1 with judge J1 (two open assignments),
 * J2 (finalized) and a removed judge with an open assignment.
 */
async function makeWorld() {
  world += 1;
  const close = new Date(Date.UTC(2027, world, 1, 16, 59, 59, 999));
  const event = await makeEvent({ minTeamSize: 3 });
  const rounds = await db.round.findMany({ where: { eventId: event.id }, orderBy: { order: "asc" } });
  await db.event.update({
    where: { id: event.id },
    data: {
      registrationOpensAt: at(close, -20 * DAY),
      registrationClosesAt: at(close, -10 * DAY),
      screeningClosesAt: at(close, -9 * DAY),
      submissionOpensAt: at(close, -8 * DAY),
      submissionClosesAt: close,
      announcementAt: at(close, 10 * DAY),
    },
  });
  await db.round.update({ where: { id: rounds[0]!.id }, data: { closesAt: at(close, 3 * DAY) } });
  await db.round.update({ where: { id: rounds[1]!.id }, data: { closesAt: at(close, 6 * DAY) } });

  const tag = randomBytes(3).toString("hex");
  const team = async (name: string, status: "ACCEPTED" | "REJECTED" | "PENDING", members: number, submission: "DRAFT" | "SUBMITTED" | null) => {
    const code = `${name}${tag}`;
    const t = await db.team.create({ data: { eventId: event.id, name: `Tim ${name} ${tag}`, nameKey: `tim ${code}`, inviteCode: code, inviteToken: `tok-${code}`, status } });
    const people = [];
    for (let i = 0; i < members; i++) {
      const u = await makeUser({ name: `${name} Anggota ${i + 1}` });
      await db.teamMember.create({ data: { teamId: t.id, eventId: event.id, userId: u.id, role: i === 0 ? "CAPTAIN" : "MEMBER" } });
      people.push(u);
    }
    const sub = submission ? await db.submission.create({ data: { eventId: event.id, teamId: t.id, title: `Karya ${name}`, status: submission } }) : null;
    return { ...t, people, submission: sub };
  };
  const A = await team("A", "ACCEPTED", 3, "DRAFT");
  const B = await team("B", "ACCEPTED", 3, "SUBMITTED");
  const C = await team("C", "ACCEPTED", 3, null);
  const R = await team("R", "REJECTED", 3, "DRAFT");
  const X = await team("X", "ACCEPTED", 3, "DRAFT");
  const S = await team("S", "PENDING", 1, null);
  const organizer = await makeUser({ name: "Panitia" });
  await db.eventMember.create({ data: { eventId: event.id, userId: organizer.id, role: "ORGANIZER" } });
  const until = at(close, 2 * DAY);
  await db.extension.create({ data: { teamId: X.id, kind: "SUBMISSION", until, reason: "Listrik padam", grantedById: organizer.id } });

  const judge = async (name: string, stays: boolean, finalized: boolean) => {
    const u = await makeUser({ name });
    if (stays) await db.eventMember.create({ data: { eventId: event.id, userId: u.id, role: "JUDGE" } });
    for (const s of [A.submission!, B.submission!]) {
      const a = await db.assignment.create({ data: { roundId: rounds[0]!.id, judgeId: u.id, submissionId: s.id } });
      if (finalized) await db.judgment.create({ data: { assignmentId: a.id, finalizedAt: close } });
    }
    return u;
  };
  const J1 = await judge("Juri Satu", true, false);
  const J2 = await judge("Juri Dua", true, true);
  const gone = await judge("Juri Keluar", false, false);
  return { event, close, until, round1: { ...rounds[0]!, closesAt: at(close, 3 * DAY) }, A, B, C, R, X, S, J1, J2, gone, organizer };
}

type World = Awaited<ReturnType<typeof makeWorld>>;
const mine = (w: World, done: { key: string; sent: number }[]) => done.filter((d) => d.key.startsWith(`reminder:${w.event.id}:`));
const mailsTo = (...emails: string[]) => outbox().filter((m) => emails.some((e) => m.text.includes(`To: ${e}\r\n`)));

afterEach(() => {
  delete process.env.SMTP_URL;
  resetEnvCache();
  setTransportForTests(undefined);
});

describe("submission reminders", () => {
  it("go out at the due time to the millisecond, once, even with two instances ticking at once", async () => {
    const w = await makeWorld();
    const due = at(w.close, -DAY);
    const everyone = [w.A, w.B, w.C, w.R, w.X].flatMap((t) => t.people.map((p) => p.email));

    expect(mine(w, await sendDueReminders(at(due, -1)))).toEqual([]);
    expect(mailsTo(...everyone)).toHaveLength(0);

    // Two instances reach the same instant together: one of them sends, to each person once.
    const [first, second] = await Promise.all([sendDueReminders(due), sendDueReminders(due)]);
    expect([...mine(w, first), ...mine(w, second)]).toEqual([{ key: `reminder:${w.event.id}:submission:24h`, sent: 6 }]);
    const expected = [...w.A.people, ...w.C.people].map((p) => p.email).sort();
    const sent = mailsTo(...everyone);
    expect(sent.map((m) => /To: (\S+)/.exec(m.text)?.[1]).sort()).toEqual(expected);

    // The mail names the team, the deadline in WIB and the link to the project page, in Indonesian.
    const toA = mailsTo(w.A.people[0]!.email)[0]!.text;
    expect(toA).toContain(`Subject: 24 jam lagi: kirim karya ${w.A.name} untuk ${w.event.name}`);
    expect(toA).toContain("23.59 WIB");
    expect(toA).toContain(`/tim/${w.A.id}/karya`);

    // Later ticks, from any instance, send nothing more.
    expect(mine(w, await sendDueReminders(at(due, 1)))).toEqual([]);
    expect(mine(w, await sendDueReminders(at(due, 30 * 60_000)))).toEqual([]);
    expect(mailsTo(...everyone)).toHaveLength(6);
    const run = await db.scheduledRun.findUniqueOrThrow({ where: { key: `reminder:${w.event.id}:submission:24h` } });
    expect(run).toMatchObject({ job: "reminders", outcome: "6 email", finishedAt: due });
    expect(await db.reminderDelivery.count({ where: { eventId: w.event.id } })).toBe(6);
  });

  it("are written in each recipient's stored language", async () => {
    const w = await makeWorld();
    const due = at(w.close, -DAY);
    const [english, indonesian] = w.A.people;
    await db.user.update({ where: { email: english!.email }, data: { language: "en" } });
    await sendDueReminders(due);
    expect(mailsTo(english!.email)[0]!.text).toContain(`Subject: 24 hours left: submit ${w.A.name}'s project for ${w.event.name}`);
    expect(mailsTo(indonesian!.email)[0]!.text).toContain(`Subject: 24 jam lagi: kirim karya ${w.A.name} untuk ${w.event.name}`);
  });

  it("skip a team that has submitted by the 3-hour reminder, and are not sent at all when switched off", async () => {
    const w = await makeWorld();
    await db.submission.update({ where: { id: w.A.submission!.id }, data: { status: "SUBMITTED", submittedAt: w.close } });
    const due = at(w.close, -3 * HOUR);
    expect(mine(w, await sendDueReminders(due))).toEqual([{ key: `reminder:${w.event.id}:submission:3h`, sent: 3 }]);
    expect(mailsTo(...w.A.people.map((p) => p.email))).toHaveLength(0);
    expect(mailsTo(...w.C.people.map((p) => p.email))).toHaveLength(3);

    const off = await makeWorld();
    await setReminderSwitch(off.event.id, "submission", false, off.organizer.id);
    const offDue = at(off.close, -3 * HOUR);
    expect(mine(off, await sendDueReminders(offDue))).toEqual([]);
    expect(mailsTo(...[off.A, off.C, off.X].flatMap((t) => t.people.map((p) => p.email)))).toHaveLength(0);
    expect(await db.scheduledRun.count({ where: { key: { startsWith: `reminder:${off.event.id}:` } } })).toBe(0);
    const log = await db.auditLog.findFirstOrThrow({ where: { eventId: off.event.id, action: "reminders.update" } });
    expect(JSON.parse(log.after!)).toEqual({ remindSubmission: false });
  });

  it("reach a team with an extension relative to its own deadline", async () => {
    const w = await makeWorld();
    const xMails = () => mailsTo(...w.X.people.map((p) => p.email));
    await sendDueReminders(at(w.close, -DAY));
    expect(xMails()).toHaveLength(0);

    const own = at(w.until, -DAY);
    expect(mine(w, await sendDueReminders(at(own, -1)))).toEqual([]);
    expect(mine(w, await sendDueReminders(own))).toEqual([{ key: `reminder:${w.event.id}:submission:24h:team-${w.X.id}`, sent: 3 }]);
    expect(xMails()).toHaveLength(3);
    expect(mailsTo(...w.A.people.map((p) => p.email))).toHaveLength(3);
  });

  it("are not sent late: an hour after the due time, or after the deadline, the reminder is skipped", async () => {
    const w = await makeWorld();
    const due = at(w.close, -3 * HOUR);
    // The service was down from before the due time until an hour after it.
    expect(mine(w, await sendDueReminders(at(due, LATE_LIMIT_MS)))).toEqual([]);
    expect(mine(w, await sendDueReminders(w.close))).toEqual([]);
    expect(mailsTo(...w.A.people.map((p) => p.email))).toHaveLength(0);
    const overview = await reminderOverview(w.event.id, w.close);
    const rows = overview.kinds.find((k) => k.kind === "submission")!.rows;
    expect(rows.find((r) => r.unit.key.endsWith(":submission:3h"))?.status).toEqual({ type: "skipped" });
  });

  it("mail everyone not yet mailed when a unit is retried after a failure, and nobody twice", async () => {
    const w = await makeWorld();
    const delivered: string[] = [];
    let failOnce = w.C.people[1]!.email;
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    resetEnvCache();
    setTransportForTests({
      sendMail: async (mail: { to: string }) => {
        if (mail.to === failOnce) {
          failOnce = "";
          throw new Error("SMTP terputus");
        }
        delivered.push(mail.to);
      },
    } as unknown as Transporter);
    const due = at(w.close, -DAY);
    await expect(sendDueReminders(due)).rejects.toThrow("SMTP terputus");
    // The claim was given back; the next tick finishes the unit without mailing anyone again.
    expect(mine(w, await sendDueReminders(at(due, 60_000)))).toEqual([{ key: `reminder:${w.event.id}:submission:24h`, sent: 6 }]);
    expect(delivered.sort()).toEqual([...w.A.people, ...w.C.people].map((p) => p.email).sort());
  });
});

describe("judging and team-size reminders", () => {
  it("reach judges with open assignments before their round closes, with their count", async () => {
    const w = await makeWorld();
    const due = at(w.round1.closesAt, -DAY);
    expect(mine(w, await sendDueReminders(at(due, -1)))).toEqual([]);
    expect(mine(w, await sendDueReminders(due))).toEqual([{ key: `reminder:${w.event.id}:judging:24h:${w.round1.id}`, sent: 1 }]);
    const [mail] = mailsTo(w.J1.email);
    expect(mail?.text).toContain("Subject: 2 penilaian menunggu");
    expect(mail?.text).toContain(`/juri/${w.event.slug}`);
    expect(mailsTo(w.J2.email, w.gone.email)).toHaveLength(0);
  });

  it("reach the captain of a team below the minimum size before registration closes", async () => {
    const w = await makeWorld();
    const due = at(w.close, -10 * DAY - 3 * DAY);
    expect(mine(w, await sendDueReminders(at(due, -1)))).toEqual([]);
    expect(mine(w, await sendDueReminders(due))).toEqual([{ key: `reminder:${w.event.id}:registration:72h`, sent: 1 }]);
    const [mail] = mailsTo(w.S.people[0]!.email);
    expect(mail?.text).toContain(`Tim Anda, ${w.S.name}, baru beranggotakan 1 orang`);
    expect(mail?.text).toContain("72 jam lagi");
    expect(mail?.text).toContain("paling sedikit 3 orang");
  });
});

describe("the organizer's overview", () => {
  it("lists every reminder with its audience now, and what was sent to how many", async () => {
    const w = await makeWorld();
    const due = at(w.close, -DAY);
    await sendDueReminders(due);
    const { kinds, switches } = await reminderOverview(w.event.id, at(due, 1));
    expect(switches).toEqual({ registration: true, submission: true, judging: true });
    const submission = kinds.find((k) => k.kind === "submission")!;
    expect(submission.rows.map((r) => [r.unit.key.slice(`reminder:${w.event.id}:`.length), r.status.type, r.audience])).toEqual([
      ["submission:24h", "sent", 6],
      ["submission:3h", "planned", 6],
      [`submission:24h:team-${w.X.id}`, "planned", 3],
      [`submission:3h:team-${w.X.id}`, "planned", 3],
    ]);
    expect(submission.rows[0]!.status).toEqual({ type: "sent", at: due, count: 6 });
    expect(submission.rows[2]!.teamName).toBe(w.X.name);
    const judging = kinds.find((k) => k.kind === "judging")!;
    expect(judging.rows.map((r) => r.audience)).toEqual([1, 1, 0, 0]);

    await setReminderSwitch(w.event.id, "judging", false, w.organizer.id);
    const after = await reminderOverview(w.event.id, at(due, 1));
    expect(after.kinds.find((k) => k.kind === "judging")!.rows.every((r) => r.status.type === "off")).toBe(true);
    // A sent reminder stays "sent" whatever the switch says afterwards.
    await setReminderSwitch(w.event.id, "submission", false, w.organizer.id);
    const later = await reminderOverview(w.event.id, at(due, 1));
    expect(later.kinds.find((k) => k.kind === "submission")!.rows.map((r) => r.status.type)).toEqual(["sent", "off", "off", "off"]);
  });
});

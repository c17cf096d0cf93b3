// Two production instances on one database, as behind a load balancer, for what travels between
// them while they run: a score saved through one reaches a live-results viewer on the other, and
// scheduled work both instances tick at the same moment is done once. Runs on SQLite and on
// PostgreSQL (npm run test:pg); on PostgreSQL the live stream's poll is switched off, so only the
// change feed (LISTEN/NOTIFY) can carry the score across.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, isPostgres } from "~/services/db.server";
import { makeEvent, makeUser } from "~/test/event-helpers";
import { cookieFor, judgedEvent } from "~/test/results-fixture";
import { startServer, type ServerProcess } from "~/test/server-process";
import { startSmtpCapture } from "~/test/smtp";

const APP_URL = "http://kim-hackathon.test";
const HOST = new URL(APP_URL).host;
const HOUR = 3_600_000;
let a: ServerProcess;
let b: ServerProcess;
let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
let captain: { email: string };

/** Polls until `check` holds (each look is a real request or a read; nothing is timed). */
async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`never happened: ${what}\nA:\n${a?.output().slice(-2000)}\nB:\n${b?.output().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** An event whose registration closes in a little under 24 hours, with a team one member short of three. */
async function registrationReminderDue() {
  const now = Date.now();
  const event = await makeEvent({ minTeamSize: 3 });
  await db.event.update({
    where: { id: event.id },
    data: { registrationOpensAt: new Date(now - 5 * 24 * HOUR), registrationClosesAt: new Date(now + 24 * HOUR - 10 * 60_000) },
  });
  const lead = await makeUser({ name: "Kapten Tim Kecil" });
  const code = randomBytes(4).toString("hex");
  const team = await db.team.create({
    data: { eventId: event.id, name: `Tim Kecil ${code}`, nameKey: `tim kecil ${code}`, inviteCode: code.toUpperCase(), inviteToken: `tok-${code}`, status: "PENDING" },
  });
  await db.teamMember.create({ data: { teamId: team.id, eventId: event.id, userId: lead.id, role: "CAPTAIN" } });
  return lead;
}

describe("two instances while they run", { timeout: 180_000 }, () => {
  beforeAll(async () => {
    smtp = await startSmtpCapture();
    // Due before either instance starts: both find it on their first tick, at about the same moment.
    captain = await registrationReminderDue();
    const env = {
      APP_URL,
      SMTP_URL: smtp.url,
      SCHEDULER: "on",
      ...(isPostgres() ? { LIVE_POLL_MS: "3600000" } : {}),
    };
    [a, b] = await Promise.all([startServer(undefined, env), startServer(undefined, env)]);
  }, 120_000);
  afterAll(async () => {
    for (const s of [a, b]) s?.child.kill("SIGTERM");
    await Promise.all([a?.exited, b?.exited]);
    await smtp?.close();
  });

  it("a score saved through one instance reaches a live-results viewer on the other", async () => {
    const fx = await judgedEvent();
    const [, final] = fx.rounds;
    // One judgment of the Final (open for three more days) is reopened for the judge to change.
    const judgment = await db.judgment.findFirstOrThrow({ where: { assignment: { roundId: final!.id } }, include: { assignment: true, scores: true } });
    await db.judgment.update({ where: { id: judgment.id }, data: { finalizedAt: null } });
    const organizer = await cookieFor(fx.organizer.id);
    const judge = await cookieFor(judgment.assignment.judgeId);

    const controller = new AbortController();
    const stream = await fetch(`${b.url}/kelola/${fx.event.slug}/hasil/stream`, { headers: { Cookie: organizer, "X-Forwarded-Host": HOST }, signal: controller.signal });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    const readUntil = async (marker: string) => {
      while (!text.includes(marker)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before "${marker}"`);
        text += decoder.decode(value);
      }
    };
    await readUntil("event: ready");

    const body = new URLSearchParams({ intent: "save", version: String(judgment.version), comment: "Diperbarui lewat instans A.", privateNote: "" });
    for (const s of judgment.scores) body.set(`score.${s.criterionId}`, String(s.value === 10 ? 9 : s.value + 1));
    const saved = await fetch(`${a.url}/juri/${fx.event.slug}/nilai/${judgment.assignmentId}/simpan`, {
      method: "POST",
      body,
      headers: { Cookie: judge, Origin: APP_URL, "X-Forwarded-Host": HOST },
    });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ ok: true });
    await readUntil("event: changed");
    controller.abort();
  });

  it("scheduled work both instances run at the same moment is done once", async () => {
    const readiness = async (s: ServerProcess) => (await (await fetch(`${s.url}/readyz`)).json()) as { jobs: Record<string, string> | "off" };
    const ranReminders = async (s: ServerProcess) => {
      const jobs = (await readiness(s)).jobs;
      return jobs !== "off" && typeof jobs.reminders === "string";
    };
    // Both instances have finished at least one run of the reminders job, each having found the
    // reminder due, and the captain has the mail.
    await until(async () => (await ranReminders(a)) && (await ranReminders(b)), "both instances ran the reminders job");
    await until(() => smtp.received.some((m) => m.to.includes(captain.email)), "the reminder reached the captain");
    expect(smtp.received.filter((m) => m.to.includes(captain.email))).toHaveLength(1);
    expect(await db.reminderDelivery.count({ where: { user: { email: captain.email } } })).toBe(1);
  });
});

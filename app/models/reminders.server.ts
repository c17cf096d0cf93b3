// Reminder mails before deadlines: the scheduled job that sends the due ones, and the organizer's
// view of the plan with a switch per kind. The plan is app/domain/reminders.ts; each reminder is a
// unit claimed with runOnce, so several instances send it once, and every mail sent is recorded in
// ReminderDelivery (a unit retried after a failure skips the people already mailed).
import { asLanguage } from "~/i18n";
import { dueReminders, planReminders, reminderKeyPrefix, reminderTiming, REMINDER_KINDS, unitCoversTeam, type ReminderKind, type ReminderSwitches, type ReminderUnit } from "~/domain/reminders";
import type { Extension, TimelineDates } from "~/domain/phase";
import { audit } from "~/services/audit.server";
import { db } from "~/services/db.server";
import { sendReminderMail } from "~/services/reminder-mail.server";
import { toTimeline } from "./event.server";
import { listRuns, runOnce } from "./scheduled-run.server";
import { toExtensions } from "./team.server";

export const REMINDER_JOB = "reminders";

const SWITCH_FIELD = { registration: "remindRegistration", submission: "remindSubmission", judging: "remindJudging" } as const satisfies Record<ReminderKind, string>;

type EventRow = {
  id: string;
  slug: string;
  name: string;
  timezone: string;
  minTeamSize: number;
  remindRegistration: boolean;
  remindSubmission: boolean;
  remindJudging: boolean;
  rounds: { id: string; name: string; closesAt: Date }[];
} & TimelineDates;

const eventSelect = {
  id: true,
  slug: true,
  name: true,
  timezone: true,
  minTeamSize: true,
  registrationOpensAt: true,
  registrationClosesAt: true,
  screeningClosesAt: true,
  submissionOpensAt: true,
  submissionClosesAt: true,
  announcementAt: true,
  remindRegistration: true,
  remindSubmission: true,
  remindJudging: true,
  rounds: { select: { id: true, name: true, closesAt: true }, orderBy: { order: "asc" } },
} as const;

export function reminderSwitches(e: Pick<EventRow, "remindRegistration" | "remindSubmission" | "remindJudging">): ReminderSwitches {
  return { registration: e.remindRegistration, submission: e.remindSubmission, judging: e.remindJudging };
}

/** The event's plan: its timeline and the extensions of the teams that have one. */
async function planFor(event: EventRow): Promise<ReminderUnit[]> {
  const rows = await db.extension.findMany({ where: { team: { eventId: event.id, status: { not: "REJECTED" } } }, select: { teamId: true, kind: true, until: true } });
  const byTeam = new Map<string, Extension[]>();
  for (const r of rows) byTeam.set(r.teamId, [...(byTeam.get(r.teamId) ?? []), ...toExtensions([r])]);
  return planReminders({ eventId: event.id, timeline: toTimeline(event), teams: [...byTeam].map(([teamId, extensions]) => ({ teamId, extensions })) });
}

type Person = { id: string; name: string; email: string; language: string | null };
export type Recipient = { user: Person; team?: { id: string; name: string; members: number; minSize: number }; round?: { name: string; open: number } };

/** Who still has each kind's step to do, read in two statements for the whole event. */
async function audienceOf(event: EventRow) {
  const [teams, pending] = await Promise.all([
    db.team.findMany({
      where: { eventId: event.id, status: { not: "REJECTED" } },
      select: {
        id: true,
        name: true,
        status: true,
        submission: { select: { status: true } },
        members: { select: { role: true, user: { select: { id: true, name: true, email: true, language: true, deletedAt: true } } }, orderBy: { joinedAt: "asc" } },
      },
      orderBy: { id: "asc" },
    }),
    db.assignment.findMany({
      where: {
        round: { eventId: event.id },
        OR: [{ judgment: null }, { judgment: { finalizedAt: null } }],
        // A judge removed from the event, or an account deleted, is not reminded.
        judge: { deletedAt: null, memberships: { some: { eventId: event.id, role: "JUDGE" } } },
      },
      select: { roundId: true, judge: { select: { id: true, name: true, email: true, language: true } } },
      orderBy: { id: "asc" },
    }),
  ]);
  const person = (u: Person & { deletedAt: Date | null }) => (u.deletedAt ? [] : [{ id: u.id, name: u.name, email: u.email, language: u.language }]);

  return (unit: ReminderUnit): Recipient[] => {
    if (unit.scope.type === "round") {
      const roundId = unit.scope.roundId;
      const byJudge = new Map<string, Recipient>();
      for (const a of pending.filter((p) => p.roundId === roundId)) {
        const r = byJudge.get(a.judge.id) ?? { user: a.judge, round: { name: unit.scope.roundName, open: 0 } };
        r.round!.open += 1;
        byJudge.set(a.judge.id, r);
      }
      return [...byJudge.values()];
    }
    const covered = teams.filter((t) => unitCoversTeam(unit, t.id));
    const team = (t: (typeof teams)[number]) => ({ id: t.id, name: t.name, members: t.members.length, minSize: event.minTeamSize });
    if (unit.kind === "registration") {
      // Teams below the minimum size: their captain.
      return covered
        .filter((t) => t.members.length < event.minTeamSize)
        .flatMap((t) => t.members.filter((m) => m.role === "CAPTAIN").flatMap((m) => person(m.user).map((user) => ({ user, team: team(t) }))));
    }
    // Accepted teams with only a draft or nothing: every member.
    return covered.filter((t) => t.status === "ACCEPTED" && t.submission?.status !== "SUBMITTED").flatMap((t) => t.members.flatMap((m) => person(m.user).map((user) => ({ user, team: team(t) }))));
  };
}

/** Mails one reminder to everyone in its audience not yet mailed for it; returns how many have it now. */
async function deliver(event: EventRow, unit: ReminderUnit, recipients: Recipient[], now: Date): Promise<number> {
  const already = new Set((await db.reminderDelivery.findMany({ where: { key: unit.key }, select: { userId: true } })).map((d) => d.userId));
  for (const r of recipients) {
    if (already.has(r.user.id)) continue;
    await sendReminderMail({ kind: unit.kind, to: r.user, language: asLanguage(r.user.language ?? "id"), event, deadline: unit.deadline, now, team: r.team, round: r.round });
    await db.reminderDelivery.create({ data: { key: unit.key, userId: r.user.id, eventId: event.id, sentAt: now } });
    already.add(r.user.id);
  }
  return already.size;
}

/**
 * The job: sends every reminder due at `now` in every event with a deadline still ahead, each once
 * across all instances. Returns what this caller sent (key and number of people who have it).
 */
export async function sendDueReminders(now: Date): Promise<{ key: string; sent: number }[]> {
  const events = await db.event.findMany({
    where: {
      OR: [{ announcementAt: { gt: now } }, { rounds: { some: { closesAt: { gt: now } } } }, { teams: { some: { extensions: { some: { until: { gt: now } } } } } }],
    },
    select: eventSelect,
  });
  const done: { key: string; sent: number }[] = [];
  for (const event of events) {
    const due = dueReminders(await planFor(event), reminderSwitches(event), now);
    if (!due.length) continue;
    // Units finished earlier need no claim attempt.
    const finished = new Set((await db.scheduledRun.findMany({ where: { key: { in: due.map((u) => u.key) }, finishedAt: { not: null } }, select: { key: true } })).map((r) => r.key));
    const todo = due.filter((u) => !finished.has(u.key));
    if (!todo.length) continue;
    const audience = await audienceOf(event);
    for (const unit of todo) {
      const result = await runOnce(unit.key, REMINDER_JOB, now, async () => {
        const sent = await deliver(event, unit, audience(unit), now);
        return { outcome: `${sent} email`, value: sent };
      });
      if (result) done.push({ key: unit.key, sent: result.value });
    }
  }
  return done;
}

export type ReminderStatus = { type: "planned" } | { type: "due" } | { type: "sending" } | { type: "sent"; at: Date; count: number } | { type: "off" } | { type: "skipped" };

export type ReminderRow = { unit: ReminderUnit; status: ReminderStatus; audience: number; teamName: string | null };

/** The organizer's list: every planned reminder with its status at `now` and how many it would reach now. */
export async function reminderOverview(eventId: string, now: Date) {
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId }, select: eventSelect });
  const [units, runs, counts, audience] = await Promise.all([
    planFor(event),
    listRuns(reminderKeyPrefix(event.id), 1000),
    db.reminderDelivery.groupBy({ by: ["key"], where: { eventId: event.id }, _count: { _all: true } }),
    audienceOf(event),
  ]);
  const switches = reminderSwitches(event);
  const runOf = new Map(runs.map((r) => [r.key, r]));
  const countOf = new Map(counts.map((c) => [c.key, c._count._all]));
  const teamIds = units.flatMap((u) => (u.scope.type === "team" ? [u.scope.teamId] : []));
  const teamNames = new Map(teamIds.length ? (await db.team.findMany({ where: { id: { in: teamIds }, eventId: event.id }, select: { id: true, name: true } })).map((t) => [t.id, t.name]) : []);

  const rows: ReminderRow[] = units.map((unit) => {
    const run = runOf.get(unit.key);
    let status: ReminderStatus;
    if (run?.finishedAt) status = { type: "sent", at: run.finishedAt, count: countOf.get(unit.key) ?? 0 };
    else if (run) status = { type: "sending" };
    else if (!switches[unit.kind]) status = { type: "off" };
    else {
      const timing = reminderTiming(unit, now);
      status = { type: timing === "upcoming" ? "planned" : timing === "due" ? "due" : "skipped" };
    }
    return { unit, status, audience: audience(unit).length, teamName: unit.scope.type === "team" ? (teamNames.get(unit.scope.teamId) ?? null) : null };
  });
  return { switches, kinds: REMINDER_KINDS.map((kind) => ({ kind, on: switches[kind], rows: rows.filter((r) => r.unit.kind === kind) })) };
}

/** Switches one kind of reminder on or off for the event; audited. */
export async function setReminderSwitch(eventId: string, kind: ReminderKind, on: boolean, actorId: string) {
  const field = SWITCH_FIELD[kind];
  await db.$transaction(async (tx) => {
    const before = reminderSwitches(await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { remindRegistration: true, remindSubmission: true, remindJudging: true } }));
    if (before[kind] === on) return;
    await tx.event.update({ where: { id: eventId }, data: { [field]: on } });
    await audit({ eventId, actorId, action: "reminders.update", entity: "event", entityId: eventId, before: { [field]: before[kind] }, after: { [field]: on } }, tx);
  });
}

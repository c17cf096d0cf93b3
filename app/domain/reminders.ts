// Reminder mails before each deadline: which ones an event has, when each is due and whether it
// may still go out at a given instant. Pure: the timeline, the teams' extensions and `now` come in,
// the plan goes out; who receives a reminder and the sending itself are the model's business.
//
// A reminder is one unit of work with a stable key, `reminder:<eventId>:<kind>:<offset>` (plus the
// round for judging, or the team for a team whose extension moves its own deadline), so every
// instance that reaches it agrees on the same unit and only one sends it.
import { effectiveClose, type Extension, type Timeline } from "./phase";

export const REMINDER_KINDS = ["registration", "submission", "judging"] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

const HOUR_MS = 3_600_000;

/**
 * How long before each deadline a reminder goes out. Teams below the minimum size need days to
 * find members; a draft needs hours to be submitted; a judge needs a day and a last call.
 */
export const REMINDER_OFFSETS: Record<ReminderKind, readonly number[]> = {
  registration: [72 * HOUR_MS, 24 * HOUR_MS],
  submission: [24 * HOUR_MS, 3 * HOUR_MS],
  judging: [24 * HOUR_MS, 3 * HOUR_MS],
};

/**
 * A reminder may go out at most this long after its due time (ticks are a minute apart; more
 * means the service was down). Later than that, or once the deadline has passed, it is skipped:
 * a "24 hours left" mail that arrives with two hours left, or after closing, does more harm than good.
 */
export const LATE_LIMIT_MS = HOUR_MS;

export type ReminderSwitches = Record<ReminderKind, boolean>;

/** A team's own extensions (only teams that have any need to be passed). */
export type TeamExtensions = { teamId: string; extensions: readonly Extension[] };

export type ReminderScope =
  /** Every team on the common deadline: all teams except those whose extension moves it later. */
  | { type: "teams"; exceptTeamIds: string[] }
  /** One team whose extension gives it its own, later deadline. */
  | { type: "team"; teamId: string }
  /** The judges of one round. */
  | { type: "round"; roundId: string; roundName: string };

export type ReminderUnit = {
  key: string;
  kind: ReminderKind;
  offsetMs: number;
  /** The offset as it appears in the key: "24h", "3h". */
  offset: string;
  deadline: Date;
  dueAt: Date;
  /** Exclusive end of the time the reminder may go out: LATE_LIMIT_MS after due, and never at or after the deadline. */
  lastAt: Date;
  scope: ReminderScope;
};

export type ReminderTiming = "upcoming" | "due" | "missed";

const ms = (d: Date) => d.getTime();

export function reminderKeyPrefix(eventId: string): string {
  return `reminder:${eventId}:`;
}

export function reminderKey(eventId: string, kind: ReminderKind, offsetMs: number, suffix?: string): string {
  return `${reminderKeyPrefix(eventId)}${kind}:${offsetLabel(offsetMs)}${suffix ? `:${suffix}` : ""}`;
}

export function offsetLabel(offsetMs: number): string {
  return offsetMs % HOUR_MS === 0 ? `${offsetMs / HOUR_MS}h` : `${Math.round(offsetMs / 60_000)}m`;
}

function unit(eventId: string, kind: ReminderKind, offsetMs: number, deadline: Date, scope: ReminderScope, suffix?: string): ReminderUnit {
  const dueAt = new Date(ms(deadline) - offsetMs);
  return {
    key: reminderKey(eventId, kind, offsetMs, suffix),
    kind,
    offsetMs,
    offset: offsetLabel(offsetMs),
    deadline,
    dueAt,
    lastAt: new Date(Math.min(ms(dueAt) + LATE_LIMIT_MS, ms(deadline))),
    scope,
  };
}

/**
 * The reminders of one window: one for every team on the common deadline and one per team whose
 * extension moves its deadline later. A reminder due before its window opens is left out: nobody
 * can do the step yet.
 */
function windowUnits(eventId: string, kind: "registration" | "submission", opensAt: Date, base: Date, teams: readonly TeamExtensions[]): ReminderUnit[] {
  const extended = teams
    .map((t) => ({ teamId: t.teamId, deadline: effectiveClose(base, kind, t.extensions) }))
    .filter((t) => ms(t.deadline) > ms(base))
    .sort((a, b) => (a.teamId < b.teamId ? -1 : a.teamId > b.teamId ? 1 : 0));
  const out: ReminderUnit[] = [];
  for (const offsetMs of REMINDER_OFFSETS[kind]) {
    out.push(unit(eventId, kind, offsetMs, base, { type: "teams", exceptTeamIds: extended.map((t) => t.teamId) }));
    for (const t of extended) out.push(unit(eventId, kind, offsetMs, t.deadline, { type: "team", teamId: t.teamId }, `team-${t.teamId}`));
  }
  return out.filter((u) => ms(u.dueAt) >= ms(opensAt));
}

/** Every reminder the event's timeline holds, earliest due first (ties by key). */
export function planReminders(input: { eventId: string; timeline: Timeline; teams?: readonly TeamExtensions[] }): ReminderUnit[] {
  const { eventId, timeline: t } = input;
  const teams = input.teams ?? [];
  const rounds = t.rounds.flatMap((round, i) => {
    const opensAt = i === 0 ? t.submissionClosesAt : (t.rounds[i - 1]?.closesAt ?? t.submissionClosesAt);
    return REMINDER_OFFSETS.judging
      .map((offsetMs) => unit(eventId, "judging", offsetMs, round.closesAt, { type: "round", roundId: round.id, roundName: round.name }, round.id))
      .filter((u) => ms(u.dueAt) >= ms(opensAt));
  });
  return [
    ...windowUnits(eventId, "registration", t.registrationOpensAt, t.registrationClosesAt, teams),
    ...windowUnits(eventId, "submission", t.submissionOpensAt, t.submissionClosesAt, teams),
    ...rounds,
  ].sort((a, b) => ms(a.dueAt) - ms(b.dueAt) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Before its due time, within the time it may go out, or past it. */
export function reminderTiming(u: ReminderUnit, now: Date): ReminderTiming {
  if (ms(now) < ms(u.dueAt)) return "upcoming";
  if (ms(now) < ms(u.lastAt)) return "due";
  return "missed";
}

/** The reminders that should go out at `now`: due, not too late, and of a kind switched on. */
export function dueReminders(units: readonly ReminderUnit[], switches: ReminderSwitches, now: Date): ReminderUnit[] {
  return units.filter((u) => switches[u.kind] && reminderTiming(u, now) === "due");
}

/** Whether a team belongs to a unit's audience by its deadline (its other conditions are the model's). */
export function unitCoversTeam(u: ReminderUnit, teamId: string): boolean {
  if (u.scope.type === "teams") return !u.scope.exceptTeamIds.includes(teamId);
  if (u.scope.type === "team") return u.scope.teamId === teamId;
  return false;
}

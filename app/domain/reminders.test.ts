import { describe, expect, it } from "vitest";
import type { Timeline } from "./phase";
import { dueReminders, LATE_LIMIT_MS, planReminders, reminderTiming, unitCoversTeam, type ReminderSwitches } from "./reminders";
import { plus, wib, WIB_TIMELINE } from "~/test/timeline";

const HOUR = 3_600_000;

// Submission closes at the last millisecond of the day.
const timeline: Timeline = { ...WIB_TIMELINE, submissionClosesAt: wib("2026-12-01T23:59:59.999") };
const ON: ReminderSwitches = { registration: true, submission: true, judging: true };

describe("planReminders", () => {
  const units = planReminders({ eventId: "ev1", timeline });

  it("plans each kind's reminders before its deadline with stable keys", () => {
    expect(units.map((u) => u.key)).toEqual([
      "reminder:ev1:registration:72h",
      "reminder:ev1:registration:24h",
      "reminder:ev1:submission:24h",
      "reminder:ev1:submission:3h",
      "reminder:ev1:judging:24h:r1",
      "reminder:ev1:judging:3h:r1",
      "reminder:ev1:judging:24h:r2",
      "reminder:ev1:judging:3h:r2",
    ]);
    const sub3 = units.find((u) => u.key === "reminder:ev1:submission:3h")!;
    expect(sub3.dueAt.toISOString()).toBe("2026-12-01T13:59:59.999Z");
    expect(sub3.lastAt.getTime()).toBe(sub3.dueAt.getTime() + LATE_LIMIT_MS);
    // The same input gives the same plan: every instance agrees on the keys.
    expect(planReminders({ eventId: "ev1", timeline })).toEqual(units);
  });

  it("is due from its due time to the millisecond, and not a millisecond before", () => {
    const u = units.find((x) => x.key === "reminder:ev1:submission:24h")!;
    expect(reminderTiming(u, plus(u.dueAt, -1))).toBe("upcoming");
    expect(reminderTiming(u, u.dueAt)).toBe("due");
    expect(dueReminders(units, ON, plus(u.dueAt, -1))).toEqual([]);
    expect(dueReminders(units, ON, u.dueAt).map((x) => x.key)).toEqual([u.key]);
  });

  it("is skipped once it is an hour late, and never goes out at or after the deadline", () => {
    const u = units.find((x) => x.key === "reminder:ev1:submission:24h")!;
    expect(reminderTiming(u, plus(u.dueAt, LATE_LIMIT_MS - 1))).toBe("due");
    expect(reminderTiming(u, plus(u.dueAt, LATE_LIMIT_MS))).toBe("missed");
    // A server down through the whole last day sends nothing after the deadline.
    expect(dueReminders(units, ON, timeline.submissionClosesAt).filter((x) => x.kind === "submission")).toEqual([]);
  });

  it("sends nothing of a kind switched off", () => {
    const u = units.find((x) => x.key === "reminder:ev1:judging:3h:r2")!;
    expect(dueReminders(units, { ...ON, judging: false }, u.dueAt)).toEqual([]);
    expect(dueReminders(units, { ...ON, submission: false }, u.dueAt).map((x) => x.key)).toEqual([u.key]);
  });

  it("leaves out a reminder due before its window opens", () => {
    // Submission open for only 10 hours: the 24 h reminder would come before anyone can submit.
    const short = planReminders({ eventId: "ev1", timeline: { ...timeline, submissionOpensAt: plus(timeline.submissionClosesAt, -10 * HOUR) } });
    expect(short.filter((u) => u.kind === "submission").map((u) => u.offset)).toEqual(["3h"]);
  });

  it("gives a team with an extension its own reminders relative to its own deadline", () => {
    const until = plus(timeline.submissionClosesAt, 2 * 24 * HOUR);
    const plan = planReminders({
      eventId: "ev1",
      timeline,
      teams: [
        { teamId: "tB", extensions: [{ kind: "submission", until }] },
        // An "extension" ending before the public deadline moves nothing.
        { teamId: "tC", extensions: [{ kind: "submission", until: plus(timeline.submissionClosesAt, -HOUR) }] },
        { teamId: "tD", extensions: [{ kind: "registration", until: plus(timeline.registrationClosesAt, HOUR) }] },
      ],
    });
    const common = plan.find((u) => u.key === "reminder:ev1:submission:24h")!;
    const own = plan.find((u) => u.key === "reminder:ev1:submission:24h:team-tB")!;
    expect(common.scope).toEqual({ type: "teams", exceptTeamIds: ["tB"] });
    expect(own.deadline).toEqual(until);
    expect(own.dueAt).toEqual(plus(until, -24 * HOUR));
    expect(unitCoversTeam(common, "tB")).toBe(false);
    expect(unitCoversTeam(common, "tC")).toBe(true);
    expect(unitCoversTeam(own, "tB")).toBe(true);
    expect(unitCoversTeam(own, "tA")).toBe(false);
    // At the common due time only the common reminder goes; at the team's own due time only its own.
    expect(dueReminders(plan, ON, common.dueAt).map((u) => u.key)).toEqual([common.key]);
    expect(dueReminders(plan, ON, plus(own.dueAt, -1)).map((u) => u.key)).toEqual([]);
    expect(dueReminders(plan, ON, own.dueAt).map((u) => u.key)).toEqual([own.key]);
    // A registration extension does the same for the team-size reminder.
    expect(plan.filter((u) => u.kind === "registration").map((u) => u.key)).toEqual([
      "reminder:ev1:registration:72h",
      "reminder:ev1:registration:72h:team-tD",
      "reminder:ev1:registration:24h",
      "reminder:ev1:registration:24h:team-tD",
    ]);
  });
});

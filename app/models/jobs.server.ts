// The scheduled jobs every instance runs (see app/services/scheduler.server.ts). Each finds what is
// due at `now` and claims each unit before doing it, so several instances do every unit once.
import type { ScheduledJob } from "~/services/scheduler.server";
import { housekeeping } from "./housekeeping.server";
import { retention } from "./retention.server";
import { REMINDER_JOB, sendDueReminders } from "./reminders.server";

export function scheduledJobs(): ScheduledJob[] {
  return [
    { name: "housekeeping", everyMs: 10 * 60_000, run: async (now) => void (await housekeeping(now)) },
    { name: "retention", everyMs: 10 * 60_000, run: async (now) => void (await retention(now)) },
    { name: REMINDER_JOB, everyMs: 60_000, run: async (now) => void (await sendDueReminders(now)) },
  ];
}

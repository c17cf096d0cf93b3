// The reminder switch of the organizer's reminders page. Messages are locale keys.
import { z } from "zod";
import { REMINDER_KINDS } from "~/domain/reminders";

export const reminderSwitchSchema = z.object({
  kind: z.enum(REMINDER_KINDS, { errorMap: () => ({ message: "reminders.errors.kind" }) }),
  on: z.enum(["1", "0"], { errorMap: () => ({ message: "validation.invalid" }) }),
});

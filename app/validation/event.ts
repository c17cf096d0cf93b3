// Event setup forms (admin, settings, timeline, FAQ). Shared by browser (Conform) and server;
// messages are locale keys. Datetime fields are wall-clock strings in the event's zone; the
// schema converts them to UTC instants and checks their order with the domain rules.
import { RETENTION_DAYS } from "~/domain/privacy";
import { z } from "zod";
import { SLUG_MAX, SLUG_MIN, SLUG_PATTERN, splitEmails, timelineIssues } from "~/domain/event-setup";
import { validateTimeline, type TimelineDates } from "~/domain/phase";
import { EVENT_TIME_ZONES, zonedLocalToUtc, type EventTimeZone } from "~/domain/time";
import { emailField, whatsappField } from "./auth";

const required = { required_error: "validation.required", invalid_type_error: "validation.invalid" };

export const eventNameField = z.string(required).trim().min(3, "event.errors.nameShort").max(120, "validation.tooLong");

export const slugField = z.string(required).trim().toLowerCase().min(SLUG_MIN, "event.errors.slugShort").max(SLUG_MAX, "validation.tooLong").regex(SLUG_PATTERN, "event.errors.slugFormat");

export const timezoneField = z.enum(EVENT_TIME_ZONES, { errorMap: () => ({ message: "validation.invalid" }) });

const localDateTime = z.string(required).trim().max(40, "validation.invalid");

const roundField = z.object({
  id: z.string().max(40).optional(),
  name: z.string(required).trim().max(80, "validation.tooLong"),
  closesAt: localDateTime,
});

const timelineShape = {
  registrationOpensAt: localDateTime,
  registrationClosesAt: localDateTime,
  screeningClosesAt: localDateTime,
  submissionOpensAt: localDateTime,
  submissionClosesAt: localDateTime,
  announcementAt: localDateTime,
  rounds: z.array(roundField, required).max(10, "timeline.errors.tooManyRounds"),
};

type TimelineForm = {
  registrationOpensAt: string;
  registrationClosesAt: string;
  screeningClosesAt: string;
  submissionOpensAt: string;
  submissionClosesAt: string;
  announcementAt: string;
  rounds: { id?: string; name: string; closesAt: string }[];
};

export type ParsedTimeline = TimelineDates & { rounds: { id?: string; name: string; closesAt: Date }[] };

/** Wall-clock strings → instants in `tz`; an unparseable string becomes an Invalid Date for validateTimeline to name. */
export function timelineToUtc(v: TimelineForm, tz: EventTimeZone): ParsedTimeline {
  const at = (s: string) => zonedLocalToUtc(s, tz) ?? new Date(Number.NaN);
  return {
    registrationOpensAt: at(v.registrationOpensAt),
    registrationClosesAt: at(v.registrationClosesAt),
    screeningClosesAt: at(v.screeningClosesAt),
    submissionOpensAt: at(v.submissionOpensAt),
    submissionClosesAt: at(v.submissionClosesAt),
    announcementAt: at(v.announcementAt),
    rounds: v.rounds.map((r) => ({ id: r.id, name: r.name, closesAt: at(r.closesAt) })),
  };
}

function checkTimeline(v: TimelineForm, tz: EventTimeZone, ctx: z.RefinementCtx) {
  for (const issue of timelineIssues(validateTimeline(timelineToUtc(v, tz)))) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: issue.path, message: issue.message });
  }
}

/** The timeline page: the zone is the event's, known to the page. */
export function timelineSchema(tz: EventTimeZone) {
  return z.object(timelineShape).superRefine((v, ctx) => checkTimeline(v, tz, ctx));
}

const organizerEmails = z
  .string()
  .max(2000, "validation.tooLong")
  .optional()
  .refine((v) => !v || splitEmails(v).every((e) => emailField.safeParse(e).success), "admin.errors.emails");

/** The platform admin creates an event: identity, zone, timeline basics, first organizers. */
export const createEventSchema = z
  .object({ name: eventNameField, slug: slugField, timezone: timezoneField, organizerEmails, ...timelineShape })
  .superRefine((v, ctx) => checkTimeline(v, v.timezone, ctx));

const optionalText = (max: number) => z.string().max(max, "validation.tooLong").optional().default("");

export const settingsSchema = z.object({
  name: eventNameField,
  slug: slugField,
  summary: optionalText(300),
  description: optionalText(20000),
  rules: optionalText(20000),
  timezone: timezoneField,
  contactEmail: emailField.optional(),
  contactWhatsapp: whatsappField,
  signatoryName: optionalText(120),
  signatoryTitle: optionalText(160),
  privacyNotice: optionalText(5000),
  contactRetentionDays: z
    .number({ required_error: "validation.required", invalid_type_error: "privacy.retention.errors.range" })
    .int("privacy.retention.errors.range")
    .min(RETENTION_DAYS.min, "privacy.retention.errors.range")
    .max(RETENTION_DAYS.max, "privacy.retention.errors.range"),
  isPublic: z.boolean().optional().default(false),
});

export const faqSchema = z.object({
  id: z.string().max(40).optional(),
  question: z.string(required).trim().min(3, "event.errors.questionShort").max(300, "validation.tooLong"),
  answer: z.string(required).trim().max(5000, "validation.tooLong"),
});

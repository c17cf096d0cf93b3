// Team finder forms. Messages are locale keys.
import { z } from "zod";
import { MESSAGE_MAX, NOTE_MAX, SKILLS_MAX, skillTags } from "~/domain/team-finder";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .optional()
    .transform((v) => v ?? "");

const optionalId = z
  .string()
  .trim()
  .max(100, "validation.invalid")
  .optional()
  .transform((v) => (v ? v : undefined));

export const listingSchema = z.object({
  intent: z.literal("list"),
  skills: z
    .string({ required_error: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .max(SKILLS_MAX, "validation.tooLong")
    .refine((v) => skillTags(v).length > 0, "validation.required"),
  regionId: optionalId,
  pool: optionalId,
  note: optionalText(NOTE_MAX),
  // Showing the listing to the event's participants is the point of it: it is asked for every time.
  agreeShown: z.literal("on", { errorMap: () => ({ message: "finder.errors.agreeShown" }) }),
});
export type ListingInput = z.infer<typeof listingSchema>;

const id = z.string({ required_error: "validation.invalid" }).trim().min(1, "validation.invalid").max(100, "validation.invalid");

/** The finder page's other actions. */
export const finderActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("unlist") }),
  z.object({ intent: z.literal("request"), teamId: id, message: optionalText(MESSAGE_MAX), agreeEventNotice: z.string().max(10).optional() }),
  z.object({ intent: z.literal("invite"), userId: id, message: optionalText(MESSAGE_MAX) }),
  z.object({ intent: z.literal("accept"), requestId: id, agreeEventNotice: z.string().max(10).optional() }),
  z.object({ intent: z.literal("decline"), requestId: id }),
  z.object({ intent: z.literal("cancel"), requestId: id }),
]);

/** The captain's actions on the team's finder page. */
export const teamFinderSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("open"), note: optionalText(NOTE_MAX) }),
  z.object({ intent: z.literal("close") }),
  z.object({ intent: z.literal("accept"), requestId: id }),
  z.object({ intent: z.literal("decline"), requestId: id }),
  z.object({ intent: z.literal("cancel"), requestId: id }),
]);

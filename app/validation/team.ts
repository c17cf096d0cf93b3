// Team forms: registration, joining, captain actions and organizer screening. Messages are locale keys.
import { z } from "zod";
import { parseHttpUrl } from "~/domain/links";
import { failureErrors } from "./message";

const required = { required_error: "validation.required" };

const text = (min: number, max: number) =>
  z
    .string(required)
    .trim()
    .min(min, min <= 1 ? "validation.required" : "team.errors.tooShort")
    .max(max, "validation.tooLong");

const optionalId = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

export const videoUrlField = z
  .string()
  .trim()
  .optional()
  .refine((v) => !v || parseHttpUrl(v) !== null, "validation.url");

export const registerTeamSchema = z.object({
  name: text(3, 60),
  kimName: text(3, 100),
  regionId: z.string(required).trim().min(1, "validation.required"),
  institution: text(2, 150),
  trackId: optionalId,
  pool: optionalId,
  videoUrl: videoUrlField,
  // The file itself is checked on the server (type sniffed from its bytes).
  proposal: z.unknown().optional(),
  // The event's own privacy notice, when it has one: the server refuses a registration without it.
  agreeEventNotice: z.string().max(10).optional(),
});
export type RegisterTeamInput = z.infer<typeof registerTeamSchema>;

/**
 * The registration form as the browser checks it for one event: a required video link is refused
 * on the first try, next to the field, instead of only after the server answers.
 */
export function registerTeamSchemaFor(rules: { requireVideo: boolean; privacyNotice?: string }) {
  return registerTeamSchema.superRefine((v, ctx) => {
    if (rules.requireVideo && !v.videoUrl) ctx.addIssue({ code: "custom", path: ["videoUrl"], message: "team.errors.videoRequired" });
    if (rules.privacyNotice?.trim() && v.agreeEventNotice !== "on") ctx.addIssue({ code: "custom", path: ["agreeEventNotice"], message: "privacy.eventNotice.required" });
  });
}

/**
 * What each refusal of the team models (teams, joining, the team finder) says on the page: the
 * model answers the code, the route shows this locale key.
 */
export const TEAM_REFUSAL_KEYS = {
  eventNotFound: "team.errors.eventNotFound",
  registrationClosed: "team.errors.registrationClosed",
  alreadyInTeam: "team.errors.alreadyInTeam",
  nameTaken: "team.errors.nameTaken",
  poolRequired: "team.errors.poolRequired",
  videoRequired: "team.errors.videoRequired",
  proposalRequired: "team.errors.proposalRequired",
  proposalType: "team.errors.proposalType",
  proposalTooLarge: "team.errors.proposalTooLarge",
  notMember: "team.errors.notMember",
  captainOnly: "team.errors.captainOnly",
  editClosed: "team.errors.editClosed",
  handOverFirst: "team.errors.handOverFirst",
  confirmDelete: "team.errors.confirmDelete",
  invalid: "validation.invalid",
  noticeRequired: "privacy.eventNotice.required",
  joinNoticeRequired: "privacy.eventNotice.requiredJoin",
  invalidLink: "join.errors.invalidLink",
  joinClosed: "join.errors.closed",
  alreadyMember: "join.errors.alreadyMember",
  teamFull: "join.errors.teamFull",
  poolFull: "join.errors.poolFull",
  finderClosed: "finder.errors.closed",
  notListed: "finder.errors.notListed",
  notLooking: "finder.errors.notLooking",
  declined: "finder.errors.declined",
  duplicate: "finder.errors.duplicate",
  listingPoolRequired: "finder.errors.poolRequired",
  tooMany: "finder.errors.tooMany",
  teamNotFound: "finder.errors.teamNotFound",
  requestNotFound: "finder.errors.requestNotFound",
  noticeChanged: "finder.errors.noticeChanged",
} as const;

export type TeamRefusalCode = keyof typeof TEAM_REFUSAL_KEYS;

/** A team refusal as the form's errors: next to its field, or above the whole form. */
export function teamRefusalErrors(refusal: { code: TeamRefusalCode; field?: string }) {
  return failureErrors(refusal, (code) => TEAM_REFUSAL_KEYS[code as TeamRefusalCode]);
}

export const joinCodeSchema = z.object({
  code: z.string(required).trim().min(4, "join.errors.invalidCode").max(20, "join.errors.invalidCode"),
});

export const joinSchema = z.object({ pool: optionalId, agreeEventNotice: z.string().max(10).optional() });

/** The join form as the browser checks it: the event's own notice, when it has one, must be ticked. */
export function joinSchemaFor(rules: { privacyNotice?: string }) {
  return joinSchema.superRefine((v, ctx) => {
    if (rules.privacyNotice?.trim() && v.agreeEventNotice !== "on") ctx.addIssue({ code: "custom", path: ["agreeEventNotice"], message: "privacy.eventNotice.requiredJoin" });
  });
}

export const memberActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("regenerate") }),
  z.object({ intent: z.literal("remove"), memberId: z.string(required).min(1) }),
  z.object({ intent: z.literal("transfer"), memberId: z.string(required).min(1) }),
  z.object({ intent: z.literal("leave"), confirm: z.string().optional() }),
  z.object({ intent: z.literal("materials"), videoUrl: videoUrlField, proposal: z.unknown().optional() }),
]);

const reasonField = z.string().trim().max(1000, "validation.tooLong").optional();

export const reviewSchema = z
  .object({
    decision: z.enum(["ACCEPTED", "REJECTED", "PENDING"], { required_error: "validation.required", invalid_type_error: "validation.invalid" }),
    reason: reasonField,
  })
  .superRefine((v, ctx) => {
    if (v.decision === "REJECTED" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "screening.errors.reasonRequired" });
  });

export const bulkReviewSchema = z
  .object({
    decision: z.enum(["ACCEPTED", "REJECTED"], { required_error: "validation.required", invalid_type_error: "validation.invalid" }),
    reason: reasonField,
    teamIds: z.array(z.string().min(1), { required_error: "screening.errors.noneSelected" }).min(1, "screening.errors.noneSelected").max(1000),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "REJECTED" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "screening.errors.reasonRequired" });
  });

export const extensionSchema = z.object({
  until: z.string(required).trim().min(1, "validation.required"),
  reason: text(3, 500),
});

// Event structure forms: tracks, regions, team rules, rubric, awards, judging settings, invites.
// Messages are locale keys; the domain validators decide what a valid rule set is.
import { z } from "zod";
import { awardPlaceIssue, criteriaIssues, teamRulesIssues } from "~/domain/event-setup";
import { RANKING_METHODS, type RankingMethod } from "~/domain/ranking";
import { validateCriteria } from "~/domain/scoring";
import { validateTeamRules } from "~/domain/team-rules";
import { EVENT_TIME_ZONES, zonedLocalToUtc } from "~/domain/time";
import { emailField } from "./auth";

const required = { required_error: "validation.required", invalid_type_error: "validation.invalid" };
const integer = (min: number, max: number) => z.number(required).int("structure.errors.integer").min(min, "structure.errors.tooSmall").max(max, "structure.errors.tooLarge");
const id = z.string().max(40);
const flag = z.boolean().optional().default(false);

export const trackSchema = z.object({
  id: id.optional(),
  name: z.string(required).trim().min(2, "validation.nameMin").max(100, "validation.tooLong"),
  description: z.string().trim().max(1000, "validation.tooLong").optional().default(""),
});

export const regionSchema = z.object({
  id: id.optional(),
  name: z.string(required).trim().min(2, "validation.nameMin").max(100, "validation.tooLong"),
  code: z.string().trim().max(20, "validation.tooLong").optional(),
});

export const poolSchema = z.object({
  key: z
    .string(required)
    .trim()
    .toLowerCase()
    .max(30, "validation.tooLong")
    .regex(/^[a-z0-9_-]+$/, "structure.errors.team.keyFormat"),
  label: z.string(required).trim().max(60, "validation.tooLong"),
  quota: integer(1, 50),
});

export const teamRulesSchema = z.object({ minTeamSize: integer(1, 50), maxTeamSize: integer(1, 50), pools: z.array(poolSchema).max(6).optional().default([]) }).superRefine((v, ctx) => {
  const errors = validateTeamRules({ minSize: v.minTeamSize, maxSize: v.maxTeamSize, pools: v.pools });
  for (const issue of teamRulesIssues(errors)) ctx.addIssue({ code: z.ZodIssueCode.custom, ...issue });
});

export const judgingSettingsSchema = z.object({
  blindJudging: flag,
  conflictSameRegion: flag,
  conflictSameKim: flag,
  conflictSameInstitution: flag,
  requireProposal: flag,
  requireVideo: flag,
  galleryPublished: flag,
  rankingMethod: z.enum(RANKING_METHODS as [RankingMethod, ...RankingMethod[]], { errorMap: () => ({ message: "validation.invalid" }) }),
});

const criterionSchema = z.object({
  id: id.optional(),
  name: z.string(required).trim().max(100, "validation.tooLong"),
  description: z.string().trim().max(1000, "validation.tooLong").optional().default(""),
  weight: z.number(required).min(0, "structure.errors.tooSmall").max(100, "structure.errors.tooLarge"),
  scaleMin: integer(0, 100),
  scaleMax: integer(1, 100),
});

export const rubricSchema = z
  .object({
    roundId: id,
    judgesPerSubmission: integer(1, 20),
    criteria: z.array(criterionSchema).max(20).optional().default([]),
  })
  .superRefine((v, ctx) => {
    const errors = validateCriteria(v.criteria.map((c, i) => ({ ...c, id: c.id ?? `new-${i}`, order: i })));
    for (const issue of criteriaIssues(errors)) ctx.addIssue({ code: z.ZodIssueCode.custom, ...issue });
  });

export const AWARD_KINDS = ["PLACE", "HONORABLE", "SPECIAL", "PEOPLES_CHOICE"] as const;

export const awardSchema = z
  .object({
    id: id.optional(),
    name: z.string(required).trim().min(2, "validation.nameMin").max(100, "validation.tooLong"),
    kind: z.enum(AWARD_KINDS, { errorMap: () => ({ message: "validation.invalid" }) }),
    place: integer(1, 50).optional(),
    prize: z.string().trim().max(200, "validation.tooLong").optional().default(""),
  })
  .superRefine((v, ctx) => {
    const message = awardPlaceIssue({ kind: v.kind, place: v.place ?? null });
    if (message) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["place"], message });
  });

/** People's choice: a public vote with its own window, in the event's zone. */
export function peoplesChoiceSchema(tz: (typeof EVENT_TIME_ZONES)[number]) {
  return z
    .object({
      peoplesChoice: flag,
      votingOpensAt: z.string().trim().max(40).optional(),
      votingClosesAt: z.string().trim().max(40).optional(),
    })
    .superRefine((v, ctx) => {
      if (!v.peoplesChoice) return;
      const opens = v.votingOpensAt ? zonedLocalToUtc(v.votingOpensAt, tz) : null;
      const closes = v.votingClosesAt ? zonedLocalToUtc(v.votingClosesAt, tz) : null;
      if (!opens) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["votingOpensAt"], message: v.votingOpensAt ? "timeline.errors.invalid_date" : "validation.required" });
      if (!closes) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["votingClosesAt"], message: v.votingClosesAt ? "timeline.errors.invalid_date" : "validation.required" });
      if (opens && closes && closes.getTime() <= opens.getTime()) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["votingClosesAt"], message: "timeline.errors.order" });
      }
    });
}

export const EVENT_ROLES = ["ORGANIZER", "JUDGE"] as const;

// Always addressed: only the owner of this address can accept the invite.
export const inviteSchema = z.object({
  role: z.enum(EVENT_ROLES, { errorMap: () => ({ message: "validation.invalid" }) }),
  email: emailField,
});

export const affiliationSchema = z.object({
  regionId: id.optional(),
  kimName: z.string().trim().max(120, "validation.tooLong").optional().default(""),
  institution: z.string().trim().max(160, "validation.tooLong").optional().default(""),
});

export const memberAffiliationSchema = affiliationSchema.extend({ memberId: id });

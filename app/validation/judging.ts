// Form schemas of the judging area. Messages are locale keys.
import { z } from "zod";
import type { JudgmentError, ScoreEntries } from "~/domain/judgment";
import { msg } from "./message";
import { resultsQuerySchema } from "./results";

const id = z.string({ required_error: "validation.required" }).trim().min(1, "validation.required").max(64, "validation.invalid");

export const JUDGMENT_TEXT_MAX = 5000;

const judgmentBase = z.object({
  intent: z.enum(["save", "finalize"], { errorMap: () => ({ message: "validation.invalid" }) }),
  version: z.coerce.number({ invalid_type_error: "validation.invalid" }).int("validation.invalid").min(0, "validation.invalid"),
  comment: z.string().max(JUDGMENT_TEXT_MAX, "scoring.errors.tooLong").default(""),
  privateNote: z.string().max(JUDGMENT_TEXT_MAX, "scoring.errors.tooLong").default(""),
});

export type JudgmentForm = z.infer<typeof judgmentBase> & { scores: ScoreEntries };
export type JudgmentFormResult = { ok: true; value: JudgmentForm } | { ok: false; error: Record<string, string[]> };

/** A rubric has a handful of criteria; ids are short. More or longer score fields are not a rubric. */
const SCORE_FIELDS_MAX = 100;
const CRITERION_ID_MAX = 64;

/**
 * Scores arrive as `score.<criterionId>` fields; an empty field means "not scored". A value
 * that is not a whole number is kept as NaN so the domain check reports it against its criterion.
 * Only these fields are read: anything else in the form is ignored.
 */
export function parseJudgmentForm(form: FormData): JudgmentFormResult {
  const base = judgmentBase.safeParse({
    intent: form.get("intent") ?? undefined,
    version: form.get("version") ?? undefined,
    comment: typeof form.get("comment") === "string" ? form.get("comment") : undefined,
    privateNote: typeof form.get("privateNote") === "string" ? form.get("privateNote") : undefined,
  });
  if (!base.success) {
    const error: Record<string, string[]> = {};
    for (const issue of base.error.issues) {
      const key = issue.path.join(".") || "";
      error[key] = [...(error[key] ?? []), issue.message];
    }
    return { ok: false, error };
  }
  const scores: Record<string, number | null> = {};
  let fields = 0;
  for (const [name, raw] of form.entries()) {
    if (!name.startsWith("score.") || typeof raw !== "string") continue;
    const criterionId = name.slice("score.".length);
    if (criterionId.length > CRITERION_ID_MAX || ++fields > SCORE_FIELDS_MAX) return { ok: false, error: { "": ["scoring.errors.unknownCriterion"] } };
    const text = raw.trim();
    scores[criterionId] = text === "" ? null : /^-?\d{1,6}$/.test(text) ? Number(text) : Number.NaN;
  }
  return { ok: true, value: { ...base.data, comment: base.data.comment.replace(/\r\n/g, "\n"), privateNote: base.data.privateNote.replace(/\r\n/g, "\n"), scores } };
}

export const judgeProfileSchema = z.object({
  regionId: z.string().trim().max(64, "validation.invalid").optional(),
  kimName: z.string().trim().max(120, "validation.tooLong").optional(),
  institution: z.string().trim().max(160, "validation.tooLong").optional(),
  teamIds: z.array(id).max(1000, "validation.invalid").default([]),
});

export const assignmentActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("auto") }),
  z.object({ intent: z.literal("add"), judgeId: id, submissionId: id }),
  z.object({ intent: z.literal("remove"), assignmentId: id }),
  z.object({ intent: z.literal("rebalance"), judgeId: id }),
]);

/** Which cards the assignment board shows; anything malformed falls back to the default. */
export const BOARD_FILTER_PARAMS = ["perhatian", "kurang", "konflik"] as const;
export const boardQuerySchema = resultsQuerySchema.pick({ cari: true, halaman: true }).extend({
  saring: z.enum(BOARD_FILTER_PARAMS).optional().catch(undefined),
});

/** The judge's queue: round, status filter, search and page; anything malformed falls back to the default. */
export const QUEUE_STATUS_PARAMS = { belum: "not_started", sebagian: "in_progress", lengkap: "complete", final: "finalized" } as const;
export type QueueStatusParam = keyof typeof QUEUE_STATUS_PARAMS;
export const queueQuerySchema = resultsQuerySchema.pick({ babak: true, cari: true, halaman: true }).extend({
  saring: z
    .enum(Object.keys(QUEUE_STATUS_PARAMS) as [QueueStatusParam, ...QueueStatusParam[]])
    .optional()
    .catch(undefined),
});

export const advanceSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("top"),
    n: z.coerce.number({ invalid_type_error: "judging.advance.errors.n" }).int("judging.advance.errors.n").min(1, "judging.advance.errors.n").max(10000, "judging.advance.errors.n"),
  }),
  z.object({ intent: z.literal("pick"), submissionIds: z.array(id).min(1, "judging.advance.errors.noneSelected").default([]) }),
]);

export const remindSchema = z.object({ intent: z.literal("remind"), judgeId: id.optional() });

type Scale = { min: number; max: number };

/** What a scoring save came to, as the model says it (or the form's own parse errors). */
export type JudgmentOutcome<Current> =
  | { ok: true; version: number; finalized: boolean }
  | { ok: false; code: "form"; error: Record<string, string[]> }
  | { ok: false; code: "invalid"; errors: readonly JudgmentError[]; scales: Record<string, Scale> }
  | { ok: false; code: string; current?: Current };

/** The answer to a scoring save, the same for the page's form and its autosave endpoint. */
export type JudgmentReply<Current> = { ok: true; version: number; finalized: boolean; savedAt: string } | { ok: false; code: string; error: Record<string, string[]>; current?: Current };

const SAVE_STATUS: Record<string, number> = { notAssigned: 404, conflict: 403, stale: 409 };

/** Each criterion's problem on its score field, and a summary above the form. */
function scoreErrors(errors: readonly JudgmentError[], scales: Record<string, Scale>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (key: string, message: string) => (out[key] = [...(out[key] ?? []), message]);
  for (const e of errors) {
    if (e.code === "unknown_criterion" || e.criterionId === null) add("", "scoring.errors.unknownCriterion");
    else if (e.code === "incomplete") add(`score.${e.criterionId}`, "scoring.errors.required");
    else if (e.code === "not_integer") add(`score.${e.criterionId}`, "scoring.errors.notInteger");
    else add(`score.${e.criterionId}`, msg("scoring.errors.outOfScale", scales[e.criterionId] ?? {}));
  }
  if (errors.some((e) => e.code === "incomplete")) add("", "scoring.errors.incomplete");
  if (!out[""]) add("", "scoring.errors.invalid");
  return out;
}

/** The HTTP status and body for a scoring save: refused input is 400, a stale version 409. */
export function judgmentReply<Current>(outcome: JudgmentOutcome<Current>, now: Date): { status: number; body: JudgmentReply<Current> } {
  if (outcome.ok) return { status: 200, body: { ok: true, version: outcome.version, finalized: outcome.finalized, savedAt: now.toISOString() } };
  if (outcome.code === "form" && "error" in outcome) return { status: 400, body: { ok: false, code: "invalid", error: { "": ["scoring.errors.invalid"], ...outcome.error } } };
  if (outcome.code === "invalid" && "errors" in outcome) return { status: 400, body: { ok: false, code: "invalid", error: scoreErrors(outcome.errors, outcome.scales) } };
  const current = "current" in outcome && outcome.current !== undefined ? { current: outcome.current } : {};
  return { status: SAVE_STATUS[outcome.code] ?? 400, body: { ok: false, code: outcome.code, error: { "": [msg(`scoring.errors.${outcome.code}`)] }, ...current } };
}

// The scoring save shared by the scoring page's form and its autosave endpoint: takes the form
// the route parsed, saves, and answers with the HTTP status and the message keys for each refusal.
import type { JudgmentError } from "~/domain/judgment";
import { db } from "~/services/db.server";
import type { JudgmentFormResult } from "~/validation/judging";
import type { requireJudge } from "./event-guards.server";
import { saveJudgment, type JudgmentSnapshot, type SaveErrorCode } from "./judging.server";
import { msg } from "~/validation/message";

export type SaveReply = { ok: true; version: number; finalized: boolean; savedAt: string } | { ok: false; code: SaveErrorCode; error: Record<string, string[]>; current?: JudgmentSnapshot };

const STATUS: Record<SaveErrorCode, number> = {
  notAssigned: 404,
  conflict: 403,
  roundClosed: 400,
  roundNotOpen: 400,
  finalized: 400,
  invalid: 400,
  stale: 409,
};

function fieldErrors(errors: readonly JudgmentError[], scales: Map<string, { min: number; max: number }>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (key: string, message: string) => (out[key] = [...(out[key] ?? []), message]);
  for (const e of errors) {
    if (e.code === "unknown_criterion" || e.criterionId === null) add("", "scoring.errors.unknownCriterion");
    else if (e.code === "incomplete") add(`score.${e.criterionId}`, "scoring.errors.required");
    else if (e.code === "not_integer") add(`score.${e.criterionId}`, "scoring.errors.notInteger");
    else add(`score.${e.criterionId}`, msg("scoring.errors.outOfScale", scales.get(e.criterionId) ?? {}));
  }
  if (errors.some((e) => e.code === "incomplete")) add("", "scoring.errors.incomplete");
  if (!out[""]) add("", "scoring.errors.invalid");
  return out;
}

export async function saveJudgmentForm(
  { user, event }: Awaited<ReturnType<typeof requireJudge>>,
  assignmentId: string,
  parsed: JudgmentFormResult,
  now: Date,
): Promise<{ status: number; body: SaveReply }> {
  if (!parsed.ok) return { status: 400, body: { ok: false, code: "invalid", error: { "": ["scoring.errors.invalid"], ...parsed.error } } };
  const v = parsed.value;
  const outcome = await saveJudgment({
    event,
    assignmentId,
    judgeId: user.id,
    version: v.version,
    scores: v.scores,
    comment: v.comment,
    privateNote: v.privateNote,
    finalize: v.intent === "finalize",
    now,
  });
  if (outcome.ok) return { status: 200, body: { ok: true, version: outcome.version, finalized: outcome.finalized, savedAt: now.toISOString() } };
  const error = outcome.code === "invalid" ? fieldErrors(outcome.errors, await criteriaScales(event.id)) : { "": [msg(`scoring.errors.${outcome.code}`)] };
  return { status: STATUS[outcome.code], body: { ok: false, code: outcome.code, error, ...("current" in outcome ? { current: outcome.current } : {}) } };
}

async function criteriaScales(eventId: string) {
  const rows = await db.criterion.findMany({ where: { eventId }, select: { id: true, scaleMin: true, scaleMax: true } });
  return new Map(rows.map((c) => [c.id, { min: c.scaleMin, max: c.scaleMax }]));
}

// The scoring save shared by the scoring page's form and its autosave endpoint: saves the form the
// route parsed and says why a refusal happened; `judgmentReply` (validation/judging.ts) turns
// that into the HTTP status and the page's messages.
import { db } from "~/services/db.server";
import type { JudgmentFormResult } from "~/validation/judging";
import type { requireJudge } from "./event-guards.server";
import { saveJudgment, type SaveOutcome } from "./judging.server";

/** A refused save says why; a save refused for its scores also carries each criterion's scale for the messages. */
export type SaveFormOutcome =
  | Exclude<SaveOutcome, { code: "invalid" }>
  | (Extract<SaveOutcome, { code: "invalid" }> & { scales: Record<string, { min: number; max: number }> })
  | { ok: false; code: "form"; error: Record<string, string[]> };

export async function saveJudgmentForm({ user, event }: Awaited<ReturnType<typeof requireJudge>>, assignmentId: string, parsed: JudgmentFormResult, now: Date): Promise<SaveFormOutcome> {
  if (!parsed.ok) return { ok: false, code: "form", error: parsed.error };
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
  return !outcome.ok && outcome.code === "invalid" ? { ...outcome, scales: await criteriaScales(event.id) } : outcome;
}

async function criteriaScales(eventId: string) {
  const rows = await db.criterion.findMany({ where: { eventId }, select: { id: true, scaleMin: true, scaleMax: true } });
  return Object.fromEntries(rows.map((c) => [c.id, { min: c.scaleMin, max: c.scaleMax }]));
}

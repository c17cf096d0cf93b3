// Rules for one judge's judgment of one submission: which scores a save may
// carry, when it may be finalized, and how an unsent draft kept on the judge's
// phone relates to what the server holds.

import { type Criterion, sortCriteria, validateScore, weightedTotal } from "./scoring";

/** A save carries the whole rubric: null means "not scored (yet)". */
export type ScoreEntries = Readonly<Record<string, number | null>>;

export type JudgmentErrorCode = "unknown_criterion" | "not_integer" | "out_of_scale" | "incomplete";

export type JudgmentError = { code: JudgmentErrorCode; criterionId: string | null };

/**
 * Problems with a save, in criterion order. A score for a criterion that is not
 * part of this round (another round's, or made up) is refused outright rather
 * than ignored: it means the judge's page is out of date with the rubric.
 * `finalize` additionally requires every criterion of the round to be scored.
 */
export function checkScores(criteria: readonly Criterion[], entries: ScoreEntries, options: { finalize: boolean }): JudgmentError[] {
  const errors: JudgmentError[] = [];
  const known = new Set(criteria.map((c) => c.id));
  for (const id of Object.keys(entries).sort()) {
    if (!known.has(id)) errors.push({ code: "unknown_criterion", criterionId: id });
  }
  for (const c of sortCriteria(criteria)) {
    const value = Object.hasOwn(entries, c.id) ? entries[c.id] : null;
    if (value === null || value === undefined) {
      if (options.finalize) errors.push({ code: "incomplete", criterionId: c.id });
      continue;
    }
    const check = validateScore(c, value);
    if (!check.ok) errors.push({ code: check.code, criterionId: c.id });
  }
  return errors;
}

/** Only the scored criteria, as stored. */
export function scoredOnly(entries: ScoreEntries): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [id, v] of Object.entries(entries)) if (v !== null && v !== undefined) out[id] = v;
  return out;
}

export type JudgmentStatus = "not_started" | "in_progress" | "complete" | "finalized";

export function judgmentStatus(criteria: readonly Criterion[], judgment: { finalizedAt: Date | string | null; scores: Readonly<Record<string, number>> } | null): JudgmentStatus {
  if (!judgment) return "not_started";
  if (judgment.finalizedAt) return "finalized";
  const scored = criteria.filter((c) => Object.hasOwn(judgment.scores, c.id)).length;
  if (scored === 0) return "not_started";
  return weightedTotal(criteria, judgment.scores) === null ? "in_progress" : "complete";
}

/** A judgment's values as the judge edits them; `version` is the server version they were based on. */
export type Draft = {
  version: number;
  scores: ScoreEntries;
  comment: string;
  privateNote: string;
};

/**
 * What to do with a draft found on the device when the page loads.
 *  - "send": it was based on what the server still holds; it was simply never
 *    acknowledged (offline, tab closed), so send it.
 *  - "conflict": the server moved on since (another device saved); the judge
 *    must choose, never a silent overwrite either way.
 *  - "discard": it says nothing the server does not already hold, or the
 *    judgment is finalized and can no longer change.
 */
export function reconcileDraft(draft: Draft, server: Draft & { finalized: boolean }): "send" | "conflict" | "discard" {
  if (server.finalized) return "discard";
  if (sameValues(draft, server)) return "discard";
  return draft.version === server.version ? "send" : "conflict";
}

export function sameValues(a: Omit<Draft, "version">, b: Omit<Draft, "version">): boolean {
  if (a.comment !== b.comment || a.privateNote !== b.privateNote) return false;
  const sa = scoredOnly(a.scores);
  const sb = scoredOnly(b.scores);
  const keys = new Set([...Object.keys(sa), ...Object.keys(sb)]);
  for (const k of keys) if (sa[k] !== sb[k]) return false;
  return true;
}

/** localStorage key of an unsent draft: one per assignment and base version. */
export function draftKey(assignmentId: string, version: number): string {
  return `kim-nilai:${assignmentId}:${version}`;
}

export function parseDraftKey(key: string): { assignmentId: string; version: number } | null {
  const m = /^kim-nilai:([^:]+):(\d+)$/.exec(key);
  return m ? { assignmentId: m[1] as string, version: Number(m[2]) } : null;
}

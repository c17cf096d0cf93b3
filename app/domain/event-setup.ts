// Pure rules for setting up an event: slugs, invites, ordered lists and how the timeline and the
// rubric read as form errors. No I/O; `now` is always passed in.
import type { TimelineError } from "./phase";
import type { CriteriaFieldError } from "./scoring";
import type { TeamRulesError } from "./team-rules";

/** Lowercase words joined by single hyphens: safe in a URL and easy to read aloud. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MIN = 3;
export const SLUG_MAX = 60;

/** A slug suggestion from an event name ("KIM Hackathon Jatim 2026" → "kim-hackathon-jatim-2026"). */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX)
    .replace(/-+$/g, "");
}

/** Invites are valid for a week: long enough for a busy official, short enough if a link leaks. */
export const INVITE_DAYS = 7;

export function inviteExpiry(now: Date, days = INVITE_DAYS): Date {
  return new Date(now.getTime() + days * 24 * 60 * 60 * 1000);
}

export type InviteState = "valid" | "expired" | "used" | "revoked";

/**
 * Revocation wins over use and expiry (the organizer's latest decision); use wins over expiry,
 * so someone who accepted in time is told "already used", not "expired". Expiry is exact:
 * at `expiresAt` the invite no longer works.
 */
export function inviteState(invite: { expiresAt: Date; acceptedAt: Date | null; revokedAt: Date | null }, now: Date): InviteState {
  if (invite.revokedAt) return "revoked";
  if (invite.acceptedAt) return "used";
  if (now.getTime() >= invite.expiresAt.getTime()) return "expired";
  return "valid";
}

/** Splits a pasted list of emails (commas, semicolons, spaces, new lines); lowercased, unique. */
export function splitEmails(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[\s,;]+/)) {
    const email = part.trim().toLowerCase();
    if (email) seen.add(email);
  }
  return [...seen];
}

/**
 * Moves `id` one place up or down in `ids`. Unknown ids and moves past either end return the
 * list unchanged, so a double tap on "up" at the top is harmless.
 */
export function moveItem(ids: readonly string[], id: string, direction: "up" | "down"): string[] {
  const out = [...ids];
  const i = out.indexOf(id);
  const j = direction === "up" ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= out.length) return out;
  [out[i], out[j]] = [out[j] as string, out[i] as string];
  return out;
}

export type FieldIssue = { path: (string | number)[]; message: string };

function pathOf(field: string): (string | number)[] {
  return field.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** validateTimeline's errors as locale keys on form paths ("rounds.1.closesAt" → ["rounds", 1, "closesAt"]). */
export function timelineIssues(errors: readonly TimelineError[]): FieldIssue[] {
  return errors.map((e) => ({ path: pathOf(e.field), message: `timeline.errors.${e.code}` }));
}

/** validateTeamRules's errors as locale keys; field names follow the form (minTeamSize, maxTeamSize, pools). */
export function teamRulesIssues(errors: readonly TeamRulesError[]): FieldIssue[] {
  const rename: Record<string, string> = { minSize: "minTeamSize", maxSize: "maxTeamSize" };
  return errors.map((e) => {
    const [head, ...rest] = pathOf(e.field);
    const first = typeof head === "string" ? (rename[head] ?? head) : (head as number);
    return { path: [first, ...rest], message: `structure.errors.team.${e.code}` };
  });
}

/** validateCriteria's errors as locale keys; list-level errors (weights total) go on "criteria". */
export function criteriaIssues(errors: readonly CriteriaFieldError[]): FieldIssue[] {
  return errors.map((e) => ({
    path: e.index === null || e.field === null || e.field === "id" ? ["criteria"] : ["criteria", e.index, e.field],
    message: `structure.errors.criteria.${e.code}`,
  }));
}

export type AwardInput = { kind: "PLACE" | "HONORABLE" | "SPECIAL" | "PEOPLES_CHOICE"; place: number | null };

/** Juara I–III are numbered places; Harapan may be numbered; special awards are not ranked. */
export function awardPlaceIssue(a: AwardInput): string | null {
  if (a.kind === "PLACE" && (a.place === null || a.place < 1)) return "structure.errors.award.placeRequired";
  if ((a.kind === "SPECIAL" || a.kind === "PEOPLES_CHOICE") && a.place !== null) return "structure.errors.award.placeNotAllowed";
  return null;
}

/**
 * The fields of `after` whose value differs from `before`, as two small records for the audit
 * log: reading "slug: a → b" beats scanning two full copies of an event.
 */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): { before: Partial<T>; after: Partial<T> } | null {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    const old = before[key];
    const value = after[key];
    const same = old instanceof Date && value instanceof Date ? old.getTime() === value.getTime() : old === value;
    if (!same) {
      b[key] = old;
      a[key] = value;
    }
  }
  return Object.keys(a).length ? { before: b, after: a } : null;
}

// Replies shared by the organizer pages, which hold several forms each: a 400 names the form
// (intent) and item it answers, so only that form shows the errors; success redirects (so a
// reload never re-posts) with a "saved" notice in the address. The intent and item id are read
// as short tokens only: whatever else arrives in those fields is neither used nor echoed.
import type { SubmissionResult } from "@conform-to/react";
import { data, redirect } from "@remix-run/node";

/** Intents and ids are short; a longer value is no intent or id of ours. */
const TOKEN_MAX = 64;

function token(value: unknown): string | null {
  return typeof value === "string" && value.length <= TOKEN_MAX ? value : null;
}

export function badRequest(intent: string, result: SubmissionResult<string[]>, id: string | null = null, status = 400) {
  return data({ intent: token(intent) ?? "", id: token(id), result }, { status });
}

/** A 400 that is not tied to a Conform submission: one message on a field (or "" for the form). */
export function fieldError(intent: string, field: string, key: string, id: string | null = null, status = 400) {
  return data({ intent: token(intent) ?? "", id: token(id), result: { status: "error" as const, error: { [token(field) ?? ""]: [key] } } }, { status });
}

export function saved(path: string, what: string, init?: ResponseInit) {
  return redirect(`${path}?tersimpan=${encodeURIComponent(what)}`, init);
}

export function intentOf(formData: FormData): string {
  return token(formData.get("intent")) ?? "";
}

/** The item a form acts on (`id`, or another id field), or null when there is none. */
export function idOf(formData: FormData, name = "id"): string | null {
  return token(formData.get(name));
}

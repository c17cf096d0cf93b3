// Replies shared by the organizer pages, which hold several forms each: a 400 names the form
// (intent) and item it answers, so only that form shows the errors; success redirects (so a
// reload never re-posts) with a "saved" notice in the address.
import type { SubmissionResult } from "@conform-to/react";
import { data, redirect } from "@remix-run/node";

export function badRequest(intent: string, result: SubmissionResult<string[]>, id: string | null = null, status = 400) {
  return data({ intent, id, result }, { status });
}

/** A 400 that is not tied to a Conform submission: one message on a field (or "" for the form). */
export function fieldError(intent: string, field: string, key: string, id: string | null = null, status = 400) {
  return data({ intent, id, result: { status: "error" as const, error: { [field]: [key] } } }, { status });
}

export function saved(path: string, what: string, init?: ResponseInit) {
  return redirect(`${path}?tersimpan=${encodeURIComponent(what)}`, init);
}

export function intentOf(formData: FormData): string {
  const v = formData.get("intent");
  return typeof v === "string" ? v : "";
}

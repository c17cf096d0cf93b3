// Rules about a project submission that need no I/O: what a submitted project must contain,
// what an organizer should chase (completeness), lateness, and which fields a revision tracks.

export const REVISION_FIELDS = ["title", "tagline", "description", "trackId", "repoUrl", "demoUrl", "videoUrl"] as const;
export type RevisionField = (typeof REVISION_FIELDS)[number];
export type SubmissionText = Record<RevisionField, string | null>;

/** Upper bounds on what a team may attach; they are stated on the form. */
export const MAX_ATTACHMENTS = 10;

export type MissingItem = "description" | "video" | "file";

/** What an organizer checks before judging: a write-up, a video and at least one file. */
export function missingItems(s: { description: string; videoUrl: string | null; attachmentCount: number }): MissingItem[] {
  const missing: MissingItem[] = [];
  if (s.description.trim() === "") missing.push("description");
  if (!s.videoUrl) missing.push("video");
  if (s.attachmentCount === 0) missing.push("file");
  return missing;
}

/**
 * The fields that stop a draft from being submitted while empty. A draft may be saved in any
 * state; the explicit "Kirim" needs the parts judges cannot work without.
 */
export function missingToSubmit(s: SubmissionText, rules: { hasTracks: boolean; requireVideo: boolean }): RevisionField[] {
  const missing: RevisionField[] = [];
  if (!s.title?.trim()) missing.push("title");
  if (!s.description?.trim()) missing.push("description");
  if (rules.hasTracks && !s.trackId) missing.push("trackId");
  if (rules.requireVideo && !s.videoUrl) missing.push("videoUrl");
  return missing;
}

/** Submitted after the public deadline: only possible for a team with an extension. */
export function isLate(submittedAt: Date | null, publicClose: Date): boolean {
  return submittedAt !== null && submittedAt.getTime() >= publicClose.getTime();
}

export function changedFields(before: SubmissionText, after: SubmissionText): RevisionField[] {
  return REVISION_FIELDS.filter((f) => (before[f] ?? "") !== (after[f] ?? ""));
}

/** Keeps a usable, harmless display name for an uploaded file, ending in the real extension. */
export function attachmentName(declared: string | null | undefined, ext: string): string {
  const base = (declared ?? "").split(/[\\/]/).pop() ?? "";
  // Control and bidi characters could disguise the extension ("cv\u202Efdp.exe").
  const clean = base.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "").trim();
  const stem = clean.replace(/\.[^.]*$/, "").slice(0, 120) || "berkas";
  return `${stem}.${ext}`;
}

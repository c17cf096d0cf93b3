// The platform's privacy notice (UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi): which
// version is in force, who must be asked again, and what an erased account leaves behind.
// The notice's text lives in the locale files under `privacy.notice`; change it together with
// PRIVACY_VERSION, so everyone who agreed to the older text is asked again.

/** Raise by one whenever the notice's meaning changes. */
export const PRIVACY_VERSION = 2;
/** The day the version in force was published (shown on the notice). */
export const PRIVACY_UPDATED = "2026-12-03";

/** Whether a user who agreed to `agreed` (null: never) must see the notice again. */
export function needsPrivacyConsent(agreed: number | null | undefined): boolean {
  return agreed == null || agreed < PRIVACY_VERSION;
}

/**
 * Paths a user who still has to agree may open: the notice itself, the page that asks, logging
 * out, the language switch and leaving altogether (download and delete).
 */
const OPEN_WITHOUT_CONSENT = [/^\/privasi\/?$/, /^\/persetujuan\/?$/, /^\/keluar\/?$/, /^\/bahasa\/?$/, /^\/akun\/hapus\/?$/, /^\/akun\/data\.zip$/];

export function openWithoutConsent(pathname: string): boolean {
  return OPEN_WITHOUT_CONSENT.some((re) => re.test(pathname));
}

/** The name a deleted account shows wherever it is still referenced. */
export const DELETED_NAME = "Akun dihapus";

/**
 * The holder's name on a certificate once the account is deleted: initials only ("Dewi Kartika"
 * → "D. K."), so a printed certificate still verifies against its code while the full name is no
 * longer held.
 */
export function certificateInitials(name: string): string {
  const initials = name
    .normalize("NFC")
    .split(/\s+/)
    .map((word) => [...word.replace(/[^\p{L}\p{N}]/gu, "")][0])
    .filter((c): c is string => Boolean(c))
    .map((c) => `${c.toLocaleUpperCase("id")}.`);
  return initials.length ? initials.join(" ") : "—";
}

/** Words accepted as the typed confirmation of an account deletion (either language). */
export const DELETE_CONFIRM_WORDS = ["HAPUS", "DELETE"] as const;

export function isDeleteConfirmation(typed: string): boolean {
  return (DELETE_CONFIRM_WORDS as readonly string[]).includes(typed.trim().toUpperCase());
}

/** The address a deleted account keeps: unique, and in a domain that can never receive mail (RFC 2606). */
export function deletedEmail(userId: string): string {
  return `dihapus-${userId}@akun-dihapus.invalid`;
}

/**
 * How long an event keeps its participants' contact data after the announcement, in days: the
 * organizer chooses within these bounds (a month for certificates and follow-up, ten years at most).
 */
export const RETENTION_DAYS = { min: 30, max: 3650, default: 365 } as const;

const DAY_MS = 86_400_000;

/** The moment an event's retention period ends: `days` whole days after the announcement. */
export function retentionEndsAt(announcementAt: Date, days: number): Date {
  return new Date(announcementAt.getTime() + days * DAY_MS);
}

/** Whether the event's contact data is due to be anonymized at `now` (the end itself is due). */
export function retentionOver(event: { announcementAt: Date; contactRetentionDays: number }, now: Date): boolean {
  return now.getTime() >= retentionEndsAt(event.announcementAt, event.contactRetentionDays).getTime();
}

/**
 * An account is dormant for an event when it has not been signed in to (or made) since the
 * event's announcement: nobody has used it since the event ended.
 */
export function dormantSince(account: { lastSignInAt: Date | null; createdAt: Date }, announcementAt: Date): boolean {
  const lastUse = Math.max(account.lastSignInAt?.getTime() ?? 0, account.createdAt.getTime());
  return lastUse < announcementAt.getTime();
}

// Building blocks shared by the demo seed and the tests, so demo data and test data are made the
// same way.
import { randomBytes } from "node:crypto";
import regions from "../app/data/jatim-regions.json" with { type: "json" };
import { PRIVACY_VERSION } from "../app/domain/privacy";
import type { Db } from "../app/services/db.server";
import { hashPassword } from "../app/services/password.server";

export const DEMO_TZ = "Asia/Jakarta";
const DAY = 24 * 60 * 60 * 1000;

export function demoPassword(): string {
  return `kim-${randomBytes(6).toString("base64url")}`;
}

export async function createUser(db: Db, input: { email: string; name: string; password: string; isAdmin?: boolean; whatsapp?: string | null; verified?: boolean }) {
  return db.user.create({
    data: {
      email: input.email.toLowerCase(),
      name: input.name,
      passwordHash: await hashPassword(input.password),
      isAdmin: input.isAdmin ?? false,
      whatsapp: input.whatsapp ?? null,
      emailVerifiedAt: input.verified === false ? null : new Date(),
      // Demo and test accounts have agreed to the notice in force, as a sign-up through the form does.
      privacyVersion: PRIVACY_VERSION,
      privacyAcceptedAt: new Date(),
    },
  });
}

export type TimelineOffsets = {
  registrationOpens: number;
  registrationCloses: number;
  screeningCloses: number;
  submissionOpens: number;
  submissionCloses: number;
  rounds: number[];
  announcement: number;
};

const WIB_OFFSET = 7 * 60 * 60 * 1000;

/** `days` from `now`, placed at a wall-clock time in WIB the way organizers set deadlines. */
function dayAt(now: Date, days: number, hour: number, minute: number): Date {
  const wibMidnight = Math.floor((now.getTime() + WIB_OFFSET) / DAY) * DAY - WIB_OFFSET;
  return new Date(wibMidnight + days * DAY + (hour * 60 + minute) * 60_000);
}

/** Offsets in days from `now` (negative = past): openings at 08.00 WIB, closings at 23.59 WIB. */
export function timelineFrom(now: Date, o: TimelineOffsets) {
  const opens = (days: number) => dayAt(now, days, 8, 0);
  const closes = (days: number) => dayAt(now, days, 23, 59);
  return {
    registrationOpensAt: opens(o.registrationOpens),
    registrationClosesAt: closes(o.registrationCloses),
    screeningClosesAt: closes(o.screeningCloses),
    submissionOpensAt: opens(o.submissionOpens),
    submissionClosesAt: closes(o.submissionCloses),
    announcementAt: dayAt(now, o.announcement, 19, 0),
    rounds: o.rounds.map(closes),
  };
}

export const DEFAULT_REGIONS: { code: string; name: string }[] = regions.regions;

export type EventSeed = {
  slug: string;
  name: string;
  summary: string;
  description: string;
  rules: string;
  timezone?: string;
  isPublic?: boolean;
  offsets: TimelineOffsets;
  roundNames: string[];
  minTeamSize: number;
  maxTeamSize: number;
  pools?: { key: string; label: string; quota: number }[];
  tracks: { name: string; description: string }[];
  criteria: { name: string; description: string; weight: number; scaleMin: number; scaleMax: number }[][];
  awards: { name: string; kind: "PLACE" | "HONORABLE" | "SPECIAL" | "PEOPLES_CHOICE"; place?: number; prize: string }[];
  faqs: { question: string; answer: string }[];
  contactEmail?: string;
  contactWhatsapp?: string;
  settings?: Partial<{
    requireProposal: boolean;
    requireVideo: boolean;
    blindJudging: boolean;
    peoplesChoice: boolean;
    galleryPublished: boolean;
    rankingMethod: string;
  }>;
};

export async function createEvent(db: Db, now: Date, seed: EventSeed) {
  const t = timelineFrom(now, seed.offsets);
  const event = await db.event.create({
    data: {
      slug: seed.slug,
      name: seed.name,
      summary: seed.summary,
      description: seed.description,
      rules: seed.rules,
      timezone: seed.timezone ?? DEMO_TZ,
      isPublic: seed.isPublic ?? true,
      contactEmail: seed.contactEmail ?? null,
      contactWhatsapp: seed.contactWhatsapp ?? null,
      registrationOpensAt: t.registrationOpensAt,
      registrationClosesAt: t.registrationClosesAt,
      screeningClosesAt: t.screeningClosesAt,
      submissionOpensAt: t.submissionOpensAt,
      submissionClosesAt: t.submissionClosesAt,
      announcementAt: t.announcementAt,
      minTeamSize: seed.minTeamSize,
      maxTeamSize: seed.maxTeamSize,
      ...seed.settings,
      regions: { create: DEFAULT_REGIONS.map((r, i) => ({ code: r.code, name: r.name, order: i })) },
      tracks: { create: seed.tracks.map((tr, i) => ({ ...tr, order: i })) },
      pools: { create: (seed.pools ?? []).map((p, i) => ({ ...p, order: i })) },
      faqs: { create: seed.faqs.map((f, i) => ({ ...f, order: i })) },
      awards: { create: seed.awards.map((a, i) => ({ name: a.name, kind: a.kind, place: a.place ?? null, prize: a.prize, order: i })) },
    },
  });
  for (const [i, name] of seed.roundNames.entries()) {
    const round = await db.round.create({
      data: { eventId: event.id, name, order: i + 1, closesAt: t.rounds[i], judgesPerSubmission: 3 },
    });
    const criteria = seed.criteria[i] ?? seed.criteria[0];
    await db.criterion.createMany({
      data: criteria.map((c, order) => ({ ...c, order, eventId: event.id, roundId: round.id })),
    });
  }
  return event;
}

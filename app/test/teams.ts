// Helpers for the team tests: events with a chosen timeline, users with sessions, route args.
import { randomBytes } from "node:crypto";
import { createEvent, createUser, type EventSeed } from "../../prisma/seed-utils";
import { db } from "~/services/db.server";
import { startSession } from "~/services/session.server";

export { args } from "./request";

export const OPEN = { registrationOpens: -5, registrationCloses: 10, screeningCloses: 12, submissionOpens: 15, submissionCloses: 20, rounds: [25], announcement: 30 };
export const CLOSED = { registrationOpens: -20, registrationCloses: -1, screeningCloses: 2, submissionOpens: 5, submissionCloses: 10, rounds: [15], announcement: 20 };

export async function makeEvent(over: Partial<EventSeed> = {}) {
  const slug = `uji-${randomBytes(4).toString("hex")}`;
  const event = await createEvent(db, new Date(), {
    slug,
    name: `Hackathon ${slug}`,
    summary: "",
    description: "",
    rules: "",
    offsets: OPEN,
    roundNames: ["Final"],
    minTeamSize: 3,
    maxTeamSize: 4,
    tracks: [{ name: "Layanan Publik", description: "" }],
    criteria: [[{ name: "Dampak", description: "", weight: 100, scaleMin: 1, scaleMax: 10 }]],
    awards: [],
    faqs: [],
    ...over,
  });
  const full = await db.event.findUniqueOrThrow({ where: { id: event.id }, include: { regions: { orderBy: { order: "asc" } }, tracks: true } });
  return { ...full, regionId: full.regions[0].id, region2Id: full.regions[1].id, trackId: full.tracks[0].id };
}

export type Person = { id: string; email: string; name: string; cookie: string };

export async function person(name = "Peserta Uji", whatsapp: string | null = null): Promise<Person> {
  const email = `p-${randomBytes(5).toString("hex")}@contoh.id`;
  const user = await createUser(db, { email, name, password: "rahasia-123", whatsapp });
  const cookie = (await startSession(user.id, new Request("http://localhost/"))).split(";")[0];
  return { id: user.id, email, name, cookie };
}

export async function organizerOf(eventId: string): Promise<Person> {
  const p = await person("Panitia Uji");
  await db.eventMember.create({ data: { eventId, userId: p.id, role: "ORGANIZER" } });
  return p;
}

export function minimalPdf() {
  return new TextEncoder().encode("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
}

export function errorsOf(body: unknown): Record<string, string[]> {
  return ((body as { error?: Record<string, string[]> }).error ?? {}) as Record<string, string[]>;
}

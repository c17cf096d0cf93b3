// Data for the events-area tests: users with sessions, events made by the seed helpers, and the
// plumbing to call a route the way Remix does.
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createEvent, createUser, type EventSeed } from "../../prisma/seed-utils";
import { db } from "~/services/db.server";
import { IMPACT_INNOVATION_RUBRIC, placeAwards } from "./event-seeds";
import { BASE, getRequest } from "./request";

export { args } from "./request";

export async function makeUser(opts: { isAdmin?: boolean; name?: string; verified?: boolean } = {}) {
  const email = `u-${randomBytes(5).toString("hex")}@contoh.id`;
  const user = await createUser(db, { email, name: opts.name ?? "Pengguna Uji", password: "rahasia-123", isAdmin: opts.isAdmin, verified: opts.verified });
  const { startSession } = await import("~/services/session.server");
  const cookie = (await startSession(user.id, getRequest("/"))).split(";")[0] as string;
  return { ...user, cookie };
}

export const DEFAULT_SEED: Omit<EventSeed, "slug" | "name"> = {
  summary: "Ringkasan",
  description: "Deskripsi **tebal**",
  rules: "1. Satu orang satu tim.",
  offsets: { registrationOpens: -3, registrationCloses: 25, screeningCloses: 32, submissionOpens: 35, submissionCloses: 45, rounds: [50, 55], announcement: 58 },
  roundNames: ["Penyisihan", "Final"],
  minTeamSize: 3,
  maxTeamSize: 7,
  tracks: [{ name: "Layanan Publik", description: "Layanan desa" }],
  criteria: IMPACT_INNOVATION_RUBRIC,
  awards: placeAwards(1, "Rp10.000.000"),
  faqs: [{ question: "Siapa yang boleh ikut?", answer: "Semua anggota KIM." }],
  contactEmail: "panitia@contoh.id",
  contactWhatsapp: "+6281234500001",
};

export async function makeEvent(overrides: Partial<EventSeed> = {}, now = new Date()) {
  const slug = overrides.slug ?? `acara-${randomBytes(4).toString("hex")}`;
  return createEvent(db, now, { ...DEFAULT_SEED, slug, name: `Acara ${slug}`, ...overrides });
}

/** An event with a signed-in organizer. */
export async function organizedEvent(overrides: Partial<EventSeed> = {}) {
  const event = await makeEvent(overrides);
  const organizer = await makeUser({ name: "Rina Panitia" });
  await db.eventMember.create({ data: { eventId: event.id, userId: organizer.id, role: "ORGANIZER" } });
  return { event, organizer };
}

/** A judge's assignment in `roundId`, with the team and submission it needs. */
export async function makeAssignment(eventId: string, roundId: string) {
  const judge = await makeUser({ name: "Juri" });
  await db.eventMember.create({ data: { eventId, userId: judge.id, role: "JUDGE" } });
  const code = randomBytes(6).toString("hex");
  const team = await db.team.create({ data: { eventId, name: `Tim ${code}`, nameKey: `tim ${code}`, inviteCode: code, inviteToken: `tok-${code}` } });
  const submission = await db.submission.create({ data: { eventId, teamId: team.id, title: "Karya", status: "SUBMITTED" } });
  return db.assignment.create({ data: { roundId, judgeId: judge.id, submissionId: submission.id } });
}

/** A multipart POST, as a browser sends a file upload. */
export function multipartRequest(path: string, form: FormData, cookie: string): Request {
  return new Request(`${BASE}${path}`, { method: "POST", headers: { Origin: BASE, Cookie: cookie }, body: form });
}

export function errorsOf(body: unknown): Record<string, string[]> {
  const b = body as { result?: { error?: Record<string, string[]> }; error?: Record<string, string[]> };
  return (b.result?.error ?? b.error ?? {}) as Record<string, string[]>;
}

export function outbox(): { file: string; text: string }[] {
  const dir = join(process.env.DATA_DIR ?? "", "outbox");
  try {
    return readdirSync(dir)
      .sort()
      .map((file) => ({ file, text: readFileSync(join(dir, file), "utf8") }));
  } catch {
    return [];
  }
}

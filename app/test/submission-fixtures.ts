// Events and teams for the submission tests, made with the same helpers as the demo seed.
import { randomBytes } from "node:crypto";
import { readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { createTeam } from "../../prisma/seed-submissions";
import { createEvent, createUser } from "../../prisma/seed-utils";
import { db } from "~/services/db.server";
import { seedTracks } from "./event-seeds";

const tag = () => randomBytes(4).toString("hex");

/** An event whose submission window is exactly [opensAt, closesAt). */
export async function makeEvent(window: { opensAt: Date; closesAt: Date }, settings: { requireVideo?: boolean; galleryPublished?: boolean; isPublic?: boolean } = {}) {
  const slug = `uji-${tag()}`;
  const event = await createEvent(db, window.opensAt, {
    slug,
    name: `Hackathon Uji ${slug}`,
    summary: "",
    description: "",
    rules: "",
    isPublic: settings.isPublic ?? true,
    offsets: { registrationOpens: -20, registrationCloses: -10, screeningCloses: -5, submissionOpens: 0, submissionCloses: 1, rounds: [400, 401], announcement: 402 },
    roundNames: ["Penyisihan", "Final"],
    minTeamSize: 1,
    maxTeamSize: 5,
    tracks: seedTracks(2),
    criteria: [[{ name: "Dampak", description: "", weight: 100, scaleMin: 1, scaleMax: 10 }]],
    awards: [],
    faqs: [],
    settings: { requireVideo: settings.requireVideo ?? false, galleryPublished: settings.galleryPublished ?? false },
  });
  const updated = await db.event.update({ where: { id: event.id }, data: { submissionOpensAt: window.opensAt, submissionClosesAt: window.closesAt } });
  const tracks = await db.track.findMany({ where: { eventId: event.id }, orderBy: { order: "asc" } });
  const regions = await db.region.findMany({ where: { eventId: event.id }, orderBy: { order: "asc" }, take: 3 });
  return { ...updated, tracks, regions };
}

export async function makeUser(name = "Peserta Uji") {
  return createUser(db, { email: `${tag()}@contoh.id`, name, password: "rahasia-123" });
}

export async function makeTeam(eventId: string, opts: { status?: "PENDING" | "ACCEPTED" | "REJECTED"; members?: number; regionId?: string; trackId?: string; name?: string } = {}) {
  const users = [];
  for (let i = 0; i < (opts.members ?? 2); i++) users.push(await makeUser(`Anggota ${i + 1}`));
  const team = await createTeam(db, { eventId, name: opts.name ?? `Tim ${tag()}`, userIds: users.map((u) => u.id), status: opts.status ?? "ACCEPTED", regionId: opts.regionId, trackId: opts.trackId });
  return { team, captain: users[0]!, member: users[1] ?? users[0]!, users };
}

export async function makeOrganizer(eventId: string) {
  const user = await makeUser("Panitia Uji");
  await db.eventMember.create({ data: { eventId, userId: user.id, role: "ORGANIZER" } });
  return user;
}

/** Every stored upload, to prove a refused write left no file behind. */
export function storedFiles(): string[] {
  const root = join(process.env.DATA_DIR ?? "", "uploads");
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? "", e.name));
}

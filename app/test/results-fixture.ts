// A judged event for the results tests: organizer, six judges, eight accepted teams with
// submitted projects, both rounds judged and finalized.
import { randomBytes } from "node:crypto";
import { createEvent, createUser } from "../../prisma/seed-utils";
import { judgeEvent } from "../../prisma/seed-results";
import { db } from "~/services/db.server";
import { IMPACT_INNOVATION_RUBRIC, JUDGING_UNDER_WAY, placeAwards, seedTracks } from "./event-seeds";

export { cookieFor } from "./judging-fixture";

export async function judgedEvent(opts: { peoplesChoice?: boolean; votingOpensAt?: Date; votingClosesAt?: Date } = {}) {
  const now = new Date();
  const tag = randomBytes(4).toString("hex");
  const mk = (name: string, verified = true) => createUser(db, { email: `${name}-${tag}-${randomBytes(3).toString("hex")}@contoh.id`, name, password: "rahasia-123", verified });
  const organizer = await mk("Rina Panitia");
  const event = await createEvent(db, now, {
    slug: `hasil-${tag}`,
    name: `KIM Hackathon Uji ${tag}`,
    summary: "Uji",
    description: "Uji",
    rules: "Uji",
    ...JUDGING_UNDER_WAY,
    tracks: seedTracks(2),
    criteria: IMPACT_INNOVATION_RUBRIC,
    awards: [...placeAwards(3), { name: "Inovasi Terbaik", kind: "SPECIAL", prize: "" }],
    faqs: [],
    settings: { peoplesChoice: opts.peoplesChoice ?? false },
  });
  if (opts.votingOpensAt) await db.event.update({ where: { id: event.id }, data: { votingOpensAt: opts.votingOpensAt, votingClosesAt: opts.votingClosesAt ?? null } });
  await db.eventMember.create({ data: { eventId: event.id, userId: organizer.id, role: "ORGANIZER" } });
  const judges = [];
  for (let i = 0; i < 6; i++) {
    const j = await mk(`Juri ${i + 1}`);
    judges.push(j);
    await db.eventMember.create({ data: { eventId: event.id, userId: j.id, role: "JUDGE" } });
  }
  await judgeEvent(db, event.id, now, { teams: 8, finalists: 5, seed: 7 });
  const teams = await db.team.findMany({ where: { eventId: event.id }, include: { members: { include: { user: true } }, submission: true }, orderBy: { name: "asc" } });
  const rounds = await db.round.findMany({ where: { eventId: event.id }, orderBy: { order: "asc" } });
  return { event, organizer, judges, teams, rounds, mk };
}

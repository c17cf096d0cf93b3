// A judging-phase event for tests: round 1 open now, judges, accepted teams with submitted
// projects (plus a draft and a pending team that must stay out), made with the seed helpers.
import { randomBytes } from "node:crypto";
import { createDemoSubmission, createDemoTeam } from "../../prisma/seed-judging";
import { createEvent, createUser } from "../../prisma/seed-utils";
import { db } from "~/services/db.server";
import { startSession } from "~/services/session.server";
import { BASE } from "./request";

export const PASSWORD = "rahasia-123";

export async function cookieFor(userId: string): Promise<string> {
  return (await startSession(userId, new Request(BASE))).split(";")[0];
}

let counter = 0;
async function user(name: string) {
  counter++;
  return createUser(db, { email: `${name.toLowerCase().replace(/\s+/g, ".")}.${counter}.${randomBytes(3).toString("hex")}@contoh.id`, name, password: PASSWORD });
}

export type FixtureOptions = {
  judges?: number;
  teams?: number;
  /** Days from now to round 1's close (negative = already closed). */
  round1ClosesIn?: number;
  blind?: boolean;
  scaleMax?: number;
};

export async function judgingEvent(options: FixtureOptions = {}) {
  const now = new Date();
  const slug = `uji-${randomBytes(4).toString("hex")}`;
  const r1 = options.round1ClosesIn ?? 3;
  const event = await createEvent(db, now, {
    slug,
    name: `Hackathon Uji ${slug}`,
    summary: "",
    description: "",
    rules: "",
    offsets: { registrationOpens: -30, registrationCloses: -20, screeningCloses: -15, submissionOpens: -14, submissionCloses: Math.min(-1, r1 - 2), rounds: [r1, r1 + 3], announcement: r1 + 5 },
    roundNames: ["Penyisihan", "Final"],
    minTeamSize: 1,
    maxTeamSize: 5,
    tracks: [{ name: "Umum", description: "" }],
    criteria: [
      [
        { name: "Dampak", description: "Manfaat bagi warga.", weight: 60, scaleMin: 1, scaleMax: options.scaleMax ?? 10 },
        { name: "Inovasi", description: "Kebaruan ide.", weight: 40, scaleMin: 1, scaleMax: options.scaleMax ?? 10 },
      ],
      [{ name: "Kualitas", description: "Produk.", weight: 100, scaleMin: 1, scaleMax: 5 }],
    ],
    awards: [],
    faqs: [],
    settings: { blindJudging: options.blind ?? false },
  });
  const rounds = await db.round.findMany({ where: { eventId: event.id }, orderBy: { order: "asc" }, include: { criteria: { orderBy: { order: "asc" } } } });
  const regions = await db.region.findMany({ where: { eventId: event.id }, orderBy: { order: "asc" } });
  const organizer = await user("Panitia Uji");
  await db.eventMember.create({ data: { eventId: event.id, userId: organizer.id, role: "ORGANIZER" } });
  const judges = [];
  for (let i = 0; i < (options.judges ?? 4); i++) {
    const j = await user(`Juri ${i + 1}`);
    await db.eventMember.create({ data: { eventId: event.id, userId: j.id, role: "JUDGE" } });
    judges.push(j);
  }
  const teams = [];
  const submissions = [];
  const participants = [];
  for (let i = 0; i < (options.teams ?? 6); i++) {
    const member = await user(`Peserta ${i + 1}`);
    participants.push(member);
    const team = await createDemoTeam(db, event.id, { name: `Tim ${i + 1}`, kimName: `KIM Uji ${i + 1}`, institution: `Kampus ${i + 1}`, regionId: regions[i].id, memberIds: [member.id] });
    teams.push(team);
    submissions.push(await createDemoSubmission(db, event, team.id, null, { title: `Karya ${i + 1}`, tagline: `Tagline ${i + 1}`, description: `Deskripsi **karya ${i + 1}**` }));
  }
  // Must never enter round 1: a draft of an accepted team and a submitted project of a pending team.
  const draftOwner = await user("Peserta Draf");
  const draftTeam = await createDemoTeam(db, event.id, { name: "Tim Draf", memberIds: [draftOwner.id] });
  const draft = await createDemoSubmission(db, event, draftTeam.id, null, { title: "Draf", tagline: "", description: "" }, "DRAFT");
  const pendingOwner = await user("Peserta Tertunda");
  const pendingTeam = await createDemoTeam(db, event.id, { name: "Tim Tertunda", memberIds: [pendingOwner.id], status: "PENDING" });
  const pending = await createDemoSubmission(db, event, pendingTeam.id, null, { title: "Tertunda", tagline: "", description: "" });
  return { event, rounds, regions, organizer, judges, teams, submissions, participants, excluded: [draft, pending] };
}

/** Assigns a judge to a submission in round 1 directly (entries included). */
export async function assign(roundId: string, judgeId: string, submissionId: string) {
  await db.roundEntry.upsert({ where: { roundId_submissionId: { roundId, submissionId } }, create: { roundId, submissionId }, update: {} });
  return db.assignment.create({ data: { roundId, judgeId, submissionId } });
}

// A judged event of any size, written with a few bulk inserts (no password hashing, no per-row
// queries) so results at scale can be tested and measured: `teams` accepted teams with submitted
// projects entered in one round, `judges` judges, `perSubmission` finalized judgments per project.
import { randomBytes } from "node:crypto";
import { createEvent } from "../../prisma/seed-utils";
import { mulberry32 } from "~/domain/prng";
import { PRIVACY_VERSION } from "~/domain/privacy";
import type { Db } from "~/services/db.server";
import { placeAwards, seedTracks } from "./event-seeds";

const id = (prefix: string) => `${prefix}${randomBytes(10).toString("hex")}`;

async function chunked<T>(rows: T[], insert: (part: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
}

export async function largeJudgedEvent(db: Db, opts: { teams: number; judges: number; perSubmission: number; organizerId?: string; seed?: number }) {
  const now = new Date();
  const tag = randomBytes(4).toString("hex");
  const event = await createEvent(db, now, {
    slug: `besar-${tag}`,
    name: `KIM Hackathon Besar ${tag}`,
    summary: "Uji skala",
    description: "Uji skala",
    rules: "Uji skala",
    offsets: { registrationOpens: -60, registrationCloses: -40, screeningCloses: -33, submissionOpens: -30, submissionCloses: -5, rounds: [3], announcement: 5 },
    roundNames: ["Penyisihan"],
    minTeamSize: 1,
    maxTeamSize: 5,
    tracks: seedTracks(3),
    criteria: [
      [
        { name: "Dampak", description: "", weight: 40, scaleMin: 1, scaleMax: 10 },
        { name: "Inovasi", description: "", weight: 30, scaleMin: 1, scaleMax: 10 },
        { name: "Teknis", description: "", weight: 30, scaleMin: 1, scaleMax: 10 },
      ],
    ],
    awards: placeAwards(3),
    faqs: [],
  });
  if (opts.organizerId) await db.eventMember.create({ data: { eventId: event.id, userId: opts.organizerId, role: "ORGANIZER" } });
  const [round, tracks, regions, criteria] = await Promise.all([
    db.round.findFirstOrThrow({ where: { eventId: event.id } }),
    db.track.findMany({ where: { eventId: event.id }, orderBy: { order: "asc" } }),
    db.region.findMany({ where: { eventId: event.id }, orderBy: { order: "asc" } }),
    db.criterion.findMany({ where: { eventId: event.id }, orderBy: { order: "asc" } }),
  ]);
  const rand = mulberry32(opts.seed ?? 11);

  const judges = Array.from({ length: opts.judges }, (_, i) => ({
    id: id("u"),
    email: `juri-${tag}-${i}@contoh.id`,
    name: `Juri ${i + 1}`,
    passwordHash: "x",
    emailVerifiedAt: now,
    privacyVersion: PRIVACY_VERSION,
    privacyAcceptedAt: now,
  }));
  await chunked(judges, (part) => db.user.createMany({ data: part }));
  await chunked(judges, (part) => db.eventMember.createMany({ data: part.map((j) => ({ eventId: event.id, userId: j.id, role: "JUDGE" as const })) }));

  const teams = Array.from({ length: opts.teams }, (_, i) => ({
    id: id("t"),
    eventId: event.id,
    name: `Tim ${i + 1} ${tag}`,
    nameKey: `tim ${i + 1} ${tag}`,
    kimName: `KIM ${i + 1}`,
    regionId: regions[i % regions.length]?.id ?? null,
    trackId: tracks[i % tracks.length]?.id ?? null,
    inviteCode: id("").slice(0, 12).toUpperCase(),
    inviteToken: id("i"),
    status: "ACCEPTED" as const,
  }));
  await chunked(teams, (part) => db.team.createMany({ data: part }));
  const submissions = teams.map((t, i) => ({
    id: id("s"),
    eventId: event.id,
    teamId: t.id,
    trackId: t.trackId,
    title: `Karya ${i + 1} ${tag}`,
    tagline: "Layanan warga",
    status: "SUBMITTED" as const,
    submittedAt: new Date(now.getTime() - 86_400_000 + i * 1000),
    firstSubmittedAt: new Date(now.getTime() - 86_400_000 + i * 1000),
    version: 1,
  }));
  await chunked(submissions, (part) => db.submission.createMany({ data: part }));
  await chunked(submissions, (part) => db.roundEntry.createMany({ data: part.map((s) => ({ roundId: round.id, submissionId: s.id })) }));

  const assignments = submissions.flatMap((s, i) =>
    Array.from({ length: opts.perSubmission }, (_, k) => ({ id: id("a"), roundId: round.id, judgeId: judges[(i + k) % judges.length]?.id as string, submissionId: s.id })),
  );
  await chunked(assignments, (part) => db.assignment.createMany({ data: part }));
  const judgments = assignments.map((a) => ({ id: id("j"), assignmentId: a.id, version: 1, finalizedAt: now, comment: "Baik" }));
  await chunked(judgments, (part) => db.judgment.createMany({ data: part }));
  const scores = judgments.flatMap((j) => criteria.map((c) => ({ id: id("c"), judgmentId: j.id, criterionId: c.id, value: 1 + Math.floor(rand() * 10) })));
  await chunked(scores, (part) => db.score.createMany({ data: part }));
  return { event, round, teams, submissions, judges, tracks, regions };
}

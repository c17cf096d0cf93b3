// The large event the benchmark measures, written into a fresh database: a national-size edition
// in its judging phase (every submission scored by k judges), a finished edition of the same size
// published through the organizer's own publication function, and an edition whose submission
// deadline is about to pass (for the deadline burst). Events, rounds and criteria come from the
// seed helpers and judges are assigned by the real algorithm; the bulk rows are inserted with
// createMany so generation stays a small part of the run.
import { randomBytes, randomUUID } from "node:crypto";
import { assignJudges } from "../../app/domain/assignment";
import { mulberry32 } from "../../app/domain/prng";
import { PRIVACY_VERSION } from "../../app/domain/privacy";
import type { PublicationAwardKind } from "../../app/domain/publication";
import { suggestRecipients } from "../../app/domain/publication";
import type { Db } from "../../app/services/db.server";
import { hashPassword } from "../../app/services/password.server";
import { createEvent, type EventSeed, type TimelineOffsets } from "../../prisma/seed-utils";

export type Size = { teams: number; judges: number; k: number; burstTeams: number };

export type Generated = {
  live: { slug: string; eventId: string; roundId: string };
  published: { slug: string };
  burst: { slug: string; eventId: string; teams: { teamId: string; captainId: string }[]; trackId: string };
  participantId: string;
  organizerId: string;
  judgeIds: string[];
  /** One unfinalized, fully scored assignment per judge: the score-save benchmark writes to these. */
  openAssignments: { judgeId: string; assignmentId: string }[];
};

const CRITERIA = [
  { name: "Dampak bagi masyarakat", description: "Manfaat nyata bagi warga desa dan kota.", weight: 40, scaleMin: 1, scaleMax: 10 },
  { name: "Inovasi", description: "Kebaruan ide dibanding layanan yang sudah ada.", weight: 30, scaleMin: 1, scaleMax: 10 },
  { name: "Kelayakan teknis", description: "Prototipe berjalan dan dapat dikembangkan KIM.", weight: 30, scaleMin: 1, scaleMax: 10 },
];

const TRACKS = [
  { name: "Layanan Publik Desa", description: "Aplikasi layanan desa/kelurahan." },
  { name: "Literasi Digital & Anti-Hoaks", description: "Alat bantu KIM melawan hoaks." },
  { name: "Ekonomi Warga & UMKM", description: "Pemasaran produk desa." },
  { name: "Kebencanaan", description: "Informasi dan peringatan dini." },
];

const DESCRIPTION =
  "## Masalah\nWarga sulit mendapat informasi layanan desa tepat waktu.\n\n## Solusi\nKanal informasi yang dikelola KIM: pengumuman, aduan, dan jadwal layanan dalam satu tautan yang ringan di ponsel.\n\n## Dampak\nDiuji bersama perangkat desa dan kader KIM setempat.";

function seedFor(slug: string, name: string, offsets: TimelineOffsets): EventSeed {
  return {
    slug,
    name,
    summary: "Hackathon tingkat nasional untuk Kelompok Informasi Masyarakat.",
    description: "## Tentang\nTim KIM dan mahasiswa membangun layanan informasi publik untuk desa dan kota.",
    rules: "1. Satu orang satu tim.\n2. Karya dikumpulkan sebelum tenggat.",
    offsets,
    roundNames: ["Penyisihan"],
    minTeamSize: 1,
    maxTeamSize: 5,
    tracks: TRACKS,
    criteria: [CRITERIA],
    awards: [
      { name: "Juara I", kind: "PLACE", place: 1, prize: "Rp25.000.000" },
      { name: "Juara II", kind: "PLACE", place: 2, prize: "Rp15.000.000" },
      { name: "Juara III", kind: "PLACE", place: 3, prize: "Rp10.000.000" },
    ],
    faqs: [{ question: "Siapa yang boleh ikut?", answer: "Anggota KIM dan mahasiswa." }],
    settings: { galleryPublished: true, rankingMethod: "zscore" },
  };
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** One transaction per table: on SQLite a commit per statement would cost a sync each. */
async function insertChunks<T>(db: Db, rows: T[], write: (tx: Tx, chunk: T[]) => Promise<unknown>, size = 1000) {
  await db.$transaction(
    async (tx) => {
      for (let i = 0; i < rows.length; i += size) await write(tx, rows.slice(i, i + size));
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
}

const code = () => randomBytes(6).toString("hex").toUpperCase();

/** Users with one shared password hash: hashing thousands of passwords would dominate generation. */
async function createUsers(db: Db, prefix: string, count: number, passwordHash: string) {
  const rows = Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    email: `${prefix}${i + 1}@bench.kim-hackathon.id`,
    name: `${prefix === "juri" ? "Juri" : "Peserta"} ${i + 1}`,
    passwordHash,
    emailVerifiedAt: new Date(),
    privacyVersion: PRIVACY_VERSION,
    privacyAcceptedAt: new Date(),
  }));
  await insertChunks(db, rows, (tx, data) => tx.user.createMany({ data }));
  return rows.map((r) => r.id);
}

type TeamRows = { teamId: string; submissionId: string; captainId: string }[];

async function createTeams(db: Db, event: { id: string; submissionClosesAt: Date }, memberIds: string[][], opts: { submitted: boolean }): Promise<{ teams: TeamRows; trackIds: string[] }> {
  const tracks = await db.track.findMany({ where: { eventId: event.id }, orderBy: { order: "asc" } });
  const regions = await db.region.findMany({ where: { eventId: event.id }, orderBy: { order: "asc" } });
  const teams = memberIds.map((members, i) => {
    const region = regions[i % regions.length];
    return {
      id: randomUUID(),
      eventId: event.id,
      name: `Tim KIM ${i + 1}`,
      nameKey: `tim kim ${i + 1}`,
      kimName: `KIM ${region.name} ${i % 7}`,
      institution: `Universitas ${i % 50}`,
      regionId: region.id,
      trackId: tracks[i % tracks.length].id,
      inviteCode: `B${code()}`,
      inviteToken: randomBytes(18).toString("base64url"),
      status: "ACCEPTED" as const,
      reviewedAt: new Date(event.submissionClosesAt.getTime() - 20 * 86_400_000),
      members,
    };
  });
  await insertChunks(
    db,
    teams.map(({ members: _m, ...t }) => t),
    (tx, data) => tx.team.createMany({ data }),
  );
  const memberships = teams.flatMap((t) => t.members.map((userId, k) => ({ teamId: t.id, eventId: event.id, userId, role: k === 0 ? ("CAPTAIN" as const) : ("MEMBER" as const) })));
  await insertChunks(db, memberships, (tx, data) => tx.teamMember.createMany({ data }));
  const out: TeamRows = teams.map((t) => ({ teamId: t.id, submissionId: randomUUID(), captainId: t.members[0] }));
  if (opts.submitted) {
    const at = (i: number) => new Date(event.submissionClosesAt.getTime() - 86_400_000 + i * 1000);
    const submissions = out.map((t, i) => ({
      id: t.submissionId,
      eventId: event.id,
      teamId: t.teamId,
      trackId: teams[i].trackId,
      title: `Layanan Warga ${i + 1}`,
      tagline: "Informasi desa dalam satu tautan",
      description: DESCRIPTION,
      repoUrl: "https://github.com/kim-hackathon/contoh",
      status: "SUBMITTED" as const,
      firstSubmittedAt: at(i),
      submittedAt: at(i),
      version: 1,
    }));
    await insertChunks(db, submissions, (tx, data) => tx.submission.createMany({ data }));
    const revisions = submissions.map((s, i) => ({
      submissionId: s.id,
      number: 1,
      title: s.title,
      tagline: s.tagline,
      description: s.description,
      trackId: s.trackId,
      repoUrl: s.repoUrl,
      authorId: out[i].captainId,
      createdAt: s.submittedAt,
    }));
    await insertChunks(db, revisions, (tx, data) => tx.submissionRevision.createMany({ data }));
  }
  return { teams: out, trackIds: tracks.map((t) => t.id) };
}

/** Assigns k judges per submission with the real algorithm and scores every assignment. */
async function judge(db: Db, eventId: string, teams: TeamRows, judgeIds: string[], k: number, now: Date, seed: number, openPerJudge: number) {
  const round = await db.round.findFirstOrThrow({ where: { eventId, order: 1 }, include: { criteria: { orderBy: { order: "asc" } } } });
  await db.round.update({ where: { id: round.id }, data: { judgesPerSubmission: k } });
  await insertChunks(
    db,
    teams.map((t) => ({ roundId: round.id, submissionId: t.submissionId })),
    (tx, data) => tx.roundEntry.createMany({ data }),
  );
  const result = assignJudges({ submissions: teams.map((t) => ({ id: t.submissionId, teamId: t.teamId })), judges: judgeIds.map((id) => ({ id })), k, seed });
  const assignments = result.assignments.map((p) => ({ id: randomUUID(), roundId: round.id, judgeId: p.judgeId, submissionId: p.submissionId }));
  await insertChunks(db, assignments, (tx, data) => tx.assignment.createMany({ data }));

  const rand = mulberry32(seed);
  const quality = new Map(teams.map((t) => [t.submissionId, 4 + rand() * 5]));
  const bias = new Map(judgeIds.map((id) => [id, (rand() - 0.5) * 2]));
  const open = new Map<string, string>();
  const openCount = new Map<string, number>();
  const judgments = assignments.map((a, n) => {
    const left = (openCount.get(a.judgeId) ?? 0) < openPerJudge;
    if (left) {
      openCount.set(a.judgeId, (openCount.get(a.judgeId) ?? 0) + 1);
      if (!open.has(a.judgeId)) open.set(a.judgeId, a.id);
    }
    return {
      id: randomUUID(),
      assignmentId: a.id,
      comment: "Masalah yang diangkat jelas dan dekat dengan warga. Perjelas rencana pengelolaan setelah acara.",
      privateNote: "",
      version: left ? 1 : 2,
      finalizedAt: left ? null : new Date(now.getTime() - 3_600_000 + n),
      base: (quality.get(a.submissionId) ?? 6) + (bias.get(a.judgeId) ?? 0),
    };
  });
  await insertChunks(
    db,
    judgments.map(({ base: _b, ...j }) => j),
    (tx, data) => tx.judgment.createMany({ data }),
  );
  const scores = judgments.flatMap((j) =>
    round.criteria.map((c) => ({ judgmentId: j.id, criterionId: c.id, value: Math.max(c.scaleMin, Math.min(c.scaleMax, Math.round(j.base + (rand() - 0.5) * 3))) })),
  );
  await insertChunks(db, scores, (tx, data) => tx.score.createMany({ data }));
  return { roundId: round.id, open: [...open].map(([judgeId, assignmentId]) => ({ judgeId, assignmentId })) };
}

export async function generate(db: Db, size: Size, now: Date, progress: (step: string) => void = () => {}): Promise<Generated> {
  const passwordHash = await hashPassword(randomBytes(12).toString("base64url"));
  const [organizerId] = await createUsers(db, "panitia", 1, passwordHash);
  const judgeIds = await createUsers(db, "juri", size.judges, passwordHash);
  // Two members per team; the same people take part in the live and the published edition.
  const people = await createUsers(db, "peserta", size.teams * 2, passwordHash);
  const pairs = Array.from({ length: size.teams }, (_, i) => [people[2 * i], people[2 * i + 1]]);
  const staff = (eventId: string) => [{ eventId, userId: organizerId, role: "ORGANIZER" as const }, ...judgeIds.map((userId) => ({ eventId, userId, role: "JUDGE" as const }))];

  progress("users");
  const live = await createEvent(
    db,
    now,
    seedFor("bench-nasional-2026", "KIM Hackathon Nasional 2026", {
      registrationOpens: -40,
      registrationCloses: -30,
      screeningCloses: -25,
      submissionOpens: -20,
      submissionCloses: -3,
      rounds: [7],
      announcement: 10,
    }),
  );
  await db.eventMember.createMany({ data: staff(live.id) });
  const liveTeams = await createTeams(db, live, pairs, { submitted: true });
  const judged = await judge(db, live.id, liveTeams.teams, judgeIds, size.k, now, 2026, 1);

  progress("live edition");
  const past = await createEvent(
    db,
    now,
    seedFor("bench-nasional-2025", "KIM Hackathon Nasional 2025", {
      registrationOpens: -400,
      registrationCloses: -380,
      screeningCloses: -373,
      submissionOpens: -370,
      submissionCloses: -350,
      rounds: [-345],
      announcement: -338,
    }),
  );
  await db.eventMember.createMany({ data: staff(past.id) });
  const pastTeams = await createTeams(db, past, pairs, { submitted: true });
  const pastJudged = await judge(db, past.id, pastTeams.teams, judgeIds, size.k, past.announcementAt, 2025, 0);
  progress("published edition, judged");
  await publish(db, past.id, pastJudged.roundId, organizerId);
  progress("published edition, published");

  const burstEvent = await createEvent(
    db,
    now,
    seedFor("bench-tenggat-2026", "KIM Hackathon Tenggat 2026", {
      registrationOpens: -30,
      registrationCloses: -20,
      screeningCloses: -15,
      submissionOpens: -10,
      submissionCloses: 1,
      rounds: [8],
      announcement: 12,
    }),
  );
  await db.eventMember.createMany({ data: staff(burstEvent.id) });
  const captains = await createUsers(db, "kapten", size.burstTeams, passwordHash);
  const burstTeams = await createTeams(
    db,
    burstEvent,
    captains.map((id) => [id]),
    { submitted: false },
  );
  progress("deadline edition");

  return {
    live: { slug: live.slug, eventId: live.id, roundId: judged.roundId },
    published: { slug: past.slug },
    burst: { slug: burstEvent.slug, eventId: burstEvent.id, teams: burstTeams.teams.map((t) => ({ teamId: t.teamId, captainId: t.captainId })), trackId: burstTeams.trackIds[0] },
    participantId: people[0],
    organizerId,
    judgeIds,
    openAssignments: judged.open,
  };
}

/** Published as the organizer does it: the event's method and the suggested winners. */
async function publish(db: Db, eventId: string, roundId: string, organizerId: string) {
  const { loadRoundResults } = await import("../../app/models/results.server");
  const { listAwards, publishResults } = await import("../../app/models/publication.server");
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId } });
  const results = await loadRoundResults(event, { roundId });
  const awards = await listAwards(eventId);
  const recipients = suggestRecipients(
    awards.map((a) => ({ id: a.id, kind: a.kind as PublicationAwardKind, place: a.place })),
    results.rows,
    null,
  );
  const published = await publishResults({ eventId, actorId: organizerId, roundId, method: "zscore", recipients, override: false, overrideReason: "", now: event.announcementAt });
  if (!published.ok) throw new Error(`the published edition could not be published: ${published.code}`);
}

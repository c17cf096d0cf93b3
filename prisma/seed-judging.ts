// Demo judging: round 1 (Penyisihan) of the 2026 event fully judged by juri1..6 — assignments by
// the real algorithm (k = 3), finalized judgments with plausible, varied scores (one harsh judge,
// one lenient), comments and audit rows — plus judge affiliations and a declared conflict so
// detected conflicts exist. The top five then advance to the Final, which is open for scoring now.
// Works standalone: when no other seed has made submitted projects, it makes a handful itself.
import { assignJudges } from "../app/domain/assignment";
import { sortCriteria, weightedTotal } from "../app/domain/scoring";
import { rankByMean, topN } from "../app/domain/advance";
import { mulberry32 } from "../app/domain/prng";
import { conflictContext, lookupFor, refreshDetectedConflicts } from "../app/models/conflict.server";
import type { Db } from "../app/services/db.server";

const DAY = 24 * 60 * 60 * 1000;

type TeamSeed = { name: string; kimName: string; regionName: string; institution: string; title: string; tagline: string; description: string };

const DEMO_TEAMS: TeamSeed[] = [
  {
    name: "Tim Lontar Digital",
    kimName: "KIM Lontar Jaya",
    regionName: "Kabupaten Sumenep",
    institution: "Universitas Trunojoyo Madura",
    title: "Lapor Desa",
    tagline: "Aduan warga ke perangkat desa lewat WhatsApp",
    description: "## Masalah\nWarga sulit melapor jalan rusak dan lampu mati.\n\n## Solusi\nBot WhatsApp yang meneruskan laporan ke perangkat desa dan menampilkan statusnya di peta.",
  },
  {
    name: "Tim Cek Fakta Arek",
    kimName: "KIM Suroboyo Rek",
    regionName: "Kota Surabaya",
    institution: "Institut Teknologi Sepuluh Nopember",
    title: "CekDulu",
    tagline: "Memeriksa kabar viral sebelum dibagikan",
    description: "Aplikasi untuk KIM memeriksa pesan berantai: **cari kemiripan** dengan klarifikasi resmi dan buat kartu klarifikasi siap bagi.",
  },
  {
    name: "Tim Pasar Tani",
    kimName: "KIM Tani Makmur",
    regionName: "Kabupaten Malang",
    institution: "Universitas Brawijaya",
    title: "Harga Panen",
    tagline: "Harga komoditas harian dari pasar-pasar desa",
    description: "Petani dan KIM memasukkan harga harian; warga melihat tren harga cabai, bawang, dan beras per kecamatan.",
  },
  {
    name: "Tim Kampung Wisata",
    kimName: "KIM Ijen Lestari",
    regionName: "Kabupaten Banyuwangi",
    institution: "Politeknik Negeri Banyuwangi",
    title: "Jelajah Desa",
    tagline: "Katalog wisata dan UMKM desa dalam satu tautan",
    description: "Halaman desa wisata yang dikelola KIM: paket wisata, pemandu lokal, dan produk UMKM dengan pemesanan lewat WhatsApp.",
  },
  {
    name: "Tim Posyandu Pintar",
    kimName: "KIM Sehat Bersama",
    regionName: "Kabupaten Jember",
    institution: "Universitas Jember",
    title: "Jadwal Posyandu",
    tagline: "Pengingat imunisasi dan jadwal posyandu",
    description: "Kader posyandu mengirim pengingat jadwal dan imunisasi; orang tua menerima catatan tumbuh kembang anak.",
  },
];

const COMMENTS = [
  "Masalah yang diangkat sangat relevan bagi warga. Perjelas rencana pengelolaan setelah hackathon.",
  "Prototipe berjalan baik di ponsel. Tambahkan data uji dari desa mitra agar dampaknya terukur.",
  "Ide menarik, namun presentasi video kurang menunjukkan alur pengguna dari awal sampai akhir.",
  "Solusi sederhana dan mudah dipakai KIM. Pertimbangkan dukungan bahasa daerah.",
  "Perlu kejelasan sumber data dan siapa yang memperbarui informasi secara rutin.",
  "Kerja tim terlihat solid. Keamanan data pribadi warga perlu dijelaskan lebih rinci.",
];

async function findOrCreateSubmissions(db: Db, event: { id: string; submissionClosesAt: Date }) {
  const existing = await db.submission.findMany({ where: { eventId: event.id, status: "SUBMITTED", team: { status: "ACCEPTED" } }, select: { id: true } });
  if (existing.length > 0) return;
  const regions = await db.region.findMany({ where: { eventId: event.id } });
  const tracks = await db.track.findMany({ where: { eventId: event.id }, orderBy: { order: "asc" } });
  const taken = new Set((await db.teamMember.findMany({ where: { eventId: event.id }, select: { userId: true } })).map((m) => m.userId));
  const free = (await db.user.findMany({ where: { email: { startsWith: "peserta" } }, orderBy: { email: "asc" } }))
    .filter((u) => !taken.has(u.id))
    .sort((a, b) => Number(a.email.match(/\d+/)?.[0] ?? 0) - Number(b.email.match(/\d+/)?.[0] ?? 0));
  // Accepted teams without a submission (the teams seed ran, the submissions seed did not) get one.
  const bare = await db.team.findMany({ where: { eventId: event.id, status: "ACCEPTED", submission: null } });
  let i = 0;
  for (const team of bare) {
    const s = DEMO_TEAMS[i++ % DEMO_TEAMS.length];
    await createDemoSubmission(db, event, team.id, tracks[i % Math.max(1, tracks.length)]?.id ?? null, s);
  }
  if (bare.length > 0) return;
  for (const [t, s] of DEMO_TEAMS.entries()) {
    const members = free.slice(t * 3, t * 3 + 3);
    if (members.length === 0) break;
    const region = regions.find((r) => r.name === s.regionName) ?? null;
    const team = await createDemoTeam(db, event.id, {
      ...s,
      regionId: region?.id ?? null,
      trackId: tracks[t % Math.max(1, tracks.length)]?.id ?? null,
      memberIds: members.map((m) => m.id),
      reviewedAt: new Date(event.submissionClosesAt.getTime() - 20 * DAY),
    });
    await createDemoSubmission(db, event, team.id, team.trackId, s);
  }
}

/** An accepted team with its members (first one captain). Shared with the judging tests. */
export async function createDemoTeam(
  db: Db,
  eventId: string,
  t: { name: string; kimName?: string; institution?: string; regionId?: string | null; trackId?: string | null; memberIds: string[]; status?: "ACCEPTED" | "PENDING" | "REJECTED"; reviewedAt?: Date },
) {
  const key = t.name.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
  const code = Math.random().toString(36).slice(2, 10).toUpperCase();
  return db.team.create({
    data: {
      eventId,
      name: t.name,
      nameKey: key,
      kimName: t.kimName ?? "",
      institution: t.institution ?? "",
      regionId: t.regionId ?? null,
      trackId: t.trackId ?? null,
      inviteCode: `J${code}`,
      inviteToken: `judging-${code}-${Math.random().toString(36).slice(2)}`,
      status: t.status ?? "ACCEPTED",
      reviewedAt: t.reviewedAt ?? null,
      members: { create: t.memberIds.map((userId, i) => ({ eventId, userId, role: i === 0 ? "CAPTAIN" : "MEMBER" })) },
    },
  });
}

export async function createDemoSubmission(
  db: Db,
  event: { id: string; submissionClosesAt: Date },
  teamId: string,
  trackId: string | null,
  s: { title: string; tagline: string; description: string },
  status: "SUBMITTED" | "DRAFT" = "SUBMITTED",
) {
  const at = new Date(event.submissionClosesAt.getTime() - 2 * DAY);
  return db.submission.create({
    data: {
      eventId: event.id,
      teamId,
      trackId,
      title: s.title,
      tagline: s.tagline,
      description: s.description,
      repoUrl: "https://github.com/kim-hackathon/contoh",
      videoUrl: "https://youtu.be/dQw4w9WgXcQ",
      status,
      firstSubmittedAt: status === "SUBMITTED" ? at : null,
      submittedAt: status === "SUBMITTED" ? at : null,
      version: 1,
    },
  });
}

export async function seedJudging(db: Db, now: Date, slug = "kim-hackathon-jatim-2026") {
  const event = await db.event.findUnique({ where: { slug }, include: { rounds: { orderBy: { order: "asc" }, include: { criteria: true } } } });
  if (!event || event.rounds.length === 0) return;
  const [round1, round2] = event.rounds;
  await findOrCreateSubmissions(db, event);

  const judges = (await db.eventMember.findMany({ where: { eventId: event.id, role: "JUDGE" }, include: { user: true } })).sort((a, b) => (a.user.email < b.user.email ? -1 : 1));
  if (judges.length === 0) return;
  const teams = await db.team.findMany({ where: { eventId: event.id, status: "ACCEPTED" }, orderBy: { nameKey: "asc" } });

  // Affiliations that collide with some teams, so detection has something to show.
  const affiliations = [
    { institution: "Universitas Airlangga" },
    { regionFromTeam: 0 },
    { kimFromTeam: 1 },
    { institutionFromTeam: 2 },
    { institution: "Dinas Kominfo Provinsi Jawa Timur" },
    { kimName: "KIM Cahaya Desa" },
  ];
  for (const [i, j] of judges.entries()) {
    // Affiliations the judges already declared (the events seed gives them) are kept.
    if (j.regionId || j.kimName || j.institution) continue;
    const a = affiliations[i % affiliations.length];
    const team = (n?: number) => (n === undefined ? undefined : teams[n % Math.max(1, teams.length)]);
    await db.eventMember.update({
      where: { id: j.id },
      data: {
        regionId: "regionFromTeam" in a ? (team(a.regionFromTeam)?.regionId ?? null) : null,
        kimName: "kimFromTeam" in a ? (team(a.kimFromTeam)?.kimName ?? null) : "kimName" in a ? a.kimName : null,
        institution: "institutionFromTeam" in a ? (team(a.institutionFromTeam)?.institution ?? null) : "institution" in a ? a.institution : null,
      },
    });
  }
  if (teams.length > 3 && !(await db.conflict.findFirst({ where: { eventId: event.id, source: "DECLARED" } }))) {
    await db.conflict.create({ data: { eventId: event.id, judgeId: judges[0].userId, teamId: teams[3].id, reason: "declared", source: "DECLARED" } });
  }
  await refreshDetectedConflicts(event.id, db);

  await assignRound(
    db,
    event.id,
    round1,
    judges.map((j) => j.userId),
    true,
  );

  // Judgments: a quality per submission, a bias per judge (juri2 harsh, juri5 lenient), some noise.
  const rand = mulberry32(2026);
  const bias = new Map(judges.map((j, i) => [j.userId, i === 1 ? -2 : i === 4 ? 1.5 : 0]));
  const criteria = sortCriteria(round1.criteria);
  const assignments = await db.assignment.findMany({ where: { roundId: round1.id, judgment: null }, orderBy: [{ submissionId: "asc" }, { judgeId: "asc" }] });
  const quality = new Map<string, number>();
  for (const [n, a] of assignments.entries()) {
    if (!quality.has(a.submissionId)) quality.set(a.submissionId, 5 + rand() * 3.5);
    const base = (quality.get(a.submissionId) ?? 6) + (bias.get(a.judgeId) ?? 0);
    const scores = Object.fromEntries(criteria.map((c) => [c.id, Math.max(c.scaleMin, Math.min(c.scaleMax, Math.round(base + (rand() - 0.5) * 2.4)))]));
    const finalizedAt = new Date(round1.closesAt.getTime() - (3 * DAY * (assignments.length - n)) / assignments.length - 3600_000);
    const comment = COMMENTS[n % COMMENTS.length];
    const judgment = await db.judgment.create({
      data: {
        assignmentId: a.id,
        comment,
        privateNote: n % 5 === 0 ? "Perlu dicek ulang orisinalitas kodenya." : "",
        version: 2,
        finalizedAt,
        scores: { create: Object.entries(scores).map(([criterionId, value]) => ({ criterionId, value })) },
      },
    });
    const meta = { assignmentId: a.id, roundId: round1.id, submissionId: a.submissionId, judgeId: a.judgeId };
    await db.auditLog.createMany({
      data: [
        {
          eventId: event.id,
          actorId: a.judgeId,
          action: "judgment.save",
          entity: "judgment",
          entityId: judgment.id,
          at: new Date(finalizedAt.getTime() - 20 * 60_000),
          before: JSON.stringify({ ...meta, version: 0, scores: {}, comment: "", privateNote: "", finalized: false }),
          after: JSON.stringify({ ...meta, version: 1, scores, comment: "", privateNote: "", finalized: false }),
        },
        {
          eventId: event.id,
          actorId: a.judgeId,
          action: "judgment.finalize",
          entity: "judgment",
          entityId: judgment.id,
          at: finalizedAt,
          before: JSON.stringify({ ...meta, version: 1, scores, comment: "", privateNote: "", finalized: false }),
          after: JSON.stringify({ ...meta, version: 2, scores, comment, privateNote: judgment.privateNote, finalized: true }),
        },
      ],
    });
  }

  // The best of the Penyisihan (five, or half of a small field) go on to the Final, which judges can score now.
  if (round2 && now.getTime() < round2.closesAt.getTime() && (await db.roundEntry.count({ where: { roundId: round2.id } })) === 0) {
    const entries = await db.roundEntry.findMany({ where: { roundId: round1.id }, select: { submissionId: true } });
    const judged = await db.assignment.findMany({ where: { roundId: round1.id }, include: { judgment: { include: { scores: true } } } });
    const rows = rankByMean(
      entries.map((e) => ({
        submissionId: e.submissionId,
        totals: judged
          .filter((a) => a.submissionId === e.submissionId && a.judgment)
          .map((a) => weightedTotal(criteria, Object.fromEntries((a.judgment?.scores ?? []).map((s) => [s.criterionId, s.value]))))
          .filter((t): t is number => t !== null),
      })),
    );
    const { submissionIds } = topN(rows, rows.length > 6 ? 5 : Math.ceil(rows.length / 2));
    for (const submissionId of submissionIds) await db.roundEntry.create({ data: { roundId: round2.id, submissionId } });
    await assignRound(
      db,
      event.id,
      round2,
      judges.map((j) => j.userId),
      false,
    );
  }
}

async function assignRound(db: Db, eventId: string, round: { id: string; order: number; judgesPerSubmission: number }, judgeIds: string[], firstRound: boolean) {
  if (firstRound && (await db.roundEntry.count({ where: { roundId: round.id } })) === 0) {
    const subs = await db.submission.findMany({ where: { eventId, status: "SUBMITTED", team: { status: "ACCEPTED" } }, select: { id: true } });
    for (const s of subs) await db.roundEntry.create({ data: { roundId: round.id, submissionId: s.id } });
  }
  const entries = await db.roundEntry.findMany({ where: { roundId: round.id }, select: { submission: { select: { id: true, teamId: true } } } });
  const existing = await db.assignment.findMany({ where: { roundId: round.id }, select: { judgeId: true, submissionId: true } });
  const assignedSubs = new Set(existing.map((a) => a.submissionId));
  const open = entries.map((e) => e.submission).filter((s) => !assignedSubs.has(s.id));
  if (open.length === 0) return;
  const ctx = await conflictContext(eventId, db);
  const result = assignJudges({ submissions: open, judges: judgeIds.map((id) => ({ id })), k: 3, conflicts: lookupFor(ctx.matrix, open), seed: 26 });
  for (const p of result.assignments) await db.assignment.create({ data: { roundId: round.id, judgeId: p.judgeId, submissionId: p.submissionId } });
}

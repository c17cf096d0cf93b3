// Results demo data: makes the 2026 demo event judged (not published) so an organizer can take
// it to publication through the UI. Works alone — it creates accepted teams, submitted
// submissions, assignments and finalized judgments only when the event has no finalized
// judgment yet — and stays harmless once the judging seed provides them. Also used by tests.
import { randomBytes } from "node:crypto";
import { mulberry32 } from "../app/domain/prng";
import type { Db } from "../app/services/db.server";
import { createUser } from "./seed-utils";

const DAY = 86_400_000;

const PROJECTS = [
  ["Sigap Desa", "Lapor Cepat", "Aduan warga desa langsung ke perangkat desa lewat WhatsApp."],
  ["Cek Fakta KIM", "SaringDulu", "Bot pemeriksa kabar bohong untuk grup warga."],
  ["UMKM Naik Kelas", "Pasar Kita", "Katalog produk UMKM kabupaten yang bisa dibagikan."],
  ["Info Posyandu", "Posyandu Pintar", "Jadwal dan pengingat posyandu untuk ibu dan balita."],
  ["Jaga Banjir", "Siaga Air", "Peta laporan genangan dan peringatan dini warga."],
  ["Kabar Kelurahan", "Papan Warga", "Papan pengumuman digital kelurahan."],
  ["Tani Cerdas", "Harga Panen", "Harga komoditas harian untuk petani desa."],
  ["Literasi Lansia", "Aman Digital", "Belajar mengenali penipuan daring untuk lansia."],
] as const;

const COMMENTS = [
  "Masalah yang diangkat jelas dan dekat dengan warga. Perjelas rencana pengelolaan setelah acara.",
  "Prototipe berjalan baik di ponsel. Tambahkan data uji dari desa sungguhan.",
  "Ide menarik; presentasi bisa lebih ringkas dan fokus pada dampak.",
  "Kolaborasi dengan Dinas perlu dijabarkan agar layanan berkelanjutan.",
];

/** Creates finalized judgments (scores + comment + private note) for the given assignments. */
async function judgeAll(db: Db, roundId: string, pairs: { judgeId: string; submissionId: string; bias: number; quality: number }[], now: Date, rand: () => number) {
  const criteria = await db.criterion.findMany({ where: { roundId }, orderBy: { order: "asc" } });
  for (const [i, p] of pairs.entries()) {
    const existing = await db.assignment.findUnique({ where: { roundId_judgeId_submissionId: { roundId, judgeId: p.judgeId, submissionId: p.submissionId } }, include: { judgment: true } });
    const assignment = existing ?? (await db.assignment.create({ data: { roundId, judgeId: p.judgeId, submissionId: p.submissionId } }));
    if (existing?.judgment) continue;
    await db.judgment.create({
      data: {
        assignmentId: assignment.id,
        comment: COMMENTS[i % COMMENTS.length],
        privateNote: "Catatan internal juri: jangan ditampilkan ke tim.",
        version: 1,
        finalizedAt: new Date(now.getTime() - DAY + i * 60_000),
        scores: {
          create: criteria.map((c) => ({
            criterionId: c.id,
            value: Math.max(c.scaleMin, Math.min(c.scaleMax, Math.round(p.quality + p.bias + (rand() - 0.5) * 2))),
          })),
        },
      },
    });
  }
}

/** Accepted teams with two members each and a submitted submission; extra demo users are made when needed. */
async function ensureSubmissions(db: Db, eventId: string, count: number, now: Date) {
  const existing = await db.submission.findMany({ where: { eventId, status: "SUBMITTED" }, select: { id: true } });
  if (existing.length > 0) return existing.map((s) => s.id);
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId }, include: { tracks: { orderBy: { order: "asc" } }, regions: { orderBy: { order: "asc" } } } });
  const taken = new Set((await db.teamMember.findMany({ where: { eventId }, select: { userId: true } })).map((m) => m.userId));
  const pool = (await db.user.findMany({ where: { email: { startsWith: "peserta" }, isAdmin: false }, orderBy: { email: "asc" } })).filter((u) => !taken.has(u.id));
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const [teamName, title, tagline] = PROJECTS[i % PROJECTS.length];
    const name = i < PROJECTS.length ? teamName : `${teamName} ${i + 1}`;
    const members = [];
    for (let k = 0; k < 2; k++) {
      members.push(
        pool.shift() ?? (await createUser(db, { email: `tim-${randomBytes(4).toString("hex")}@kim-hackathon.id`, name: `Anggota ${name} ${k + 1}`, password: randomBytes(12).toString("base64url") })),
      );
    }
    const track = event.tracks[i % Math.max(1, event.tracks.length)];
    const region = event.regions[(i * 5) % Math.max(1, event.regions.length)];
    const team = await db.team.create({
      data: {
        eventId,
        name,
        nameKey: name.toLowerCase(),
        kimName: `KIM ${region?.name ?? "Jatim"}`,
        regionId: region?.id ?? null,
        trackId: track?.id ?? null,
        institution: "Universitas Negeri Surabaya",
        inviteCode: randomBytes(5).toString("hex").toUpperCase(),
        inviteToken: randomBytes(18).toString("base64url"),
        status: "ACCEPTED",
        reviewedAt: new Date(now.getTime() - 35 * DAY),
        members: { create: members.map((u, k) => ({ eventId, userId: u.id, role: k === 0 ? ("CAPTAIN" as const) : ("MEMBER" as const), pool: "mahasiswa" })) },
      },
    });
    const submittedAt = new Date(now.getTime() - 6 * DAY + i * 3_600_000);
    const s = await db.submission.create({
      data: {
        eventId,
        teamId: team.id,
        trackId: track?.id ?? null,
        title,
        tagline,
        description: `## Masalah\nWarga ${region?.name ?? "Jawa Timur"} belum mendapat informasi ini dengan mudah.\n\n## Solusi\n${title} dibangun bersama anggota KIM setempat.`,
        status: "SUBMITTED",
        firstSubmittedAt: submittedAt,
        submittedAt,
        version: 1,
      },
    });
    ids.push(s.id);
  }
  return ids;
}

/**
 * Judges every submitted submission of the event in round 1 (three judges each) and the top
 * `finalists` again in round 2, all finalized. No-op when the event already has a finalized judgment.
 */
export async function judgeEvent(db: Db, eventId: string, now: Date, opts: { teams?: number; finalists?: number; seed?: number } = {}) {
  const already = await db.judgment.count({ where: { finalizedAt: { not: null }, assignment: { round: { eventId } } } });
  if (already > 0) return false;
  const rand = mulberry32(opts.seed ?? 2026);
  const rounds = await db.round.findMany({ where: { eventId }, orderBy: { order: "asc" } });
  const judges = await db.eventMember.findMany({ where: { eventId, role: "JUDGE" }, orderBy: { createdAt: "asc" }, select: { userId: true } });
  if (rounds.length === 0 || judges.length === 0) return false;
  const submissions = await ensureSubmissions(db, eventId, opts.teams ?? PROJECTS.length, now);
  const quality = new Map(submissions.map((id, i) => [id, 8.5 - (i % 8) * 0.6]));
  const bias = new Map(judges.map((j, i) => [j.userId, i % 3 === 0 ? -1 : i % 3 === 1 ? 0.5 : 0]));
  const perSubmission = Math.min(3, judges.length);
  const pairs = (ids: string[], offset: number) =>
    ids.flatMap((submissionId, i) =>
      Array.from({ length: perSubmission }, (_, k) => {
        const judgeId = judges[(i + k + offset) % judges.length].userId;
        return { judgeId, submissionId, bias: bias.get(judgeId) ?? 0, quality: quality.get(submissionId) ?? 6 };
      }),
    );
  await judgeAll(db, rounds[0].id, pairs(submissions, 0), now, rand);
  const final = rounds[1];
  if (final && (opts.finalists ?? 5) > 0) {
    const top = [...submissions].sort((a, b) => (quality.get(b) ?? 0) - (quality.get(a) ?? 0)).slice(0, opts.finalists ?? 5);
    for (const submissionId of top) {
      await db.roundEntry.upsert({ where: { roundId_submissionId: { roundId: final.id, submissionId } }, create: { roundId: final.id, submissionId }, update: {} });
    }
    await judgeAll(db, final.id, pairs(top, 1), now, rand);
  }
  return true;
}

export async function seedResults(db: Db, now: Date) {
  const event = await db.event.findUnique({ where: { slug: "kim-hackathon-jatim-2026" } });
  if (!event) return;
  await judgeEvent(db, event.id, now);
  // People's Choice ran during the submission showcase and has closed, so its tally is usable.
  if (event.peoplesChoice && !event.votingOpensAt) {
    await db.event.update({ where: { id: event.id }, data: { votingOpensAt: new Date(now.getTime() - 10 * DAY), votingClosesAt: new Date(now.getTime() - DAY) } });
    const subs = await db.submission.findMany({ where: { eventId: event.id, status: "SUBMITTED" }, orderBy: { title: "asc" }, select: { id: true } });
    const voters = await db.user.findMany({ where: { email: { startsWith: "juri" } }, orderBy: { email: "asc" }, select: { id: true } });
    for (const [i, v] of voters.entries()) {
      const s = subs[i % 3];
      if (s) await db.vote.create({ data: { eventId: event.id, userId: v.id, submissionId: s.id, createdAt: new Date(now.getTime() - 5 * DAY) } });
    }
  }
}

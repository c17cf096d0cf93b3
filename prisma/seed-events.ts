// Demo data of the events area: every event setting in use (banner, people's choice window,
// blind judging, conflict rules, ranking methods, judges' affiliations, judges per round), a
// private draft event in another time zone, and the audit trail of their creation.
import { deflateSync } from "node:zlib";
import { UPLOAD_KINDS } from "../app/domain/filetype";
import { checkUpload } from "../app/services/filetype.server";
import type { Db } from "../app/services/db.server";
import { createEvent } from "./seed-utils";

const DAY = 24 * 60 * 60 * 1000;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

type Rgb = [number, number, number];

/**
 * A banner drawn in code (so the demo needs no image files): a diagonal gradient between two
 * colours with soft diagonal bands, 1200 × 400, as a real PNG that checkUpload accepts.
 */
export function bannerPng(from: Rgb, to: Rgb, width = 1200, height = 400): Uint8Array {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < width; x++) {
      const t = (x / width) * 0.7 + (y / height) * 0.3;
      const band = Math.floor((x + y * 1.5) / 90) % 2 === 0 ? 1 : 0.93;
      for (let c = 0; c < 3; c++) raw[row + 1 + x * 3 + c] = Math.round((from[c] + (to[c] - from[c]) * t) * band);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw, { level: 9 })), chunk("IEND", new Uint8Array())]));
}

async function storeBanner(bytes: Uint8Array): Promise<string | null> {
  if (!(await checkUpload({ bytes, declaredName: "banner.png", ...UPLOAD_KINDS.image })).ok) return null;
  const { putFile } = await import("../app/services/storage.server");
  return (await putFile("banners", bytes)).key;
}

const JUDGE_AFFILIATIONS = [
  { region: "Kota Surabaya", kimName: "", institution: "Institut Teknologi Sepuluh Nopember" },
  { region: "Kabupaten Malang", kimName: "KIM Tunas Harapan", institution: "" },
  { region: "Kota Madiun", kimName: "", institution: "Dinas Kominfo Kota Madiun" },
  { region: "Kabupaten Banyuwangi", kimName: "KIM Blambangan", institution: "" },
  { region: "Kabupaten Jember", kimName: "", institution: "Universitas Jember" },
  { region: "Kota Kediri", kimName: "", institution: "Politeknik Negeri Malang" },
];

export async function seedEvents(db: Db, now: Date): Promise<void> {
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  const main = await db.event.findUniqueOrThrow({ where: { slug: "kim-hackathon-jatim-2026" }, include: { rounds: { orderBy: { order: "asc" } }, members: true } });
  const next = await db.event.findUniqueOrThrow({ where: { slug: "kim-hackathon-jatim-2027" }, include: { rounds: { orderBy: { order: "asc" } }, members: true } });
  const organizerId = main.members.find((m) => m.role === "ORGANIZER")?.userId ?? null;
  const admin = await db.user.findFirst({ where: { isAdmin: true }, select: { id: true } });

  await db.event.update({
    where: { id: main.id },
    data: {
      bannerKey: await storeBanner(bannerPng([14, 50, 105], [23, 78, 163])),
      peoplesChoice: true,
      votingOpensAt: at(-4),
      votingClosesAt: at(3),
      conflictSameRegion: true,
      conflictSameKim: true,
      conflictSameInstitution: true,
      signatoryName: "Drs. Hadi Prasetyo, M.Si.",
      signatoryTitle: "Kepala Dinas Komunikasi dan Informatika Provinsi Jawa Timur",
    },
  });
  await db.round.update({ where: { id: main.rounds[1].id }, data: { judgesPerSubmission: 4 } });
  const judges = main.members.filter((m) => m.role === "JUDGE");
  for (const [i, judge] of judges.entries()) {
    const a = JUDGE_AFFILIATIONS[i % JUDGE_AFFILIATIONS.length];
    const region = await db.region.findFirst({ where: { eventId: main.id, name: a.region }, select: { id: true } });
    await db.eventMember.update({ where: { id: judge.id }, data: { regionId: region?.id ?? null, kimName: a.kimName || null, institution: a.institution || null } });
  }

  await db.event.update({
    where: { id: next.id },
    data: {
      bannerKey: await storeBanner(bannerPng([154, 98, 0], [18, 63, 133])),
      contactWhatsapp: "+6281234500002",
      blindJudging: true,
      rankingMethod: "borda",
      conflictSameInstitution: false,
      requireProposal: false,
      requireVideo: true,
      galleryPublished: false,
    },
  });
  await db.award.createMany({
    data: [
      { eventId: next.id, name: "Harapan I", kind: "HONORABLE", place: 4, prize: "Rp3.000.000", order: 3 },
      { eventId: next.id, name: "KIM Paling Inspiratif", kind: "SPECIAL", prize: "Kunjungan studi ke Command Center Surabaya", order: 4 },
    ],
  });
  await db.faqItem.create({ data: { eventId: next.id, question: "Apakah penjurian anonim?", answer: "Ya. Juri tidak melihat nama tim, anggota, wilayah maupun KIM saat menilai.", order: 1 } });

  // A draft in another zone: only its organizers see it until they publish it.
  const draft = await createEvent(db, now, {
    slug: "kim-hackathon-bali-nusra-2027",
    name: "KIM Hackathon Bali Nusra 2027",
    summary: "Rancangan acara untuk KIM di Bali dan Nusa Tenggara (WITA).",
    description: "## Rancangan\nAcara ini belum dipublikasikan.",
    rules: "1. Satu orang satu tim.",
    timezone: "Asia/Makassar",
    isPublic: false,
    offsets: { registrationOpens: 30, registrationCloses: 60, screeningCloses: 65, submissionOpens: 66, submissionCloses: 80, rounds: [85], announcement: 88 },
    roundNames: ["Penjurian"],
    minTeamSize: 2,
    maxTeamSize: 5,
    tracks: [{ name: "Pariwisata Desa", description: "Informasi wisata berbasis KIM." }],
    criteria: [
      [
        { name: "Dampak", description: "", weight: 50, scaleMin: 1, scaleMax: 5 },
        { name: "Kelayakan", description: "", weight: 50, scaleMin: 1, scaleMax: 5 },
      ],
    ],
    awards: [{ name: "Juara I", kind: "PLACE", place: 1, prize: "Rp10.000.000" }],
    faqs: [],
    contactEmail: "kim@contoh.go.id",
    settings: { rankingMethod: "raw" },
  });
  if (organizerId) await db.eventMember.create({ data: { eventId: draft.id, userId: organizerId, role: "ORGANIZER" } });

  for (const e of [main, next, draft]) {
    await db.auditLog.create({
      data: { eventId: e.id, actorId: admin?.id ?? null, action: "event.create", entity: "event", entityId: e.id, after: JSON.stringify({ name: e.name, slug: e.slug }), at: now },
    });
  }
}

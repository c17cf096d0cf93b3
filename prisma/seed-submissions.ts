// Demo submissions for an event, in every state an organizer meets: submitted, submitted and
// then revised, still a draft, submitted late under an extension, and accepted but not started.
// Uses the event's ACCEPTED teams; when there are none (the teams area seeds nothing yet) it
// forms a few from the seeded participants who are not in a team. Teams that already have a
// submission are left alone, so running it twice adds nothing.
import { deflateSync } from "node:zlib";
import { randomBytes } from "node:crypto";
import type { Db } from "../app/services/db.server";
import { teamNameKey } from "../app/domain/team-name";
import { putFile } from "../app/services/storage.server";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

// --- Small PNG encoder, enough for flat demo covers -------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
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

/** A width×height RGB PNG: a diagonal two-colour band pattern, recognisable as a cover. */
export function demoPng(width: number, height: number, from: [number, number, number], to: [number, number, number]): Uint8Array {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < width; x++) {
      const t = (x + y) % 80 < 40 ? (x + y) / (width + height) : 1 - (x + y) / (width + height) / 2;
      for (let c = 0; c < 3; c++) raw[row + 1 + x * 3 + c] = Math.round((from[c] ?? 0) * (1 - t) + (to[c] ?? 0) * t);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", new Uint8Array(0))]));
}

/** A one-page PDF with valid structure (enough for viewers and for content sniffing). */
export function demoPdf(title: string): Uint8Array {
  const text = title.replace(/[()\\]/g, "");
  const stream = `BT /F1 18 Tf 40 760 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, "latin1"));
}

// --- Teams ----------------------------------------------------------------------------------

/** An accepted (by default) team with the first user as captain. */
export async function createTeam(
  db: Db,
  input: { eventId: string; name: string; userIds: string[]; status?: "PENDING" | "ACCEPTED" | "REJECTED"; regionId?: string | null; trackId?: string | null; kimName?: string },
) {
  return db.team.create({
    data: {
      eventId: input.eventId,
      name: input.name,
      nameKey: teamNameKey(input.name),
      kimName: input.kimName ?? "",
      regionId: input.regionId ?? null,
      trackId: input.trackId ?? null,
      status: input.status ?? "ACCEPTED",
      inviteCode: randomBytes(6).toString("hex").toUpperCase(),
      inviteToken: randomBytes(24).toString("base64url"),
      members: {
        create: input.userIds.map((userId, i) => ({ eventId: input.eventId, userId, role: i === 0 ? ("CAPTAIN" as const) : ("MEMBER" as const) })),
      },
    },
  });
}

// --- Demo content ---------------------------------------------------------------------------

type Project = { title: string; tagline: string; description: string; track: number; repo: string; demo: string; video: string; colors: [[number, number, number], [number, number, number]] };

const PROJECTS: Project[] = [
  {
    title: "Lapor Desa",
    tagline: "Warga melapor jalan rusak dan lampu mati dari WhatsApp, perangkat desa menindaklanjuti di peta.",
    description:
      "## Masalah\nLaporan warga tentang jalan rusak, lampu jalan mati dan saluran tersumbat tercecer di grup WhatsApp dan sering terlupa.\n\n## Solusi\n- Warga mengirim foto dan lokasi ke nomor WhatsApp desa\n- Laporan tampil di peta untuk perangkat desa dan KIM\n- Status tindak lanjut dikirim balik ke pelapor\n\n## Uji coba\nDiuji di Desa Sumberejo bersama KIM setempat: 42 laporan dalam seminggu, 31 selesai.",
    track: 0,
    repo: "https://github.com/kim-jatim/lapor-desa",
    demo: "https://lapor-desa.contoh.id",
    video: "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    colors: [
      [23, 78, 163],
      [229, 154, 0],
    ],
  },
  {
    title: "Saring Kabar",
    tagline: "Asisten KIM untuk memeriksa kabar viral sebelum diteruskan ke warga.",
    description:
      "## Latar belakang\nKIM sering menjadi rujukan warga saat kabar viral beredar. Memeriksa fakta secara manual lambat.\n\n## Cara kerja\n1. Tempel tautan atau teks kabar\n2. Saring Kabar mencari klarifikasi resmi dari Kominfo dan media tepercaya\n3. KIM mendapat ringkasan siap bagikan dalam bahasa sehari-hari",
    track: 1,
    repo: "https://github.com/kim-jatim/saring-kabar",
    demo: "https://saring-kabar.contoh.id",
    video: "https://youtu.be/aqz-KE-bpKQ",
    colors: [
      [14, 50, 105],
      [181, 209, 255],
    ],
  },
  {
    title: "Cek Fakta Madiun",
    tagline: "Papan klarifikasi hoaks bersama Dinas Kominfo dan KIM se-Kabupaten Madiun.",
    description:
      "## Ringkasan\nSatu papan bersama untuk klarifikasi hoaks lokal: KIM mengusulkan, Dinas memverifikasi, warga membaca hasilnya.\n\nTim mendapat perpanjangan waktu karena listrik padam di posko pada malam tenggat.",
    track: 1,
    repo: "https://github.com/kim-jatim/cek-fakta-madiun",
    demo: "https://cekfakta-madiun.contoh.id",
    video: "https://www.youtube.com/watch?v=ScMzIvxBSi4",
    colors: [
      [154, 98, 0],
      [255, 241, 214],
    ],
  },
  {
    title: "Pasar Tani Daring",
    tagline: "Katalog hasil tani dan UMKM desa yang dikelola KIM.",
    description: "## Draf\nKatalog produk unggulan desa. Masih menyusun daftar fitur.",
    track: 2,
    repo: "",
    demo: "",
    video: "",
    colors: [
      [20, 110, 60],
      [217, 232, 255],
    ],
  },
];

const DEMO_TEAMS = [
  { name: "Tim Lontar Digital", kimName: "KIM Lontar", region: "Kota Surabaya", size: 4 },
  { name: "Tim Saring Kabar", kimName: "KIM Sumber Rejeki", region: "Kabupaten Malang", size: 3 },
  { name: "Tim Cek Fakta Madiun", kimName: "KIM Caruban", region: "Kabupaten Madiun", size: 3 },
  { name: "Tim Pasar Tani", kimName: "KIM Blambangan", region: "Kabupaten Banyuwangi", size: 3 },
  { name: "Tim Suara Pesisir", kimName: "KIM Puger", region: "Kabupaten Jember", size: 3 },
];

type State = "revised" | "submitted" | "late" | "draft" | "none";
const STATES: State[] = ["revised", "submitted", "late", "draft", "none"];

async function demoTeams(db: Db, eventId: string) {
  const accepted = await db.team.findMany({ where: { eventId, status: "ACCEPTED" }, orderBy: { createdAt: "asc" }, include: { submission: { select: { id: true } }, members: true } });
  if (accepted.length > 0) return accepted;
  const inTeam = new Set((await db.teamMember.findMany({ where: { eventId }, select: { userId: true } })).map((m) => m.userId));
  const emails = Array.from({ length: 16 }, (_, i) => `peserta${i + 1}@kim-hackathon.id`);
  const free = (await db.user.findMany({ where: { email: { in: emails } } })).sort((a, b) => emails.indexOf(a.email) - emails.indexOf(b.email)).filter((u) => !inTeam.has(u.id));
  const regions = await db.region.findMany({ where: { eventId } });
  const tracks = await db.track.findMany({ where: { eventId }, orderBy: { order: "asc" } });
  for (const [i, t] of DEMO_TEAMS.entries()) {
    const members = free.splice(0, t.size);
    if (members.length === 0) break;
    await createTeam(db, {
      eventId,
      name: t.name,
      kimName: t.kimName,
      regionId: regions.find((r) => r.name === t.region)?.id ?? null,
      trackId: tracks[PROJECTS[i % PROJECTS.length]?.track ?? 0]?.id ?? null,
      userIds: members.map((m) => m.id),
    });
  }
  return db.team.findMany({ where: { eventId, status: "ACCEPTED" }, orderBy: { createdAt: "asc" }, include: { submission: { select: { id: true } }, members: true } });
}

export async function seedSubmissions(db: Db, eventId: string, now: Date): Promise<void> {
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId }, include: { tracks: { orderBy: { order: "asc" } } } });
  const teams = await demoTeams(db, eventId);
  const organizer = await db.eventMember.findFirst({ where: { eventId, role: "ORGANIZER" } });
  const opens = event.submissionOpensAt.getTime();
  const closes = event.submissionClosesAt.getTime();
  // Within the window, but never in the future when the window is still open.
  const at = (fraction: number) => new Date(Math.min(opens + (closes - opens) * fraction, now.getTime() - HOUR));

  for (const [i, team] of teams.entries()) {
    if (team.submission) continue;
    const state = STATES[i % STATES.length] ?? "none";
    if (state === "none") continue;
    const project = PROJECTS[i % PROJECTS.length] ?? PROJECTS[0];
    if (!project) continue;
    const captain = team.members.find((m) => m.role === "CAPTAIN") ?? team.members[0];
    if (!captain) continue;
    const authorId = captain.userId;
    const trackId = event.tracks[project.track]?.id ?? team.trackId ?? null;
    const text = {
      // More accepted teams than sample projects: a repeat is named after its own KIM.
      title: i < PROJECTS.length ? project.title : `${project.title} ${team.kimName.replace(/^KIM\s+/i, "")}`.trim(),
      tagline: project.tagline,
      description: project.description,
      trackId,
      repoUrl: project.repo || null,
      demoUrl: project.demo || null,
      videoUrl: project.video || null,
    };
    const cover = await putFile("covers", demoPng(480, 270, project.colors[0], project.colors[1]));

    if (state === "draft") {
      await db.submission.create({ data: { ...text, eventId, teamId: team.id, coverKey: cover.key, status: "DRAFT", version: 3, createdAt: at(0.3), updatedAt: at(0.9) } });
      continue;
    }
    let submittedAt = at(0.8);
    if (state === "late") {
      const until = new Date(closes + DAY);
      submittedAt = new Date(Math.min(closes + 6 * HOUR, now.getTime() - HOUR));
      await db.extension.create({
        data: { teamId: team.id, kind: "SUBMISSION", until, reason: "Listrik padam di posko tim pada malam tenggat.", grantedById: organizer?.userId ?? authorId },
      });
    }
    const firstSubmittedAt = state === "revised" ? at(0.6) : submittedAt;
    const submission = await db.submission.create({
      data: {
        ...text,
        eventId,
        teamId: team.id,
        coverKey: cover.key,
        status: "SUBMITTED",
        firstSubmittedAt,
        submittedAt,
        version: state === "revised" ? 6 : 2,
        createdAt: at(0.2),
        updatedAt: submittedAt,
      },
    });
    const revisions =
      state === "revised"
        ? [
            { ...text, tagline: "Laporan warga lewat WhatsApp.", description: project.description.split("\n\n## Uji coba")[0] ?? "", demoUrl: null, createdAt: firstSubmittedAt },
            { ...text, tagline: "Laporan warga lewat WhatsApp, langsung tampil di peta desa.", description: project.description.split("\n\n## Uji coba")[0] ?? "", createdAt: at(0.7) },
            { ...text, createdAt: submittedAt },
          ]
        : [{ ...text, createdAt: submittedAt }];
    for (const [n, r] of revisions.entries()) {
      await db.submissionRevision.create({ data: { ...r, submissionId: submission.id, number: n + 1, authorId: team.members[n % team.members.length]?.userId ?? authorId } });
    }
    const pdf = demoPdf(`Proposal ${project.title}`);
    const stored = await putFile("attachments", pdf);
    await db.attachment.create({
      data: {
        submissionId: submission.id,
        filename: `Proposal ${project.title}.pdf`,
        kind: "pdf",
        mime: "application/pdf",
        size: stored.size,
        storageKey: stored.key,
        sha256: stored.sha256,
        uploadedById: authorId,
        createdAt: firstSubmittedAt,
      },
    });
  }
}

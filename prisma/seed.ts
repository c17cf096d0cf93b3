// The demo: "KIM Hackathon Jawa Timur 2026" with an admin, organizers, judges and participants.
// Passwords are random per install and printed once (and kept in data/demo-credentials.txt).
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Db } from "../app/services/db.server";
import { seedEvents } from "./seed-events";
import { seedPastEvent } from "./seed-past";
import { seedResults } from "./seed-results";
import { seedJudging } from "./seed-judging";
import { createEvent, createUser, demoPassword } from "./seed-utils";
import { seedSubmissions } from "./seed-submissions";
import { seedTeams } from "./seed-teams";

export type DemoCredentials = { role: string; email: string; password: string }[];

const CRITERIA_PRELIM = [
  { name: "Dampak bagi masyarakat", description: "Seberapa besar masalah warga yang diselesaikan dan siapa yang merasakan manfaatnya.", weight: 35, scaleMin: 1, scaleMax: 10 },
  { name: "Inovasi", description: "Kebaruan ide dibanding layanan yang sudah ada di daerah.", weight: 25, scaleMin: 1, scaleMax: 10 },
  { name: "Kelayakan teknis", description: "Apakah prototipe berjalan dan dapat dikembangkan oleh KIM setelah acara.", weight: 25, scaleMin: 1, scaleMax: 10 },
  { name: "Presentasi", description: "Kejelasan video dan proposal.", weight: 15, scaleMin: 1, scaleMax: 10 },
];
const CRITERIA_FINAL = [
  { name: "Dampak bagi masyarakat", description: "Manfaat nyata yang terukur bagi warga.", weight: 40, scaleMin: 1, scaleMax: 10 },
  { name: "Kualitas produk", description: "Kelengkapan fitur, kemudahan dipakai di ponsel, keandalan.", weight: 30, scaleMin: 1, scaleMax: 10 },
  { name: "Keberlanjutan", description: "Rencana pengelolaan oleh KIM dan Dinas setelah hackathon.", weight: 30, scaleMin: 1, scaleMax: 10 },
];

export async function seedDemo(db: Db, now: Date, adminEmail?: string): Promise<DemoCredentials> {
  const pw = { admin: demoPassword(), organizer: demoPassword(), judge: demoPassword(), participant: demoPassword() };
  const creds: DemoCredentials = [];

  const admin = await createUser(db, { email: adminEmail ?? "admin@kim-hackathon.id", name: "Admin Platform", password: pw.admin, isAdmin: true });
  creds.push({ role: "admin", email: admin.email, password: pw.admin });
  const organizer = await createUser(db, { email: "panitia@kominfo.jatimprov.go.id", name: "Rina Panitia", password: pw.organizer, whatsapp: "+6281234500001" });
  creds.push({ role: "panitia", email: organizer.email, password: pw.organizer });

  const judgeNames = ["Budi Santoso", "Sri Wahyuni", "Agus Pratama", "Dewi Lestari", "Hendra Wijaya", "Yuliana Putri"];
  const judges = [];
  for (const [i, name] of judgeNames.entries()) {
    judges.push(await createUser(db, { email: `juri${i + 1}@kim-hackathon.id`, name, password: pw.judge }));
  }
  creds.push({ role: "juri (1–6)", email: "juri1@kim-hackathon.id … juri6@kim-hackathon.id", password: pw.judge });

  const participantNames = [
    "Ahmad Fauzi",
    "Siti Rahmawati",
    "Rizky Ramadhan",
    "Nur Aini",
    "Dimas Saputra",
    "Putri Ayu",
    "Fajar Nugroho",
    "Intan Permata",
    "Eko Prasetyo",
    "Lina Marlina",
    "Bagus Setiawan",
    "Wulan Sari",
    "Yoga Aditya",
    "Maya Anggraini",
    "Arif Hidayat",
    "Ratna Dewi",
  ];
  const participants = [];
  for (const [i, name] of participantNames.entries()) {
    participants.push(await createUser(db, { email: `peserta${i + 1}@kim-hackathon.id`, name, password: pw.participant, whatsapp: `+62812345${String(10000 + i)}` }));
  }
  creds.push({ role: "peserta (1–16)", email: "peserta1@kim-hackathon.id … peserta16@kim-hackathon.id", password: pw.participant });

  const event = await createEvent(db, now, {
    slug: "kim-hackathon-jatim-2026",
    name: "KIM Hackathon Jawa Timur 2026",
    summary: "Mahasiswa dan anggota KIM se-Jawa Timur membangun solusi digital untuk layanan informasi publik desa dan kota.",
    description:
      "## Tentang acara\nKIM Hackathon mempertemukan **Kelompok Informasi Masyarakat** dengan mahasiswa untuk membangun solusi digital yang menjawab kebutuhan informasi warga.\n\n- Tim campuran: 5 mahasiswa + 2 anggota KIM\n- 60 jam membangun prototipe\n- Penjurian dua babak: penyisihan dan final\n\nSetiap tim didampingi Dinas Kominfo kabupaten/kota asalnya.",
    rules:
      "1. Setiap peserta hanya boleh tergabung dalam satu tim.\n2. Karya harus asli dan dibuat selama acara.\n3. Kode sumber dan video demo wajib dikumpulkan sebelum tenggat.\n4. Keputusan juri bersifat final dan dipublikasikan bersama berita acara.",
    offsets: { registrationOpens: -60, registrationCloses: -40, screeningCloses: -33, submissionOpens: -30, submissionCloses: -5, rounds: [-2, 3], announcement: 5 },
    roundNames: ["Penyisihan", "Final"],
    minTeamSize: 3,
    maxTeamSize: 7,
    pools: [
      { key: "mahasiswa", label: "Mahasiswa", quota: 5 },
      { key: "kim", label: "Anggota KIM", quota: 2 },
    ],
    tracks: [
      { name: "Layanan Publik Desa", description: "Aplikasi yang mendekatkan layanan desa/kelurahan kepada warga." },
      { name: "Literasi Digital & Anti-Hoaks", description: "Alat bantu KIM memeriksa dan meluruskan informasi." },
      { name: "Ekonomi Lokal & UMKM", description: "Pemasaran produk unggulan daerah dan data UMKM." },
    ],
    criteria: [CRITERIA_PRELIM, CRITERIA_FINAL],
    awards: [
      { name: "Juara I", kind: "PLACE", place: 1, prize: "Rp15.000.000 + trofi" },
      { name: "Juara II", kind: "PLACE", place: 2, prize: "Rp10.000.000 + trofi" },
      { name: "Juara III", kind: "PLACE", place: 3, prize: "Rp7.500.000 + trofi" },
      { name: "Harapan I", kind: "HONORABLE", place: 4, prize: "Rp3.000.000" },
      { name: "Inovasi Terbaik", kind: "SPECIAL", prize: "Pendampingan inkubasi 3 bulan" },
      { name: "Pilihan Warga", kind: "PEOPLES_CHOICE", prize: "Rp2.500.000" },
    ],
    faqs: [
      { question: "Siapa yang boleh ikut?", answer: "Mahasiswa aktif dan anggota KIM yang terdaftar di Dinas Kominfo kabupaten/kota di Jawa Timur." },
      { question: "Apakah ada biaya pendaftaran?", answer: "Tidak. Seluruh rangkaian acara gratis." },
      { question: "Bagaimana jika tim belum lengkap?", answer: "Tim dapat mendaftar lebih dulu lalu mengundang anggota dengan tautan atau kode undangan sampai pendaftaran ditutup." },
    ],
    contactEmail: "kimhackathon@kominfo.jatimprov.go.id",
    contactWhatsapp: "+6281234500001",
    settings: { requireProposal: true, requireVideo: true, blindJudging: false, peoplesChoice: true, galleryPublished: true, rankingMethod: "zscore" },
  });

  await db.eventMember.create({ data: { eventId: event.id, userId: organizer.id, role: "ORGANIZER" } });
  for (const j of judges) await db.eventMember.create({ data: { eventId: event.id, userId: j.id, role: "JUDGE" } });

  await createEvent(db, now, {
    slug: "kim-hackathon-jatim-2027",
    name: "KIM Hackathon Jawa Timur 2027",
    summary: "Pendaftaran tim dibuka! Bangun aplikasi informasi publik bersama KIM di daerah Anda.",
    description: "## Pendaftaran dibuka\nDaftarkan tim Anda dan lengkapi anggota sebelum pendaftaran ditutup.",
    rules: "1. Satu orang satu tim.\n2. Tim terdiri dari 3–7 orang.",
    offsets: { registrationOpens: -3, registrationCloses: 25, screeningCloses: 32, submissionOpens: 35, submissionCloses: 45, rounds: [50, 55], announcement: 58 },
    roundNames: ["Penyisihan", "Final"],
    minTeamSize: 3,
    maxTeamSize: 7,
    pools: [
      { key: "mahasiswa", label: "Mahasiswa", quota: 5 },
      { key: "kim", label: "Anggota KIM", quota: 2 },
    ],
    tracks: [
      { name: "Layanan Publik Desa", description: "Aplikasi layanan desa." },
      { name: "Literasi Digital & Anti-Hoaks", description: "Melawan hoaks bersama KIM." },
    ],
    criteria: [CRITERIA_PRELIM, CRITERIA_FINAL],
    awards: [
      { name: "Juara I", kind: "PLACE", place: 1, prize: "Rp15.000.000" },
      { name: "Juara II", kind: "PLACE", place: 2, prize: "Rp10.000.000" },
      { name: "Juara III", kind: "PLACE", place: 3, prize: "Rp7.500.000" },
    ],
    faqs: [{ question: "Kapan pendaftaran ditutup?", answer: "Lihat linimasa di halaman ini; semua waktu dalam WIB." }],
    contactEmail: "kimhackathon@kominfo.jatimprov.go.id",
  });
  await db.eventMember.create({ data: { eventId: (await db.event.findUniqueOrThrow({ where: { slug: "kim-hackathon-jatim-2027" } })).id, userId: organizer.id, role: "ORGANIZER" } });

  void participants;
  // Each area builds on the one before: teams → submissions → judging → results.
  await seedEvents(db, now);
  await seedTeams(db, now);
  await seedSubmissions(db, event.id, now);
  await seedJudging(db, now);
  await seedResults(db, now);
  await seedPastEvent(db, now);
  return creds;
}

export function formatCredentials(creds: DemoCredentials): string {
  const lines = creds.map((c) => `  ${c.role.padEnd(16)} ${c.email}\n  ${"".padEnd(16)} kata sandi: ${c.password}`);
  return `Akun demo KIM Hackathon:\n${lines.join("\n")}\n`;
}

export function saveCredentials(dataDir: string, creds: DemoCredentials): string {
  mkdirSync(dataDir, { recursive: true });
  const file = join(resolve(dataDir), "demo-credentials.txt");
  writeFileSync(file, formatCredentials(creds), { mode: 0o600 });
  return file;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { db } = await import("../app/services/db.server");
  const { env } = await import("../app/services/env.server");
  if ((await db.user.count()) > 0) {
    console.log("The database already has users; the demo seed runs only on an empty database.");
  } else {
    const creds = await seedDemo(db, new Date(), env().ADMIN_EMAIL);
    console.log(formatCredentials(creds));
    saveCredentials(env().DATA_DIR, creds);
  }
  await db.$disconnect();
}

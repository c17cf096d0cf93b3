// A finished edition, "KIM Hackathon Jawa Timur 2025", judged and published the way an organizer
// would through the UI: the public sees a leaderboard, winners and verifiable certificates out of
// the box, while the 2026 edition waits to be published.
import type { PublicationAwardKind } from "../app/domain/publication";
import { suggestRecipients } from "../app/domain/publication";
import type { Db } from "../app/services/db.server";
import { judgeEvent } from "./seed-results";
import { createEvent } from "./seed-utils";

const CRITERIA = [
  { name: "Dampak bagi masyarakat", description: "Manfaat nyata bagi warga desa dan kota.", weight: 40, scaleMin: 1, scaleMax: 10 },
  { name: "Inovasi", description: "Kebaruan ide dibanding layanan yang sudah ada.", weight: 30, scaleMin: 1, scaleMax: 10 },
  { name: "Kelayakan teknis", description: "Prototipe berjalan dan dapat dikembangkan KIM.", weight: 30, scaleMin: 1, scaleMax: 10 },
];

export async function seedPastEvent(db: Db, now: Date): Promise<void> {
  if (await db.event.findUnique({ where: { slug: "kim-hackathon-jatim-2025" } })) return;
  const event = await createEvent(db, now, {
    slug: "kim-hackathon-jatim-2025",
    name: "KIM Hackathon Jawa Timur 2025",
    summary: "Edisi 2025 telah selesai: lihat pemenang, papan peringkat, dan verifikasi e-sertifikat.",
    description: "## Edisi 2025\nTim campuran mahasiswa dan anggota KIM membangun layanan informasi publik untuk desa dan kota di Jawa Timur.",
    rules: "1. Satu orang satu tim.\n2. Karya dikumpulkan sebelum tenggat.",
    offsets: { registrationOpens: -400, registrationCloses: -380, screeningCloses: -373, submissionOpens: -370, submissionCloses: -350, rounds: [-345, -340], announcement: -338 },
    roundNames: ["Penyisihan", "Final"],
    minTeamSize: 1,
    maxTeamSize: 7,
    tracks: [
      { name: "Layanan Publik Desa", description: "Aplikasi layanan desa/kelurahan." },
      { name: "Literasi Digital & Anti-Hoaks", description: "Alat bantu KIM melawan hoaks." },
    ],
    criteria: [CRITERIA, CRITERIA],
    awards: [
      { name: "Juara I", kind: "PLACE", place: 1, prize: "Rp12.500.000 + trofi" },
      { name: "Juara II", kind: "PLACE", place: 2, prize: "Rp8.500.000 + trofi" },
      { name: "Juara III", kind: "PLACE", place: 3, prize: "Rp6.000.000 + trofi" },
    ],
    faqs: [{ question: "Apakah edisi 2025 sudah selesai?", answer: "Ya. Hasil dan berita acara dapat dilihat di halaman hasil." }],
    contactEmail: "kimhackathon@kominfo.jatimprov.go.id",
    settings: { galleryPublished: true, rankingMethod: "zscore" },
  });
  await db.event.update({ where: { id: event.id }, data: { signatoryName: "Drs. Hadi Prasetyo, M.Si." } });

  const organizer = await db.user.findFirst({ where: { email: "panitia@kominfo.jatimprov.go.id" }, select: { id: true } });
  const judges = await db.user.findMany({ where: { email: { in: ["juri1@kim-hackathon.id", "juri2@kim-hackathon.id", "juri3@kim-hackathon.id", "juri4@kim-hackathon.id"] } }, select: { id: true } });
  if (!organizer || judges.length === 0) return;
  await db.eventMember.create({ data: { eventId: event.id, userId: organizer.id, role: "ORGANIZER" } });
  for (const j of judges) await db.eventMember.create({ data: { eventId: event.id, userId: j.id, role: "JUDGE" } });
  await judgeEvent(db, event.id, new Date(event.submissionClosesAt.getTime() + 2 * 24 * 60 * 60 * 1000), { teams: 6, finalists: 4, seed: 2025 });

  // Published as the organizer does it: the final round, the event's method, suggested winners.
  const { loadRoundResults } = await import("../app/models/results.server");
  const { listAwards, publishResults } = await import("../app/models/publication.server");
  const fresh = await db.event.findUniqueOrThrow({ where: { id: event.id } });
  const final = await db.round.findFirstOrThrow({ where: { eventId: event.id, order: 2 } });
  const results = await loadRoundResults(fresh, { roundId: final.id });
  const awards = await listAwards(event.id);
  const recipients = suggestRecipients(
    awards.map((a) => ({ id: a.id, kind: a.kind as PublicationAwardKind, place: a.place })),
    results.rows,
    null,
  );
  const published = await publishResults({
    eventId: event.id,
    actorId: organizer.id,
    roundId: final.id,
    method: "zscore",
    recipients,
    override: false,
    overrideReason: "",
    now: fresh.announcementAt,
  });
  if (!published.ok) throw new Error(`demo 2025 event could not be published: ${published.code}`);
}

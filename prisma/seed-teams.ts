// Demo teams. The 2026 event (judging phase) holds teams in every screening status from several
// regions, complete and within the pool quotas (at most 5 mahasiswa + 2 KIM); peserta1 captains
// an accepted team and peserta16 stays without a team. The 2027 event (registration open) has
// two teams still gathering members. Filler members are extra participant accounts.
import { randomBytes } from "node:crypto";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { PRIVACY_VERSION } from "../app/domain/privacy";
import { teamNameKey } from "../app/domain/team-name";
import type { Db } from "../app/services/db.server";
import { randomToken, shortCode } from "../app/services/ids.server";
import { hashPassword } from "../app/services/password.server";
import { putFile } from "../app/services/storage.server";

type TeamSeed = {
  name: string;
  kim: string;
  region: string;
  institution: string;
  track: number;
  captain: number;
  /** Other seeded participants (peserta n) in the team, as [n, pool]. */
  peserta?: [number, "mahasiswa" | "kim"][];
  /** Filler accounts to add per pool. */
  extra: { mahasiswa: number; kim: number };
  captainPool: "mahasiswa" | "kim";
  status: "ACCEPTED" | "PENDING" | "REJECTED";
  reason?: string;
};

const TEAMS_2026: TeamSeed[] = [
  {
    name: "Tim Sigap Desa",
    kim: "KIM Sumber Rejeki",
    region: "Kota Surabaya",
    institution: "Institut Teknologi Sepuluh Nopember",
    track: 0,
    captain: 1,
    peserta: [[13, "mahasiswa"]],
    extra: { mahasiswa: 3, kim: 2 },
    captainPool: "mahasiswa",
    status: "ACCEPTED",
  },
  {
    name: "Kabar Kampung Digital",
    kim: "KIM Cahaya Desa",
    region: "Kabupaten Malang",
    institution: "Universitas Brawijaya",
    track: 1,
    captain: 2,
    extra: { mahasiswa: 4, kim: 1 },
    captainPool: "kim",
    status: "ACCEPTED",
  },
  {
    name: "Lapor Cepat Banyuwangi",
    kim: "KIM Blambangan",
    region: "Kabupaten Banyuwangi",
    institution: "Politeknik Negeri Banyuwangi",
    track: 0,
    captain: 3,
    extra: { mahasiswa: 4, kim: 2 },
    captainPool: "mahasiswa",
    status: "ACCEPTED",
  },
  {
    name: "Cek Fakta Jember",
    kim: "KIM Tegal Besar",
    region: "Kabupaten Jember",
    institution: "Universitas Jember",
    track: 1,
    captain: 4,
    peserta: [[14, "kim"]],
    extra: { mahasiswa: 4, kim: 0 },
    captainPool: "mahasiswa",
    status: "ACCEPTED",
  },
  {
    name: "Pasar UMKM Sidoarjo",
    kim: "KIM Delta Mandiri",
    region: "Kabupaten Sidoarjo",
    institution: "Universitas Muhammadiyah Sidoarjo",
    track: 2,
    captain: 5,
    extra: { mahasiswa: 2, kim: 1 },
    captainPool: "mahasiswa",
    status: "ACCEPTED",
  },
  {
    name: "Info Tani Lamongan",
    kim: "KIM Tani Makmur",
    region: "Kabupaten Lamongan",
    institution: "Universitas Islam Lamongan",
    track: 2,
    captain: 6,
    extra: { mahasiswa: 4, kim: 1 },
    captainPool: "kim",
    status: "ACCEPTED",
  },
  {
    name: "Suara Warga Kediri",
    kim: "KIM Brantas",
    region: "Kota Kediri",
    institution: "Universitas Nusantara PGRI Kediri",
    track: 0,
    captain: 7,
    peserta: [[15, "mahasiswa"]],
    extra: { mahasiswa: 3, kim: 2 },
    captainPool: "mahasiswa",
    status: "ACCEPTED",
  },
  {
    name: "Madiun Tanggap",
    kim: "KIM Pecel Madiun",
    region: "Kota Madiun",
    institution: "Universitas PGRI Madiun",
    track: 1,
    captain: 8,
    extra: { mahasiswa: 3, kim: 1 },
    captainPool: "mahasiswa",
    status: "PENDING",
  },
  {
    name: "Gresik Terhubung",
    kim: "KIM Giri Kedaton",
    region: "Kabupaten Gresik",
    institution: "Universitas Muhammadiyah Gresik",
    track: 0,
    captain: 9,
    extra: { mahasiswa: 1, kim: 1 },
    captainPool: "mahasiswa",
    status: "PENDING",
  },
  {
    name: "Probolinggo Pintar",
    kim: "KIM Bromo",
    region: "Kabupaten Probolinggo",
    institution: "Universitas Panca Marga",
    track: 2,
    captain: 10,
    extra: { mahasiswa: 3, kim: 0 },
    captainPool: "kim",
    status: "PENDING",
  },
  {
    name: "Blitar Berbagi",
    kim: "KIM Patria",
    region: "Kota Blitar",
    institution: "Universitas Islam Balitar",
    track: 1,
    captain: 11,
    extra: { mahasiswa: 2, kim: 0 },
    captainPool: "mahasiswa",
    status: "REJECTED",
    reason: "Proposal tidak diunggah dan tim belum memiliki anggota KIM sampai pendaftaran ditutup.",
  },
  {
    name: "Pacitan Melek Data",
    kim: "KIM Tiga Dara",
    region: "Kabupaten Pacitan",
    institution: "STKIP PGRI Pacitan",
    track: 2,
    captain: 12,
    extra: { mahasiswa: 2, kim: 1 },
    captainPool: "kim",
    status: "REJECTED",
    reason: "Video perkenalan tidak dapat diakses dan ide sama dengan karya yang sudah pernah dilombakan.",
  },
];

const TEAMS_2027: TeamSeed[] = [
  {
    name: "Tim Kabar Desa",
    kim: "KIM Sumber Rejeki",
    region: "Kota Surabaya",
    institution: "Universitas Airlangga",
    track: 0,
    captain: 2,
    peserta: [[3, "mahasiswa"]],
    extra: { mahasiswa: 0, kim: 0 },
    captainPool: "mahasiswa",
    status: "PENDING",
  },
  {
    name: "Malang Anti-Hoaks",
    kim: "KIM Arjuna",
    region: "Kota Malang",
    institution: "Universitas Negeri Malang",
    track: 1,
    captain: 5,
    extra: { mahasiswa: 1, kim: 1 },
    captainPool: "kim",
    status: "PENDING",
  },
];

const FIRST_NAMES = [
  "Aditya",
  "Bella",
  "Candra",
  "Dinda",
  "Erlangga",
  "Fitri",
  "Galih",
  "Hana",
  "Irfan",
  "Jihan",
  "Kurnia",
  "Laras",
  "Miftah",
  "Nadia",
  "Oki",
  "Pramudya",
  "Qori",
  "Rangga",
  "Salsabila",
  "Taufik",
  "Umi",
  "Vina",
  "Wahyu",
  "Yusuf",
  "Zahra",
];
const LAST_NAMES = ["Hartono", "Kusuma", "Wibowo", "Susanti", "Firmansyah", "Handayani", "Saputro", "Rahayu", "Nugraha", "Lestari"];

async function proposalPdf(team: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  page.drawText(`Proposal ${team}`, { x: 56, y: 770, size: 20, font });
  page.drawText("KIM Hackathon Jawa Timur 2026 - dokumen demo", { x: 56, y: 740, size: 12, font });
  return doc.save();
}

export async function seedTeams(db: Db, now: Date): Promise<void> {
  const organizer = await db.user.findUniqueOrThrow({ where: { email: "panitia@kominfo.jatimprov.go.id" } });
  const participant = async (n: number) => db.user.findUniqueOrThrow({ where: { email: `peserta${n}@kim-hackathon.id` } });
  // Filler accounts share one hash of a password nobody is told: they exist to fill teams.
  const fillerHash = await hashPassword(randomBytes(18).toString("base64url"));
  let filler = 0;
  const nextFiller = async () => {
    const i = filler++;
    const name = `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length]}`;
    return db.user.create({
      data: {
        email: `anggota${i + 1}@kim-hackathon.id`,
        name,
        passwordHash: fillerHash,
        whatsapp: `+62813${String(5000000 + i).padStart(7, "0")}`,
        emailVerifiedAt: now,
        privacyVersion: PRIVACY_VERSION,
        privacyAcceptedAt: now,
      },
    });
  };

  const seedEvent = async (slug: string, seeds: TeamSeed[], withMaterials: boolean) => {
    const event = await db.event.findUniqueOrThrow({ where: { slug }, include: { regions: true, tracks: { orderBy: { order: "asc" } } } });
    for (const [i, s] of seeds.entries()) {
      const region = event.regions.find((r) => r.name === s.region);
      const proposal = withMaterials && s.status !== "REJECTED" ? await putFile("proposals", await proposalPdf(s.name)) : null;
      const members: { userId: string; pool: string; role: "CAPTAIN" | "MEMBER" }[] = [{ userId: (await participant(s.captain)).id, pool: s.captainPool, role: "CAPTAIN" }];
      for (const [n, pool] of s.peserta ?? []) members.push({ userId: (await participant(n)).id, pool, role: "MEMBER" });
      for (const pool of ["mahasiswa", "kim"] as const) {
        for (let k = 0; k < s.extra[pool]; k++) members.push({ userId: (await nextFiller()).id, pool, role: "MEMBER" });
      }
      const createdAt = new Date(event.registrationOpensAt.getTime() + (i + 1) * 3 * 3600_000);
      const reviewed = s.status !== "PENDING";
      await db.team.create({
        data: {
          eventId: event.id,
          name: s.name,
          nameKey: teamNameKey(s.name),
          kimName: s.kim,
          regionId: region?.id ?? null,
          institution: s.institution,
          trackId: event.tracks[s.track]?.id ?? null,
          inviteCode: shortCode(),
          inviteToken: randomToken(),
          status: s.status,
          statusReason: s.reason ?? null,
          reviewedAt: reviewed ? event.registrationClosesAt : null,
          reviewedById: reviewed ? organizer.id : null,
          proposalKey: proposal?.key ?? null,
          proposalName: proposal ? `Proposal ${s.name}.pdf` : null,
          videoUrl: withMaterials ? "https://www.youtube.com/watch?v=dQw4w9WgXcQ" : null,
          createdAt,
          members: {
            create: members.map((m, k) => ({ eventId: event.id, userId: m.userId, role: m.role, pool: m.pool, joinedAt: new Date(createdAt.getTime() + k * 600_000) })),
          },
        },
      });
    }
  };

  await seedEvent("kim-hackathon-jatim-2026", TEAMS_2026, true);
  await seedEvent("kim-hackathon-jatim-2027", TEAMS_2027, false);
}

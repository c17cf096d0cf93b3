// Authorization matrix: every loader and action of every route module × every kind of actor, with
// the outcome a secure app gives. A route module without a row fails the suite, so a new route
// cannot ship without someone deciding who may use it.
//
// Actors (columns, in this order):
//   A  anonymous                    U  signed in, no team, no role     M  member of team T (event A)
//   C  captain of T                 X  captain of another team in A    JA judge of A assigned to T's submission
//   JN judge of A, not assigned     O  organizer of A                  OX organizer of event B only
//   AD platform admin               RJ judge removed from A after scoring T's submission
// Outcomes:
//   ok 200 · in redirect to /masuk · dash redirect to /dasbor (signed-in visitors of login pages)
//   go another redirect · bad 400 · no 403 · nf 404 · gone 410 · "a|b" either
//   x  any refusal (400/403/404/410): only where the exact status is left to a pending fix
// 404 where the actor has no business knowing the thing exists (private events, other teams,
// other events' ids); 403 where the actor may know it but not do it.
// Every POST cell must leave the database as it found it (a fingerprint of every table), except
// the cells a row lists in `writes`. Cells failing today because of a known open bug carry
// `fixPending` (issue item) and run as `it.fails`: once the fix lands they pass, `it.fails`
// turns red, and the marker must go.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/services/db.server";
import { ACTORS, authzWorld, type ActorCode, type AuthzWorld } from "~/test/authz-fixture";
import { buildRequest, changedTables, fingerprint, invoke, paramNames, pathOf, routeFiles, type Body, type Outcome } from "~/test/authz-runner";
import { cookieFor } from "~/test/judging-fixture";

type Row = {
  route: string;
  method: "GET" | "POST";
  /** One outcome per actor, in ACTORS order. */
  cells: string;
  /** Tells variants of one route+method apart (cross-event ids, a special body). */
  label?: string;
  params?: (w: AuthzWorld) => Record<string, string>;
  query?: string;
  body?: (w: AuthzWorld) => Body;
  /** Per-cell state the row consumes: a fresh invite token or a throwaway session. */
  fresh?: "invite" | "session";
  writes?: string;
  /** Text that must not reach these actors even though the page itself is theirs to see. */
  hides?: { text: (w: AuthzWorld) => string; from: string };
  fixPending?: { item: string; actors: string };
  cleanup?: (w: AuthzWorld, userId: string | null, since: Date) => Promise<void>;
};

const B = (w: AuthzWorld) => ({ slug: w.b.slug });
const score = (w: AuthzWorld): Body => ({ intent: "save", version: "1", comment: "Baik", ...Object.fromEntries(w.ids.criteria.map((c) => [`score.${c}`, "5"])) });
const NOT_AUDIENCE = "A U M C X OX RJ";

// prettier-ignore
const ROWS: Row[] = [
  // ── Public pages ────────────────────────────────────── A    U    M    C    X    JA   JN   O    OX   AD   RJ
  { route: "_index", method: "GET",                 cells: "ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok" },
  { route: "acara.$slug._index", method: "GET",     cells: "ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok",
    hides: { text: (w) => w.judgesNote, from: NOT_AUDIENCE } },
  { route: "acara.$slug.banner", method: "GET",     cells: "ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok" },
  { route: "acara.$slug.kalender[.]ics", method: "GET",
                                                    cells: "ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok" },
  { route: "acara.$slug_.galeri", method: "GET",    cells: "ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok" },
  { route: "acara.$slug_.proyek.$submissionId", method: "GET",
                                                    cells: "ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok" },
  { route: "acara.$slug_.proyek.$submissionId", method: "GET", label: "rejected team's project",
    params: (w) => ({ submissionId: w.ids.rejectedSubmission }),
                                                    cells: "nf   nf   nf   nf   nf   nf   nf   nf   nf   nf   nf" },
  { route: "acara.$slug_.hasil", method: "GET",     cells: "ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok",
    hides: { text: (w) => w.judgesNote, from: NOT_AUDIENCE } },
  { route: "acara.$slug_.hasil_.tayang", method: "GET",
                                                    cells: "ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok" },
  // Off by default: the organizers have not switched the public statistics on.
  { route: "acara.$slug_.statistik", method: "GET",
                                                    cells: "nf   nf   nf   nf   nf   nf   nf   nf   nf   nf   nf" },
  { route: "acara.$slug_.pilih", method: "GET",     cells: "ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok",
    hides: { text: () => "Karya Ditolak", from: ACTORS.join(" ") } },
  { route: "acara.$slug_.pilih", method: "POST",    cells: "in   bad  bad  bad  bad  bad  bad  bad  bad  bad  bad" },
  { route: "acara.$slug_.pilih", method: "POST", label: "vote for a rejected team",
    body: (w) => ({ submissionId: w.ids.rejectedSubmission }),
                                                    cells: "in   bad  bad  bad  bad  bad  bad  bad  bad  bad  bad",
    cleanup: async (w, userId) => void (userId && (await db.vote.deleteMany({ where: { eventId: w.a.id, userId } }))) },
  { route: "berita-acara.$id", method: "GET",       cells: "ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok" },
  { route: "berita-acara.$id", method: "POST",      cells: "bad  bad  bad  bad  bad  bad  bad  bad  bad  bad  bad" },
  { route: "berita-acara.$id.pdf", method: "GET",   cells: "ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok" },
  { route: "berkas.sampul.$submissionId", method: "GET",
                                                    cells: "ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok" },
  { route: "verifikasi.$code", method: "GET",       cells: "ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok" },
  { route: "verifikasi._index", method: "GET",      cells: "ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok" },
  { route: "verifikasi._index", method: "GET", label: "a typed code", query: "?kode=kim-0000-0000-0000-0000",
                                                    cells: "go   go   go   go   go   go   go   go   go   go   go" },
  { route: "bahasa", method: "GET",                 cells: "go   go   go   go   go   go   go   go   go   go   go" },
  // A signed-in user's choice is kept on the account for mail sent later (reminders).
  { route: "bahasa", method: "POST", body: () => ({ lng: "en", redirectTo: "/" }), writes: "U M C X JA JN O OX AD RJ",
                                                    cells: "go   go   go   go   go   go   go   go   go   go   go" },

  // ── Accounts ────────────────────────────────────────── A    U    M    C    X    JA   JN   O    OX   AD   RJ
  { route: "daftar", method: "GET",                 cells: "ok   dash dash dash dash dash dash dash dash dash dash" },
  { route: "daftar", method: "POST",                cells: "bad  dash dash dash dash dash dash dash dash dash dash" },
  { route: "masuk", method: "GET",                  cells: "ok   dash dash dash dash dash dash dash dash dash dash" },
  { route: "masuk", method: "POST",                 cells: "bad  dash dash dash dash dash dash dash dash dash dash" },
  { route: "lupa-sandi", method: "POST",            cells: "bad  bad  bad  bad  bad  bad  bad  bad  bad  bad  bad" },
  { route: "atur-ulang-sandi.$token", method: "GET",
                                                    cells: "ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok" },
  { route: "atur-ulang-sandi.$token", method: "POST",
                                                    cells: "bad  bad  bad  bad  bad  bad  bad  bad  bad  bad  bad" },
  { route: "verifikasi-email.$token", method: "GET",
                                                    cells: "bad  bad  bad  bad  bad  bad  bad  bad  bad  bad  bad" },
  { route: "keluar", method: "GET",                 cells: "go   go   go   go   go   go   go   go   go   go   go" },
  { route: "keluar", method: "POST", fresh: "session",
                                                    cells: "go   go   go   go   go   go   go   go   go   go   go" },
  { route: "akun", method: "GET",                   cells: "in   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok" },
  { route: "akun", method: "POST", body: () => ({ intent: "ubah" }),
                                                    cells: "in   bad  bad  bad  bad  bad  bad  bad  bad  bad  bad" },
  { route: "akun_.sandi", method: "GET",            cells: "in   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok" },
  { route: "akun_.sandi", method: "POST",           cells: "in   bad  bad  bad  bad  bad  bad  bad  bad  bad  bad" },
  { route: "akun_.email", method: "GET",            cells: "in   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok" },
  { route: "akun_.email", method: "POST",           cells: "in   bad  bad  bad  bad  bad  bad  bad  bad  bad  bad" },
  { route: "akun_.email_.$token", method: "GET",    cells: "in   bad  bad  bad  bad  bad  bad  bad  bad  bad  bad" },
  { route: "akun_.data[.]zip", method: "GET",      cells: "in   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok" },
  { route: "akun_.hapus", method: "GET",            cells: "in   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok" },
  { route: "akun_.hapus", method: "POST",           cells: "in   bad  bad  bad  bad  bad  bad  bad  bad  bad  bad" },
  { route: "akun_.hapus", method: "POST", label: "wrong password", body: () => ({ currentPassword: "bukan-sandinya", confirmation: "HAPUS" }),
                                                    cells: "in   bad  bad  bad  bad  bad  bad  bad  bad  bad  bad" },
  { route: "persetujuan", method: "GET",            cells: "in   go   go   go   go   go   go   go   go   go   go" },
  { route: "persetujuan", method: "POST",           cells: "in   bad  bad  bad  bad  bad  bad  bad  bad  bad  bad" },
  { route: "privasi", method: "GET",                cells: "ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok" },
  { route: "akun_.verifikasi", method: "GET",       cells: "in   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok" },
  { route: "akun_.verifikasi", method: "POST",      cells: "in   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok" },
  { route: "dasbor", method: "GET",                 cells: "in   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok" },
  { route: "sertifikat._index", method: "GET",      cells: "in   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok" },
  { route: "sertifikat.$code[.]pdf", method: "GET", cells: "in   nf   ok   nf   nf   nf   nf   ok   nf   ok   nf" },
  { route: "admin._index", method: "GET",           cells: "in   no   no   no   no   no   no   no   no   ok   no" },
  { route: "admin._index", method: "POST",          cells: "in   no   no   no   no   no   no   no   no   bad  no" },

  // ── Teams and submissions ───────────────────────────── A    U    M    C    X    JA   JN   O    OX   AD   RJ
  { route: "acara.$slug.daftar-tim", method: "GET", cells: "in   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok" },
  { route: "acara.$slug.daftar-tim", method: "POST", body: (w) => ({ name: "Tim Baru", regionId: w.ids.region }),
                                                    cells: "in   bad  bad  bad  bad  bad  bad  bad  bad  bad  bad" },
  { route: "gabung._index", method: "GET",          cells: "in   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok" },
  { route: "gabung._index", method: "POST",         cells: "in   bad  bad  bad  bad  bad  bad  bad  bad  bad  bad" },
  { route: "gabung.$token", method: "GET",          cells: "in   ok   go   go   ok   ok   ok   ok   ok   ok   ok" },
  { route: "gabung.$token", method: "POST", body: () => ({ pool: "" }),
                                                    cells: "in   bad  bad  bad  bad  bad  bad  bad  bad  bad  bad" },
  { route: "gabung.tempat.$token", method: "GET",   cells: "ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok" },
  { route: "gabung.tempat.$token", method: "GET", label: "unknown link", params: () => ({ token: "tidak-ada-tempat-seperti-ini" }),
                                                    cells: "nf   nf   nf   nf   nf   nf   nf   nf   nf   nf   nf" },
  { route: "gabung.tempat.$token", method: "POST",  cells: "in   no   no   no   no   no   no   no   no   no   no" },
  { route: "tim.$teamId._index", method: "GET",     cells: "in   nf   ok   ok   nf   nf   nf   ok   nf   ok   nf" },
  { route: "tim.$teamId._index", method: "POST", body: () => ({ intent: "regenerate" }),
                                                    cells: "in   nf   no   bad  nf   nf   nf   nf   nf   nf   nf" },
  // The team finder: the world's event is past registration, so every request is refused as closed.
  { route: "acara.$slug.cari-tim", method: "GET",   cells: "in   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok" },
  { route: "acara.$slug.cari-tim", method: "POST", body: (w) => ({ intent: "request", teamId: w.ids.team }),
                                                    cells: "in   bad  bad  bad  bad  bad  bad  bad  bad  bad  bad" },
  { route: "tim.$teamId.cari-anggota", method: "GET",
                                                    cells: "in   nf   ok   ok   nf   nf   nf   nf   nf   nf   nf" },
  { route: "tim.$teamId.cari-anggota", method: "POST", body: () => ({ intent: "close" }),
                                                    cells: "in   nf   no   bad  nf   nf   nf   nf   nf   nf   nf" },
  { route: "tim.$teamId.karya", method: "GET",      cells: "in   nf   ok   ok   nf   nf   nf   nf   nf   nf   nf" },
  { route: "tim.$teamId.karya", method: "POST", body: () => ({ intent: "save" }),
                                                    cells: "in   nf   no   no   nf   nf   nf   nf   nf   nf   nf" },
  { route: "tim.$teamId.proposal", method: "GET",   cells: "in   nf   ok   ok   nf   nf   nf   ok   nf   ok   nf" },
  { route: "tim.$teamId_.umpan-balik", method: "GET",
                                                    cells: "in   nf   ok   ok   nf   nf   nf   nf   nf   nf   nf" },
  { route: "berkas.$attachmentId", method: "GET",   cells: "nf   nf   ok   ok   nf   ok   nf   ok   nf   ok   nf" },

  // ── Invites ─────────────────────────────────────────── A    U    M    C    X    JA   JN   O    OX   AD   RJ
  { route: "undangan.$token", method: "GET",        cells: "ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok" },
  { route: "undangan.$token", method: "POST", fresh: "invite", body: () => ({ kimName: "KIM Uji" }),
                                                    cells: "in   x    x    x    x    x    x    x    x    x    x",
    cleanup: async (w, userId, since) => void (userId && (await db.eventMember.deleteMany({ where: { eventId: w.a.id, userId, createdAt: { gte: since } } }))) },

  // ── Judging ─────────────────────────────────────────── A    U    M    C    X    JA   JN   O    OX   AD   RJ
  { route: "juri.$slug", method: "GET",             cells: "in   nf   nf   nf   nf   ok   ok   nf   nf   nf   nf" },
  { route: "juri.$slug._index", method: "GET",      cells: "in   nf   nf   nf   nf   ok   ok   nf   nf   nf   nf" },
  { route: "juri.$slug.konflik", method: "GET",     cells: "in   nf   nf   nf   nf   ok   ok   nf   nf   nf   nf" },
  { route: "juri.$slug.konflik", method: "POST", body: () => ({ regionId: "x".repeat(65) }),
                                                    cells: "in   nf   nf   nf   nf   bad  bad  nf   nf   nf   nf" },
  { route: "juri.$slug.nilai.$assignmentId", method: "GET",
                                                    cells: "in   nf   nf   nf   nf   ok   nf   nf   nf   nf   nf" },
  { route: "juri.$slug.nilai.$assignmentId", method: "POST", body: score,
                                                    cells: "in   nf   nf   nf   nf   bad  nf   nf   nf   nf   nf" },
  { route: "juri.$slug.nilai.$assignmentId.simpan", method: "POST", body: score,
                                                    cells: "in   nf   nf   nf   nf   bad  nf   nf   nf   nf   nf" },

  // ── Organizer area ──────────────────────────────────── A    U    M    C    X    JA   JN   O    OX   AD   RJ
  ...[
    "kelola.$slug", "kelola.$slug._index", "kelola.$slug.audit", "kelola.$slug.hasil", "kelola.$slug.hasil.sertifikat[.]zip",
    "kelola.$slug.hasil.stream", "kelola.$slug.karya", "kelola.$slug.karya[.]csv", "kelola.$slug.karya_.$submissionId",
    "kelola.$slug.linimasa", "kelola.$slug.pengaturan", "kelola.$slug.pengingat", "kelola.$slug.pengumuman", "kelola.$slug.penjurian",
    "kelola.$slug.penjurian._index", "kelola.$slug.penjurian.audit", "kelola.$slug.penjurian.babak",
    "kelola.$slug.penjurian.konflik", "kelola.$slug.penjurian.progres", "kelola.$slug.statistik", "kelola.$slug.statistik[.]csv",
    "kelola.$slug.statistik[.]pdf", "kelola.$slug.struktur", "kelola.$slug.struktur._index",
    "kelola.$slug.struktur.penghargaan", "kelola.$slug.struktur.rubrik", "kelola.$slug.struktur.wilayah",
    "kelola.$slug.tim-panitia", "kelola.$slug.tim", "kelola.$slug.tim_.$teamId", "kelola.$slug.tim_.ekspor",
    "kelola.$slug.tim-panitia_.impor", "kelola.$slug.tim-panitia_.impor_.templat", "kelola.$slug.tim_.impor", "kelola.$slug.tim_.impor_.templat",
  ].map((route): Row => ({ route, method: "GET",    cells: "in   nf   nf   nf   nf   nf   nf   ok   nf   ok   nf" })),
  { route: "kelola.$slug.hasil.ekspor", method: "GET", query: "?data=teams",
                                                    cells: "in   nf   nf   nf   nf   nf   nf   ok   nf   ok   nf" },
  ...[
    "kelola.$slug.hasil", "kelola.$slug.linimasa", "kelola.$slug.pengaturan", "kelola.$slug.pengingat", "kelola.$slug.pengumuman",
    "kelola.$slug.penjurian._index", "kelola.$slug.penjurian.babak", "kelola.$slug.penjurian.progres", "kelola.$slug.statistik",
    "kelola.$slug.struktur._index", "kelola.$slug.struktur.penghargaan", "kelola.$slug.struktur.rubrik",
    "kelola.$slug.struktur.wilayah", "kelola.$slug.tim-panitia", "kelola.$slug.tim", "kelola.$slug.tim_.$teamId",
    "kelola.$slug.tim-panitia_.impor", "kelola.$slug.tim_.impor",
  ].map((route): Row => ({ route, method: "POST",   cells: "in   nf   nf   nf   nf   nf   nf   bad  nf   bad  nf" })),
  { route: "kelola.$slug.karya", method: "POST",    cells: "in   nf   nf   nf   nf   nf   nf   go   nf   go   nf" },
  { route: "kelola.$slug.penjurian.konflik", method: "POST", writes: "O AD",
                                                    cells: "in   nf   nf   nf   nf   nf   nf   ok   nf   ok   nf" },

  // ── Cross-event: event B's routes with event A's ids. OX organizes B, JA also judges B.
  //                                                        A    U    M    C    X    JA   JN   O    OX   AD   RJ
  { route: "kelola.$slug.tim_.$teamId", method: "GET", label: "B with A's team", params: B,
                                                    cells: "in   nf   nf   nf   nf   nf   nf   nf   nf   nf   nf" },
  { route: "kelola.$slug.tim_.$teamId", method: "POST", label: "B rejects A's team", params: B,
    body: () => ({ intent: "review", decision: "REJECTED", reason: "Berkas tidak lengkap" }),
                                                    cells: "in   nf   nf   nf   nf   nf   nf   nf   nf   nf   nf" },
  { route: "kelola.$slug.tim_.$teamId", method: "POST", label: "B extends A's team", params: B,
    body: () => ({ intent: "extension", until: "2030-01-01T10:00", reason: "Listrik padam" }),
                                                    cells: "in   nf   nf   nf   nf   nf   nf   nf   nf   nf   nf" },
  { route: "kelola.$slug.tim", method: "POST", label: "B bulk-rejects A's team", params: B,
    body: (w) => ({ decision: "REJECTED", reason: "Berkas tidak lengkap", teamIds: [w.ids.team] }),
                                                    cells: "in   nf   nf   nf   nf   nf   nf   nf   go   go   nf" },
  { route: "kelola.$slug.karya_.$submissionId", method: "GET", label: "B with A's submission", params: B,
                                                    cells: "in   nf   nf   nf   nf   nf   nf   nf   nf   nf   nf" },
  { route: "acara.$slug_.proyek.$submissionId", method: "GET", label: "B's gallery with A's submission", params: B,
                                                    cells: "nf   nf   nf   nf   nf   nf   nf   nf   nf   nf   nf" },
  { route: "acara.$slug_.pilih", method: "POST", label: "vote in B for A's submission", params: B,
    body: (w) => ({ submissionId: w.ids.submission }),
                                                    cells: "in   bad  bad  bad  bad  bad  bad  bad  bad  bad  bad" },
  { route: "juri.$slug.nilai.$assignmentId", method: "GET", label: "B with A's assignment", params: B,
                                                    cells: "in   nf   nf   nf   nf   nf   nf   nf   nf   nf   nf" },
  { route: "juri.$slug.nilai.$assignmentId", method: "POST", label: "B with A's assignment", params: B, body: score,
                                                    cells: "in   nf   nf   nf   nf   nf   nf   nf   nf   nf   nf" },
  { route: "juri.$slug.nilai.$assignmentId.simpan", method: "POST", label: "B with A's assignment", params: B, body: score,
                                                    cells: "in   nf   nf   nf   nf   nf   nf   nf   nf   nf   nf" },
  { route: "juri.$slug.konflik", method: "POST", label: "B judge declares on A's team", params: B,
    body: (w) => ({ teamIds: [w.ids.team] }),       cells: "in   nf   nf   nf   nf   bad  nf   nf   nf   nf   nf" },
  { route: "kelola.$slug.pengaturan", method: "POST", label: "B deletes A's FAQ", params: B,
    body: (w) => ({ intent: "faq-delete", id: w.ids.faq }),
                                                    cells: "in   nf   nf   nf   nf   nf   nf   nf   nf   nf   nf" },
  { route: "kelola.$slug.struktur._index", method: "POST", label: "B deletes A's track", params: B,
    body: (w) => ({ intent: "track-delete", id: w.ids.track }),
                                                    cells: "in   nf   nf   nf   nf   nf   nf   nf   nf   nf   nf" },
  { route: "kelola.$slug.struktur.penghargaan", method: "POST", label: "B deletes A's award", params: B,
    body: (w) => ({ intent: "award-delete", id: w.ids.award }),
                                                    cells: "in   nf   nf   nf   nf   nf   nf   nf   nf   nf   nf" },
  { route: "kelola.$slug.struktur.wilayah", method: "POST", label: "B deletes A's region", params: B,
    body: (w) => ({ intent: "region-delete", id: w.ids.region }),
                                                    cells: "in   nf   nf   nf   nf   nf   nf   nf   nf   nf   nf" },
  { route: "kelola.$slug.struktur.rubrik", method: "POST", label: "B edits A's rubric", params: B,
    body: (w) => ({ roundId: w.ids.round, judgesPerSubmission: "2", "criteria[0].id": w.ids.criteria[0]!, "criteria[0].name": "Dampak", "criteria[0].weight": "100", "criteria[0].scaleMin": "1", "criteria[0].scaleMax": "10" }),
                                                    cells: "in   nf   nf   nf   nf   nf   nf   nf   nf   nf   nf" },
  { route: "kelola.$slug.tim-panitia", method: "POST", label: "B revokes A's invite", params: B,
    body: (w) => ({ intent: "revoke", id: w.ids.invite }),
                                                    cells: "in   nf   nf   nf   nf   nf   nf   nf   nf   nf   nf" },
  { route: "kelola.$slug.tim-panitia", method: "POST", label: "B removes A's judge", params: B,
    body: (w) => ({ intent: "remove", id: w.ids.judgeMember }),
                                                    cells: "in   nf   nf   nf   nf   nf   nf   nf   nf   nf   nf" },
  { route: "kelola.$slug.tim-panitia", method: "POST", label: "B edits A's judge", params: B,
    body: (w) => ({ intent: "affiliation", id: w.ids.judgeMember, memberId: w.ids.judgeMember, kimName: "KIM Lain" }),
                                                    cells: "in   nf   nf   nf   nf   nf   nf   nf   nf   nf   nf" },
  { route: "kelola.$slug.penjurian._index", method: "POST", label: "B removes A's assignment", params: B,
    body: (w) => ({ intent: "remove", assignmentId: w.ids.assignment }),
                                                    cells: "in   nf   nf   nf   nf   nf   nf   nf   nf   nf   nf" },
  { route: "kelola.$slug.penjurian._index", method: "POST", label: "B assigns A's judge to A's submission", params: B,
    body: (w) => ({ intent: "add", judgeId: w.ids.unassignedJudge, submissionId: w.ids.submission }),
                                                    cells: "in   nf   nf   nf   nf   nf   nf   nf   bad  bad  nf" },
  { route: "kelola.$slug.penjurian.babak", method: "POST", label: "B advances A's submission", params: B,
    body: (w) => ({ intent: "pick", submissionIds: [w.ids.submission] }),
                                                    cells: "in   nf   nf   nf   nf   nf   nf   nf   bad  bad  nf" },
];

const DEFAULT_TOKENS: Record<string, (w: AuthzWorld) => string> = {
  "gabung.$token": (w) => w.ids.teamToken,
  "gabung.tempat.$token": (w) => w.ids.seatToken,
  "undangan.$token": (w) => w.ids.inviteToken,
  "atur-ulang-sandi.$token": (w) => w.ids.resetToken,
  "verifikasi-email.$token": () => "tidak-ada-token-seperti-ini",
  "akun_.email_.$token": () => "tidak-ada-token-seperti-ini",
};

function defaultParams(w: AuthzWorld, route: string): Record<string, string> {
  return {
    slug: w.a.slug,
    submissionId: w.ids.submission,
    teamId: w.ids.team,
    assignmentId: w.ids.assignment,
    attachmentId: w.ids.attachment,
    code: w.ids.certificate,
    id: w.ids.publication,
    token: DEFAULT_TOKENS[route]?.(w) ?? "",
  };
}

function matches(code: string, out: Outcome): boolean {
  return code.split("|").some((c) => {
    const redirect = out.status >= 300 && out.status < 400;
    switch (c) {
      case "ok":
        return out.status === 200;
      case "in":
        return redirect && (out.location ?? "").startsWith("/masuk?redirectTo=");
      case "dash":
        return redirect && out.location === "/dasbor";
      case "go":
        return redirect && !(out.location ?? "").startsWith("/masuk");
      case "bad":
        return out.status === 400;
      case "no":
        return out.status === 403;
      case "nf":
        return out.status === 404;
      case "gone":
        return out.status === 410;
      case "x":
        return [400, 403, 404, 410].includes(out.status);
      default:
        throw new Error(`unknown outcome code ${c}`);
    }
  });
}

const has = (list: string | undefined, actor: ActorCode) => (list ?? "").split(/\s+/).includes(actor);
const modules = new Map(routeFiles().map((r) => [r.route, r.file]));

let w: AuthzWorld;
beforeAll(async () => {
  w = await authzWorld();
}, 120_000);
afterAll(() => db.$disconnect());

/** The database as the last clean POST cell left it, so the next one need not read it again. */
let settled: Map<string, string> | null = null;

async function runCell(row: Row, actor: ActorCode, expected: string) {
  const known = settled;
  settled = null;
  const mod = (await import(modules.get(row.route) ?? `missing route module ${row.route}`)) as Record<string, (args: unknown) => Promise<unknown>>;
  const fn = mod[row.method === "GET" ? "loader" : "action"]!;
  const userId = actor === "A" ? null : w.users[actor];
  const cookie = row.fresh === "session" && userId ? await cookieFor(userId) : w.cookies[actor];
  const params = { ...defaultParams(w, row.route), ...row.params?.(w) };
  if (row.fresh === "invite") params.token = await w.freshInvite();
  const wanted = Object.fromEntries(paramNames(row.route).map((p) => [p, params[p]!]));
  const request = buildRequest(row.method, pathOf(row.route, wanted) + (row.query ?? ""), cookie, row.body?.(w) ?? {});
  const since = new Date();
  const before = row.method === "POST" ? ((row.fresh === "invite" ? null : known) ?? (await fingerprint())) : null;
  try {
    const out = await invoke(() => fn({ request, params: wanted, context: { nonce: "" } }));
    expect(matches(expected, out), `${row.method} ${request.url} as ${actor}: expected ${expected}, got ${out.status} ${out.location ?? ""} ${out.text.slice(0, 200)}`).toBe(true);
    if (row.hides && has(row.hides.from, actor)) expect(out.text, `${actor} must not see it`).not.toContain(row.hides.text(w));
    if (before) {
      const after = await fingerprint();
      if (!has(row.writes, actor)) expect(changedTables(before, after), `${actor} changed data`).toEqual([]);
      if (!row.cleanup) settled = after;
    }
  } finally {
    await row.cleanup?.(w, userId, since);
  }
}

describe("authorization matrix", () => {
  it("has a row for every loader and action of every route module, and none for a route that is gone", async () => {
    const missing: string[] = [];
    for (const [route, file] of modules) {
      const mod = (await import(file)) as Record<string, unknown>;
      for (const [exported, method] of [
        ["loader", "GET"],
        ["action", "POST"],
      ] as const) {
        if (typeof mod[exported] === "function" && !ROWS.some((r) => r.route === route && r.method === method && !r.label)) missing.push(`${route} ${method}`);
      }
    }
    const stale = ROWS.filter((r) => !modules.has(r.route)).map((r) => r.route);
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  for (const row of ROWS) {
    const codes = row.cells.trim().split(/\s+/);
    describe(`${row.route} ${row.method}${row.label ? ` — ${row.label}` : ""}`, () => {
      it("has one outcome per actor", () => expect(codes).toHaveLength(ACTORS.length));
      for (const [i, actor] of ACTORS.entries()) {
        const expected = codes[i] ?? "?";
        const pending = row.fixPending && has(row.fixPending.actors, actor) ? row.fixPending.item : null;
        if (pending) it.fails(`${actor} → ${expected} (fix pending: issue ${pending})`, () => runCell(row, actor, expected));
        else it(`${actor} → ${expected}`, () => runCell(row, actor, expected));
      }
    });
  }
});

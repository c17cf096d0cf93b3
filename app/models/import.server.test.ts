// Imports at the model level, on SQLite and PostgreSQL: a preview writes nothing but its audit line,
// a confirmation writes exactly the rows still ready, the same file twice writes nothing new,
// a broken file writes nothing at all, and two confirmations at once write once.
import { describe, expect, it } from "vitest";
import { toCsv } from "~/domain/csv";
import type { FileFailure } from "~/domain/import";
import { db } from "~/services/db.server";
import { sha256 } from "~/services/ids.server";
import { buildXlsx } from "~/services/xlsx.server";
import { databaseFingerprint } from "~/test/db-fingerprint";
import { makeUser, organizedEvent } from "~/test/event-helpers";
import { collectAccountData } from "./account-data.server";
import { acceptInvite } from "./invite.server";
import { confirmJudgeImport, confirmTeamImport, previewJudgeImport, previewTeamImport } from "./import.server";
import { joinTeam } from "./team.server";
import { claimSeat } from "./team-seat.server";

const NOW = new Date();
const csv = (rows: string[][], name = "data.csv") => ({ bytes: new TextEncoder().encode(toCsv(rows)), name });
const semicolons = (rows: string[][]) => ({ bytes: new TextEncoder().encode(`\uFEFF${rows.map((r) => r.join(";")).join("\r\n")}\r\n`), name: "excel.csv" });

const JUDGES = [
  ["Nama", "Email", "Instansi", "Wilayah", "KIM"],
  ["Budi Santoso", "Budi.Santoso@contoh.id", "Universitas Negeri Madiun", "Kab. Madiun", "KIM Sumber Rejeki"],
  ["Sari Wulandari", "sari@contoh.id", "", "", ""],
  ["Dewi Lestari", "bukan-email", "", "", ""],
  ["Joko Widodo", "joko@contoh.id", "", "Kabupaten Entah", ""],
];

/** Every table but the audit log, which a preview is meant to write to. */
const withoutAudit = () => databaseFingerprint({ except: ["AuditLog", "RateLimiterFlexible"] });

async function auditCount(eventId: string, action: string) {
  return db.auditLog.count({ where: { eventId, action } });
}

describe("judge import", () => {
  it("previews without writing anything but a line of counts, then invites the ready rows with their affiliation", async () => {
    const { event, organizer } = await organizedEvent();
    const before = await withoutAudit();
    const outcome = await previewJudgeImport(event.id, csv(JUDGES), organizer, NOW);
    expect(await withoutAudit()).toEqual(before);
    if (!outcome.ok) throw new Error(outcome.code);
    const { rows, counts } = outcome.preview.result;
    expect(counts).toEqual({ rows: 4, ready: 2, skipped: 0, errors: 2 });
    expect(rows.map((r) => r.verdict)).toEqual(["ready", "ready", "error", "error"]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { eventId: event.id, action: "import.judgesPreview" } });
    expect(JSON.parse(audit.after ?? "{}")).toEqual({ format: "csv", rows: 4, ready: 2, skipped: 0, errors: 2 });
    expect(audit.after).not.toContain("contoh.id");

    const confirmed = await confirmJudgeImport(event.id, outcome.preview, organizer, NOW);
    if (!confirmed.ok) throw new Error(confirmed.code);
    expect(confirmed.written.invites.map((i) => i.email)).toEqual(["budi.santoso@contoh.id", "sari@contoh.id"]);
    const madiun = await db.region.findFirstOrThrow({ where: { eventId: event.id, name: "Kabupaten Madiun" } });
    const invites = await db.invite.findMany({ where: { eventId: event.id }, orderBy: { email: "asc" } });
    expect(invites.map((i) => [i.email, i.role, i.regionId, i.kimName, i.institution])).toEqual([
      ["budi.santoso@contoh.id", "JUDGE", madiun.id, "KIM Sumber Rejeki", "Universitas Negeri Madiun"],
      ["sari@contoh.id", "JUDGE", null, null, null],
    ]);
    expect(invites.every((i) => i.tokenHash === sha256(confirmed.written.invites.find((x) => x.email === i.email)?.token ?? ""))).toBe(true);
    const done = await db.auditLog.findFirstOrThrow({ where: { eventId: event.id, action: "import.judgesConfirm" } });
    expect(done.after).not.toContain("contoh.id");
    expect(JSON.parse(done.after ?? "{}")).toMatchObject({ invited: 2, errors: 2 });
  });

  it("imports the same file twice without a duplicate: the second time every row is skipped", async () => {
    const { event, organizer } = await organizedEvent();
    const first = await previewJudgeImport(event.id, csv(JUDGES), organizer, NOW);
    if (!first.ok) throw new Error("preview");
    expect((await confirmJudgeImport(event.id, first.preview, organizer, NOW)).ok).toBe(true);
    const afterFirst = await withoutAudit();
    const again = await previewJudgeImport(event.id, semicolons(JUDGES), organizer, NOW);
    if (!again.ok) throw new Error("preview");
    expect(again.preview.facts.delimiter).toBe(";");
    expect(again.preview.result.counts).toEqual({ rows: 4, ready: 0, skipped: 2, errors: 2 });
    expect(again.preview.result.rows.slice(0, 2).map((r) => r.issues[0]?.code)).toEqual(["alreadyInvited", "alreadyInvited"]);
    const confirmed = await confirmJudgeImport(event.id, again.preview, organizer, NOW);
    expect(confirmed.ok && confirmed.written.invites).toEqual([]);
    expect(await withoutAudit()).toEqual(afterFirst);
    expect(await db.invite.count({ where: { eventId: event.id } })).toBe(2);
  });

  it("skips someone already a judge, and gives an accepted judge the recorded affiliation, locked", async () => {
    const { event, organizer } = await organizedEvent();
    const judge = await makeUser();
    await db.eventMember.create({ data: { eventId: event.id, userId: judge.id, role: "JUDGE" } });
    const invited = await makeUser();
    const rows = [JUDGES[0] as string[], ["Juri Lama", judge.email, "", "", ""], ["Juri Baru", invited.email.toUpperCase(), "Diskominfo", "35.19", "KIM Maju"]];
    const preview = await previewJudgeImport(event.id, csv(rows), organizer, NOW);
    if (!preview.ok) throw new Error("preview");
    expect(preview.preview.result.rows.map((r) => [r.verdict, r.issues[0]?.code])).toEqual([
      ["skipped", "alreadyJudge"],
      ["ready", undefined],
    ]);
    const confirmed = await confirmJudgeImport(event.id, preview.preview, organizer, NOW);
    if (!confirmed.ok) throw new Error("confirm");
    const token = confirmed.written.invites[0]?.token ?? "";
    // What the judge types on the acceptance form does not replace what the organizer recorded.
    const accepted = await acceptInvite(token, { id: invited.id, email: invited.email, emailVerified: true }, { kimName: "Lain", institution: "Lain" }, new Date());
    expect(accepted.ok).toBe(true);
    const member = await db.eventMember.findFirstOrThrow({ where: { eventId: event.id, userId: invited.id } });
    const madiun = await db.region.findFirstOrThrow({ where: { eventId: event.id, code: "35.19" } });
    expect(member).toMatchObject({ role: "JUDGE", regionId: madiun.id, kimName: "KIM Maju", institution: "Diskominfo", affiliationLocked: true });
  });

  it("refuses broken files with their reason and writes nothing, not even an audit line", async () => {
    const { event, organizer } = await organizedEvent();
    const before = await databaseFingerprint({ except: ["RateLimiterFlexible"] });
    const xlsx = await buildXlsx([{ name: "Juri", rows: JUDGES }]);
    const cases: [{ bytes: Uint8Array; name: string }, FileFailure][] = [
      [
        { bytes: new Uint8Array(), name: "kosong.csv" },
        { ok: false, code: "empty" },
      ],
      [
        csv([
          ["Nama", "Wilayah"],
          ["Budi", "Kota Batu"],
        ]),
        { ok: false, code: "missingColumns", params: { columns: "email" } },
      ],
      [csv([["Nama", "Email"]]), { ok: false, code: "noRows" }],
      [
        { bytes: new TextEncoder().encode('Nama,Email\n"Budi,budi@contoh.id\n'), name: "kutip.csv" },
        { ok: false, code: "unclosedQuote", params: { line: 2 } },
      ],
      [
        { bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), name: "lama.xls" },
        { ok: false, code: "oldExcel" },
      ],
      [
        { bytes: xlsx.subarray(0, 200), name: "rusak.xlsx" },
        { ok: false, code: "brokenXlsx" },
      ],
      [
        { bytes: new TextEncoder().encode("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"), name: "surat.pdf" },
        { ok: false, code: "wrongType" },
      ],
      [
        { bytes: new Uint8Array(2 * 1024 * 1024 + 1).fill(0x41), name: "besar.csv" },
        { ok: false, code: "tooLarge", params: { max: 2 * 1024 * 1024 } },
      ],
    ];
    for (const [file, failure] of cases) {
      expect(await previewJudgeImport(event.id, file, organizer, NOW), file.name).toEqual(failure);
    }
    expect(await databaseFingerprint({ except: ["RateLimiterFlexible"] })).toEqual(before);
  });

  it("reads the same rows from an XLSX workbook", async () => {
    const { event, organizer } = await organizedEvent();
    const outcome = await previewJudgeImport(event.id, { bytes: await buildXlsx([{ name: "Juri", rows: JUDGES }]), name: "juri.xlsx" }, organizer, NOW);
    if (!outcome.ok) throw new Error(outcome.code);
    expect(outcome.preview.facts.format).toBe("xlsx");
    expect(outcome.preview.result.counts).toEqual({ rows: 4, ready: 2, skipped: 0, errors: 2 });
  });

  it("writes nothing when the event changed since the preview or the rows came back altered", async () => {
    const { event, organizer } = await organizedEvent();
    const outcome = await previewJudgeImport(event.id, csv(JUDGES), organizer, NOW);
    if (!outcome.ok) throw new Error("preview");
    await db.invite.create({ data: { eventId: event.id, role: "JUDGE", email: "sari@contoh.id", tokenHash: sha256("lain"), invitedById: organizer.id, expiresAt: new Date(NOW.getTime() + 864e5) } });
    const before = await withoutAudit();
    const changed = await confirmJudgeImport(event.id, outcome.preview, organizer, NOW);
    expect(changed.ok ? "ok" : changed.code).toBe("changed");
    if (!changed.ok && changed.code === "changed") expect(changed.preview.result.counts).toMatchObject({ ready: 1, skipped: 1 });
    const tampered = JSON.parse(outcome.preview.payload) as { records: { values: Record<string, string> }[] };
    (tampered.records[2] as { values: Record<string, string> }).values.email = "dewi@contoh.id";
    expect(await confirmJudgeImport(event.id, { payload: JSON.stringify(tampered), digest: outcome.preview.digest }, organizer, NOW)).toMatchObject({ ok: false, code: "changed" });
    expect(await confirmJudgeImport(event.id, { payload: "{bukan json", digest: outcome.preview.digest }, organizer, NOW)).toEqual({ ok: false, code: "damaged" });
    expect(await confirmJudgeImport(event.id, { payload: JSON.stringify({ records: [] }), digest: outcome.preview.digest }, organizer, NOW)).toEqual({ ok: false, code: "damaged" });
    expect(await withoutAudit()).toEqual(before);
    expect(await auditCount(event.id, "import.judgesConfirm")).toBe(0);
  });

  it("writes once when the same confirmation arrives twice at the same moment", async () => {
    const { event, organizer } = await organizedEvent();
    const outcome = await previewJudgeImport(event.id, csv(JUDGES), organizer, NOW);
    if (!outcome.ok) throw new Error("preview");
    const results = await Promise.all([confirmJudgeImport(event.id, outcome.preview, organizer, NOW), confirmJudgeImport(event.id, outcome.preview, organizer, NOW)]);
    expect(results.map((r) => (r.ok ? "ok" : r.code)).sort()).toEqual(["changed", "ok"]);
    expect(await db.invite.count({ where: { eventId: event.id } })).toBe(2);
  });
});

const TEAM_HEADER = ["Nama tim", "Bidang", "Wilayah", "Nama KIM", "Instansi", "Nama anggota", "Email anggota", "WhatsApp"];

function teamRows(tag: string): string[][] {
  return [
    TEAM_HEADER,
    [`Tim Garuda ${tag}`, "Layanan Publik", "Kota Surabaya", "KIM Suroboyo", "SMKN 1 Surabaya", "Rina Kapten", `rina-${tag}@contoh.id`, "0812 3456 7890"],
    [`Tim Garuda ${tag}`, "", "", "", "", "Agus Anggota", `agus-${tag}@contoh.id`, ""],
    [`Tim Garuda ${tag}`, "", "", "", "", "Wati Anggota", `wati-${tag}@contoh.id`, "6,28123E+11"],
    [`Tim Elang ${tag}`, "Layanan Publik", "35.19", "KIM Madiun", "", "Eko Kapten", `eko-${tag}@contoh.id`, ""],
    [`Tim Elang ${tag}`, "", "", "", "", "Fitri Anggota", `fitri-${tag}@contoh.id`, ""],
  ];
}

describe("team import", () => {
  it("registers the ready teams with a place per member, the first as captain, and writes nothing before", async () => {
    const { event, organizer } = await organizedEvent();
    const tag = "a1";
    const before = await withoutAudit();
    const outcome = await previewTeamImport(event.id, csv(teamRows(tag)), organizer);
    expect(await withoutAudit()).toEqual(before);
    if (!outcome.ok) throw new Error(outcome.code);
    const { teams, counts } = outcome.preview.result;
    expect(teams.map((t) => [t.name, t.verdict])).toEqual([
      [`Tim Garuda ${tag}`, "error"],
      [`Tim Elang ${tag}`, "ready"],
    ]);
    expect(teams[0]?.members[2]?.issues[0]).toMatchObject({ code: "scientific", column: "whatsapp" });
    expect(teams[1]?.notes).toEqual([{ code: "belowMin", params: { min: 3, count: 2 } }]);
    expect(counts).toMatchObject({ teams: 2, teamsReady: 1, teamsWithErrors: 1 });

    const confirmed = await confirmTeamImport(event.id, outcome.preview, organizer);
    if (!confirmed.ok) throw new Error(confirmed.code);
    expect(confirmed.written.seats.map((s) => [s.email, s.captain])).toEqual([
      [`eko-${tag}@contoh.id`, true],
      [`fitri-${tag}@contoh.id`, false],
    ]);
    const team = await db.team.findFirstOrThrow({ where: { eventId: event.id, name: `Tim Elang ${tag}` }, include: { seats: true, members: true, region: true, track: true } });
    expect(team).toMatchObject({ status: "PENDING", kimName: "KIM Madiun", region: { name: "Kabupaten Madiun" }, track: { name: "Layanan Publik" }, members: [] });
    expect(team.seats.map((s) => [s.email, s.role]).sort()).toEqual([
      [`eko-${tag}@contoh.id`, "CAPTAIN"],
      [`fitri-${tag}@contoh.id`, "MEMBER"],
    ]);
    expect(await db.team.count({ where: { eventId: event.id, name: `Tim Garuda ${tag}` } })).toBe(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { eventId: event.id, action: "import.teamsConfirm" } });
    expect(audit.after).not.toContain("contoh.id");
    expect(JSON.parse(audit.after ?? "{}")).toMatchObject({ created: 1, places: 2 });
  });

  it("imports the fixed file again: the registered team is skipped, the fixed one added, nothing doubled", async () => {
    const { event, organizer } = await organizedEvent();
    const tag = "b2";
    const first = await previewTeamImport(event.id, csv(teamRows(tag)), organizer);
    if (!first.ok) throw new Error("preview");
    expect((await confirmTeamImport(event.id, first.preview, organizer)).ok).toBe(true);
    const fixed = teamRows(tag).map((r) => r.map((c) => (c === "6,28123E+11" ? "081298765432" : c)));
    const again = await previewTeamImport(event.id, csv(fixed), organizer);
    if (!again.ok) throw new Error("preview");
    expect(again.preview.result.teams.map((t) => t.verdict)).toEqual(["ready", "skipped"]);
    const confirmed = await confirmTeamImport(event.id, again.preview, organizer);
    expect(confirmed.ok && confirmed.written.teams).toBe(1);
    const third = await previewTeamImport(event.id, csv(fixed), organizer);
    if (!third.ok) throw new Error("preview");
    expect(third.preview.result.counts).toMatchObject({ teamsReady: 0, teamsSkipped: 2, ready: 0, skipped: 5 });
    const stable = await withoutAudit();
    expect((await confirmTeamImport(event.id, third.preview, organizer)).ok).toBe(true);
    expect(await withoutAudit()).toEqual(stable);
    expect(await db.team.count({ where: { eventId: event.id } })).toBe(2);
    expect(await db.teamSeat.count({ where: { eventId: event.id } })).toBe(5);
    const wati = await db.teamSeat.findFirstOrThrow({ where: { eventId: event.id, email: `wati-${tag}@contoh.id` } });
    expect(wati.whatsapp).toBe("+6281298765432");
  });

  it("lets only the invited address claim its place; the place then becomes a membership and is gone", async () => {
    const { event, organizer } = await organizedEvent();
    await db.event.update({ where: { id: event.id }, data: { privacyNotice: "Data dipakai untuk seleksi." } });
    const captain = await makeUser({ name: "Eko" });
    const rows = [TEAM_HEADER, ["Tim Rajawali", "", "Kota Batu", "", "", "Eko Kapten", captain.email, "0812 1111 2222"], ["Tim Rajawali", "", "", "", "", "Lain", "lain@contoh.id", ""]];
    const outcome = await previewTeamImport(event.id, csv(rows), organizer);
    if (!outcome.ok) throw new Error("preview");
    const confirmed = await confirmTeamImport(event.id, outcome.preview, organizer);
    if (!confirmed.ok) throw new Error("confirm");
    const token = confirmed.written.seats[0]?.token ?? "";
    const stranger = await makeUser();
    expect(await claimSeat(token, { id: stranger.id, email: stranger.email, emailVerified: true }, true, NOW)).toEqual({ ok: false, code: "wrongAccount" });
    expect(await claimSeat(token, { id: captain.id, email: captain.email, emailVerified: false }, true, NOW)).toEqual({ ok: false, code: "unverified" });
    expect(await claimSeat(token, { id: captain.id, email: captain.email, emailVerified: true }, false, NOW)).toEqual({ ok: false, code: "noticeRequired", field: "agreeEventNotice" });
    const claimed = await claimSeat(token, { id: captain.id, email: captain.email, emailVerified: true }, true, NOW);
    expect(claimed.ok).toBe(true);
    const member = await db.teamMember.findFirstOrThrow({ where: { eventId: event.id, userId: captain.id } });
    expect(member).toMatchObject({ role: "CAPTAIN", noticeSha256: sha256("Data dipakai untuk seleksi.") });
    expect((await db.user.findUniqueOrThrow({ where: { id: captain.id } })).whatsapp).toBe("+6281211112222");
    expect(await db.teamSeat.count({ where: { eventId: event.id, email: captain.email } })).toBe(0);
    expect(await claimSeat(token, { id: captain.id, email: captain.email, emailVerified: true }, true, NOW)).toEqual({ ok: false, code: "invalid" });
  });

  it("puts what an import holds for an address into that account's data download", async () => {
    const { event, organizer } = await organizedEvent();
    const person = await makeUser();
    const teams = await previewTeamImport(event.id, csv([TEAM_HEADER, ["Tim Data", "", "Kota Batu", "", "", "Nama Di Formulir", person.email, "0812 3333 4444"]]), organizer);
    const judges = await previewJudgeImport(event.id, csv([JUDGES[0] as string[], ["Juri", person.email, "Diskominfo", "", "KIM Data"]]), organizer, NOW);
    if (!teams.ok || !judges.ok) throw new Error("preview");
    expect((await confirmTeamImport(event.id, teams.preview, organizer)).ok).toBe(true);
    expect((await confirmJudgeImport(event.id, judges.preview, organizer, NOW)).ok).toBe(true);
    const doc = (await collectAccountData(person.id, NOW))?.document as { teamPlacesWaiting: unknown[]; invitesWaiting: unknown[] };
    expect(doc.teamPlacesWaiting).toEqual([expect.objectContaining({ team: "Tim Data", role: "CAPTAIN", name: "Nama Di Formulir", whatsapp: "+6281233334444" })]);
    expect(doc.invitesWaiting).toEqual([expect.objectContaining({ role: "JUDGE", affiliation: { region: null, kimName: "KIM Data", institution: "Diskominfo" } })]);
  });

  it("counts places not yet claimed when someone joins with the team link", async () => {
    const { event, organizer } = await organizedEvent();
    await db.event.update({ where: { id: event.id }, data: { minTeamSize: 1, maxTeamSize: 2 } });
    const rows = [TEAM_HEADER, ["Tim Penuh", "", "Kota Batu", "", "", "Satu", "satu@contoh.id", ""], ["Tim Penuh", "", "", "", "", "Dua", "dua@contoh.id", ""]];
    const outcome = await previewTeamImport(event.id, csv(rows), organizer);
    if (!outcome.ok) throw new Error("preview");
    expect((await confirmTeamImport(event.id, outcome.preview, organizer)).ok).toBe(true);
    const team = await db.team.findFirstOrThrow({ where: { eventId: event.id, name: "Tim Penuh" } });
    const joiner = await makeUser();
    expect(await joinTeam({ token: team.inviteToken, userId: joiner.id, pool: null, now: NOW })).toMatchObject({ ok: false, code: "teamFull" });
  });

  it("asks for the pool column when the event has pools and checks quotas", async () => {
    const { event, organizer } = await organizedEvent();
    await db.teamPool.createMany({
      data: [
        { eventId: event.id, key: "mahasiswa", label: "Mahasiswa", quota: 5, order: 0 },
        { eventId: event.id, key: "kim", label: "Anggota KIM", quota: 2, order: 1 },
      ],
    });
    const missing = await previewTeamImport(event.id, csv(teamRows("c3")), organizer);
    expect(missing).toEqual({ ok: false, code: "missingColumns", params: { columns: "pool" } });
    const rows = [
      [...TEAM_HEADER, "Kelompok"],
      ["Tim KIM", "", "Kota Batu", "", "", "A", "a@contoh.id", "", "kim"],
      ["Tim KIM", "", "", "", "", "B", "b@contoh.id", "", "Anggota KIM"],
      ["Tim KIM", "", "", "", "", "C", "c@contoh.id", "", "KIM"],
    ];
    const outcome = await previewTeamImport(event.id, csv(rows), organizer);
    if (!outcome.ok) throw new Error("preview");
    expect(outcome.preview.result.teams[0]?.issues).toEqual([{ code: "poolOverQuota", params: { pool: "Anggota KIM", quota: 2 } }]);
  });
});

import { describe, expect, it } from "vitest";
import { checkJudges, checkTeams, cleanCell, JUDGE_COLUMNS, matchRegion, readRecords, readTextTable, TEAM_COLUMNS, templateHeader, type JudgeContext, type TeamContext } from "./import";

const utf8 = (text: string) => new TextEncoder().encode(text);

const REGIONS = [
  { id: "r-madiun", name: "Kabupaten Madiun", code: "35.19" },
  { id: "r-kota-madiun", name: "Kota Madiun", code: "35.77" },
  { id: "r-surabaya", name: "Kota Surabaya", code: "35.78" },
];

function table(text: string) {
  const read = readTextTable(utf8(text));
  if (!read.ok) throw new Error(read.code);
  return read.rows;
}

describe("reading an upload as a table", () => {
  it("drops a UTF-8 BOM and detects the semicolon of Excel in an Indonesian locale", () => {
    const read = readTextTable(utf8("\uFEFFNama;Email\r\nBudi;budi@contoh.id\r\n"));
    expect(read).toMatchObject({
      ok: true,
      delimiter: ";",
      encoding: "utf-8",
      rows: [
        ["Nama", "Email"],
        ["Budi", "budi@contoh.id"],
      ],
    });
  });

  it("reads UTF-16 'Unicode text' and falls back to Windows-1252 for bytes that are not UTF-8", () => {
    const text = "Nama\tEmail\r\nDewi\tdewi@contoh.id\r\n";
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    [...text].forEach((c, i) => utf16.set([c.charCodeAt(0), 0], 2 + i * 2));
    expect(readTextTable(utf16)).toMatchObject({
      ok: true,
      encoding: "utf-16",
      delimiter: "\t",
      rows: [
        ["Nama", "Email"],
        ["Dewi", "dewi@contoh.id"],
      ],
    });
    const latin = new Uint8Array([...utf8("Nama\nJos"), 0xe9, 0x0a]);
    expect(readTextTable(latin)).toMatchObject({ ok: true, encoding: "windows-1252", rows: [["Nama"], ["José"]] });
  });

  it("refuses an empty file, a binary file and an old .xls workbook, each with its own reason", () => {
    expect(readTextTable(new Uint8Array())).toEqual({ ok: false, code: "empty" });
    expect(readTextTable(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]))).toEqual({ ok: false, code: "wrongType" });
    expect(readTextTable(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toEqual({ ok: false, code: "oldExcel" });
    expect(readTextTable(utf8('Nama,Email\n"Budi,budi@contoh.id\n'))).toEqual({ ok: false, code: "unclosedQuote", params: { line: 2 } });
  });
});

describe("mapping the header", () => {
  it("accepts Indonesian and English headers in any case, spacing or order, with notes like (opsional)", () => {
    const id = readRecords(table("Email;NAMA ;Wilayah (opsional);Instansi;KIM\nbudi@contoh.id;Budi;Kota Batu;Dinas;KIM Maju\n"), JUDGE_COLUMNS);
    const en = readRecords(table("name,e-mail,region,institution,kim name\nBudi,budi@contoh.id,Kota Batu,Dinas,KIM Maju\n"), JUDGE_COLUMNS);
    const values = { name: "Budi", email: "budi@contoh.id", region: "Kota Batu", institution: "Dinas", kim: "KIM Maju" };
    expect(id).toEqual({ ok: true, records: [{ line: 2, values }], ignoredColumns: [], emptyRows: 0 });
    expect(en).toEqual({ ok: true, records: [{ line: 2, values }], ignoredColumns: [], emptyRows: 0 });
  });

  it("matches the template it hands out, in both languages", () => {
    for (const lang of ["id", "en"] as const) {
      for (const [kind, columns] of [
        ["judges", JUDGE_COLUMNS],
        ["teams", TEAM_COLUMNS],
      ] as const) {
        const header = templateHeader(kind, lang);
        const read = readRecords([header, header.map(() => "x")], columns);
        expect(read.ok && Object.keys(read.records[0]?.values ?? {})).toEqual(columns.map((c) => c.key));
      }
    }
  });

  it("skips empty rows (Excel leaves them at the end), names ignored columns and numbers rows as the spreadsheet does", () => {
    const read = readRecords(table("\n,,\nNama,Email,Catatan\nBudi,budi@contoh.id,x\n,,\nSari,sari@contoh.id,\n , ,\n"), JUDGE_COLUMNS);
    expect(read).toMatchObject({ ok: true, ignoredColumns: ["Catatan"], emptyRows: 2 });
    expect(read.ok && read.records.map((r) => r.line)).toEqual([2, 4]);
  });

  it("refuses a file without the required columns, a header named twice, no rows or too many rows", () => {
    expect(readRecords(table("Nama,Wilayah\nBudi,Kota Batu\n"), JUDGE_COLUMNS)).toEqual({ ok: false, code: "missingColumns", params: { columns: "email" } });
    expect(readRecords(table("a,b\n1,2\n"), JUDGE_COLUMNS)).toEqual({ ok: false, code: "noHeader" });
    expect(readRecords(table("Nama,Name,Email\n"), JUDGE_COLUMNS)).toEqual({ ok: false, code: "duplicateColumn", params: { column: "name" } });
    expect(readRecords(table("Nama,Email\n,\n"), JUDGE_COLUMNS)).toEqual({ ok: false, code: "noRows" });
    expect(readRecords([[""], [" "]], JUDGE_COLUMNS)).toEqual({ ok: false, code: "empty" });
    const many = [["Nama", "Email"], ...Array.from({ length: 1001 }, (_, i) => [`Juri ${i}`, `j${i}@contoh.id`])];
    expect(readRecords(many, JUDGE_COLUMNS)).toEqual({ ok: false, code: "tooManyRows", params: { max: 1000, count: 1001 } });
  });

  it("requires the pool column when the event has pools", () => {
    const text = "Nama tim,Wilayah,Nama anggota,Email anggota\nTim A,Kota Batu,Budi,budi@contoh.id\n";
    expect(readRecords(table(text), TEAM_COLUMNS, ["pool"])).toEqual({ ok: false, code: "missingColumns", params: { columns: "pool" } });
    expect(readRecords(table("Nama tim,Nama anggota\nTim A,Budi\n"), TEAM_COLUMNS, ["pool"])).toEqual({ ok: false, code: "missingColumns", params: { columns: "region,email,pool" } });
  });

  it("cleans cells: invisible characters, non-breaking and repeated spaces, a forcing apostrophe", () => {
    expect(cleanCell("\u200B Budi\u00A0\u00A0Santoso ")).toBe("Budi Santoso");
    expect(cleanCell("'081234567890")).toBe("081234567890");
    expect(cleanCell("'+6281234")).toBe("+6281234");
    expect(cleanCell("KIM 'Maju'")).toBe("KIM 'Maju'");
  });
});

describe("regions", () => {
  it.each([
    ["Kabupaten Madiun", "r-madiun"],
    ["  kabupaten   MADIUN ", "r-madiun"],
    ["Kab. Madiun", "r-madiun"],
    ["35.19", "r-madiun"],
    ["3519", "r-madiun"],
    ["Kota Madiun", "r-kota-madiun"],
    ["KOTA SURABAYA", "r-surabaya"],
  ])("finds %s by name or official code", (value, id) => {
    expect(matchRegion(value, REGIONS)?.id).toBe(id);
  });

  it.each(["Madiun", "Kabupaten Sidoarjo", "35.99", ""])("does not guess %j", (value) => {
    expect(matchRegion(value, REGIONS)).toBeNull();
  });
});

const judgeCtx = (over: Partial<JudgeContext> = {}): JudgeContext => ({ regions: REGIONS, judgeEmails: new Set(), invitedEmails: new Set(), ...over });
const judge = (line: number, values: Partial<Record<string, string>>) => ({
  line,
  values: { name: "Budi Santoso", email: `j${line}@contoh.id`, institution: "", region: "", kim: "", ...values } as Record<string, string>,
});

describe("checking judges", () => {
  it("makes a good row ready with its region resolved and the address lower-cased", () => {
    const { rows, counts } = checkJudges([judge(2, { email: "Budi@Contoh.ID", region: "kab. madiun", kim: "KIM Maju", institution: "Unmer" })], judgeCtx());
    expect(rows[0]).toMatchObject({ verdict: "ready", email: "budi@contoh.id", regionId: "r-madiun", regionName: "Kabupaten Madiun", issues: [] });
    expect(counts).toEqual({ rows: 1, ready: 1, skipped: 0, errors: 0 });
  });

  it("reports a bad email, an unknown region, a missing name and a duplicate in the file", () => {
    const { rows, counts } = checkJudges(
      [judge(2, { email: "bukan-email" }), judge(3, { region: "Madiun" }), judge(4, { name: "" }), judge(5, { email: "x@contoh.id" }), judge(6, { email: "X@contoh.id" })],
      judgeCtx(),
    );
    expect(rows.map((r) => [r.verdict, r.issues.map((i) => i.code)])).toEqual([
      ["error", ["email"]],
      ["error", ["regionUnknown"]],
      ["error", ["required"]],
      ["ready", []],
      ["error", ["duplicate"]],
    ]);
    expect(rows[4]?.issues[0]?.params).toEqual({ line: 5 });
    expect(counts).toEqual({ rows: 5, ready: 1, skipped: 0, errors: 4 });
  });

  it("skips who is already a judge or already invited, so a repeated import adds nothing", () => {
    const { rows } = checkJudges([judge(2, {}), judge(3, {})], judgeCtx({ judgeEmails: new Set(["j2@contoh.id"]), invitedEmails: new Set(["j3@contoh.id"]) }));
    expect(rows.map((r) => [r.verdict, r.issues[0]?.code])).toEqual([
      ["skipped", "alreadyJudge"],
      ["skipped", "alreadyInvited"],
    ]);
  });

  it("flags a number Excel wrote in scientific notation, in any column", () => {
    const { rows } = checkJudges([judge(2, { kim: "6,28123E+11" }), judge(3, { institution: "6.28123e11" })], judgeCtx());
    expect(rows.map((r) => r.issues)).toEqual([
      [{ code: "scientific", column: "kim", params: { value: "6,28123E+11" } }],
      [{ code: "scientific", column: "institution", params: { value: "6.28123e11" } }],
    ]);
  });

  it("refuses overlong affiliation values", () => {
    const { rows } = checkJudges([judge(2, { kim: "K".repeat(121), institution: "I".repeat(161) })], judgeCtx());
    expect(rows[0]?.issues.map((i) => [i.code, i.column])).toEqual([
      ["tooLong", "kim"],
      ["tooLong", "institution"],
    ]);
  });
});

const teamCtx = (over: Partial<TeamContext> = {}): TeamContext => ({
  regions: REGIONS,
  tracks: [{ id: "t-layanan", name: "Layanan Publik" }],
  pools: [],
  rules: { minSize: 2, maxSize: 3 },
  teamNames: [],
  memberEmails: new Set(),
  ...over,
});
const member = (line: number, team: string, values: Partial<Record<string, string>> = {}) => ({
  line,
  values: { team, track: "", region: "", kim: "", institution: "", name: `Anggota ${line}`, email: `m${line}@contoh.id`, whatsapp: "", pool: "", ...values } as Record<string, string>,
});

describe("checking teams", () => {
  it("groups members by team name, takes team details from any row and makes the first member the captain", () => {
    const { teams, counts } = checkTeams(
      [
        member(2, "Tim Garuda", { region: "Kota Surabaya", track: "layanan publik", kim: "KIM Maju", whatsapp: "0812-3456-7890" }),
        member(3, "Tim Elang", { region: "35.19" }),
        member(4, "tim  garuda"),
      ],
      teamCtx(),
    );
    expect(teams.map((t) => [t.name, t.verdict, t.members.map((m) => [m.line, m.captain])])).toEqual([
      [
        "Tim Garuda",
        "ready",
        [
          [2, true],
          [4, false],
        ],
      ],
      ["Tim Elang", "ready", [[3, true]]],
    ]);
    expect(teams[0]).toMatchObject({ regionId: "r-surabaya", trackId: "t-layanan", kimName: "KIM Maju" });
    expect(teams[0]?.members[0]?.whatsapp).toBe("+6281234567890");
    expect(teams[1]?.notes).toEqual([{ code: "belowMin", params: { min: 2, count: 1 } }]);
    expect(counts).toMatchObject({ rows: 3, ready: 3, teams: 2, teamsReady: 2 });
  });

  it("holds back the whole team when a member row is wrong, and says so on the others", () => {
    const { teams } = checkTeams([member(2, "Tim Garuda", { region: "Kota Batu" }), member(3, "Tim Garuda", { email: "salah" }), member(4, "Tim Garuda", { whatsapp: "6.28123E+11" })], teamCtx());
    expect(teams[0]?.verdict).toBe("error");
    expect(teams[0]?.issues.map((i) => i.code)).toEqual(["regionUnknown"]);
    expect(teams[0]?.members.map((m) => m.issues.map((i) => i.code))).toEqual([["teamHasErrors"], ["email"], ["scientific"]]);
  });

  it("reports size and pool rules, a track or pool not in the event and details that differ between rows", () => {
    const pools = [
      { key: "mahasiswa", label: "Mahasiswa", quota: 2 },
      { key: "kim", label: "Anggota KIM", quota: 1 },
    ];
    const { teams } = checkTeams(
      [
        member(2, "Tim A", { region: "Kota Batu", pool: "anggota kim" }),
        member(3, "Tim A", { pool: "KIM" }),
        member(4, "Tim A", { pool: "dosen", region: "Kota Malang" }),
        member(5, "Tim A", { pool: "" }),
        member(6, "Tim B", { region: "Kota Madiun", track: "Pariwisata", pool: "mahasiswa" }),
      ],
      teamCtx({ pools, rules: { minSize: 1, maxSize: 3, pools } }),
    );
    expect(teams[0]?.issues.map((i) => i.code)).toEqual(["regionUnknown", "tooMany", "poolOverQuota"]);
    expect(teams[0]?.members.map((m) => m.issues.map((i) => i.code))).toEqual([["teamHasErrors"], ["teamHasErrors"], ["poolUnknown", "differs"], ["poolRequired"]]);
    expect(teams[1]?.issues.map((i) => i.code)).toEqual(["trackUnknown"]);
  });

  it("skips a team already registered (a repeated import) and refuses names that only look different", () => {
    const { teams, counts } = checkTeams(
      [member(2, "TIM GARUDA", { region: "Kota Madiun" }), member(3, "Tim Elang", { region: "Kota Madiun" }), member(4, "Tim E1ang", { region: "Kota Madiun" })],
      teamCtx({ teamNames: ["Tim Garuda"], memberEmails: new Set(["m2@contoh.id"]) }),
    );
    expect(teams.map((t) => [t.verdict, t.issues.map((i) => i.code)])).toEqual([
      ["skipped", ["teamExists"]],
      ["error", ["nameClash"]],
      ["error", ["nameClash"]],
    ]);
    expect(teams[0]?.members[0]?.verdict).toBe("skipped");
    expect(counts).toMatchObject({ skipped: 1, errors: 2, teamsSkipped: 1, teamsWithErrors: 2 });
  });

  it("refuses an address already in a team of the event, or twice in the file, and rows without a team name", () => {
    const { teams } = checkTeams(
      [
        member(2, "Tim A", { region: "Kota Madiun", email: "ada@contoh.id" }),
        member(3, "Tim B", { region: "Kota Madiun", email: "dua@contoh.id" }),
        member(4, "Tim C", { region: "Kota Madiun", email: "Dua@contoh.id" }),
        member(5, ""),
      ],
      teamCtx({ memberEmails: new Set(["ada@contoh.id"]) }),
    );
    expect(teams.map((t) => t.members.map((m) => m.issues.map((i) => i.code)))).toEqual([[["alreadyInTeam"]], [[]], [["duplicate"]], [["teamHasErrors"]]]);
    expect(teams[3]?.issues.map((i) => [i.code, i.column])).toEqual([
      ["required", "team"],
      ["required", "region"],
    ]);
  });
});

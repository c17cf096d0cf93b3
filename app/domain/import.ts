// Bulk onboarding from a spreadsheet: judges (one row per judge) and teams registered elsewhere
// (one row per member, the team's details repeated or left blank after its first row; the first
// member listed is the captain). Pure: the file's text or cells come in with what the event
// already holds, and out comes every row's verdict for the preview and what a confirmation writes.
// Verdicts are computed again at confirmation, so a row is written only if it is still ready then.
import { z } from "zod";
import type { Failure } from "~/validation/message";
import { parseCsv, type CsvDelimiter } from "./csv";
import { normalizeWhatsApp } from "./links";
import { teamNameKey } from "./team-name";
import { teamViolations, type TeamRules } from "./team-rules";

export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 1000;

export type ImportKind = "judges" | "teams";

export type ColumnSpec = { key: string; id: string; en: string; aliases: readonly string[]; required: boolean };

/** Judges: the template's columns, Indonesian and English headers and the other names accepted. */
export const JUDGE_COLUMNS: readonly ColumnSpec[] = [
  { key: "name", id: "Nama", en: "Name", aliases: ["nama lengkap", "full name", "nama juri", "judge name"], required: true },
  { key: "email", id: "Email", en: "Email", aliases: ["e-mail", "surel", "alamat email", "email address", "surel juri"], required: true },
  { key: "institution", id: "Instansi", en: "Institution", aliases: ["lembaga", "organisasi", "organization", "asal instansi"], required: false },
  { key: "region", id: "Wilayah", en: "Region", aliases: ["kabupaten/kota", "kabupaten kota", "kab/kota", "kode wilayah", "region code"], required: false },
  { key: "kim", id: "KIM", en: "KIM", aliases: ["nama kim", "kim name"], required: false },
];

/** Teams, one row per member. */
export const TEAM_COLUMNS: readonly ColumnSpec[] = [
  { key: "team", id: "Nama tim", en: "Team name", aliases: ["tim", "team", "nama team"], required: true },
  { key: "track", id: "Bidang", en: "Track", aliases: ["kategori", "category"], required: false },
  { key: "region", id: "Wilayah", en: "Region", aliases: ["kabupaten/kota", "kabupaten kota", "kab/kota", "kode wilayah", "region code"], required: true },
  { key: "kim", id: "Nama KIM", en: "KIM name", aliases: ["kim"], required: false },
  { key: "institution", id: "Instansi", en: "Institution", aliases: ["lembaga", "organisasi", "organization", "asal instansi"], required: false },
  { key: "name", id: "Nama anggota", en: "Member name", aliases: ["nama", "name", "nama lengkap", "full name"], required: true },
  { key: "email", id: "Email anggota", en: "Member email", aliases: ["email", "e-mail", "surel", "alamat email"], required: true },
  { key: "whatsapp", id: "WhatsApp", en: "WhatsApp", aliases: ["wa", "no wa", "nomor wa", "nomor whatsapp", "no whatsapp", "no hp", "nomor hp", "hp", "phone", "telepon"], required: false },
  { key: "pool", id: "Kelompok", en: "Pool", aliases: ["kelompok anggota", "member pool", "kelompok peserta"], required: false },
];

export function columnsOf(kind: ImportKind): readonly ColumnSpec[] {
  return kind === "judges" ? JUDGE_COLUMNS : TEAM_COLUMNS;
}

/** What the template's header row says, in the reader's language. */
export function templateHeader(kind: ImportKind, lang: "id" | "en"): string[] {
  return columnsOf(kind).map((c) => c[lang]);
}

/** A column's header in the reader's language, by its key (the key itself when the kind has no such column). */
export function columnHeader(kind: ImportKind, key: string, lang: "id" | "en"): string {
  return columnsOf(kind).find((c) => c.key === key)?.[lang] ?? key;
}

// ── Reading the file ─────────────────────────────────────────────────────────────────────────

/**
 * Why the whole file cannot be read. Columns travel as their keys (`columns` joined by
 * COLUMN_SEPARATOR), so the message names them in the reader's language.
 */
export type FileFailure =
  | Failure<"empty" | "wrongType" | "oldExcel" | "brokenXlsx" | "noHeader" | "noRows">
  | (Failure<"tooLarge"> & { params: { max: number } })
  | (Failure<"unclosedQuote"> & { params: { line: number } })
  | (Failure<"missingColumns"> & { params: { columns: string } })
  | (Failure<"duplicateColumn"> & { params: { column: string } })
  | (Failure<"tooManyRows"> & { params: { max: number; count: number } });

export const COLUMN_SEPARATOR = ",";

export type TextTable = { ok: true; rows: string[][]; delimiter: CsvDelimiter; encoding: "utf-8" | "utf-16" | "windows-1252" } | FileFailure;

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** An Excel 97–2003 workbook (.xls): a compound document, which only Excel itself reads well. */
export function isOldExcel(bytes: Uint8Array): boolean {
  return OLE2.every((b, i) => bytes[i] === b);
}

/**
 * The text of a CSV file as spreadsheets save it: UTF-8 with or without a BOM, UTF-16 with a BOM
 * ("Unicode text"), or Windows-1252 when the bytes are not UTF-8 (Excel's plain "CSV" on Windows).
 * A file with NUL bytes and no UTF-16 BOM is not text.
 */
export function decodeText(bytes: Uint8Array): { ok: true; text: string; encoding: "utf-8" | "utf-16" | "windows-1252" } | { ok: false } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16" };
  if (bytes.includes(0)) return { ok: false };
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { ok: true, text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}

/** A CSV (or tab-separated) upload as rows of cells, or why it cannot be read. */
export function readTextTable(bytes: Uint8Array): TextTable {
  if (bytes.length === 0) return { ok: false, code: "empty" };
  if (isOldExcel(bytes)) return { ok: false, code: "oldExcel" };
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, code: "wrongType" };
  const parsed = parseCsv(decoded.text);
  if (!parsed.ok) return { ok: false, code: "unclosedQuote", params: { line: parsed.line } };
  return { ok: true, rows: parsed.rows, delimiter: parsed.delimiter, encoding: decoded.encoding };
}

/** A header as compared: compatibility forms folded, case and punctuation ignored, "(opsional)" and "*" dropped. */
export function headerKey(header: string): string {
  return header
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\(.*?\)|\*/g, " ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

/** A cell as read: invisible characters and surrounding spaces removed, inner runs of spaces made one. */
export function cleanCell(value: string): string {
  const text = value
    .replace(INVISIBLE, "")
    .replace(/[\s\u00A0]+/g, " ")
    .trim();
  // Our own exports, and people forcing text, put an apostrophe before =, +, -, @ or a digit.
  return /^'[=+\-@\d]/.test(text) ? text.slice(1) : text;
}

/** One row of the sheet: its number as the spreadsheet shows it (the header is row 1) and its cells by column key. */
export type SheetRecord = { line: number; values: Record<string, string> };

export type Records = { ok: true; records: SheetRecord[]; ignoredColumns: string[]; emptyRows: number } | FileFailure;

/**
 * Maps the header row (the first row with any text) to the kind's columns and returns the other
 * rows by column key. Rows with no text at all (Excel leaves them at the end) are skipped and
 * counted; columns nobody asked for are named so the organizer sees they were not read.
 */
export function readRecords(table: readonly (readonly string[])[], columns: readonly ColumnSpec[], extraRequired: readonly string[] = []): Records {
  const headerIndex = table.findIndex((row) => row.some((cell) => cleanCell(cell) !== ""));
  if (headerIndex === -1) return { ok: false, code: "empty" };
  const header = table[headerIndex] ?? [];
  const byKey = new Map<string, number>();
  const ignoredColumns: string[] = [];
  const duplicates: string[] = [];
  header.forEach((cell, index) => {
    const key = headerKey(cell);
    if (key === "") return;
    const spec = columns.find((c) => [c.key, c.id, c.en, ...c.aliases].some((name) => headerKey(name) === key));
    if (!spec) {
      ignoredColumns.push(cleanCell(cell));
      return;
    }
    if (byKey.has(spec.key)) duplicates.push(spec.key);
    else byKey.set(spec.key, index);
  });
  if (byKey.size === 0) return { ok: false, code: "noHeader" };
  if (duplicates[0]) return { ok: false, code: "duplicateColumn", params: { column: duplicates[0] } };
  const missing = columns.filter((c) => (c.required || extraRequired.includes(c.key)) && !byKey.has(c.key)).map((c) => c.key);
  if (missing.length) return { ok: false, code: "missingColumns", params: { columns: missing.join(COLUMN_SEPARATOR) } };
  const records: SheetRecord[] = [];
  let emptyRows = 0;
  for (let i = headerIndex + 1; i < table.length; i++) {
    const row = table[i] ?? [];
    if (!row.some((cell) => cleanCell(cell) !== "")) {
      emptyRows++;
      continue;
    }
    const values: Record<string, string> = {};
    for (const spec of columns) {
      const index = byKey.get(spec.key);
      values[spec.key] = index === undefined ? "" : cleanCell(row[index] ?? "");
    }
    records.push({ line: i - headerIndex + 1, values });
  }
  if (records.length === 0) return { ok: false, code: "noRows" };
  if (records.length > IMPORT_MAX_ROWS) return { ok: false, code: "tooManyRows", params: { max: IMPORT_MAX_ROWS, count: records.length } };
  return { ok: true, records, ignoredColumns, emptyRows };
}

/** How the file was read, for the notes above the preview. */
export type FileFacts = { format: "csv" | "xlsx"; delimiter: CsvDelimiter | null; encoding: string | null; ignoredColumns: string[]; emptyRows: number };

/**
 * A checked file as the page shows it: the verdicts, how the file was read, the rows to send back
 * with the confirmation (`payload`) and the SHA-256 of the verdicts it must still produce then.
 */
export type Preview<P> = { kind: ImportKind; facts: FileFacts; result: P; payload: string; digest: string };

/** A checked file, or why it cannot be read. */
export type ImportOutcome<P> = { ok: true; preview: Preview<P> } | FileFailure;

/**
 * A confirmation: what it wrote, or why it wrote nothing: the form came back "damaged", or the
 * rows, checked again, no longer give the preview the organizer saw ("changed", with the new one).
 */
export type ConfirmOutcome<P, W> = { ok: true; written: W } | Failure<"damaged"> | (Failure<"changed"> & { preview: Preview<P> });

// ── Checking the rows ────────────────────────────────────────────────────────────────────────

export type IssueCode =
  | "required"
  | "tooShort"
  | "tooLong"
  | "email"
  | "scientific"
  | "whatsapp"
  | "regionUnknown"
  | "trackUnknown"
  | "poolUnknown"
  | "poolRequired"
  | "duplicate"
  | "differs"
  | "alreadyJudge"
  | "alreadyInvited"
  | "alreadyInTeam"
  | "teamExists"
  | "nameClash"
  | "tooMany"
  | "poolOverQuota"
  | "teamHasErrors"
  | "belowMin";

/** A finding about a row or a team; `column` is a column key, params fill the message. */
export type Issue = { code: IssueCode; column?: string; params?: Record<string, string | number> };

/** ready: written on confirmation · skipped: already there (a repeated import) · error: needs fixing in the file. */
export type Verdict = "ready" | "skipped" | "error";

export type Named = { id: string; name: string };
export type RegionRef = Named & { code: string | null };
export type PoolRef = { key: string; label: string; quota: number };

const email = z.string().max(254).email();

/** Excel turns a long number into "6,28123E+11" and keeps only those digits: the number is gone. */
const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?e[+-]?\d+$/i;

/** Names as compared: compatibility forms, case, punctuation and spacing ignored. */
export function looseKey(value: string): string {
  return value
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * The event's region written in the file: its name or its official (Kemendagri) code, ignoring
 * case, spacing and punctuation; "Kab." stands for "Kabupaten". Null when none fits.
 */
export function matchRegion<R extends RegionRef>(value: string, regions: readonly R[]): R | null {
  const name = looseKey(value).replace(/^kab\b/, "kabupaten");
  const code = value.replace(/[^0-9a-z]/gi, "").toLowerCase();
  return regions.find((r) => looseKey(r.name) === name) ?? (code ? regions.find((r) => r.code !== null && r.code.replace(/[^0-9a-z]/gi, "").toLowerCase() === code) : undefined) ?? null;
}

function matchNamed<N extends Named>(value: string, items: readonly N[]): N | null {
  const key = looseKey(value);
  return items.find((i) => looseKey(i.name) === key) ?? null;
}

function matchPool(value: string, pools: readonly PoolRef[]): PoolRef | null {
  const key = looseKey(value);
  return pools.find((p) => looseKey(p.key) === key || looseKey(p.label) === key) ?? null;
}

function lengthIssue(values: Record<string, string>, column: string, min: number, max: number, required: boolean): Issue | null {
  const value = values[column] ?? "";
  if (value === "") return required ? { code: "required", column } : null;
  if (value.length < min) return { code: "tooShort", column, params: { min } };
  if (value.length > max) return { code: "tooLong", column, params: { max } };
  return null;
}

function scientificIssues(values: Record<string, string>): Issue[] {
  return Object.entries(values)
    .filter(([, v]) => SCIENTIFIC.test(v))
    .map(([column, value]) => ({ code: "scientific" as const, column, params: { value } }));
}

function emailIssue(value: string): Issue | null {
  if (value === "") return { code: "required", column: "email" };
  return email.safeParse(value).success ? null : { code: "email", column: "email" };
}

export type Counts = { rows: number; ready: number; skipped: number; errors: number };

function countRows(rows: readonly { verdict: Verdict }[]): Counts {
  return {
    rows: rows.length,
    ready: rows.filter((r) => r.verdict === "ready").length,
    skipped: rows.filter((r) => r.verdict === "skipped").length,
    errors: rows.filter((r) => r.verdict === "error").length,
  };
}

// Judges

export type JudgeContext = {
  regions: readonly RegionRef[];
  /** Addresses of the event's judges, lower-cased. */
  judgeEmails: ReadonlySet<string>;
  /** Addresses with a judge invite still open (not used, revoked or expired), lower-cased. */
  invitedEmails: ReadonlySet<string>;
};

export type JudgeRow = {
  line: number;
  name: string;
  email: string;
  institution: string;
  kim: string;
  region: string;
  regionId: string | null;
  regionName: string | null;
  verdict: Verdict;
  issues: Issue[];
};

export type JudgePreview = { rows: JudgeRow[]; counts: Counts };

export function checkJudges(records: readonly SheetRecord[], ctx: JudgeContext): JudgePreview {
  const firstLine = new Map<string, number>();
  const rows = records.map((record): JudgeRow => {
    const v = record.values;
    const address = (v.email ?? "").toLowerCase();
    const issues: Issue[] = [...scientificIssues(v)];
    const push = (issue: Issue | null) => issue && !issues.some((i) => i.column && i.column === issue.column) && issues.push(issue);
    push(lengthIssue(v, "name", 2, 100, true));
    push(emailIssue(address));
    push(lengthIssue(v, "kim", 1, 120, false));
    push(lengthIssue(v, "institution", 1, 160, false));
    const region = v.region ? matchRegion(v.region, ctx.regions) : null;
    if (v.region && !region) push({ code: "regionUnknown", column: "region", params: { value: v.region } });
    if (address && firstLine.has(address)) push({ code: "duplicate", column: "email", params: { line: firstLine.get(address) ?? 0 } });
    else if (address) firstLine.set(address, record.line);
    let verdict: Verdict = issues.length ? "error" : "ready";
    if (verdict === "ready" && ctx.judgeEmails.has(address)) {
      verdict = "skipped";
      issues.push({ code: "alreadyJudge" });
    } else if (verdict === "ready" && ctx.invitedEmails.has(address)) {
      verdict = "skipped";
      issues.push({ code: "alreadyInvited" });
    }
    return {
      line: record.line,
      name: v.name ?? "",
      email: address,
      institution: v.institution ?? "",
      kim: v.kim ?? "",
      region: v.region ?? "",
      regionId: region?.id ?? null,
      regionName: region?.name ?? null,
      verdict,
      issues,
    };
  });
  return { rows, counts: countRows(rows) };
}

// Teams

export type TeamContext = {
  regions: readonly RegionRef[];
  tracks: readonly Named[];
  pools: readonly PoolRef[];
  rules: TeamRules;
  /** Names of the event's teams (compared by their skeleton key). */
  teamNames: readonly string[];
  /** Addresses already in a team of the event, as a member or a reserved place, lower-cased. */
  memberEmails: ReadonlySet<string>;
};

export type MemberRow = {
  line: number;
  name: string;
  email: string;
  whatsapp: string | null;
  whatsappText: string;
  pool: string | null;
  poolLabel: string | null;
  captain: boolean;
  verdict: Verdict;
  issues: Issue[];
};

export type TeamGroup = {
  name: string;
  nameKey: string;
  track: string;
  trackId: string | null;
  trackName: string | null;
  region: string;
  regionId: string | null;
  regionName: string | null;
  kimName: string;
  institution: string;
  verdict: Verdict;
  /** About the team as a whole; notes do not stop it (a team below the minimum can still fill up). */
  issues: Issue[];
  notes: Issue[];
  members: MemberRow[];
};

export type TeamPreview = { teams: TeamGroup[]; counts: Counts & { teams: number; teamsReady: number; teamsSkipped: number; teamsWithErrors: number } };

const TEAM_FIELDS = ["track", "region", "kim", "institution"] as const;

export function checkTeams(records: readonly SheetRecord[], ctx: TeamContext): TeamPreview {
  const groups = new Map<string, SheetRecord[]>();
  for (const record of records) {
    const key = looseKey(record.values.team ?? "");
    groups.set(key, [...(groups.get(key) ?? []), record]);
  }
  const takenKeys = new Set(ctx.teamNames.map(teamNameKey));
  const skeletons = new Map<string, string>();
  for (const [key, rows] of groups) if (key) skeletons.set(key, teamNameKey(rows[0]?.values.team ?? ""));
  const firstLine = new Map<string, number>();
  const teams: TeamGroup[] = [];

  for (const [key, rows] of groups) {
    const first = rows[0] as SheetRecord;
    const name = (first.values.team ?? "").replace(/\s+/g, " ");
    const team = Object.fromEntries(TEAM_FIELDS.map((f) => [f, rows.map((r) => r.values[f] ?? "").find((v) => v !== "") ?? ""])) as Record<(typeof TEAM_FIELDS)[number], string>;
    const issues: Issue[] = [];
    const notes: Issue[] = [];
    const push = (issue: Issue | null) => issue && issues.push(issue);
    if (!key) push({ code: "required", column: "team" });
    else {
      push(lengthIssue({ team: name }, "team", 3, 60, true));
      const clash = [...skeletons].find(([other, skeleton]) => other !== key && skeleton === skeletons.get(key));
      if (clash) push({ code: "nameClash", column: "team", params: { other: groups.get(clash[0])?.[0]?.values.team ?? "" } });
    }
    const region = team.region ? matchRegion(team.region, ctx.regions) : null;
    if (!team.region) push({ code: "required", column: "region" });
    else if (!region) push({ code: "regionUnknown", column: "region", params: { value: team.region } });
    const track = team.track ? matchNamed(team.track, ctx.tracks) : null;
    if (team.track && !track) push({ code: "trackUnknown", column: "track", params: { value: team.track } });
    push(lengthIssue(team, "kim", 1, 100, false));
    push(lengthIssue(team, "institution", 1, 150, false));
    const exists = Boolean(key) && takenKeys.has(skeletons.get(key) ?? "");

    const members = rows.map((record, index): MemberRow => {
      const v = record.values;
      const address = (v.email ?? "").toLowerCase();
      const own: Issue[] = [...scientificIssues(v)];
      const add = (issue: Issue | null) => issue && !own.some((i) => i.column && i.column === issue.column) && own.push(issue);
      add(lengthIssue(v, "name", 2, 100, true));
      add(emailIssue(address));
      const whatsapp = v.whatsapp ? normalizeWhatsApp(v.whatsapp) : null;
      if (v.whatsapp && !whatsapp) add({ code: "whatsapp", column: "whatsapp" });
      let pool: PoolRef | null = null;
      if (ctx.pools.length) {
        pool = v.pool ? matchPool(v.pool, ctx.pools) : null;
        if (!v.pool) add({ code: "poolRequired", column: "pool" });
        else if (!pool) add({ code: "poolUnknown", column: "pool", params: { value: v.pool } });
      }
      for (const f of TEAM_FIELDS) {
        const value = v[f] ?? "";
        if (value !== "" && looseKey(value) !== looseKey(team[f])) add({ code: "differs", column: f, params: { value, expected: team[f] } });
      }
      if (address && firstLine.has(address)) add({ code: "duplicate", column: "email", params: { line: firstLine.get(address) ?? 0 } });
      else if (address) firstLine.set(address, record.line);
      if (!exists && own.length === 0 && ctx.memberEmails.has(address)) add({ code: "alreadyInTeam", column: "email" });
      return {
        line: record.line,
        name: v.name ?? "",
        email: address,
        whatsapp,
        whatsappText: v.whatsapp ?? "",
        pool: pool?.key ?? null,
        poolLabel: pool?.label ?? null,
        captain: index === 0,
        verdict: own.length ? "error" : "ready",
        issues: own,
      };
    });

    if (key && !exists) {
      const size = members.length;
      if (size > ctx.rules.maxSize) push({ code: "tooMany", params: { max: ctx.rules.maxSize, count: size } });
      for (const violation of teamViolations(
        ctx.rules,
        members.filter((m) => m.pool !== null || !ctx.pools.length),
      )) {
        const pool = ctx.pools.find((p) => p.key === violation.pool);
        if (violation.code === "pool_over_quota" && pool) push({ code: "poolOverQuota", params: { pool: pool.label, quota: pool.quota } });
      }
      if (size < ctx.rules.minSize) notes.push({ code: "belowMin", params: { min: ctx.rules.minSize, count: size } });
    }

    let verdict: Verdict = "ready";
    if (exists) verdict = "skipped";
    else if (issues.length || members.some((m) => m.verdict === "error")) verdict = "error";
    for (const m of members) {
      if (verdict === "skipped") {
        m.verdict = "skipped";
        m.issues = [{ code: "teamExists" }];
      } else if (verdict === "error" && m.verdict === "ready") {
        m.verdict = "error";
        m.issues = [{ code: "teamHasErrors" }];
      }
    }
    teams.push({
      name,
      nameKey: skeletons.get(key) ?? "",
      track: team.track,
      trackId: track?.id ?? null,
      trackName: track?.name ?? null,
      region: team.region,
      regionId: region?.id ?? null,
      regionName: region?.name ?? null,
      kimName: team.kim,
      institution: team.institution,
      verdict,
      issues: exists ? [{ code: "teamExists" }] : issues,
      notes,
      members,
    });
  }
  const all = teams.flatMap((t) => t.members);
  return {
    teams,
    counts: {
      ...countRows(all),
      teams: teams.length,
      teamsReady: teams.filter((t) => t.verdict === "ready").length,
      teamsSkipped: teams.filter((t) => t.verdict === "skipped").length,
      teamsWithErrors: teams.filter((t) => t.verdict === "error").length,
    },
  };
}

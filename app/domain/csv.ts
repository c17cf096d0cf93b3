// CSV for spreadsheets people open by double-clicking (Excel, LibreOffice, Google Sheets).
//
// Cells are RFC 4180 quoted when needed. Text starting with = + - @ (or a tab/CR, which some
// spreadsheets skip before reading a formula) is prefixed with an apostrophe, so a team named
// "=HYPERLINK(…)" stays text instead of running as a formula on an organizer's machine
// (CSV/formula injection). Numbers are written as numbers and never guarded.

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n;]|^\s|\s$/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "1" : "0";
  let text = value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: a UTF-8 byte order mark (so Excel reads the accents right), CRLF line ends. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

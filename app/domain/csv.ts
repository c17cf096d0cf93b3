// CSV for spreadsheets people open by double-clicking (Excel, LibreOffice, Google Sheets):
// UTF-8 with a byte-order mark so Excel reads Indonesian names right, CRLF rows, RFC 4180
// quoting, and a guard against formula injection: text starting with = + - @ (or a tab/CR,
// which some spreadsheets skip before reading a formula) is prefixed with an apostrophe, so a
// team named "=HYPERLINK(…)" stays text on an organizer's machine. Numbers are never prefixed.

export type Cell = string | number | boolean | null | undefined;

export const CSV_BOM = "\uFEFF";

const FORMULA_START = /^[=+\-@\t\r]/;

export function guardFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = guardFormula(value);
  // ";" too: Excel in Indonesian locales splits on semicolons.
  return /[",;\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return `${CSV_BOM}${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

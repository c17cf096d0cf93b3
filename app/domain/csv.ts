/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads
 * Indonesian names correctly), CRLF line ends, RFC 4180 quoting, and a guard
 * against formula injection — a cell that starts with = + - @ or a control
 * character is prefixed with an apostrophe, so a team called "=HYPERLINK(…)"
 * stays text. Numbers are written as numbers and never prefixed.
 */
export type Cell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function guardFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = guardFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

// CSV for spreadsheets (Excel, LibreOffice, Google Sheets): UTF-8 with a BOM so Excel reads
// "Kabupaten Malang — Tim Ü" correctly, CRLF rows, RFC 4180 quoting, and a guard against
// formula injection: a cell a participant typed that starts with = + - @ (or a tab/CR, which
// some spreadsheets skip before looking) is prefixed with an apostrophe so it stays text.

export const CSV_BOM = "\uFEFF";

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return CSV_BOM + rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

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

// Reading CSV back: what spreadsheets write when an organizer saves a sheet "as CSV". Excel in an
// Indonesian locale separates with ";" (the decimal mark is ","), so the separator is detected
// from the header line (or named by Excel's own "sep=;" first line); quoted fields may hold the
// separator, doubled quotes and line breaks (RFC 4180); a leading BOM is dropped.

export type CsvDelimiter = "," | ";" | "\t";

export type ParsedCsv = { ok: true; rows: string[][]; delimiter: CsvDelimiter } | { ok: false; code: "unclosedQuote"; line: number };

const DELIMITERS: readonly CsvDelimiter[] = [",", ";", "\t"];

/** The separator used most often on the first line outside quotes; "," when none appears. */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const ch of text.replace(/^\uFEFF/, "")) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && DELIMITERS.includes(ch as CsvDelimiter)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: CsvDelimiter = ",";
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/**
 * Splits CSV text into records of fields. A quote opens a quoted field only at the start of a
 * field; elsewhere it is an ordinary character, as spreadsheets read it. A quote left open at the
 * end is an error naming the line where it opened, because everything after it would silently
 * become one field.
 */
export function parseCsv(input: string, delimiter?: CsvDelimiter): ParsedCsv {
  let text = input.replace(/^\uFEFF/, "");
  const sep = /^sep=([,;\t])[ \t]*(\r\n|\n|\r|$)/i.exec(text);
  if (sep) text = text.slice(sep[0].length);
  const d = (sep?.[1] as CsvDelimiter | undefined) ?? delimiter ?? detectDelimiter(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let atFieldStart = true;
  let line = 1;
  let quoteLine = 1;
  let i = 0;
  const endRecord = () => {
    row.push(field);
    rows.push(row);
    row = [];
    field = "";
    atFieldStart = true;
  };
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) line++;
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
      quoteLine = line;
      i++;
      continue;
    }
    if (ch === d) {
      row.push(field);
      field = "";
      atFieldStart = true;
      i++;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      endRecord();
      line++;
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      continue;
    }
    field += ch;
    atFieldStart = false;
    i++;
  }
  if (quoted) return { ok: false, code: "unclosedQuote", line: quoteLine + (sep ? 1 : 0) };
  // The last record, unless the text ended with its line break.
  if (field !== "" || row.length > 0) endRecord();
  return { ok: true, rows, delimiter: d };
}

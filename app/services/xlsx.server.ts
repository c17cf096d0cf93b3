// XLSX with exceljs. Exports: one sheet per table, numbers as numbers, every other value as text
// guarded against formula injection like the CSV export. Enough for Excel, LibreOffice and Sheets.
// Imports: the first visible sheet read back as rows of text, as the organizer sees the cells.
// exceljs is loaded on first use: it is the largest library here (about 27 MB of memory), and most
// instances serve pages long before anyone exports or imports a spreadsheet.
import type ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { guardFormula, type Cell } from "~/domain/csv";
import type { Failure } from "~/validation/message";

export type Sheet = {
  name: string;
  rows: readonly (readonly Cell[])[];
  /** A template to fill in: bold header row kept in view, columns formatted as Text so Excel keeps 0812… and long numbers as typed. */
  template?: { widths: readonly number[] };
};

/** Excel's sheet-name rules: at most 31 characters, none of []:*?/\ and not empty. */
let loaded: Promise<typeof ExcelJS> | undefined;
const excel = () => (loaded ??= import("exceljs").then((m) => (m.default ?? m) as typeof ExcelJS));

function sheetName(name: string, index: number): string {
  return name.replace(/[[\]:*?/\\]/g, " ").slice(0, 31) || `Sheet${index + 1}`;
}

function cellValue(value: Cell): string | number | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  const text = typeof value === "boolean" ? (value ? "true" : "false") : guardFormula(String(value));
  // Characters XML 1.0 forbids are dropped rather than producing a file Excel refuses to open.
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");
}

export async function buildXlsx(sheets: readonly Sheet[]): Promise<Uint8Array> {
  const workbook = new (await excel()).Workbook();
  sheets.forEach((sheet, i) => {
    const worksheet = workbook.addWorksheet(sheetName(sheet.name, i), sheet.template ? { views: [{ state: "frozen", ySplit: 1 }] } : undefined);
    sheet.template?.widths.forEach((width, c) => {
      const column = worksheet.getColumn(c + 1);
      column.width = width;
      column.numFmt = "@";
    });
    for (const row of sheet.rows) worksheet.addRow(row.map(cellValue));
    if (sheet.template) worksheet.getRow(1).font = { bold: true };
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** More than this unpacked is no spreadsheet of a thousand rows: refused before exceljs unpacks it. */
export const XLSX_MAX_UNPACKED = 50 * 1024 * 1024;

export type XlsxTable = { ok: true; rows: string[][] } | Failure<"brokenXlsx">;

/** A number as the cell shows it when its format is scientific (so "6.28123E+11" can be flagged), otherwise all its digits. */
function numberText(value: number, numFmt: string | undefined): string {
  if (numFmt && /E[+-]/i.test(numFmt)) return value.toExponential().toUpperCase();
  return String(value);
}

function valueText(value: ExcelJS.CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return numberText(value, numFmt);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  // A hyperlink (Excel links typed addresses) shows its text, which may itself be rich text.
  if ("hyperlink" in value) return valueText(value.text as ExcelJS.CellValue, numFmt);
  if ("formula" in value || "sharedFormula" in value) return valueText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue, numFmt);
  if ("error" in value) return String(value.error);
  return "";
}

/**
 * The first visible sheet as rows of cell text, row numbers kept (empty rows stay empty rows), or
 * "brokenXlsx" for a file exceljs cannot read or one that would unpack to more than
 * XLSX_MAX_UNPACKED (a ZIP bomb).
 */
export async function readXlsxTable(bytes: Uint8Array): Promise<XlsxTable> {
  try {
    let unpacked = 0;
    unzipSync(bytes, {
      filter: (file) => {
        unpacked += file.originalSize;
        return false;
      },
    });
    if (unpacked > XLSX_MAX_UNPACKED) return { ok: false, code: "brokenXlsx" };
    const workbook = new (await excel()).Workbook();
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = workbook.worksheets.find((w) => w.state === "visible") ?? workbook.worksheets[0];
    if (!sheet) return { ok: false, code: "brokenXlsx" };
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = valueText(cell.value, cell.numFmt);
      });
      rows[number - 1] = Array.from(cells, (c) => c ?? "");
    });
    return { ok: true, rows: Array.from(rows, (r) => r ?? []) };
  } catch {
    return { ok: false, code: "brokenXlsx" };
  }
}

// XLSX exports written with exceljs: one sheet per table, numbers as numbers, every other value as
// text guarded against formula injection like the CSV export. Enough for Excel, LibreOffice and Sheets.
import ExcelJS from "exceljs";
import { guardFormula, type Cell } from "~/domain/csv";

export type Sheet = { name: string; rows: readonly (readonly Cell[])[] };

/** Excel's sheet-name rules: at most 31 characters, none of []:*?/\ and not empty. */
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
  const workbook = new ExcelJS.Workbook();
  sheets.forEach((sheet, i) => {
    const worksheet = workbook.addWorksheet(sheetName(sheet.name, i));
    for (const row of sheet.rows) worksheet.addRow(row.map(cellValue));
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

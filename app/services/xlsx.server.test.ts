import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { zipSync } from "fflate";
import { buildXlsx, readXlsxTable, XLSX_MAX_UNPACKED } from "./xlsx.server";

async function readBack(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return workbook;
}

describe("buildXlsx", () => {
  it("writes one sheet per table; numbers stay numbers, text is guarded and cleaned", async () => {
    const bytes = await buildXlsx([
      {
        name: "teams",
        rows: [
          ["Tim", "Skor", "Lolos", "Catatan"],
          ["Tim Garuda", 87.5, true, "=SUM(A1:A9)"],
          ['Tim <Rajawali> & "Elang"', 0, false, "baris\u0007satu\nbaris dua"],
          ["Tim Kosong", null, undefined, ""],
        ],
      },
      { name: "a/b:c*d?e[f]g\\h that is far too long for Excel", rows: [["x"], [Number.NaN]] },
      { name: "", rows: [] },
    ]);
    const workbook = await readBack(bytes);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["teams", "a b c d e f g h that is far too", "Sheet3"]);
    const teams = workbook.getWorksheet("teams")!;
    expect(teams.getRow(1).values).toEqual([undefined, "Tim", "Skor", "Lolos", "Catatan"]);
    expect(teams.getCell("B2").value).toBe(87.5);
    expect(teams.getCell("B2").type).toBe(ExcelJS.ValueType.Number);
    expect(teams.getCell("B3").value).toBe(0);
    expect(teams.getCell("C2").value).toBe("true");
    expect(teams.getCell("D2").value).toBe("'=SUM(A1:A9)");
    expect(teams.getCell("D2").type).toBe(ExcelJS.ValueType.String);
    expect(teams.getCell("A3").value).toBe('Tim <Rajawali> & "Elang"');
    expect(teams.getCell("D3").value).toBe("barissatu\nbaris dua");
    expect(teams.getCell("B4").value).toBeNull();
    expect(teams.rowCount).toBe(4);
    expect(workbook.worksheets[1]!.getCell("A2").value).toBe("NaN");
  });
});

async function workbookBytes(fill: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("readXlsxTable", () => {
  it("reads the first visible sheet as the organizer sees its cells, keeping row numbers", async () => {
    const bytes = await workbookBytes((wb) => {
      wb.addWorksheet("lama", { state: "hidden" }).addRow(["bukan ini"]);
      const sheet = wb.addWorksheet("data");
      sheet.addRow(["Nama", "Email", "WhatsApp", "Catatan"]);
      sheet.addRow([
        { richText: [{ text: "Budi " }, { text: "Santoso", font: { bold: true } }] },
        { text: "budi@contoh.id", hyperlink: "mailto:budi@contoh.id" },
        6281234567890,
        { formula: "1+1", result: 2 },
      ]);
      sheet.addRow([]);
      sheet.getRow(4).values = ["Sari", "sari@contoh.id", 628123000000, true];
      sheet.getCell("C4").numFmt = "0.00E+00";
      sheet.getCell("D5").value = new Date(Date.UTC(2026, 7, 17));
    });
    const read = await readXlsxTable(bytes);
    expect(read).toEqual({
      ok: true,
      rows: [["Nama", "Email", "WhatsApp", "Catatan"], ["Budi Santoso", "budi@contoh.id", "6281234567890", "2"], [], ["Sari", "sari@contoh.id", "6.28123E+11", "TRUE"], ["", "", "", "2026-08-17"]],
    });
  });

  it("refuses a damaged file and a ZIP that unpacks to far more than any sheet", async () => {
    const good = await buildXlsx([{ name: "a", rows: [["x"]] }]);
    expect(await readXlsxTable(good.subarray(0, good.length >> 1))).toEqual({ ok: false, code: "brokenXlsx" });
    const bomb = zipSync({ "xl/worksheets/sheet1.xml": new Uint8Array(XLSX_MAX_UNPACKED + 1) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await readXlsxTable(bomb)).toEqual({ ok: false, code: "brokenXlsx" });
  });

  it("writes a template whose columns are Text, so Excel keeps 0812… and long numbers as typed", async () => {
    const bytes = await buildXlsx([{ name: "Juri", rows: [["Nama", "Email"]], template: { widths: [20, 30] } }]);
    const sheet = (await readBack(bytes)).getWorksheet("Juri")!;
    expect(sheet.getColumn(1).numFmt).toBe("@");
    expect(sheet.getColumn(2).width).toBe(30);
    expect(sheet.getCell("A1").font?.bold).toBe(true);
    expect((await readXlsxTable(bytes)).ok).toBe(true);
  });
});

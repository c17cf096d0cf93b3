import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildXlsx } from "./xlsx.server";

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

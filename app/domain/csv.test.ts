import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("csvCell", () => {
  it("leaves plain text and numbers alone", () => {
    expect(csvCell("Tim Garuda")).toBe("Tim Garuda");
    expect(csvCell(42)).toBe("42");
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(true)).toBe("1");
  });

  it("quotes separators, quotes and line breaks", () => {
    expect(csvCell("Surabaya, Kota")).toBe('"Surabaya, Kota"');
    expect(csvCell('Tim "Maju"')).toBe('"Tim ""Maju"""');
    expect(csvCell("baris 1\nbaris 2")).toBe('"baris 1\nbaris 2"');
    expect(csvCell("a;b")).toBe('"a;b"');
    expect(csvCell(" spasi")).toBe('" spasi"');
  });

  it("keeps formulas as text", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell("+62812")).toBe("'+62812");
    expect(csvCell("-1+1")).toBe("'-1+1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("a=b")).toBe("a=b");
  });
});

describe("toCsv", () => {
  it("starts with a BOM and ends rows with CRLF", () => {
    const text = toCsv([
      ["nama", "jumlah"],
      ["Tim Ñandú", 3],
    ]);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toBe("\uFEFFnama,jumlah\r\nTim Ñandú,3\r\n");
  });
});

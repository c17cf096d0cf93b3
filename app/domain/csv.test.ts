import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("csv", () => {
  it("starts with a BOM, ends rows with CRLF and quotes separators, quotes and newlines", () => {
    const out = toCsv([
      ["judul", "catatan"],
      ['Aplikasi "Desa", Pintar', "baris 1\nbaris 2"],
    ]);
    expect(out.startsWith("\uFEFF")).toBe(true);
    expect(out).toBe('\uFEFFjudul,catatan\r\n"Aplikasi ""Desa"", Pintar","baris 1\nbaris 2"\r\n');
  });

  it.each([
    ["=HYPERLINK(\"http://evil.example\")", "\"'=HYPERLINK(\"\"http://evil.example\"\")\""],
    ["+62812", "'+62812"],
    ["-1+1", "'-1+1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
  ])("guards the formula %s", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it("leaves numbers, empty values and ordinary text alone", () => {
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(null)).toBe("");
    expect(csvCell("Kota Surabaya")).toBe("Kota Surabaya");
  });
});

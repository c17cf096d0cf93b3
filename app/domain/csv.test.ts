import { describe, expect, it } from "vitest";
import { csvCell, detectDelimiter, parseCsv, toCsv } from "./csv";

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
    ['=HYPERLINK("http://evil.example")', '"\'=HYPERLINK(""http://evil.example"")"'],
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

describe("csvCell (screening export cases)", () => {
  it("leaves plain text and numbers alone", () => {
    expect(csvCell("Tim Garuda")).toBe("Tim Garuda");
    expect(csvCell(42)).toBe("42");
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(true)).toBe("true");
  });

  it("quotes separators, quotes and line breaks", () => {
    expect(csvCell("Surabaya, Kota")).toBe('"Surabaya, Kota"');
    expect(csvCell('Tim "Maju"')).toBe('"Tim ""Maju"""');
    expect(csvCell("baris 1\nbaris 2")).toBe('"baris 1\nbaris 2"');
    expect(csvCell("a;b")).toBe('"a;b"');
    expect(csvCell(" spasi")).toBe('" spasi"');
  });

  it("keeps formulas as text", () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell("+62812")).toBe("'+62812");
    expect(csvCell("-1+1")).toBe("'-1+1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("a=b")).toBe("a=b");
  });
});

describe("toCsv (screening export cases)", () => {
  it("starts with a BOM and ends rows with CRLF", () => {
    const text = toCsv([
      ["nama", "jumlah"],
      ["Tim Ñandú", 3],
    ]);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toBe("\uFEFFnama,jumlah\r\nTim Ñandú,3\r\n");
  });
});

describe("reading csv", () => {
  it("reads what toCsv writes, BOM, quotes, doubled quotes and line breaks included", () => {
    const rows = [
      ["nama", "catatan"],
      ['Aplikasi "Desa", Pintar', "baris 1\nbaris 2"],
      ["Kota Batu", ""],
    ];
    expect(parseCsv(toCsv(rows))).toEqual({ ok: true, rows, delimiter: "," });
  });

  it("detects the semicolon Excel writes in an Indonesian locale, and keeps decimal commas in a field", () => {
    const parsed = parseCsv("Nama;Email;Nilai\r\nBudi;budi@contoh.id;7,5\r\n");
    expect(parsed).toEqual({
      ok: true,
      delimiter: ";",
      rows: [
        ["Nama", "Email", "Nilai"],
        ["Budi", "budi@contoh.id", "7,5"],
      ],
    });
  });

  it("follows Excel's sep= line, tabs, lone CR line ends and a missing final line break", () => {
    expect(parseCsv("sep=;\na,b;c\n")).toMatchObject({ rows: [["a,b", "c"]], delimiter: ";" });
    expect(parseCsv("a\tb\rc\td")).toMatchObject({
      rows: [
        ["a", "b"],
        ["c", "d"],
      ],
      delimiter: "\t",
    });
  });

  it("does not let a separator inside quotes decide the separator", () => {
    expect(detectDelimiter('"a;b;c",d\n')).toBe(",");
    expect(detectDelimiter("tanpa pemisah")).toBe(",");
  });

  it("reads a quote inside an unquoted field as a character, and empty fields as empty", () => {
    expect(parseCsv('KIM "Maju",,x\n')).toMatchObject({ rows: [['KIM "Maju"', "", "x"]] });
  });

  it("names the line where a quote was left open", () => {
    expect(parseCsv('a,b\nc,"d\ne,f\n')).toEqual({ ok: false, code: "unclosedQuote", line: 2 });
  });
});

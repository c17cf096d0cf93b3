import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffLines, diffWords, hasChanges, MAX_EDIT_LENGTH } from "./diff";

const side = (parts: { op: string; text: string }[], keep: "insert" | "delete") =>
  parts
    .filter((p) => p.op === "equal" || p.op === keep)
    .map((p) => p.text)
    .join("");

describe("diffWords", () => {
  it("marks a replaced word", () => {
    expect(diffWords("Aplikasi desa pintar", "Aplikasi desa cerdas")).toEqual([
      { op: "equal", text: "Aplikasi desa " },
      { op: "delete", text: "pintar" },
      { op: "insert", text: "cerdas" },
    ]);
  });

  it("reads a rewritten sentence as one removal and one addition, not word confetti", () => {
    // Punctuation marks are tokens of their own, so the unchanged "WhatsApp" and final "." stay.
    expect(diffWords("Laporan warga lewat WhatsApp.", "Warga melapor jalan rusak dari WhatsApp, cepat.")).toEqual([
      { op: "delete", text: "Laporan warga lewat " },
      { op: "insert", text: "Warga melapor jalan rusak dari " },
      { op: "equal", text: "WhatsApp" },
      { op: "insert", text: ", cepat" },
      { op: "equal", text: "." },
    ]);
    expect(diffWords("Satu dua tiga empat", "Satu DUA tiga EMPAT")).toEqual([
      { op: "equal", text: "Satu " },
      { op: "delete", text: "dua" },
      { op: "insert", text: "DUA" },
      { op: "equal", text: " tiga " },
      { op: "delete", text: "empat" },
      { op: "insert", text: "EMPAT" },
    ]);
  });

  it("reports no change for equal texts and a pure insert from empty", () => {
    expect(hasChanges(diffWords("sama", "sama"))).toBe(false);
    expect(diffWords("", "baru")).toEqual([{ op: "insert", text: "baru" }]);
    expect(diffWords("lama", "")).toEqual([{ op: "delete", text: "lama" }]);
  });
});

describe("diffLines", () => {
  it("keeps unchanged lines and marks inserted and deleted lines", () => {
    const parts = diffLines("## Masalah\nWarga sulit\n## Solusi\nAplikasi\n", "## Masalah\nWarga sulit sekali\n## Solusi\nAplikasi\nDan peta\n");
    expect(parts).toEqual([
      { op: "equal", text: "## Masalah\n" },
      { op: "delete", text: "Warga sulit\n" },
      { op: "insert", text: "Warga sulit sekali\n" },
      { op: "equal", text: "## Solusi\nAplikasi\n" },
      { op: "insert", text: "Dan peta\n" },
    ]);
  });

  it("does not treat a missing final newline as a changed line", () => {
    expect(diffLines("satu\ndua", "satu\ndua\ntiga\n")).toEqual([
      { op: "equal", text: "satu\ndua\n" },
      { op: "insert", text: "tiga\n" },
    ]);
  });

  it("diffs a long text line by line while the changes stay under the bound", () => {
    const a = Array.from({ length: 1000 }, (_, i) => `baris ${i}\n`).join("");
    const b = a.replace("baris 500\n", "baris lima ratus\n");
    expect(diffLines(`x\n${a}y\n`, `x\n${b}y\n`).map((p) => p.op)).toEqual(["equal", "delete", "insert", "equal"]);
  });

  it("falls back to one replacement when more lines changed than the bound", () => {
    const a = Array.from({ length: MAX_EDIT_LENGTH }, (_, i) => `a${i}\n`).join("");
    const b = Array.from({ length: MAX_EDIT_LENGTH }, (_, i) => `b${i}\n`).join("");
    expect(diffLines(`x\n${a}y\n`, `x\n${b}y\n`)).toEqual([
      { op: "delete", text: `x\n${a}y\n` },
      { op: "insert", text: `x\n${b}y\n` },
    ]);
    const words = (p: string) => Array.from({ length: MAX_EDIT_LENGTH }, (_, i) => `${p}${i}`).join(" ");
    expect(diffWords(words("a"), words("b")).map((p) => p.op)).toEqual(["delete", "insert"]);
  });
});

describe("diff properties", () => {
  const lines = fc.array(fc.constantFrom("a\n", "b\n", "c\n", " \n", "\n"), { maxLength: 30 }).map((a) => a.join(""));
  it("both sides are recovered from the line parts, and no two neighbours share an op", () => {
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const parts = diffLines(a, b);
        expect(side(parts, "delete")).toBe(a);
        expect(side(parts, "insert")).toBe(b);
        for (let i = 1; i < parts.length; i++) expect(parts[i]?.op).not.toBe(parts[i - 1]?.op);
        expect(parts.every((p) => p.text !== "")).toBe(true);
      }),
    );
  });

  it("word diffs also recover both texts after grouping", () => {
    const text = fc.array(fc.constantFrom("a", "b", "c", ".", ",", " ", "  ", "\n"), { maxLength: 20 }).map((a) => a.join(""));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const parts = diffWords(a, b);
        expect(side(parts, "delete")).toBe(a);
        expect(side(parts, "insert")).toBe(b);
        for (let i = 1; i < parts.length; i++) expect(parts[i]?.op).not.toBe(parts[i - 1]?.op);
      }),
    );
  });
});

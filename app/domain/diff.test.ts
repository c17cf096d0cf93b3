import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffLines, diffTokens, diffWords, hasChanges, splitLines, splitWords } from "./diff";

const side = (parts: { op: string; text: string }[], keep: "insert" | "delete") =>
  parts.filter((p) => p.op === "equal" || p.op === keep).map((p) => p.text).join("");

describe("splitting", () => {
  it("keeps newlines and whitespace so the pieces re-join exactly", () => {
    expect(splitLines("a\nb\n\nc")).toEqual(["a\n", "b\n", "\n", "c"]);
    expect(splitLines("")).toEqual([]);
    expect(splitWords("Halo  dunia\nini")).toEqual(["Halo", "  ", "dunia", "\n", "ini"]);
  });
});

describe("diffWords", () => {
  it("marks a replaced word", () => {
    expect(diffWords("Aplikasi desa pintar", "Aplikasi desa cerdas")).toEqual([
      { op: "equal", text: "Aplikasi desa " },
      { op: "delete", text: "pintar" },
      { op: "insert", text: "cerdas" },
    ]);
  });

  it("reads a rewritten sentence as one removal and one addition, not word confetti", () => {
    expect(diffWords("Laporan warga lewat WhatsApp.", "Warga melapor jalan rusak dari WhatsApp, cepat.")).toEqual([
      { op: "delete", text: "Laporan warga lewat WhatsApp." },
      { op: "insert", text: "Warga melapor jalan rusak dari WhatsApp, cepat." },
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

  it("falls back to one replacement for enormous inputs instead of a huge table", () => {
    const a = Array.from({ length: 3000 }, (_, i) => `a${i}\n`).join("");
    const b = Array.from({ length: 3000 }, (_, i) => `b${i}\n`).join("");
    const parts = diffLines(`x\n${a}y\n`, `x\n${b}y\n`);
    expect(parts.map((p) => p.op)).toEqual(["equal", "delete", "insert", "equal"]);
  });
});

describe("diff properties", () => {
  const tokens = fc.array(fc.constantFrom("a", "b", "c", " ", "\n"), { maxLength: 30 });
  it("both sides are recovered from the parts, and no two neighbours share an op", () => {
    fc.assert(
      fc.property(tokens, tokens, (a, b) => {
        const parts = diffTokens(a, b);
        expect(side(parts, "delete")).toBe(a.join(""));
        expect(side(parts, "insert")).toBe(b.join(""));
        for (let i = 1; i < parts.length; i++) expect(parts[i]?.op).not.toBe(parts[i - 1]?.op);
        expect(parts.every((p) => p.text !== "")).toBe(true);
      }),
    );
  });

  it("word diffs also recover both texts after grouping", () => {
    const text = fc.array(fc.constantFrom("a", "b", "c", " ", "  ", "\n"), { maxLength: 20 }).map((a) => a.join(""));
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

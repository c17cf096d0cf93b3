import { describe, expect, it } from "vitest";
import { splitRuns, type Covers } from "./pdf-text";

const within =
  (...ranges: [number, number][]): Covers =>
  (cp) =>
    ranges.some(([lo, hi]) => cp >= lo && cp <= hi);
// The shipped chain in miniature: Latin (with punctuation), Arabic, Javanese, CJK; each has a space.
const FACES = [
  within([0x20, 0x24f], [0x1e00, 0x1eff], [0x2000, 0x206f]),
  within([0x20, 0x20], [0x600, 0x6ff]),
  within([0x20, 0x20], [0xa980, 0xa9df]),
  within([0x20, 0x20], [0x3000, 0x303f], [0x4e00, 0x9fff]),
];
const runs = (s: string) => splitRuns(s, FACES).map((r) => [r.text, r.face]);

describe("splitRuns", () => {
  it("keeps a Latin name, diacritics included, in one run", () => {
    expect(runs("Nguyễn Thị Ánh")).toEqual([["Nguyễn Thị Ánh", 0]]);
    // Decomposed input (as some keyboards send it) is composed first.
    expect(runs("Nguye\u0302\u0303n")).toEqual([["Nguyễn", 0]]);
  });

  it("hands each script to its font, and the dash and spaces between scripts to Latin", () => {
    expect(runs("Siti Nurhaliza — سيتي")).toEqual([
      ["Siti Nurhaliza — ", 0],
      ["سيتي", 1],
    ]);
    expect(runs("Dewi Ayu 李")).toEqual([
      ["Dewi Ayu ", 0],
      ["李", 3],
    ]);
    expect(runs("ꦱꦶꦠꦶ (Siti)")).toEqual([
      ["ꦱꦶꦠꦶ", 2],
      [" (Siti)", 0],
    ]);
  });

  it("keeps the spaces of an Arabic phrase inside its run, so its words stay in order when laid out right to left", () => {
    expect(runs("محمد عبد الله")).toEqual([["محمد عبد الله", 1]]);
    expect(runs("سيتي Siti")).toEqual([
      ["سيتي", 1],
      [" Siti", 0],
    ]);
  });

  it("folds letters no font has to their plain form, and shows what is left as ?", () => {
    expect(runs("𝐒𝐢𝐭𝐢")).toEqual([["Siti", 0]]);
    // Devanagari is not shipped: each letter shows as "?" and its vowel sign is dropped.
    expect(runs("Dev देव")).toEqual([["Dev ??", 0]]);
  });

  it("turns line breaks and tabs into spaces", () => {
    expect(runs("Siti\nNur\tHaliza")).toEqual([["Siti Nur Haliza", 0]]);
  });
});

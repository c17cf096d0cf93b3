import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";
import { revealOrder, subsetPlaces, suggestRecipients } from "./publication";

describe("subsetPlaces", () => {
  it("renumbers a filtered ranking with standard competition places and keeps joint places", () => {
    const rows = [{ place: 2 }, { place: 3 }, { place: 3 }, { place: 6 }, { place: null }];
    expect(subsetPlaces(rows).map((r) => r.subsetPlace)).toEqual([1, 2, 2, 4, null]);
  });
});

describe("revealOrder", () => {
  it("announces special awards first, then places from the lowest up to Juara I", () => {
    const awards = [
      { name: "I", kind: "PLACE" as const, place: 1 },
      { name: "II", kind: "PLACE" as const, place: 2 },
      { name: "H", kind: "HONORABLE" as const, place: 4 },
      { name: "S", kind: "SPECIAL" as const, place: null },
      { name: "III", kind: "PLACE" as const, place: 3 },
    ];
    expect(revealOrder(awards).map((a) => a.name)).toEqual(["S", "H", "III", "II", "I"]);
  });
});

describe("suggestRecipients", () => {
  it("gives a place award to every row at that place (joint winners) and People's Choice to the most votes", () => {
    const awards = [
      { id: "a1", kind: "PLACE" as const, place: 1 },
      { id: "a2", kind: "PLACE" as const, place: 2 },
      { id: "s", kind: "SPECIAL" as const, place: null },
      { id: "p", kind: "PEOPLES_CHOICE" as const, place: null },
    ];
    const rows = [
      { submissionId: "x", place: 1 },
      { submissionId: "y", place: 1 },
      { submissionId: "z", place: 3 },
    ];
    const out = suggestRecipients(awards, rows, [
      { submissionId: "z", count: 4 },
      { submissionId: "x", count: 2 },
    ]);
    expect(out).toEqual({ a1: ["x", "y"], a2: [], s: [], p: ["z"] });
  });
});

describe("CSV", () => {
  it("starts with a BOM, quotes separators and guards formulas", () => {
    const csv = toCsv([
      ["nama", "nilai"],
      ['Tim "Hebat", Surabaya', 87.5],
      ['=HYPERLINK("http://evil")', -3],
      ["+62812", "@cmd"],
    ]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[1]).toBe('"Tim ""Hebat"", Surabaya",87.5');
    expect(lines[2]).toBe(`"'=HYPERLINK(""http://evil"")",-3`);
    expect(lines[3]).toBe("'+62812,'@cmd");
    expect(csvCell(null)).toBe("");
  });
});

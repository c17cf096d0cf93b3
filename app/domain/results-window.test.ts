import { describe, expect, it } from "vitest";
import { foldForSearch, pageOf, rankingWindow, searchMatcher } from "./results-window";

// 120 rows; rows 10 and 11 share place 11; the last 5 are unranked.
const rows = Array.from({ length: 120 }, (_, i) => ({ submissionId: `s${i}`, place: i >= 115 ? null : i === 11 ? 11 : i + 1 }));
const entries = Object.fromEntries(
  rows.map((r, i) => [
    r.submissionId,
    { teamName: i === 42 ? "Tim Sigap Désa" : `Tim ${i}`, title: i === 77 ? "Posyandu Pintar" : `Karya ${i}`, trackId: i % 3 === 0 ? "A" : "B", regionId: i % 2 === 0 ? "R1" : "R2" },
  ]),
);

describe("rankingWindow", () => {
  it("pages the whole ranking in order, clamping pages out of range", () => {
    const first = rankingWindow(rows, entries, { size: 50 });
    expect(first.rows.map((r) => r.submissionId)).toEqual(rows.slice(0, 50).map((r) => r.submissionId));
    expect(first).toMatchObject({ matching: 120, page: 1, pages: 3, offset: 0 });
    const last = rankingWindow(rows, entries, { size: 50, page: 3 });
    expect(last.rows.map((r) => r.submissionId)).toEqual(rows.slice(100).map((r) => r.submissionId));
    expect(last.rows.at(-1)?.place).toBeNull();
    expect(rankingWindow(rows, entries, { size: 50, page: 99 }).page).toBe(3);
    expect(rankingWindow(rows, entries, { size: 50, page: -4 }).page).toBe(1);
    // Every row appears on exactly one page.
    const all = [1, 2, 3].flatMap((page) => rankingWindow(rows, entries, { size: 50, page }).rows.map((r) => r.submissionId));
    expect(new Set(all).size).toBe(120);
  });

  it("finds a team or a title, ignoring case and accents, keeping overall places", () => {
    const team = rankingWindow(rows, entries, { q: "sigap desa" });
    expect(team.rows.map((r) => [r.submissionId, r.place, r.subsetPlace])).toEqual([["s42", 43, 43]]);
    const title = rankingWindow(rows, entries, { q: "POSYANDU" });
    expect(title.rows.map((r) => r.submissionId)).toEqual(["s77"]);
    expect(rankingWindow(rows, entries, { q: "tidak ada" })).toMatchObject({ matching: 0, page: 1, pages: 1, rows: [] });
  });

  it("filters by track and region with places within the subset, joint places kept", () => {
    const track = rankingWindow(rows, entries, { trackId: "A", size: 200 });
    expect(track.rows.every((r) => Number(r.submissionId.slice(1)) % 3 === 0)).toBe(true);
    expect(track.rows.slice(0, 5).map((r) => [r.submissionId, r.place, r.subsetPlace])).toEqual([
      ["s0", 1, 1],
      ["s3", 4, 2],
      ["s6", 7, 3],
      ["s9", 10, 4],
      ["s12", 13, 5],
    ]);
    const both = rankingWindow(rows, entries, { trackId: "B", regionId: "R2", size: 200 });
    expect(
      both.rows.every((r) => {
        const i = Number(r.submissionId.slice(1));
        return i % 3 !== 0 && i % 2 === 1;
      }),
    ).toBe(true);
    // s10 and s11 share place 11 and are both on track B: they stay joint there.
    const b = rankingWindow(rows, entries, { trackId: "B", size: 200 }).rows;
    const s10 = b.find((r) => r.submissionId === "s10");
    const s11 = b.find((r) => r.submissionId === "s11");
    expect([s10?.subsetPlace, s11?.subsetPlace]).toEqual([7, 7]);
    // Searching inside a track does not renumber it.
    const searched = rankingWindow(rows, entries, { trackId: "A", q: "Tim 12" });
    expect(searched.rows.map((r) => [r.submissionId, r.subsetPlace])).toEqual([["s12", 5]]);
  });
});

describe("rankingWindow on a long ranking", () => {
  it("returns the page's rows with their places and leaves the ranking as it was", () => {
    const long = Array.from({ length: 2000 }, (_, i) => ({ submissionId: `s${i}`, place: i + 1, scores: { zscore: i } }));
    const longEntries = Object.fromEntries(long.map((r, i) => [r.submissionId, { teamName: `Tim ${i}`, title: `Karya ${i}`, trackId: i % 2 ? "A" : "B", regionId: null }]));
    const frozen = long.map((r) => Object.freeze(r));
    const page = rankingWindow(frozen, longEntries, { size: 50, page: 40 });
    expect(page.rows).toHaveLength(50);
    expect(page.rows[0]).toEqual({ submissionId: "s1950", place: 1951, scores: { zscore: 1950 }, subsetPlace: 1951 });
    const track = rankingWindow(frozen, longEntries, { trackId: "A", size: 50, page: 2, q: "tim" });
    expect(track.rows.map((r) => [r.submissionId, r.place, r.subsetPlace]).slice(0, 2)).toEqual([
      ["s101", 102, 51],
      ["s103", 104, 52],
    ]);
    expect(track).toMatchObject({ matching: 1000, pages: 20, offset: 50 });
    // The rows of the ranking are not the rows handed out, nor changed.
    expect(page.rows[0]).not.toBe(frozen[1950]);
    expect(frozen[1950]).not.toHaveProperty("subsetPlace");
  });
});

describe("pageOf", () => {
  const items = Array.from({ length: 53 }, (_, i) => i);

  it("cuts any list into pages, every item on exactly one page, clamping the asked page", () => {
    expect(pageOf(items, 1, 25)).toMatchObject({ rows: items.slice(0, 25), matching: 53, page: 1, pages: 3, offset: 0 });
    expect(pageOf(items, 3, 25)).toMatchObject({ rows: [50, 51, 52], page: 3, offset: 50 });
    expect([1, 2, 3].flatMap((p) => pageOf(items, p, 25).rows)).toEqual(items);
    expect(pageOf(items, 40, 25).page).toBe(3);
    expect(pageOf(items, 0, 25).page).toBe(1);
    expect(pageOf(items, null, 25).page).toBe(1);
    expect(pageOf(items, Number.NaN, 25).page).toBe(1);
    expect(pageOf(items, 2.7, 25).page).toBe(2);
  });

  it("has one empty page for an empty list", () => {
    expect(pageOf([], 5, 25)).toEqual({ rows: [], matching: 0, page: 1, pages: 1, offset: 0 });
  });
});

describe("searchMatcher", () => {
  it("ignores case, accents and spacing; a blank query filters nothing", () => {
    const matches = searchMatcher("  KIM  désa ")!;
    expect(matches(foldForSearch("Kim Desa Maju"))).toBe(true);
    expect(matches(foldForSearch("KIM   Désa"))).toBe(true);
    expect(matches(foldForSearch("Tim Garuda"))).toBe(false);
    expect(searchMatcher("   ")).toBeNull();
    expect(searchMatcher(null)).toBeNull();
  });
});

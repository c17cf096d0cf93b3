import { describe, expect, it } from "vitest";
import regions from "~/data/jatim-regions.json";
import { EAST_JAVA_TILES, legendSteps, levelOf, regionKey, shortName, tileBoxes, tileGrid } from "./tile-map";

const seeded = regions.regions.map((r, i) => ({ id: `r${i}`, code: r.code, name: r.name }));

describe("the East Java tile layout", () => {
  it("places every one of the 38 seeded regions on its own square inside the map", () => {
    expect(seeded).toHaveLength(38);
    const grid = tileGrid(seeded);
    expect(grid.tiles).toHaveLength(38);
    expect(grid.extraFrom).toBeNull();
    const cells = new Set(grid.tiles.map((t) => `${t.col},${t.row}`));
    expect(cells.size).toBe(38);
    for (const t of grid.tiles) {
      expect(t.col).toBeGreaterThanOrEqual(0);
      expect(t.col).toBeLessThan(grid.cols);
      expect(t.row).toBeLessThan(grid.rows);
    }
    expect(new Set(grid.tiles.map((t) => t.regionId)).size).toBe(38);
  });

  it("keys the layout by the regions' own codes and names", () => {
    expect(new Set(EAST_JAVA_TILES.map((t) => t.code))).toEqual(new Set(regions.regions.map((r) => r.code)));
    for (const r of regions.regions) expect(EAST_JAVA_TILES.find((t) => t.code === r.code)?.name).toBe(r.name);
  });

  it("lies roughly as the map: Madura in the north-east, Pacitan in the south-west, Banyuwangi in the east", () => {
    const at = (name: string) => tileGrid(seeded).tiles.find((t) => t.name === name)!;
    expect(at("Kabupaten Sumenep").row).toBe(0);
    expect(at("Kabupaten Sumenep").col).toBeGreaterThan(at("Kota Surabaya").col);
    expect(at("Kabupaten Pacitan")).toMatchObject({ col: 0, row: 4 });
    expect(at("Kabupaten Banyuwangi").col).toBeGreaterThan(at("Kabupaten Jember").col);
    expect(at("Kabupaten Tuban").row).toBeLessThan(at("Kabupaten Bojonegoro").row);
    expect(at("Kota Malang").city).toBe(true);
    expect(at("Kabupaten Malang").city).toBe(false);
  });

  it("finds a region by name when it has no code, however the name is written", () => {
    const grid = tileGrid([{ id: "x", code: null, name: "KAB.  Malang" }]);
    expect(grid.tiles[0]).toMatchObject({ short: "MLG", col: 5, row: 4 });
    expect(regionKey("Kab. Malang")).toBe(regionKey("Kabupaten Malang"));
  });

  it("puts regions the layout does not know in extra rows below it", () => {
    const grid = tileGrid([...seeded, { id: "new", code: "35.99", name: "Kabupaten Baru" }, { id: "new2", code: null, name: "Kota Contoh" }]);
    expect(grid.extraFrom).toBe(6);
    expect(grid.rows).toBe(7);
    const extra = grid.tiles.filter((t) => t.row >= 6);
    expect(extra.map((t) => [t.regionId, t.short, t.col])).toEqual([
      ["new", "BARU", 0],
      ["new2", "CONT", 1],
    ]);
  });

  it("lays out any other province as plain rows, 8 squares wide", () => {
    const ntb = [
      "Kabupaten Lombok Barat",
      "Kabupaten Lombok Tengah",
      "Kabupaten Lombok Timur",
      "Kabupaten Sumbawa",
      "Kabupaten Dompu",
      "Kabupaten Bima",
      "Kabupaten Sumbawa Barat",
      "Kabupaten Lombok Utara",
      "Kota Mataram",
      "Kota Bima",
    ];
    const grid = tileGrid(ntb.map((name, i) => ({ id: `n${i}`, code: `52.${i}`, name })));
    expect(grid).toMatchObject({ cols: 8, rows: 2, extraFrom: 0 });
    expect(grid.tiles.map((t) => t.short)).toEqual(["LOBA", "LOTE", "LOTI", "SUMB", "DOMP", "BIMA", "SUBA", "LOUT", "MATA", "BIMA"]);
    expect(grid.tiles[9]).toMatchObject({ city: true, col: 1, row: 1 });
    expect(tileGrid([])).toMatchObject({ rows: 0, tiles: [] });
    expect(shortName("Kota")).toBe("KOTA");
  });
});

describe("the colour scale", () => {
  it("shades by the share of the largest count, nothing for zero", () => {
    expect([0, 1, 2, 3, 4, 5, 8].map((n) => levelOf(n, 8))).toEqual([0, 1, 1, 2, 2, 3, 4]);
    expect(levelOf(3, 0)).toBe(0);
    expect(levelOf(1, 1)).toBe(4);
  });

  it("names the counts of each shade, leaving out shades no count reaches", () => {
    expect(legendSteps(8)).toEqual([
      { level: 0, from: 0, to: 0 },
      { level: 1, from: 1, to: 2 },
      { level: 2, from: 3, to: 4 },
      { level: 3, from: 5, to: 6 },
      { level: 4, from: 7, to: 8 },
    ]);
    expect(legendSteps(2)).toEqual([
      { level: 0, from: 0, to: 0 },
      { level: 2, from: 1, to: 1 },
      { level: 4, from: 2, to: 2 },
    ]);
    expect(legendSteps(0)).toEqual([{ level: 0, from: 0, to: 0 }]);
    // Every count up to the largest has exactly one legend step, the one of its shade.
    for (const max of [1, 3, 7, 10, 37]) {
      for (let n = 0; n <= max; n++) {
        const steps = legendSteps(max).filter((s) => s.from <= n && n <= s.to);
        expect(steps.map((s) => s.level)).toEqual([levelOf(n, max)]);
      }
    }
  });

  it("sizes the squares and gives each its count and shade", () => {
    const grid = tileGrid(seeded);
    const { width, height, max, boxes } = tileBoxes(
      grid,
      new Map([
        ["r0", 4],
        ["r37", 1],
      ]),
      36,
      3,
    );
    expect(width).toBe(grid.cols * 39 - 3);
    expect(height).toBe(5 * 39 - 3);
    expect(max).toBe(4);
    expect(boxes.find((b) => b.regionId === "r0")).toMatchObject({ count: 4, level: 4, x: 0, y: 4 * 39 });
    expect(boxes.find((b) => b.regionId === "r37")).toMatchObject({ count: 1, level: 1 });
    expect(boxes.find((b) => b.regionId === "r5")).toMatchObject({ count: 0, level: 0 });
  });
});

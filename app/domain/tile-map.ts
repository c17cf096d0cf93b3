// A tile-grid map of a province: one square per kabupaten/kota, placed roughly where it lies on
// the map, coloured by a count. East Java's 38 regions have a fixed layout (keyed by Kemendagri
// code, with the name as a fallback); any region the layout does not know (another province, a
// region added by hand) goes into extra rows below, so the map works for every event. Pure: the
// page draws the SVG from what is computed here.

export type TileSpec = { code: string; name: string; short: string; col: number; row: number };

/**
 * Jawa Timur, west to east and north to south: Madura along the top right, the north coast from
 * Tuban to Situbondo, the interior, and the south coast from Pacitan to Banyuwangi.
 */
export const EAST_JAVA_TILES: readonly TileSpec[] = [
  { code: "35.23", name: "Kabupaten Tuban", short: "TBN", col: 2, row: 0 },
  { code: "35.24", name: "Kabupaten Lamongan", short: "LMG", col: 3, row: 0 },
  { code: "35.25", name: "Kabupaten Gresik", short: "GSK", col: 4, row: 0 },
  { code: "35.26", name: "Kabupaten Bangkalan", short: "BKL", col: 6, row: 0 },
  { code: "35.27", name: "Kabupaten Sampang", short: "SPG", col: 7, row: 0 },
  { code: "35.28", name: "Kabupaten Pamekasan", short: "PMK", col: 8, row: 0 },
  { code: "35.29", name: "Kabupaten Sumenep", short: "SMP", col: 9, row: 0 },

  { code: "35.21", name: "Kabupaten Ngawi", short: "NGW", col: 1, row: 1 },
  { code: "35.22", name: "Kabupaten Bojonegoro", short: "BJN", col: 2, row: 1 },
  { code: "35.17", name: "Kabupaten Jombang", short: "JBG", col: 3, row: 1 },
  { code: "35.76", name: "Kota Mojokerto", short: "MJK", col: 4, row: 1 },
  { code: "35.78", name: "Kota Surabaya", short: "SBY", col: 5, row: 1 },

  { code: "35.20", name: "Kabupaten Magetan", short: "MGT", col: 0, row: 2 },
  { code: "35.77", name: "Kota Madiun", short: "MAD", col: 1, row: 2 },
  { code: "35.18", name: "Kabupaten Nganjuk", short: "NJK", col: 2, row: 2 },
  { code: "35.71", name: "Kota Kediri", short: "KDR", col: 3, row: 2 },
  { code: "35.16", name: "Kabupaten Mojokerto", short: "MJK", col: 4, row: 2 },
  { code: "35.15", name: "Kabupaten Sidoarjo", short: "SDA", col: 5, row: 2 },
  { code: "35.75", name: "Kota Pasuruan", short: "PAS", col: 6, row: 2 },
  { code: "35.74", name: "Kota Probolinggo", short: "PBL", col: 7, row: 2 },
  { code: "35.12", name: "Kabupaten Situbondo", short: "STB", col: 8, row: 2 },

  { code: "35.02", name: "Kabupaten Ponorogo", short: "PNG", col: 0, row: 3 },
  { code: "35.19", name: "Kabupaten Madiun", short: "MAD", col: 1, row: 3 },
  { code: "35.06", name: "Kabupaten Kediri", short: "KDR", col: 2, row: 3 },
  { code: "35.72", name: "Kota Blitar", short: "BLT", col: 3, row: 3 },
  { code: "35.79", name: "Kota Batu", short: "BTU", col: 4, row: 3 },
  { code: "35.14", name: "Kabupaten Pasuruan", short: "PAS", col: 5, row: 3 },
  { code: "35.13", name: "Kabupaten Probolinggo", short: "PBL", col: 6, row: 3 },
  { code: "35.11", name: "Kabupaten Bondowoso", short: "BDW", col: 7, row: 3 },

  { code: "35.01", name: "Kabupaten Pacitan", short: "PCT", col: 0, row: 4 },
  { code: "35.03", name: "Kabupaten Trenggalek", short: "TRK", col: 1, row: 4 },
  { code: "35.04", name: "Kabupaten Tulungagung", short: "TA", col: 2, row: 4 },
  { code: "35.05", name: "Kabupaten Blitar", short: "BLT", col: 3, row: 4 },
  { code: "35.73", name: "Kota Malang", short: "MLG", col: 4, row: 4 },
  { code: "35.07", name: "Kabupaten Malang", short: "MLG", col: 5, row: 4 },
  { code: "35.08", name: "Kabupaten Lumajang", short: "LMJ", col: 6, row: 4 },
  { code: "35.09", name: "Kabupaten Jember", short: "JBR", col: 7, row: 4 },
  { code: "35.10", name: "Kabupaten Banyuwangi", short: "BWI", col: 8, row: 4 },
];

/** Columns of the extra rows when no region of the event is in the layout (8 squares fit a phone). */
const PLAIN_COLUMNS = 8;

export type RegionRef = { id: string; code: string | null; name: string };

export type PlacedTile = {
  regionId: string;
  name: string;
  /** Up to 4 letters, drawn in the square. */
  short: string;
  /** A kota (city) rather than a kabupaten: drawn with a mark, as the letters may repeat. */
  city: boolean;
  col: number;
  row: number;
};

export type TileGrid = { cols: number; rows: number; tiles: PlacedTile[]; /** First row of the regions the layout did not place, or null. */ extraFrom: number | null };

/** "Kab. Malang", "KABUPATEN MALANG" and "Kabupaten  Malang" are the same region. */
export function regionKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\bkab\.?(?=\s)/g, "kabupaten")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const isCity = (name: string) => /^kota\b/.test(regionKey(name));

/** Up to 4 letters of a region's own name, without "Kabupaten"/"Kota": "Kota Bima" → "BIMA", "Kabupaten Lombok Barat" → "LOBA". */
export function shortName(name: string): string {
  const words = regionKey(name)
    .replace(/^(kabupaten|kota|kab)\s+/, "")
    .split(" ")
    .filter(Boolean);
  if (words.length === 0) return "?";
  const text =
    words.length === 1
      ? words[0]!.slice(0, 4)
      : words
          .map((w) => w.slice(0, 2))
          .join("")
          .slice(0, 4);
  return text.toUpperCase();
}

/**
 * Places the event's regions: those the layout knows (by code, else by name) where it puts them,
 * the rest in the event's order in rows below, as wide as the layout. Without any region in the
 * layout, the grid is just those rows.
 */
export function tileGrid(regions: readonly RegionRef[], layout: readonly TileSpec[] = EAST_JAVA_TILES): TileGrid {
  const byCode = new Map(layout.map((t) => [t.code, t]));
  const byName = new Map(layout.map((t) => [regionKey(t.name), t]));
  const used = new Set<TileSpec>();
  const placed: PlacedTile[] = [];
  const rest: RegionRef[] = [];
  for (const r of regions) {
    const spec = (r.code ? byCode.get(r.code.trim()) : undefined) ?? byName.get(regionKey(r.name));
    if (spec && !used.has(spec)) {
      used.add(spec);
      placed.push({ regionId: r.id, name: r.name, short: spec.short, city: isCity(spec.name), col: spec.col, row: spec.row });
    } else rest.push(r);
  }
  const layoutCols = placed.length ? Math.max(...layout.map((t) => t.col)) + 1 : 0;
  const layoutRows = placed.length ? Math.max(...layout.map((t) => t.row)) + 1 : 0;
  const cols = placed.length ? layoutCols : Math.min(PLAIN_COLUMNS, Math.max(rest.length, 1));
  // One empty row between the map and the regions it does not place.
  const extraFrom = rest.length ? (placed.length ? layoutRows + 1 : 0) : null;
  rest.forEach((r, i) => placed.push({ regionId: r.id, name: r.name, short: shortName(r.name), city: isCity(r.name), col: i % cols, row: (extraFrom ?? 0) + Math.floor(i / cols) }));
  const rows = rest.length ? (extraFrom ?? 0) + Math.ceil(rest.length / cols) : layoutRows;
  return { cols, rows, tiles: placed, extraFrom };
}

/** Shades of the colour scale beyond "none". */
export const LEVELS = 4;

/** 0 for nothing, otherwise 1…LEVELS by the share of the largest count. */
export function levelOf(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(LEVELS, Math.ceil((count * LEVELS) / max));
}

export type LegendStep = { level: number; from: number; to: number };

/** The counts each shade stands for (levels no whole count reaches are left out). */
export function legendSteps(max: number): LegendStep[] {
  const steps: LegendStep[] = [{ level: 0, from: 0, to: 0 }];
  if (max <= 0) return steps;
  for (let level = 1; level <= LEVELS; level++) {
    const from = Math.floor(((level - 1) * max) / LEVELS) + 1;
    const to = Math.floor((level * max) / LEVELS);
    if (from <= to) steps.push({ level, from, to });
  }
  return steps;
}

export type TileBox = PlacedTile & { x: number; y: number; size: number; count: number; level: number };

/** Squares of `size` with `gap` between them, each with its count and shade. */
export function tileBoxes(grid: TileGrid, counts: ReadonlyMap<string, number>, size = 36, gap = 3): { width: number; height: number; max: number; boxes: TileBox[] } {
  const max = Math.max(0, ...grid.tiles.map((t) => counts.get(t.regionId) ?? 0));
  return {
    width: grid.cols * (size + gap) - gap,
    height: grid.rows * (size + gap) - gap,
    max,
    boxes: grid.tiles.map((t) => {
      const count = counts.get(t.regionId) ?? 0;
      return { ...t, x: t.col * (size + gap), y: t.row * (size + gap), size, count, level: levelOf(count, max) };
    }),
  };
}

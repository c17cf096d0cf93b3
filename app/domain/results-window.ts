/**
 * One page of a ranking: the rows a screen shows out of thousands, after an optional search
 * (team or title) and track/region filter. Places stay those of the whole ranking; with a
 * track or region filter each row also gets its place within that subset.
 */
import { subsetPlaces } from "./publication";

export const WINDOW_SIZE = 50;

export interface WindowEntry {
  teamName: string;
  title: string;
  trackId: string | null;
  regionId: string | null;
  /** `foldForSearch(teamName + " " + title)`, precomputed when the ranking is cached. */
  search?: string;
}

export interface WindowFilter {
  q?: string | null | undefined;
  trackId?: string | null | undefined;
  regionId?: string | null | undefined;
  /** 1-based; out-of-range pages are clamped. */
  page?: number | null | undefined;
  size?: number | undefined;
}

export interface RankingWindow<R> {
  rows: (R & { subsetPlace: number | null })[];
  /** Rows matching the filter (all pages). */
  matching: number;
  page: number;
  pages: number;
  /** Index of the first shown row among the matching ones (0-based). */
  offset: number;
}

/** Case- and accent-insensitive form used for searching names typed on a phone keyboard. */
export function foldForSearch(text: string): string {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
}

export function rankingWindow<R extends { submissionId: string; place: number | null }>(
  rows: readonly R[],
  entries: Readonly<Record<string, WindowEntry | undefined>>,
  filter: WindowFilter,
): RankingWindow<R> {
  const size = Math.max(1, filter.size ?? WINDOW_SIZE);
  const q = filter.q ? foldForSearch(filter.q) : "";
  const bySubset = rows.filter((r) => {
    const e = entries[r.submissionId];
    if (filter.trackId && e?.trackId !== filter.trackId) return false;
    if (filter.regionId && e?.regionId !== filter.regionId) return false;
    return true;
  });
  // Subset places are taken before the search so that searching never renumbers a track.
  const placed = filter.trackId || filter.regionId ? subsetPlaces(bySubset) : bySubset.map((r) => ({ ...r, subsetPlace: r.place }));
  const matching = q
    ? placed.filter((r) => {
        const e = entries[r.submissionId];
        return !!e && (e.search ?? foldForSearch(`${e.teamName} ${e.title}`)).includes(q);
      })
    : placed;
  const pages = Math.max(1, Math.ceil(matching.length / size));
  const asked = filter.page && Number.isFinite(filter.page) ? Math.floor(filter.page) : 1;
  const page = Math.min(pages, Math.max(1, asked));
  const offset = (page - 1) * size;
  return { rows: matching.slice(offset, offset + size), matching: matching.length, page, pages, offset };
}

/**
 * Windows on long lists: the rows a screen shows out of thousands. `rankingWindow` is one page
 * of a ranking after an optional search (team or title) and track/region filter; places stay
 * those of the whole ranking, and with a track or region filter each row also gets its place
 * within that subset. `pageOf` and `searchMatcher` are the same paging and search for any list.
 */
import { subsetPlaceNumbers } from "./publication";

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

export interface Page<R> {
  rows: R[];
  /** Rows matching the filter (all pages). */
  matching: number;
  page: number;
  pages: number;
  /** Index of the first shown row among the matching ones (0-based). */
  offset: number;
}

export type RankingWindow<R> = Page<R & { subsetPlace: number | null }>;

/** Case-, accent- and spacing-insensitive form used for searching names typed on a phone keyboard. */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * A test for texts already passed through `foldForSearch`, or null when the query is blank
 * (nothing to filter on).
 */
export function searchMatcher(query: string | null | undefined): ((folded: string) => boolean) | null {
  const q = query ? foldForSearch(query) : "";
  return q ? (folded) => folded.includes(q) : null;
}

/** The asked page (1-based) of rows already filtered; out-of-range or malformed pages are clamped. */
export function pageOf<R>(matching: readonly R[], page: number | null | undefined, size: number = WINDOW_SIZE): Page<R> {
  const per = Math.max(1, Math.floor(size));
  const pages = Math.max(1, Math.ceil(matching.length / per));
  const asked = page && Number.isFinite(page) ? Math.floor(page) : 1;
  const current = Math.min(pages, Math.max(1, asked));
  const offset = (current - 1) * per;
  return { rows: matching.slice(offset, offset + per), matching: matching.length, page: current, pages, offset };
}

export function rankingWindow<R extends { submissionId: string; place: number | null }>(
  rows: readonly R[],
  entries: Readonly<Record<string, WindowEntry | undefined>>,
  filter: WindowFilter,
): RankingWindow<R> {
  const matches = searchMatcher(filter.q);
  const subset = !!(filter.trackId || filter.regionId);
  const bySubset = subset
    ? rows.filter((r) => {
        const e = entries[r.submissionId];
        if (filter.trackId && e?.trackId !== filter.trackId) return false;
        if (filter.regionId && e?.regionId !== filter.regionId) return false;
        return true;
      })
    : rows;
  // Subset places are taken before the search so that searching never renumbers a track. Only
  // the rows of the page shown are copied with their place: a ranking has thousands of rows.
  const places = subset ? subsetPlaceNumbers(bySubset) : null;
  const positions = bySubset.map((_, i) => i);
  const matching = matches
    ? positions.filter((i) => {
        const e = entries[bySubset[i].submissionId];
        return !!e && matches(e.search ?? foldForSearch(`${e.teamName} ${e.title}`));
      })
    : positions;
  const page = pageOf(matching, filter.page, filter.size);
  return { ...page, rows: page.rows.map((i) => ({ ...bySubset[i], subsetPlace: places ? places[i] : bySubset[i].place })) };
}

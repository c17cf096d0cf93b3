// The public gallery at any size: the list of public projects is read once per data version
// (submission and team edits move it) and shared; each request filters and cuts one page of it.
import { foldForSearch } from "~/domain/results-window";
import { queryRows } from "~/services/db.server";
import { versionedCache } from "~/services/versioned-cache.server";
import { compareText } from "~/domain/collate";

export const GALLERY_PAGE = 24;

type Card = {
  id: string;
  title: string;
  tagline: string;
  hasCover: boolean;
  version: number;
  teamName: string;
  trackId: string | null;
  trackName: string;
  regionId: string | null;
  regionName: string;
  search: string;
};

const stamp = (v: unknown): string => (v instanceof Date ? String(v.getTime()) : v === null || v === undefined ? "" : String(v));

async function galleryVersion(eventId: string): Promise<string> {
  const [row] = await queryRows<{ n: number | bigint; s: unknown; t: unknown }[]>`
    SELECT (SELECT COUNT(*) FROM "Submission" s WHERE s."eventId" = ${eventId}) AS n,
           (SELECT MAX(s."updatedAt") FROM "Submission" s WHERE s."eventId" = ${eventId}) AS s,
           (SELECT MAX(t."updatedAt") FROM "Team" t WHERE t."eventId" = ${eventId}) AS t`;
  return row ? `${Number(row.n)}:${stamp(row.s)}:${stamp(row.t)}` : "";
}

/** Only submitted projects of accepted teams are public. */
async function readCards(eventId: string): Promise<Card[]> {
  const rows = await queryRows<
    {
      id: string;
      title: string;
      tagline: string;
      coverKey: string | null;
      version: number | bigint;
      teamName: string;
      kimName: string;
      trackId: string | null;
      trackName: string | null;
      regionId: string | null;
      regionName: string | null;
    }[]
  >`
    SELECT s.id, s.title, s.tagline, s."coverKey" AS "coverKey", s.version, t.name AS "teamName", t."kimName" AS "kimName",
           s."trackId" AS "trackId", tr.name AS "trackName", t."regionId" AS "regionId", rg.name AS "regionName"
    FROM "Submission" s
    JOIN "Team" t ON t.id = s."teamId"
    LEFT JOIN "Track" tr ON tr.id = s."trackId"
    LEFT JOIN "Region" rg ON rg.id = t."regionId"
    WHERE s."eventId" = ${eventId} AND s.status = 'SUBMITTED' AND t.status = 'ACCEPTED'
    ORDER BY s."firstSubmittedAt" ASC, s.id ASC`;
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    tagline: r.tagline,
    hasCover: r.coverKey !== null,
    version: Number(r.version),
    teamName: r.teamName,
    trackId: r.trackId,
    trackName: r.trackName ?? "",
    regionId: r.regionId,
    regionName: r.regionName ?? "",
    search: foldForSearch(`${r.title} ${r.tagline} ${r.teamName} ${r.kimName}`),
  }));
}

const galleries = versionedCache<Card[]>(16);

export async function galleryPage(eventId: string, filters: { track?: string | undefined; region?: string | undefined; q?: string | undefined }, page: number | null) {
  const version = await galleryVersion(eventId);
  const cards = await galleries.get(eventId, version, () => readCards(eventId));
  const q = filters.q ? foldForSearch(filters.q) : "";
  const matching = cards.filter((c) => (!filters.track || c.trackId === filters.track) && (!filters.region || c.regionId === filters.region) && (!q || c.search.includes(q)));
  const pages = Math.max(1, Math.ceil(matching.length / GALLERY_PAGE));
  const current = Math.min(pages, Math.max(1, page ?? 1));
  const byName = (a: { name: string }, b: { name: string }) => compareText(a.name, b.name);
  const options = (key: "track" | "region") => {
    const seen = new Map<string, string>();
    for (const c of cards) {
      const id = key === "track" ? c.trackId : c.regionId;
      if (id) seen.set(id, key === "track" ? c.trackName : c.regionName);
    }
    return [...seen].map(([id, name]) => ({ id, name })).sort(byName);
  };
  return {
    total: cards.length,
    matching: matching.length,
    page: current,
    pages,
    // Only tracks and regions that have a project, so the lists stay short on a phone.
    tracks: options("track"),
    regions: options("region"),
    projects: matching.slice((current - 1) * GALLERY_PAGE, current * GALLERY_PAGE).map(({ search: _s, trackId: _t, regionId: _r, ...c }) => c),
  };
}

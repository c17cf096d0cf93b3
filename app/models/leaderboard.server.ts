// The public leaderboard, read from the frozen publication document. A publication never changes,
// so its parsed document and everything derived from it (rows with names, filter lists, award
// lines) are kept per publication; a request only looks up which publication is current and
// cuts one page out of the prepared rows.
import { rankingWindow, WINDOW_SIZE } from "~/domain/results-window";
import type { PublicationDocument } from "~/domain/publication";
import { versionedCache } from "~/services/versioned-cache.server";
import { eventWithCurrentPublication, publishedDocument } from "./publication.server";

async function prepare(publicationId: string) {
  const doc: PublicationDocument = await publishedDocument(publicationId);
  const entries = new Map(doc.entries.map((e) => [e.submissionId, e]));
  // The document names tracks and regions; their names are the filter values.
  const windowEntries = Object.fromEntries(doc.entries.map((e) => [e.submissionId, { teamName: e.teamName, title: e.title, trackId: e.track, regionId: e.region }]));
  const names = (ids: readonly string[]) => ids.map((id) => ({ team: entries.get(id)?.teamName ?? "", title: entries.get(id)?.title ?? "" }));
  const sorted = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x))].sort();
  return {
    method: doc.method,
    ranked: doc.rows.filter((r) => r.place !== null),
    entries,
    windowEntries,
    tracks: sorted(doc.entries.map((e) => e.track)),
    regions: sorted(doc.entries.map((e) => e.region)),
    awards: doc.awards.filter((a) => a.recipients.length > 0).map((a) => ({ id: a.id, name: a.name, recipients: names(a.recipients) })),
    votes: doc.votes?.slice(0, 10).map((v) => ({ count: v.count, ...names([v.submissionId])[0] })) ?? null,
  };
}

const prepared = versionedCache<Awaited<ReturnType<typeof prepare>>>(32);

/** The current publication of an event by slug, with a page of its leaderboard; null when unknown. */
export async function publicLeaderboard(slug: string, filter: { track: string | null; region: string | null; page: number | null }) {
  const found = await eventWithCurrentPublication(slug);
  if (!found) return null;
  const { event, publication: pub } = found;
  if (!pub) return { event, publication: null, board: null };
  const board = await prepared.get(pub.id, "frozen", () => prepare(pub.id));
  const window = rankingWindow(board.ranked, board.windowEntries, { trackId: filter.track, regionId: filter.region, page: filter.page, size: WINDOW_SIZE });
  return {
    event,
    publication: pub,
    board: {
      method: board.method,
      tracks: board.tracks,
      regions: board.regions,
      awards: board.awards,
      votes: board.votes,
      matching: window.matching,
      page: window.page,
      pages: window.pages,
      offset: window.offset,
      rows: window.rows.map((r) => ({ place: r.subsetPlace, overallPlace: r.place, joint: r.joint, score: r.score, ...board.entries.get(r.submissionId) })),
    },
  };
}

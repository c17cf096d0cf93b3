// Every round of an event with its progress and a data version, plus the current publication, in
// one statement. The version is an aggregate of what a ranking is computed from (judgments,
// their versions and last change, assignments, entries, submission and team edits): any save
// moves it, on whichever instance it happened, so it can key a shared cache and drive the live
// stream.
import { eventTopic, onChange } from "~/services/change-feed.server";
import { queryRows } from "~/services/db.server";
import { watchWrites } from "~/services/write-watch.server";

export type RoundState = {
  id: string;
  name: string;
  order: number;
  assignments: number;
  entries: number;
  finalized: number;
  version: string;
};

export type PublicationState = { id: string; sha256: string; publishedAt: Date; method: string; correctionReason: string | null } | null;

type Row = {
  id: string;
  name: string;
  order: number | bigint;
  assignments: number | bigint | null;
  entries: number | bigint | null;
  judgments: number | bigint | null;
  finalized: number | bigint | null;
  versions: number | bigint | null;
  changed: unknown;
  submissionsChanged: unknown;
  teamsChanged: unknown;
  pubId: string | null;
  pubSha: string | null;
  pubAt: unknown;
  pubMethod: string | null;
  pubCorrection: string | null;
};

// SQLite returns aggregated timestamps as text or numbers, PostgreSQL as Date; both only need
// to be compared for equality.
const stamp = (v: unknown): string => (v instanceof Date ? String(v.getTime()) : v === null || v === undefined ? "" : String(v));
const num = (v: number | bigint | null): number => (v === null ? 0 : Number(v));
const toDate = (v: unknown): Date => (v instanceof Date ? v : typeof v === "number" || typeof v === "bigint" ? new Date(Number(v)) : new Date(String(v)));

export type ResultsState = { rounds: RoundState[]; publication: PublicationState };

export async function resultsState(eventId: string): Promise<ResultsState> {
  const rows = await queryRows<Row[]>`
    SELECT r.id, r.name, r."order" AS "order",
           aa.assignments, ee.entries, jj.judgments, jj.finalized, jj.versions, jj.changed,
           (SELECT MAX(s."updatedAt") FROM "Submission" s WHERE s."eventId" = ${eventId}) AS "submissionsChanged",
           (SELECT MAX(t."updatedAt") FROM "Team" t WHERE t."eventId" = ${eventId}) AS "teamsChanged",
           p.id AS "pubId", p.sha256 AS "pubSha", p."publishedAt" AS "pubAt", p.method AS "pubMethod", p."correctionReason" AS "pubCorrection"
    FROM "Round" r
    LEFT JOIN (SELECT a."roundId" AS rid, COUNT(*) AS assignments FROM "Assignment" a
               JOIN "Round" r1 ON r1.id = a."roundId" WHERE r1."eventId" = ${eventId} GROUP BY a."roundId") aa ON aa.rid = r.id
    LEFT JOIN (SELECT e."roundId" AS rid, COUNT(*) AS entries FROM "RoundEntry" e
               JOIN "Round" r2 ON r2.id = e."roundId" WHERE r2."eventId" = ${eventId} GROUP BY e."roundId") ee ON ee.rid = r.id
    LEFT JOIN (SELECT a."roundId" AS rid, COUNT(*) AS judgments,
                      SUM(CASE WHEN j."finalizedAt" IS NULL THEN 0 ELSE 1 END) AS finalized,
                      SUM(j.version) AS versions, MAX(j."updatedAt") AS changed
               FROM "Judgment" j JOIN "Assignment" a ON a.id = j."assignmentId"
               JOIN "Round" r3 ON r3.id = a."roundId" WHERE r3."eventId" = ${eventId} GROUP BY a."roundId") jj ON jj.rid = r.id
    LEFT JOIN (SELECT c.id, c.sha256, c."publishedAt", c.method, c."correctionReason" FROM "Publication" c
               WHERE c."eventId" = ${eventId} AND NOT EXISTS (SELECT 1 FROM "Publication" n WHERE n."supersedesId" = c.id)
               ORDER BY c."publishedAt" DESC LIMIT 1) p ON 1 = 1
    WHERE r."eventId" = ${eventId}
    ORDER BY r."order"`;
  const rounds = rows.map((r) => {
    const counts = [num(r.assignments), num(r.entries), num(r.judgments), num(r.finalized), num(r.versions)];
    return {
      id: r.id,
      name: r.name,
      order: Number(r.order),
      assignments: counts[0] as number,
      entries: counts[1] as number,
      finalized: counts[3] as number,
      version: [...counts, stamp(r.changed), stamp(r.submissionsChanged), stamp(r.teamsChanged)].join(":"),
    };
  });
  const first = rows[0];
  const publication: PublicationState =
    first?.pubId && first.pubSha && first.pubMethod
      ? { id: first.pubId, sha256: first.pubSha, publishedAt: toDate(first.pubAt), method: first.pubMethod, correctionReason: first.pubCorrection }
      : null;
  return { rounds, publication };
}

/** The rounds alone (see `resultsState`). */
export async function roundStates(eventId: string): Promise<RoundState[]> {
  return (await resultsState(eventId)).rounds;
}

/**
 * How long the viewers of one event's results share one read of its state. The read aggregates
 * every judgment of the event (about 18 ms at 2,000 projects × 5 judges), so it is what a results
 * page or a live stream would otherwise repeat for each viewer.
 */
export const SHARE_MS = 1000;

type Shared = { at: number; writes: number; topic: string; value: Promise<ResultsState> };
const shared = new Map<string, Shared>();

/** Writes this instance sent to what `resultsState` reads (and to the parents that cascade into it). */
const stateWrites = watchWrites(["Event", "Round", "Assignment", "RoundEntry", "Judgment", "Score", "Submission", "Team", "Publication"]);

/** Drops the shared reads of events a change notice names that started no later than the notice. */
export function forgetResultsState(topic: string, at: number): void {
  for (const [id, entry] of shared) if ((topic === "*" || topic === entry.topic) && entry.at <= at) shared.delete(id);
}

// A write announced by another instance (a score, a reassignment, a publication) ends the sharing
// at once; this instance's own writes end it through the write watch.
onChange(forgetResultsState);

/**
 * `resultsState`, shared by the viewers of the event on this instance: a read is handed out again
 * while it is less than SHARE_MS old, this instance has written nothing it reads since it started,
 * and no change notice for the event came in. A write on another instance that announced nothing
 * (a team renaming its project) shows within SHARE_MS. For what viewers see only; a publication
 * reads `resultsState` itself.
 */
export function sharedResultsState(event: { id: string; slug: string }, now: number): Promise<ResultsState> {
  const hit = shared.get(event.id);
  const writes = stateWrites();
  if (hit && hit.writes === writes && now >= hit.at && now - hit.at < SHARE_MS) return hit.value;
  const value = resultsState(event.id);
  shared.set(event.id, { at: now, writes, topic: eventTopic(event.slug), value });
  value.catch(() => {
    if (shared.get(event.id)?.value === value) shared.delete(event.id);
  });
  // Events nobody looks at any more must not keep their entry.
  for (const [id, entry] of shared) if (now - entry.at > 60_000) shared.delete(id);
  return value;
}

// What a judge's pages read: the queue and one assignment, each in a couple of set-based
// statements whatever the number of assignments (raw SQL through Prisma: these are the pages
// judges reload all day, and each Prisma relation would cost a statement of its own).
import { blindPeriod, type BlindFacts } from "~/domain/blind";
import { detectConflicts, type ConflictReason } from "~/domain/conflicts";
import { judgmentStatus } from "~/domain/judgment";
import { sortCriteria } from "~/domain/scoring";
import { db, Prisma, queryRows, queryTuples } from "~/services/db.server";
import { compareText } from "~/domain/collate";
import { RecentlyUsed } from "~/services/recently-used.server";

type Criterion = Awaited<ReturnType<typeof db.criterion.findMany>>[number];

/**
 * "Tim #K7Q2XW9A": what judges see instead of a team's identity under blind judging. The label is
 * random per assignment and stored, so neither the submission id (in public URLs) nor anything
 * else public leads to it.
 */
export function blindLabel(assignment: { label: string | null }): string {
  return (assignment.label ?? "").toUpperCase();
}

/** One assignment of the queue: whether it has a judgment (1/0), and when that was finalized, as text. */
type QueueTuple = [id: string, label: string | null, roundId: string, title: string, teamName: string, judged: number, finalizedAt: string | null];

/** A round as the event already holds it (the request's event carries its rounds). */
type QueueRound = { id: string; name: string; order: number; closesAt: Date };

type QueueScore = { assignmentId: string; criterionId: string; value: number | bigint };

type CriterionRow = Omit<Criterion, "weight" | "scaleMin" | "scaleMax" | "order"> & Record<"weight" | "scaleMin" | "scaleMax" | "order", number | bigint>;

/**
 * Every criterion of the event, every round's. In SQL: the scoring page and every score save read
 * them, and through Prisma's query builder this one read cost about as much as the save's writes.
 */
export async function eventCriteria(eventId: string): Promise<Criterion[]> {
  const rows = await queryRows<CriterionRow[]>`
    SELECT "id", "eventId", "roundId", "name", "description", "weight", "scaleMin", "scaleMax", "order"
    FROM "Criterion" WHERE "eventId" = ${eventId}`;
  return rows.map((c) => ({ ...c, weight: Number(c.weight), scaleMin: Number(c.scaleMin), scaleMax: Number(c.scaleMax), order: Number(c.order) }));
}

/** The event's criteria grouped by round, in rubric order. */
export async function criteriaByRound(eventId: string): Promise<Map<string, Criterion[]>> {
  const all = await eventCriteria(eventId);
  const byRound = new Map<string, Criterion[]>();
  for (const c of all) byRound.set(c.roundId, [...(byRound.get(c.roundId) ?? []), c]);
  for (const [id, list] of byRound) byRound.set(id, sortCriteria(list));
  return byRound;
}

/**
 * The judge's assignments in the event with each one's status, and the rubric of every round.
 * The rounds come with the event (the request has read them already), so the assignments are
 * read with just what the queue shows: a row per assignment, no round columns repeated on each.
 */
export async function judgeQueue(event: { id: string; rounds: readonly QueueRound[] }, judgeId: string) {
  const eventId = event.id;
  // Assignments and their scores in two statements: joined in one, every assignment's columns
  // came back once per criterion (three times the rows to read and decode). Only unfinalized
  // judgments need their scores (a finalized one is "finalized" whatever they are), and the
  // first statement already says which those are: the second reads just their scores, by
  // assignment, and is not run when there are none. Filtering the judge's assignments for
  // unfinalized judgments in SQL instead visited every judgment again (a third of the page's
  // SQL time for a judge whose 167 assignments were all scored).
  // The assignments come as one JSON array (queryTuples): a national judge's 167 rows of seven
  // values each cost more to hand over one by one than to find.
  const [tuples, criteria] = await Promise.all([
    queryTuples<QueueTuple>(
      Prisma.sql`a."id", a."label", a."roundId", s."title", t."name", CASE WHEN j."id" IS NULL THEN 0 ELSE 1 END, CAST(j."finalizedAt" AS TEXT)`,
      Prisma.sql`
      FROM "Assignment" a
      JOIN "Submission" s ON s."id" = a."submissionId"
      JOIN "Team" t ON t."id" = s."teamId"
      LEFT JOIN "Judgment" j ON j."assignmentId" = a."id"
      WHERE a."judgeId" = ${judgeId} AND a."roundId" IN (SELECT "id" FROM "Round" WHERE "eventId" = ${eventId})`,
    ),
    criteriaByRound(eventId),
  ]);
  const rows = tuples.map(([id, label, roundId, title, teamName, judged, finalizedAt]) => ({ id, label, roundId, title, teamName, judged: judged === 1, finalizedAt }));
  const drafts = rows.filter((row) => row.judged && row.finalizedAt === null).map((row) => row.id);
  const scoreRows = drafts.length
    ? await queryRows<QueueScore[]>`
      SELECT j."assignmentId", sc."criterionId", sc."value"
      FROM "Judgment" j
      JOIN "Score" sc ON sc."judgmentId" = j."id"
      WHERE j."assignmentId" IN (${Prisma.join(drafts)})`
    : [];
  const rounds = new Map(event.rounds.map((r) => [r.id, r]));
  const byId = new Map<string, { row: (typeof rows)[number]; scores: Record<string, number> }>(rows.map((row) => [row.id, { row, scores: {} }]));
  for (const score of scoreRows) {
    const item = byId.get(score.assignmentId);
    if (item) item.scores[score.criterionId] = Number(score.value);
  }
  const items = [...byId.values()].flatMap(({ row, scores }) => {
    const round = rounds.get(row.roundId);
    if (!round) return [];
    return {
      id: row.id,
      label: blindLabel(row),
      round: { id: round.id, name: round.name, order: round.order, closesAt: round.closesAt },
      submission: { title: row.title, teamName: row.teamName },
      status: judgmentStatus(criteria.get(row.roundId) ?? [], row.judged ? { finalizedAt: row.finalizedAt, scores } : null),
    };
  });
  return { items: inQueueOrder(`${eventId}:${judgeId}`, items), criteria };
}

type Placed = { round: number; title: string; at: number };

/**
 * The last order each judge's queue was put in: for every assignment, the round order and title it
 * was sorted by and where it went. Sorting a national judge's 167 titles in Indonesian collation
 * is most of the queue's own work after its SQL, and between two visits the titles and rounds
 * rarely change; the order depends on nothing else, so when they are all as they were, the order
 * is too. One entry per judge and event, the least recently used dropped beyond the bound.
 */
const lastOrders = new RecentlyUsed<string, Map<string, Placed>>(256);

/** The items in queue order: round by round, then queueOrder within a round. */
function inQueueOrder<T extends { id: string; round: { order: number }; submission: { title: string } }>(key: string, items: T[]): T[] {
  const last = lastOrders.get(key);
  if (last && last.size === items.length) {
    const placed = new Array<T>(items.length);
    let same = true;
    for (const item of items) {
      const was = last.get(item.id);
      if (!was || was.round !== item.round.order || was.title !== item.submission.title || placed[was.at]) {
        same = false;
        break;
      }
      placed[was.at] = item;
    }
    if (same) return placed;
  }
  items.sort((x, y) => x.round.order - y.round.order || queueOrder({ id: x.id, title: x.submission.title }, { id: y.id, title: y.submission.title }));
  lastOrders.set(key, new Map(items.map((item, at) => [item.id, { round: item.round.order, title: item.submission.title, at }])));
  return items;
}

/** Queue order within a round: the project's title in Indonesian alphabetical order, then the id. */
function queueOrder(x: { id: string; title: string }, y: { id: string; title: string }): number {
  return compareText(x.title, y.title) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
}

/**
 * The judge's next assignment to score after `current` in its round: the first one after it in
 * queue order that is not finalized, wrapping around to the start of the round; null when every
 * other one is finalized. One statement that reads only the round's unfinalized assignments (no
 * scores, no statuses): the scoring page needs this one id, not the judge's whole queue. The
 * judgment is joined before the submission so that SQLite, which keeps the written order of a
 * LEFT JOIN, looks up titles only for the assignments still open.
 */
export async function nextOpenAssignment(roundId: string, judgeId: string, current: { id: string; title: string }): Promise<string | null> {
  const rows = await queryRows<{ id: string; title: string }[]>`
    SELECT a."id", s."title"
    FROM "Assignment" a
    LEFT JOIN "Judgment" j ON j."assignmentId" = a."id"
    JOIN "Submission" s ON s."id" = a."submissionId"
    WHERE a."roundId" = ${roundId} AND a."judgeId" = ${judgeId} AND a."id" <> ${current.id} AND j."finalizedAt" IS NULL`;
  let after: { id: string; title: string } | undefined;
  let first: { id: string; title: string } | undefined;
  for (const row of rows) {
    if (!first || queueOrder(row, first) < 0) first = row;
    if (queueOrder(row, current) > 0 && (!after || queueOrder(row, after) < 0)) after = row;
  }
  return (after ?? first)?.id ?? null;
}

type DetailRow = {
  id: string;
  label: string | null;
  roundId: string;
  submissionId: string;
  teamId: string;
  title: string;
  tagline: string;
  description: string;
  repoUrl: string | null;
  demoUrl: string | null;
  videoUrl: string | null;
  trackName: string | null;
  teamName: string;
  kimName: string | null;
  institution: string | null;
  regionId: string | null;
  regionName: string | null;
  judgmentId: string | null;
  version: number | bigint | null;
  comment: string | null;
  privateNote: string | null;
  finalizedAt: Date | null;
  isJudge: number | bigint;
  judgeRegionId: string | null;
  judgeKimName: string | null;
  judgeInstitution: string | null;
  declared: number | bigint;
  isMember: number | bigint;
  criterionId: string | null;
  value: number | bigint | null;
};

export type ConflictRules = { conflictSameRegion: boolean; conflictSameKim: boolean; conflictSameInstitution: boolean };

/**
 * One assignment of this judge in this event, with its project, team, judgment (scores
 * included), whether the user still judges the event, and the conflicts of interest it raises
 * now; null when it is not theirs. One statement. While blind judging lasts the judge's own
 * declarations are left out: if declaring turned exactly one assignment into "conflict" (or made
 * its save fail), a declaration would name the team behind a blind label. Those declarations reach
 * the organizers instead (conflictOverview), who reassign the project.
 */
export async function assignmentFacts(event: { id: string } & ConflictRules & BlindFacts, assignmentId: string, judgeId: string, now: Date) {
  const rows = await queryRows<DetailRow[]>`
    SELECT a."id", a."label", a."roundId", a."submissionId", s."teamId", s."title", s."tagline", s."description", s."repoUrl", s."demoUrl", s."videoUrl",
      tr."name" AS "trackName", t."name" AS "teamName", t."kimName", t."institution", t."regionId", rg."name" AS "regionName",
      j."id" AS "judgmentId", j."version", j."comment", j."privateNote", j."finalizedAt",
      CASE WHEN em."id" IS NULL THEN 0 ELSE 1 END AS "isJudge",
      em."regionId" AS "judgeRegionId", em."kimName" AS "judgeKimName", em."institution" AS "judgeInstitution",
      CASE WHEN EXISTS (SELECT 1 FROM "Conflict" c WHERE c."eventId" = r."eventId" AND c."judgeId" = a."judgeId" AND c."teamId" = s."teamId" AND c."source" = 'DECLARED') THEN 1 ELSE 0 END AS "declared",
      CASE WHEN EXISTS (SELECT 1 FROM "TeamMember" m WHERE m."teamId" = s."teamId" AND m."userId" = a."judgeId") THEN 1 ELSE 0 END AS "isMember",
      sc."criterionId", sc."value"
    FROM "Assignment" a
    JOIN "Round" r ON r."id" = a."roundId"
    JOIN "Submission" s ON s."id" = a."submissionId"
    JOIN "Team" t ON t."id" = s."teamId"
    LEFT JOIN "Track" tr ON tr."id" = s."trackId"
    LEFT JOIN "Region" rg ON rg."id" = t."regionId"
    LEFT JOIN "Judgment" j ON j."assignmentId" = a."id"
    LEFT JOIN "Score" sc ON sc."judgmentId" = j."id"
    LEFT JOIN "EventMember" em ON em."eventId" = r."eventId" AND em."userId" = a."judgeId" AND em."role" = 'JUDGE'
    WHERE a."id" = ${assignmentId} AND a."judgeId" = ${judgeId} AND r."eventId" = ${event.id}`;
  const row = rows[0];
  if (!row) return null;
  const scores: Record<string, number> = {};
  for (const r of rows) if (r.criterionId !== null) scores[r.criterionId] = Number(r.value);
  const conflicts: readonly ConflictReason[] = detectConflicts(
    {
      userId: judgeId,
      regionId: row.judgeRegionId,
      kimName: row.judgeKimName,
      institution: row.judgeInstitution,
      declaredTeamIds: Number(row.declared) && !blindPeriod(event, now) ? [row.teamId] : [],
    },
    { id: row.teamId, regionId: row.regionId, kimName: row.kimName, institution: row.institution, memberUserIds: Number(row.isMember) ? [judgeId] : [] },
    { sameRegion: event.conflictSameRegion, sameKim: event.conflictSameKim, sameInstitution: event.conflictSameInstitution },
  );
  return {
    id: row.id,
    label: row.label,
    roundId: row.roundId,
    submission: {
      id: row.submissionId,
      teamId: row.teamId,
      title: row.title,
      tagline: row.tagline,
      description: row.description,
      repoUrl: row.repoUrl,
      demoUrl: row.demoUrl,
      videoUrl: row.videoUrl,
      trackName: row.trackName,
    },
    team: { name: row.teamName, kimName: row.kimName, institution: row.institution, regionName: row.regionName },
    judgment: row.judgmentId ? { id: row.judgmentId, version: Number(row.version), comment: row.comment ?? "", privateNote: row.privateNote ?? "", finalizedAt: row.finalizedAt, scores } : null,
    stillJudge: Number(row.isJudge) === 1,
    conflicts,
  };
}

type ListRow = { kind: string; id: string; label: string; detail: string; size: number | bigint };

/** The project's attachments and the team's member names, in upload and joining order. */
export async function assignmentLists(submissionId: string, teamId: string) {
  const rows = await queryRows<ListRow[]>`
    SELECT 'attachment' AS "kind", x."id", x."filename" AS "label", x."kind" AS "detail", x."size", x."createdAt" AS "at"
    FROM "Attachment" x WHERE x."submissionId" = ${submissionId}
    UNION ALL
    SELECT 'member' AS "kind", m."id", u."name" AS "label", CAST(m."role" AS TEXT) AS "detail", 0 AS "size", m."joinedAt" AS "at"
    FROM "TeamMember" m JOIN "User" u ON u."id" = m."userId" WHERE m."teamId" = ${teamId}
    ORDER BY "kind", "at", "id"`;
  return {
    attachments: rows.filter((r) => r.kind === "attachment").map((r) => ({ id: r.id, filename: r.label, kind: r.detail, size: Number(r.size) })),
    members: rows.filter((r) => r.kind === "member").map((r) => r.label),
  };
}

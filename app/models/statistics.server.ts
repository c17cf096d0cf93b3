// An event's statistics: the facts read in four set-based statements (one row per team; members per
// pool; regions, pools and whether results are published; assignments per judge and round), the
// figures computed by app/domain/statistics.ts. And the switch that makes the aggregate page public.
import { buildStatistics, type Statistics, type StatisticsFacts, type StatisticsWords, type TeamStatus } from "~/domain/statistics";
import { eventZone } from "~/domain/time";
import { audit } from "~/services/audit.server";
import { db, queryRows } from "~/services/db.server";

type Flag = number | bigint | boolean | null;
type Count = number | bigint;

type TeamRow = { createdAt: Date | string | number; status: string; regionId: string | null; members: Count; submitted: Flag; finalist: Flag; winner: Flag };
type PoolCountRow = { pool: string | null; people: Count; teams: Count };
type ListRow = { list: "region" | "pool" | "published"; id: string; a: string | null; b: string | null };
type JudgingRow = { judgeId: string; judgeName: string; roundId: string; roundName: string; roundOrder: Count; total: Count; final: Count };

const yes = (v: Flag) => Boolean(Number(v));

/** The facts of one event's statistics, in four statements whatever its size. */
export async function statisticsFacts(eventId: string): Promise<StatisticsFacts> {
  const [teams, poolCounts, lists, judging] = await Promise.all([
    // A finalist's project is in the last round (entered or assigned), as for finalist certificates
    // and the "finalists" announcements; award recipients exist only for published results.
    queryRows<TeamRow[]>`
      SELECT t."createdAt", CAST(t."status" AS TEXT) AS "status", t."regionId",
        (SELECT COUNT(*) FROM "TeamMember" m WHERE m."teamId" = t."id") AS "members",
        CASE WHEN CAST(s."status" AS TEXT) = 'SUBMITTED' THEN 1 ELSE 0 END AS "submitted",
        CASE WHEN s."id" IS NOT NULL AND (
          EXISTS (SELECT 1 FROM "RoundEntry" e WHERE e."submissionId" = s."id" AND e."roundId" = lr."id")
          OR EXISTS (SELECT 1 FROM "Assignment" x WHERE x."submissionId" = s."id" AND x."roundId" = lr."id")) THEN 1 ELSE 0 END AS "finalist",
        CASE WHEN EXISTS (SELECT 1 FROM "AwardRecipient" ar WHERE ar."submissionId" = s."id") THEN 1 ELSE 0 END AS "winner"
      FROM "Team" t
      LEFT JOIN "Submission" s ON s."teamId" = t."id"
      LEFT JOIN (SELECT r."id" FROM "Round" r WHERE r."eventId" = ${eventId} ORDER BY r."order" DESC LIMIT 1) lr ON 1 = 1
      WHERE t."eventId" = ${eventId}
      ORDER BY t."createdAt" ASC, t."id" ASC`,
    queryRows<PoolCountRow[]>`
      SELECT m."pool", COUNT(*) AS "people", COUNT(DISTINCT m."teamId") AS "teams"
      FROM "TeamMember" m WHERE m."eventId" = ${eventId}
      GROUP BY m."pool"
      ORDER BY m."pool" ASC`,
    queryRows<ListRow[]>`
      SELECT 'region' AS "list", x."id", x."code" AS "a", x."name" AS "b", x."order" AS "ord" FROM "Region" x WHERE x."eventId" = ${eventId}
      UNION ALL
      SELECT 'pool', x."id", x."key", x."label", x."order" FROM "TeamPool" x WHERE x."eventId" = ${eventId}
      UNION ALL
      SELECT 'published', p."id", NULL, NULL, 0 FROM "Publication" p
      WHERE p."eventId" = ${eventId} AND NOT EXISTS (SELECT 1 FROM "Publication" c WHERE c."supersedesId" = p."id")
      ORDER BY "list", "ord", "b", "id"`,
    queryRows<JudgingRow[]>`
      SELECT a."judgeId", u."name" AS "judgeName", r."id" AS "roundId", r."name" AS "roundName", r."order" AS "roundOrder",
        COUNT(*) AS "total", COUNT(j."finalizedAt") AS "final"
      FROM "Assignment" a
      JOIN "Round" r ON r."id" = a."roundId"
      JOIN "User" u ON u."id" = a."judgeId"
      LEFT JOIN "Judgment" j ON j."assignmentId" = a."id"
      WHERE r."eventId" = ${eventId}
      GROUP BY a."judgeId", u."name", r."id", r."name", r."order"`,
  ]);
  return {
    teams: teams.map((t) => ({
      createdAt: new Date(t.createdAt),
      status: t.status as TeamStatus,
      regionId: t.regionId,
      members: Number(t.members),
      submitted: yes(t.submitted),
      finalist: yes(t.finalist),
      winner: yes(t.winner),
    })),
    regions: lists.filter((l) => l.list === "region").map((l) => ({ id: l.id, code: l.a, name: l.b ?? "" })),
    pools: lists.filter((l) => l.list === "pool").map((l) => ({ key: l.a ?? "", label: l.b ?? "" })),
    poolCounts: poolCounts.map((p) => ({ pool: p.pool, people: Number(p.people), teams: Number(p.teams) })),
    judging: judging.map((j) => ({ ...j, roundOrder: Number(j.roundOrder), total: Number(j.total), final: Number(j.final) })),
    published: lists.some((l) => l.list === "published"),
  };
}

type EventTimes = { id: string; timezone: string; registrationOpensAt: Date; registrationClosesAt: Date };

/** Every figure of the event at `now`; `words` name the rows without a region or pool. */
export async function eventStatistics(event: EventTimes, now: Date, words: StatisticsWords): Promise<Statistics> {
  const facts = await statisticsFacts(event.id);
  return buildStatistics(facts, eventZone(event.timezone), words, { opensAt: new Date(event.registrationOpensAt), closesAt: new Date(event.registrationClosesAt), now });
}

/** Shows or hides the public statistics page (it still waits for published results); audited when it changes. */
export async function setStatisticsPublic(eventId: string, on: boolean, actorId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { statisticsPublic: true } });
    if (before.statisticsPublic === on) return;
    await tx.event.update({ where: { id: eventId }, data: { statisticsPublic: on } });
    await audit({ eventId, actorId, action: "statistics.update", entity: "event", entityId: eventId, before: { statisticsPublic: before.statisticsPublic }, after: { statisticsPublic: on } }, tx);
  });
}

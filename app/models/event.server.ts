import type { Timeline, TimelineDates } from "~/domain/phase";
import { db, Prisma, queryRows } from "~/services/db.server";

type TimelineRow = TimelineDates & { rounds: { id: string; name: string; closesAt: Date }[] };

export function toTimeline(e: TimelineRow): Timeline {
  return {
    registrationOpensAt: e.registrationOpensAt,
    registrationClosesAt: e.registrationClosesAt,
    screeningClosesAt: e.screeningClosesAt,
    submissionOpensAt: e.submissionOpensAt,
    submissionClosesAt: e.submissionClosesAt,
    announcementAt: e.announcementAt,
    rounds: e.rounds.map((r) => ({ id: r.id, name: r.name, closesAt: r.closesAt })),
  };
}

const timelineSelect = {
  registrationOpensAt: true,
  registrationClosesAt: true,
  screeningClosesAt: true,
  submissionOpensAt: true,
  submissionClosesAt: true,
  announcementAt: true,
  rounds: { select: { id: true, name: true, closesAt: true }, orderBy: { order: "asc" } },
} as const;

/** Public events for the home page, with what the cards show. */
export async function listPublicEvents() {
  return db.event.findMany({
    where: { isPublic: true },
    orderBy: { registrationOpensAt: "desc" },
    select: {
      id: true,
      slug: true,
      name: true,
      summary: true,
      timezone: true,
      bannerKey: true,
      ...timelineSelect,
      _count: { select: { teams: true } },
    },
  });
}

type MembershipRow = { role: "ORGANIZER" | "JUDGE"; id: string; slug: string; name: string; timezone: string };

/** Events where the user has an organizer or judge role (one statement). */
export async function listEventsForMember(userId: string) {
  const rows = await queryRows<MembershipRow[]>`
    SELECT m."role", e."id", e."slug", e."name", e."timezone"
    FROM "EventMember" m JOIN "Event" e ON e."id" = m."eventId"
    WHERE m."userId" = ${userId}
    ORDER BY m."createdAt" DESC, m."id" ASC`;
  return rows.map(({ role, ...event }) => ({ role, event }));
}

/** The whole event record with its timeline rounds, or null. */
export async function getEventBySlug(slug: string) {
  return db.event.findUnique({
    where: { slug },
    include: { rounds: { orderBy: { order: "asc" } } },
  });
}

export type EventWithRounds = NonNullable<Awaited<ReturnType<typeof getEventBySlug>>>;

/** The user's standing in one event: their event roles and their team there, if any. */
export type EventStanding = { roles: ("ORGANIZER" | "JUDGE")[]; team: { id: string; role: "CAPTAIN" | "MEMBER" } | null };

type ContextRow = Omit<EventWithRounds, "rounds"> & {
  roundId: string | null;
  roundName: string | null;
  roundOrder: number | bigint | null;
  roundClosesAt: Date | null;
  roundJudgesPerSubmission: number | bigint | null;
  isOrganizer: number | bigint | boolean;
  isJudge: number | bigint | boolean;
  teamId: string | null;
  teamRole: string | null;
};

const ROUND_COLUMNS = new Set(["roundId", "roundName", "roundOrder", "roundClosesAt", "roundJudgesPerSubmission"]);

/** Events matching `where` (over `e`), each with its rounds and the user's standing in it. */
async function eventsWithStanding(where: Prisma.Sql, userId: string | null): Promise<{ event: EventWithRounds; standing: EventStanding }[]> {
  const rows = await queryRows<ContextRow[]>`
    SELECT e.*,
      r."id" AS "roundId", r."name" AS "roundName", r."order" AS "roundOrder", r."closesAt" AS "roundClosesAt",
      r."judgesPerSubmission" AS "roundJudgesPerSubmission",
      CASE WHEN EXISTS (SELECT 1 FROM "EventMember" m WHERE m."eventId" = e."id" AND m."userId" = ${userId} AND m."role" = 'ORGANIZER') THEN 1 ELSE 0 END AS "isOrganizer",
      CASE WHEN EXISTS (SELECT 1 FROM "EventMember" m WHERE m."eventId" = e."id" AND m."userId" = ${userId} AND m."role" = 'JUDGE') THEN 1 ELSE 0 END AS "isJudge",
      (SELECT t."teamId" FROM "TeamMember" t WHERE t."eventId" = e."id" AND t."userId" = ${userId}) AS "teamId",
      (SELECT CAST(t."role" AS TEXT) FROM "TeamMember" t WHERE t."eventId" = e."id" AND t."userId" = ${userId}) AS "teamRole"
    FROM "Event" e LEFT JOIN "Round" r ON r."eventId" = e."id"
    WHERE ${where}
    ORDER BY e."id" ASC, r."order" ASC`;
  const found = new Map<string, { event: EventWithRounds; standing: EventStanding }>();
  for (const row of rows) {
    let entry = found.get(row.id);
    if (!entry) {
      const { isOrganizer, isJudge, teamId, teamRole, ...columns } = row;
      const event = Object.fromEntries(Object.entries(columns).filter(([key]) => !ROUND_COLUMNS.has(key))) as Omit<EventWithRounds, "rounds">;
      const roles: EventStanding["roles"] = [];
      if (Number(isOrganizer)) roles.push("ORGANIZER");
      if (Number(isJudge)) roles.push("JUDGE");
      entry = {
        event: { ...event, rounds: [] },
        standing: { roles, team: teamId ? { id: teamId, role: teamRole === "CAPTAIN" ? "CAPTAIN" : "MEMBER" } : null },
      };
      found.set(row.id, entry);
    }
    if (row.roundId !== null) {
      entry.event.rounds.push({
        id: row.roundId,
        eventId: row.id,
        name: row.roundName as string,
        order: Number(row.roundOrder),
        closesAt: new Date(row.roundClosesAt as Date),
        judgesPerSubmission: Number(row.roundJudgesPerSubmission),
      });
    }
  }
  return [...found.values()];
}

/**
 * The event named by `slug` with its rounds, and the user's roles and team in it, in one
 * statement: every page under /kelola, /juri and /acara needs all three before anything else.
 */
export async function getEventContext(slug: string, userId: string | null) {
  return (await eventsWithStanding(Prisma.sql`e."slug" = ${slug}`, userId))[0] ?? null;
}

/** The same, for the event with this id (pages addressed by team). */
export async function getEventContextById(id: string, userId: string | null) {
  return (await eventsWithStanding(Prisma.sql`e."id" = ${id}`, userId))[0] ?? null;
}

/** The events where the user is in a team, each with its rounds. */
export async function eventsOfTeamMember(userId: string): Promise<EventWithRounds[]> {
  const found = await eventsWithStanding(Prisma.sql`e."id" IN (SELECT tm."eventId" FROM "TeamMember" tm WHERE tm."userId" = ${userId})`, userId);
  return found.map((f) => f.event);
}

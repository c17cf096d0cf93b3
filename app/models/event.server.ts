import type { Timeline } from "~/domain/phase";
import { db } from "~/services/db.server";

type TimelineRow = {
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  screeningClosesAt: Date;
  submissionOpensAt: Date;
  submissionClosesAt: Date;
  announcementAt: Date;
  rounds: { id: string; name: string; closesAt: Date }[];
};

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

/** Events where the user has an organizer or judge role. */
export async function listEventsForMember(userId: string) {
  return db.eventMember.findMany({
    where: { userId },
    select: { role: true, event: { select: { id: true, slug: true, name: true, timezone: true } } },
    orderBy: { createdAt: "desc" },
  });
}

/** The whole event record with its timeline rounds, or null. */
export async function getEventBySlug(slug: string) {
  return db.event.findUnique({
    where: { slug },
    include: { rounds: { orderBy: { order: "asc" } } },
  });
}

export type EventWithRounds = NonNullable<Awaited<ReturnType<typeof getEventBySlug>>>;
type RoundRecord = EventWithRounds["rounds"][number];

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

/**
 * The event named by `slug` with its rounds, and the user's roles and team in it, in one
 * statement: every page under /kelola, /juri and /acara needs all three before anything else.
 */
export async function getEventContext(slug: string, userId: string | null): Promise<{ event: EventWithRounds; standing: EventStanding } | null> {
  const rows = await db.$queryRaw<ContextRow[]>`
    SELECT e.*,
      r."id" AS "roundId", r."name" AS "roundName", r."order" AS "roundOrder", r."closesAt" AS "roundClosesAt",
      r."judgesPerSubmission" AS "roundJudgesPerSubmission",
      CASE WHEN EXISTS (SELECT 1 FROM "EventMember" m WHERE m."eventId" = e."id" AND m."userId" = ${userId} AND m."role" = 'ORGANIZER') THEN 1 ELSE 0 END AS "isOrganizer",
      CASE WHEN EXISTS (SELECT 1 FROM "EventMember" m WHERE m."eventId" = e."id" AND m."userId" = ${userId} AND m."role" = 'JUDGE') THEN 1 ELSE 0 END AS "isJudge",
      (SELECT t."teamId" FROM "TeamMember" t WHERE t."eventId" = e."id" AND t."userId" = ${userId}) AS "teamId",
      (SELECT CAST(t."role" AS TEXT) FROM "TeamMember" t WHERE t."eventId" = e."id" AND t."userId" = ${userId}) AS "teamRole"
    FROM "Event" e LEFT JOIN "Round" r ON r."eventId" = e."id"
    WHERE e."slug" = ${slug}
    ORDER BY r."order" ASC`;
  const first = rows[0];
  if (!first) return null;
  const { isOrganizer, isJudge, teamId, teamRole, ...columns } = first;
  const event = Object.fromEntries(Object.entries(columns).filter(([key]) => !ROUND_COLUMNS.has(key))) as Omit<EventWithRounds, "rounds">;
  const rounds: RoundRecord[] = rows
    .filter((r) => r.roundId !== null)
    .map((r) => ({
      id: r.roundId as string,
      eventId: event.id,
      name: r.roundName as string,
      order: Number(r.roundOrder),
      closesAt: new Date(r.roundClosesAt as Date),
      judgesPerSubmission: Number(r.roundJudgesPerSubmission),
    }));
  const roles: EventStanding["roles"] = [];
  if (Number(isOrganizer)) roles.push("ORGANIZER");
  if (Number(isJudge)) roles.push("JUDGE");
  return {
    event: { ...event, rounds },
    standing: { roles, team: teamId ? { id: teamId, role: teamRole === "CAPTAIN" ? "CAPTAIN" : "MEMBER" } : null },
  };
}

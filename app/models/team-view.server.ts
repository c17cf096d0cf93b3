// Reading teams for the pages their members open most: the team page and the dashboard. Each
// read is a few set-based statements whatever the event's size (raw SQL through Prisma where a
// relation would otherwise cost a statement of its own).
import type { User } from "lucia";
import { can } from "~/domain/permissions";
import { db, queryRows } from "~/services/db.server";
import { eventsOfTeamMember, getEventContextById } from "./event.server";

type TeamRecord = Awaited<ReturnType<typeof db.team.findFirstOrThrow>>;
type TeamRow = TeamRecord & { regionName: string | null; trackName: string | null; submissionStatus: "DRAFT" | "SUBMITTED" | null };
type MemberRow = { id: string; userId: string; role: "CAPTAIN" | "MEMBER"; pool: string | null; joinedAt: Date; name: string; email: string; whatsapp: string | null };

/**
 * The team as its members and the event's organizers see it; null for anyone else, so a
 * stranger cannot tell a private team from a missing one.
 */
export async function getTeamForViewer(teamId: string, user: Pick<User, "id" | "isAdmin">) {
  const [row] = await queryRows<TeamRow[]>`
    SELECT t.*, rg."name" AS "regionName", tr."name" AS "trackName", s."status" AS "submissionStatus"
    FROM "Team" t
    LEFT JOIN "Region" rg ON rg."id" = t."regionId"
    LEFT JOIN "Track" tr ON tr."id" = t."trackId"
    LEFT JOIN "Submission" s ON s."teamId" = t."id"
    WHERE t."id" = ${teamId}`;
  if (!row) return null;
  const [context, members, extensions, pools, seats] = await Promise.all([
    getEventContextById(row.eventId, user.id),
    queryRows<MemberRow[]>`
      SELECT m."id", m."userId", m."role", m."pool", m."joinedAt", u."name", u."email", u."whatsapp"
      FROM "TeamMember" m JOIN "User" u ON u."id" = m."userId"
      WHERE m."teamId" = ${teamId}
      ORDER BY m."role" ASC, m."joinedAt" ASC`,
    db.extension.findMany({ where: { teamId }, select: { kind: true, until: true, reason: true } }),
    db.teamPool.findMany({ where: { eventId: row.eventId }, orderBy: { order: "asc" } }),
    // Places of an imported team not claimed yet: names only, their addresses stay with the organizers.
    db.teamSeat.findMany({ where: { teamId }, orderBy: [{ role: "asc" }, { name: "asc" }], select: { id: true, name: true, role: true, pool: true } }),
  ]);
  if (!context) return null;
  const { regionName, trackName, submissionStatus, ...columns } = row;
  const team = {
    ...columns,
    event: { ...context.event, pools },
    region: regionName === null ? null : { name: regionName },
    track: trackName === null ? null : { name: trackName },
    members: members.map(({ name, email, whatsapp, ...m }) => ({ ...m, joinedAt: new Date(m.joinedAt), user: { name, email, whatsapp } })),
    extensions,
    seats,
    submission: submissionStatus === null ? null : { status: submissionStatus },
  };
  const membership = team.members.find((m) => m.userId === user.id) ?? null;
  const organizer = membership ? false : can({ userId: user.id, isAdmin: user.isAdmin, eventRoles: context.standing.roles }, "manage:event");
  if (!membership && !organizer) return null;
  return { team, membership, organizer };
}

type PoolRow = { id: string; eventId: string; key: string; label: string; quota: number | bigint; order: number | bigint };
type MyTeamRow = {
  role: "CAPTAIN" | "MEMBER";
  id: string;
  eventId: string;
  name: string;
  status: "PENDING" | "ACCEPTED" | "REJECTED";
  statusReason: string | null;
  submissionStatus: "DRAFT" | "SUBMITTED" | null;
};

/** The user's teams across events, newest first, with what the dashboard's next step needs. */
export async function listMyTeams(userId: string) {
  const [rows, events, pools, members, extensions] = await Promise.all([
    queryRows<MyTeamRow[]>`
      SELECT m."role", t."id", t."eventId", t."name", t."status", t."statusReason", s."status" AS "submissionStatus"
      FROM "TeamMember" m JOIN "Team" t ON t."id" = m."teamId" LEFT JOIN "Submission" s ON s."teamId" = t."id"
      WHERE m."userId" = ${userId}
      ORDER BY m."joinedAt" DESC, m."id" ASC`,
    eventsOfTeamMember(userId),
    // Each starts from the user's own memberships (indexed by user), never from a whole table.
    queryRows<PoolRow[]>`
      SELECT p."id", p."eventId", p."key", p."label", p."quota", p."order"
      FROM "TeamMember" m JOIN "TeamPool" p ON p."eventId" = m."eventId"
      WHERE m."userId" = ${userId}
      ORDER BY p."order" ASC, p."id" ASC`,
    queryRows<{ teamId: string; pool: string | null }[]>`
      SELECT o."teamId", o."pool"
      FROM "TeamMember" m JOIN "TeamMember" o ON o."teamId" = m."teamId"
      WHERE m."userId" = ${userId}`,
    queryRows<{ teamId: string; kind: "SUBMISSION" | "REGISTRATION"; until: Date | string }[]>`
      SELECT x."teamId", x."kind", x."until"
      FROM "TeamMember" m JOIN "Extension" x ON x."teamId" = m."teamId"
      WHERE m."userId" = ${userId}`,
  ]);
  const eventById = new Map(events.map((e) => [e.id, { ...e, pools: pools.filter((p) => p.eventId === e.id).map((p) => ({ ...p, quota: Number(p.quota), order: Number(p.order) })) }]));
  return rows.flatMap(({ role, submissionStatus, eventId, ...team }) => {
    const event = eventById.get(eventId);
    if (!event) return [];
    return [
      {
        role,
        team: {
          ...team,
          members: members.filter((m) => m.teamId === team.id).map((m) => ({ pool: m.pool })),
          extensions: extensions.filter((e) => e.teamId === team.id).map((e) => ({ kind: e.kind, until: new Date(e.until) })),
          submission: submissionStatus === null ? null : { status: submissionStatus },
          event,
        },
      },
    ];
  });
}

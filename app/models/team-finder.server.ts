// The team finder's data: listings of participants without a team, teams looking for members,
// and the requests between them. What the finder shows never includes an email address or a
// WhatsApp number: those are seen the normal way once the two sides are teammates. Accepting a
// request makes the member through admitMember, the same path as joining by invite.
import { decidingSide, finderOpen, requestRefusal, skillTags, teamNeeds, type RequestRefusal } from "~/domain/team-finder";
import { audit } from "~/services/audit.server";
import { db, Prisma, queryRows } from "~/services/db.server";
import { sha256 } from "~/services/ids.server";
import type { ListingInput } from "~/validation/finder";
import type { TeamRefusalCode } from "~/validation/team";
import { getEventContext, toTimeline } from "./event.server";
import { admitMember, no, refusable, refuse, rulesOf, type Result } from "./team.server";

const REFUSAL_CODES: Record<RequestRefusal, TeamRefusalCode> = {
  closed: "finderClosed",
  in_team: "alreadyInTeam",
  not_listed: "notListed",
  not_looking: "notLooking",
  declined: "declined",
  duplicate: "duplicate",
  team_full: "teamFull",
  pool_full: "poolFull",
  pool_required: "listingPoolRequired",
  too_many: "tooMany",
};

/** The event as the finder needs it, and the user's standing; null when there is no such public event. */
async function finderEvent(slug: string, userId: string) {
  const context = await getEventContext(slug, userId);
  if (!context) return null;
  const organizer = context.standing.roles.includes("ORGANIZER");
  if (!context.event.isPublic && !organizer) return null;
  return { ...context, organizer };
}

type ListingRow = { userId: string; name: string; skills: string; note: string; pool: string | null; regionId: string | null; regionName: string | null };
type RequestRow = { id: string; teamId: string; userId: string; direction: "TO_TEAM" | "TO_PARTICIPANT"; status: "PENDING" | "DECLINED"; message: string; teamName: string };
type OpeningRow = { teamId: string; name: string; note: string; regionName: string | null; trackName: string | null };
type PlaceRow = { teamId: string; pool: string | null };

/**
 * The finder page for `userId` at `now`. Listings are shown to the event's participants only:
 * people listed themselves, members of its teams, and its organizers.
 */
export async function getFinder(slug: string, userId: string, now: Date) {
  const found = await finderEvent(slug, userId);
  if (!found) return null;
  const { event, standing, organizer } = found;
  const open = finderOpen(toTimeline(event), now);
  const [pools, regions, requests, listings, openings, places] = await Promise.all([
    db.teamPool.findMany({ where: { eventId: event.id }, orderBy: { order: "asc" }, select: { key: true, label: true, quota: true } }),
    db.region.findMany({ where: { eventId: event.id }, orderBy: [{ order: "asc" }, { name: "asc" }], select: { id: true, name: true } }),
    // Requests the user is part of: as the participant, or those of the team they captain.
    open
      ? queryRows<RequestRow[]>`
          SELECT q."id", q."teamId", q."userId", q."direction", q."status", q."message", t."name" AS "teamName"
          FROM "JoinRequest" q JOIN "Team" t ON t."id" = q."teamId"
          WHERE ${standing.team?.role === "CAPTAIN" ? Prisma.sql`q."teamId" = ${standing.team.id}` : Prisma.sql`q."eventId" = ${event.id} AND q."userId" = ${userId}`}
          ORDER BY q."createdAt" DESC, q."id" ASC`
      : Promise.resolve([]),
    // Every listing, the user's own included (it fills their form); who may see the others is decided below.
    open
      ? queryRows<ListingRow[]>`
          SELECT l."userId", u."name", l."skills", l."note", l."pool", l."regionId", r."name" AS "regionName"
          FROM "FinderListing" l JOIN "User" u ON u."id" = l."userId" LEFT JOIN "Region" r ON r."id" = l."regionId"
          WHERE l."eventId" = ${event.id}
          ORDER BY l."updatedAt" DESC, l."id" ASC`
      : Promise.resolve([]),
    open
      ? queryRows<OpeningRow[]>`
          SELECT o."teamId", t."name", o."note", r."name" AS "regionName", k."name" AS "trackName"
          FROM "TeamOpening" o JOIN "Team" t ON t."id" = o."teamId"
          LEFT JOIN "Region" r ON r."id" = t."regionId" LEFT JOIN "Track" k ON k."id" = t."trackId"
          WHERE o."eventId" = ${event.id}
          ORDER BY o."updatedAt" DESC, o."teamId" ASC`
      : Promise.resolve([]),
    open
      ? queryRows<PlaceRow[]>`
          SELECT m."teamId", m."pool" FROM "TeamOpening" o JOIN "TeamMember" m ON m."teamId" = o."teamId" WHERE o."eventId" = ${event.id}
          UNION ALL
          SELECT s."teamId", s."pool" FROM "TeamOpening" o JOIN "TeamSeat" s ON s."teamId" = o."teamId" WHERE o."eventId" = ${event.id}`
      : Promise.resolve([]),
  ]);
  const own = listings.find((l) => l.userId === userId) ?? null;
  const mine = own ? { skills: own.skills, regionId: own.regionId, pool: own.pool, note: own.note } : null;
  const seesListings = open && (mine !== null || standing.team !== null || organizer);
  const rules = rulesOf({ ...event, pools });
  const teams = openings
    .map((o) => ({
      ...o,
      needs: teamNeeds(
        rules,
        places.filter((p) => p.teamId === o.teamId),
      ),
    }))
    // A full team is not looking for anyone, whatever its captain said.
    .filter((o) => !o.needs.full);
  const captainOf = standing.team?.role === "CAPTAIN" ? standing.team.id : null;
  return {
    event,
    open,
    organizer,
    myTeam: standing.team,
    captainOf,
    pools,
    regions,
    mine,
    seesListings,
    listings: (seesListings ? listings : [])
      .filter((l) => l.userId !== userId)
      .map((l) => ({ userId: l.userId, name: l.name, skills: skillTags(l.skills), note: l.note, pool: l.pool, region: l.regionName })),
    teams: teams.filter((o) => o.teamId !== standing.team?.id),
    requests,
  };
}

export type Finder = NonNullable<Awaited<ReturnType<typeof getFinder>>>;

/** Lists the user in the event's finder, or updates their listing. */
export async function saveListing(args: { slug: string; userId: string; input: ListingInput; now: Date }): Promise<Result<object>> {
  const { userId, input, now } = args;
  const found = await finderEvent(args.slug, userId);
  if (!found) return refuse("", "eventNotFound");
  const { event, standing } = found;
  if (!finderOpen(toTimeline(event), now)) return refuse("", "finderClosed");
  if (standing.team) return refuse("", "alreadyInTeam");
  const [pools, region] = await Promise.all([
    db.teamPool.findMany({ where: { eventId: event.id }, select: { key: true } }),
    input.regionId ? db.region.findFirst({ where: { id: input.regionId, eventId: event.id }, select: { id: true } }) : Promise.resolve(null),
  ]);
  if (input.regionId && !region) return refuse("regionId", "invalid");
  let pool: string | null = null;
  if (pools.length) {
    if (!input.pool) return refuse("pool", "poolRequired");
    if (!pools.some((p) => p.key === input.pool)) return refuse("pool", "invalid");
    pool = input.pool;
  }
  const data = { skills: skillTags(input.skills).join(", "), regionId: region?.id ?? null, pool, note: input.note ?? "", consentAt: now };
  await db.finderListing.upsert({ where: { eventId_userId: { eventId: event.id, userId } }, create: { eventId: event.id, userId, ...data }, update: data });
  return { ok: true };
}

/** Takes the listing down; the requests that needed it go with it. */
export async function removeListing(slug: string, userId: string): Promise<Result<object>> {
  const found = await finderEvent(slug, userId);
  if (!found) return refuse("", "eventNotFound");
  const eventId = found.event.id;
  await db.$transaction([db.finderListing.deleteMany({ where: { eventId, userId } }), db.joinRequest.deleteMany({ where: { eventId, userId, status: "PENDING" } })]);
  return { ok: true };
}

type SendArgs = { teamId: string; participantId: string; senderId: string; direction: "TO_TEAM" | "TO_PARTICIPANT"; message: string; agreeEventNotice?: string; now: Date };

/**
 * A request between a team and a listed participant, checked with requestRefusal inside one
 * transaction. A participant asking agrees to the event's notice with the request, so the
 * captain's acceptance can make them a member.
 */
async function send(args: SendArgs): Promise<Result<object>> {
  return refusable(
    () =>
      db.$transaction(async (tx) => {
        const team = await tx.team.findUnique({
          where: { id: args.teamId },
          include: {
            event: { include: { rounds: { orderBy: { order: "asc" } }, pools: { orderBy: { order: "asc" } } } },
            members: { select: { userId: true, role: true, pool: true } },
            seats: { select: { pool: true } },
            opening: { select: { teamId: true } },
          },
        });
        if (!team) no("", "teamNotFound");
        if (args.direction === "TO_PARTICIPANT" && !team.members.some((m) => m.userId === args.senderId && m.role === "CAPTAIN")) no("", "captainOnly");
        const { event } = team;
        const [listing, inTeam, existing, pending] = await Promise.all([
          tx.finderListing.findUnique({ where: { eventId_userId: { eventId: event.id, userId: args.participantId } }, select: { pool: true } }),
          tx.teamMember.findUnique({ where: { eventId_userId: { eventId: event.id, userId: args.participantId } }, select: { id: true } }),
          tx.joinRequest.findUnique({ where: { teamId_userId: { teamId: team.id, userId: args.participantId } }, select: { status: true } }),
          tx.joinRequest.count({ where: { eventId: event.id, senderId: args.senderId, status: "PENDING" } }),
        ]);
        const refusal = requestRefusal({
          open: finderOpen(toTimeline(event), args.now),
          listing,
          inTeam: inTeam !== null,
          teamLooking: team.opening !== null,
          direction: args.direction,
          rules: rulesOf(event),
          taken: [...team.members, ...team.seats],
          existing: existing?.status ?? null,
          pendingBySender: pending,
        });
        if (refusal) no("", REFUSAL_CODES[refusal]);
        const notice = event.privacyNotice.trim();
        let agreement = {};
        if (args.direction === "TO_TEAM" && notice) {
          if (args.agreeEventNotice !== "on") no("agreeEventNotice", "joinNoticeRequired");
          agreement = { noticeAcceptedAt: args.now, noticeSha256: sha256(notice) };
        }
        await tx.joinRequest.create({
          data: { eventId: event.id, teamId: team.id, userId: args.participantId, direction: args.direction, senderId: args.senderId, message: args.message, ...agreement },
        });
        return { ok: true as const };
      }),
    refuse("", "duplicate"),
  );
}

/** A listed participant asks a team that is looking for members. */
export async function requestToJoin(args: { teamId: string; userId: string; message: string; agreeEventNotice?: string; now: Date }): Promise<Result<object>> {
  return send({ teamId: args.teamId, participantId: args.userId, senderId: args.userId, direction: "TO_TEAM", message: args.message, agreeEventNotice: args.agreeEventNotice, now: args.now });
}

/** A captain invites a listed participant. */
export async function inviteParticipant(args: { teamId: string; captainId: string; participantId: string; message: string; now: Date }): Promise<Result<object>> {
  return send({ teamId: args.teamId, participantId: args.participantId, senderId: args.captainId, direction: "TO_PARTICIPANT", message: args.message, now: args.now });
}

/**
 * A pending request that `userId` may act on: `side` "decide" for the side that did not send it,
 * "cancel" for the side that did. Anyone else learns nothing (null), as for a missing request.
 */
async function requestFor(requestId: string, userId: string, side: "decide" | "cancel") {
  const request = await db.joinRequest.findUnique({
    where: { id: requestId },
    include: { team: { select: { members: { where: { role: "CAPTAIN" }, select: { userId: true } } } }, event: { include: { rounds: { orderBy: { order: "asc" } } } } },
  });
  if (!request || request.status !== "PENDING") return null;
  const captainSide = request.team.members.some((m) => m.userId === userId);
  const participantSide = request.userId === userId;
  const decider = decidingSide(request.direction);
  const mayDecide = decider === "captain" ? captainSide : participantSide;
  const mayCancel = decider === "captain" ? participantSide : captainSide;
  return (side === "decide" ? mayDecide : mayCancel) ? request : null;
}

/** The sender takes a pending request back. */
export async function cancelRequest(requestId: string, userId: string): Promise<Result<object>> {
  const request = await requestFor(requestId, userId, "cancel");
  if (!request) return refuse("", "requestNotFound");
  await db.joinRequest.deleteMany({ where: { id: request.id, status: "PENDING" } });
  return { ok: true };
}

/** The other side declines: the request stays as declined, so the same pair is not asked again. */
export async function declineRequest(requestId: string, userId: string, now: Date): Promise<Result<object>> {
  const request = await requestFor(requestId, userId, "decide");
  if (!request) return refuse("", "requestNotFound");
  if (!finderOpen(toTimeline(request.event), now)) return refuse("", "finderClosed");
  await db.$transaction(async (tx) => {
    const changed = await tx.joinRequest.updateMany({ where: { id: request.id, status: "PENDING" }, data: { status: "DECLINED", decidedAt: now } });
    if (changed.count) {
      await audit(
        { eventId: request.eventId, actorId: userId, action: "joinRequest.decline", entity: "team", entityId: request.teamId, after: { userId: request.userId, direction: request.direction } },
        tx,
      );
    }
  });
  return { ok: true };
}

/**
 * The other side accepts: the participant becomes a member through admitMember, with every rule
 * of joining by invite. The participant's agreement to the event's notice is the box they tick
 * now (accepting a captain's invite) or the one they ticked with their request (the captain
 * accepts). Their listing and other pending requests are withdrawn by the join.
 */
export async function acceptRequest(args: { requestId: string; userId: string; agreeEventNotice?: string; now: Date }): Promise<Result<{ teamId: string }>> {
  const request = await requestFor(args.requestId, args.userId, "decide");
  if (!request) return refuse("", "requestNotFound");
  if (!finderOpen(toTimeline(request.event), args.now)) return refuse("", "finderClosed");
  return refusable(() =>
    db.$transaction(async (tx) => {
      const listing = await tx.finderListing.findUnique({ where: { eventId_userId: { eventId: request.eventId, userId: request.userId } }, select: { pool: true } });
      if (!listing) no("", "notListed");
      // Deleting first claims the request: a second accept of the same request finds nothing.
      const claimed = await tx.joinRequest.deleteMany({ where: { id: request.id, status: "PENDING" } });
      if (!claimed.count) no("", "requestNotFound");
      const notice = request.direction === "TO_PARTICIPANT" ? { ticked: args.agreeEventNotice === "on" } : { sha256: request.noticeSha256, at: request.noticeAcceptedAt };
      const joined = await admitMember(tx, { teamId: request.teamId, userId: request.userId, pool: listing.pool, notice, now: args.now, via: "finder" });
      await audit(
        { eventId: request.eventId, actorId: args.userId, action: "joinRequest.accept", entity: "team", entityId: request.teamId, after: { userId: request.userId, direction: request.direction } },
        tx,
      );
      return { ok: true as const, teamId: joined.teamId };
    }),
  );
}

/** The captain's page for finding members: the team's opening and its requests. Null unless `userId` is a member. */
export async function getTeamFinder(teamId: string, userId: string, now: Date) {
  const [team, places] = await Promise.all([
    db.team.findUnique({
      where: { id: teamId },
      include: { event: { include: { rounds: { orderBy: { order: "asc" } }, pools: { orderBy: { order: "asc" } } } }, opening: { select: { note: true } } },
    }),
    // Members and places kept for imported members, in one statement.
    queryRows<{ userId: string | null; role: string | null; pool: string | null }[]>`
      SELECT m."userId", CAST(m."role" AS TEXT) AS "role", m."pool" FROM "TeamMember" m WHERE m."teamId" = ${teamId}
      UNION ALL
      SELECT NULL, NULL, s."pool" FROM "TeamSeat" s WHERE s."teamId" = ${teamId}`,
  ]);
  const me = places.find((m) => m.userId === userId);
  if (!team || !me) return null;
  const open = finderOpen(toTimeline(team.event), now);
  type RequestRow = {
    id: string;
    userId: string;
    name: string;
    direction: "TO_TEAM" | "TO_PARTICIPANT";
    status: "PENDING" | "DECLINED";
    message: string;
    skills: string | null;
    note: string | null;
    pool: string | null;
    regionName: string | null;
  };
  const requests = open
    ? await queryRows<RequestRow[]>`
        SELECT q."id", q."userId", u."name", q."direction", q."status", q."message", l."skills", l."note", l."pool", r."name" AS "regionName"
        FROM "JoinRequest" q JOIN "User" u ON u."id" = q."userId"
        LEFT JOIN "FinderListing" l ON l."eventId" = q."eventId" AND l."userId" = q."userId"
        LEFT JOIN "Region" r ON r."id" = l."regionId"
        WHERE q."teamId" = ${team.id}
        ORDER BY q."createdAt" DESC, q."id" ASC`
    : [];
  return {
    team: { id: team.id, name: team.name, opening: team.opening },
    event: { slug: team.event.slug, name: team.event.name },
    pools: team.event.pools.map((p) => ({ key: p.key, label: p.label })),
    captain: me.role === "CAPTAIN",
    open,
    needs: teamNeeds(
      rulesOf(team.event),
      places.map((p) => ({ pool: p.pool })),
    ),
    requests: requests.map((q) => ({ ...q, skills: skillTags(q.skills ?? ""), region: q.regionName })),
  };
}

async function captainTeam(teamId: string, userId: string, now: Date) {
  const team = await db.team.findUnique({
    where: { id: teamId },
    select: { id: true, eventId: true, members: { select: { userId: true, role: true } }, event: { include: { rounds: { orderBy: { order: "asc" } } } } },
  });
  const me = team?.members.find((m) => m.userId === userId);
  if (!team || !me) return refuse("", "notMember");
  if (me.role !== "CAPTAIN") return refuse("", "captainOnly");
  if (!finderOpen(toTimeline(team.event), now)) return refuse("", "finderClosed");
  return { ok: true as const, team };
}

/** The captain says the team is looking for members (with a note), or updates the note. */
export async function openTeam(args: { teamId: string; userId: string; note: string; now: Date }): Promise<Result<object>> {
  const check = await captainTeam(args.teamId, args.userId, args.now);
  if (!check.ok) return check;
  const { team } = check;
  await db.teamOpening.upsert({ where: { teamId: team.id }, create: { teamId: team.id, eventId: team.eventId, note: args.note }, update: { note: args.note } });
  return { ok: true };
}

/** The team is no longer looking: the participants' pending requests to it are withdrawn. */
export async function closeTeam(teamId: string, userId: string, now: Date): Promise<Result<object>> {
  const check = await captainTeam(teamId, userId, now);
  if (!check.ok) return check;
  await db.$transaction([db.teamOpening.deleteMany({ where: { teamId } }), db.joinRequest.deleteMany({ where: { teamId, direction: "TO_TEAM", status: "PENDING" } })]);
  return { ok: true };
}

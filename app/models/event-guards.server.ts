// Event-scoped guards. Non-members get 404 (existence of private things is not revealed);
// known users without the role get 403.
import type { User } from "lucia";
import { blindPeriod } from "~/domain/blind";
import { can, type Actor, type EventRoleName } from "~/domain/permissions";
import { workingRound } from "~/domain/phase";
import { db } from "~/services/db.server";
import { notFound } from "~/services/guards.server";
import { memoize } from "~/services/request-context.server";
import { getUser, requireUser } from "~/services/session.server";
import { getEventBySlug, getEventContext, type EventStanding, type EventWithRounds } from "./event.server";

export type EventRecord = EventWithRounds;

export function requireEvent(slug: string | undefined): Promise<EventRecord> {
  return memoize(null, `event:${slug}`, async () => {
    const event = slug ? await getEventBySlug(slug) : null;
    if (!event) throw notFound();
    return event;
  });
}

function actorOf(user: Pick<User, "id" | "isAdmin"> | null, standing: EventStanding | null): Actor {
  if (!user || !standing) return { userId: null, isAdmin: false, eventRoles: [] };
  return { userId: user.id, isAdmin: user.isAdmin, eventRoles: standing.roles };
}

export async function actorFor(user: Pick<User, "id" | "isAdmin"> | null, eventId: string): Promise<Actor> {
  if (!user) return actorOf(null, null);
  return memoize(null, `actor:${eventId}:${user.id}`, async () => {
    const [roles, team] = await Promise.all([
      db.eventMember.findMany({ where: { eventId, userId: user.id }, select: { role: true } }),
      db.teamMember.findFirst({ where: { eventId, userId: user.id }, select: { teamId: true, role: true } }),
    ]);
    return actorOf(user, { roles: roles.map((r) => r.role as EventRoleName), team: team ? { id: team.teamId, role: team.role } : null });
  });
}

/**
 * The event named in the URL, the signed-in user (or null) and their roles in the event, resolved
 * once per request for the root, layout and page loaders alike; null when there is no such event.
 */
export function eventContext(request: Request, slug: string | undefined): Promise<{ user: User | null; event: EventRecord; actor: Actor; team: EventStanding["team"] } | null> {
  return memoize(request, `context:${slug}`, async () => {
    if (!slug) return null;
    const user = await getUser(request);
    const found = await getEventContext(slug, user?.id ?? null);
    if (!found) return null;
    return { user, event: found.event, actor: actorOf(user, found.standing), team: user ? found.standing.team : null };
  });
}

async function requireEventActor(request: Request, slug: string | undefined) {
  const user = await requireUser(request);
  const found = await eventContext(request, slug);
  if (!found) throw notFound();
  return { user, event: found.event, actor: found.actor };
}

/** The signed-in organizer (or platform admin) of the event named by `slug`. */
export async function requireOrganizer(request: Request, slug: string | undefined) {
  const found = await requireEventActor(request, slug);
  if (!can(found.actor, "manage:event")) throw notFound();
  return found;
}

export async function requireJudge(request: Request, slug: string | undefined) {
  const found = await requireEventActor(request, slug);
  if (!can(found.actor, "judge:event")) throw notFound();
  return found;
}

/** The signed-in organizer and the round named by `?babak=` (see workingRound); 404 when the event has no rounds. */
export async function requireOrganizerRound(request: Request, slug: string | undefined, now: Date) {
  const ctx = await requireOrganizer(request, slug);
  const round = workingRound(ctx.event.rounds, new URL(request.url).searchParams.get("babak"), now);
  if (!round) throw notFound();
  return { ...ctx, round };
}

/** The event's gallery: everyone once the organizer publishes it (on a public event) and blind
 * judging is over; before that only the event's organizers, as a preview; 404 for anyone else. */
export async function requireGallery(request: Request, slug: string | undefined, now: Date) {
  const event = await requireEvent(slug);
  const published = event.isPublic && event.galleryPublished && !blindPeriod(event, now);
  if (published) return { event, preview: false };
  const user = await getUser(request);
  if (user && can(await actorFor(user, event.id), "manage:event")) return { event, preview: true };
  throw notFound();
}

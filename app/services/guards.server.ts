// Event-scoped guards. Non-members get 404 (existence of private things is not revealed);
// known users without the role get 403.
import type { User } from "lucia";
import { can, type Actor, type EventRoleName, type Permission } from "~/domain/permissions";
import { getEventBySlug } from "~/models/event.server";
import { db } from "./db.server";
import { requireUser } from "./session.server";

export type EventRecord = NonNullable<Awaited<ReturnType<typeof getEventBySlug>>>;

export function notFound(): Response {
  return new Response("Not Found", { status: 404 });
}
export function forbidden(): Response {
  return new Response("Forbidden", { status: 403 });
}

export async function requireEvent(slug: string | undefined): Promise<EventRecord> {
  const event = slug ? await getEventBySlug(slug) : null;
  if (!event) throw notFound();
  return event;
}

export async function actorFor(user: Pick<User, "id" | "isAdmin"> | null, eventId: string): Promise<Actor> {
  if (!user) return { userId: null, isAdmin: false, eventRoles: [], teamIds: [], captainOf: [] };
  const [roles, teams] = await Promise.all([
    db.eventMember.findMany({ where: { eventId, userId: user.id }, select: { role: true } }),
    db.teamMember.findMany({ where: { eventId, userId: user.id }, select: { teamId: true, role: true } }),
  ]);
  return {
    userId: user.id,
    isAdmin: user.isAdmin,
    eventRoles: roles.map((r) => r.role as EventRoleName),
    teamIds: teams.map((t) => t.teamId),
    captainOf: teams.filter((t) => t.role === "CAPTAIN").map((t) => t.teamId),
  };
}

/** The signed-in organizer (or platform admin) of the event named by `slug`. */
export async function requireOrganizer(request: Request, slug: string | undefined) {
  const user = await requireUser(request);
  const event = await requireEvent(slug);
  const actor = await actorFor(user, event.id);
  if (!can(actor, "update:event:organized")) throw notFound();
  return { user, event, actor };
}

export async function requirePermission(request: Request, slug: string | undefined, permission: Permission) {
  const user = await requireUser(request);
  const event = await requireEvent(slug);
  const actor = await actorFor(user, event.id);
  if (!can(actor, permission)) throw forbidden();
  return { user, event, actor };
}

export async function requireJudge(request: Request, slug: string | undefined) {
  const user = await requireUser(request);
  const event = await requireEvent(slug);
  const actor = await actorFor(user, event.id);
  if (!actor.eventRoles.includes("JUDGE")) throw notFound();
  return { user, event, actor };
}

// Who may do what in an event: the actor (resolved once per request in app/models/event-guards.server.ts)
// and the three decisions the guards and pages make from it. Team membership and captaincy are
// checked where the team is read (app/models/team.server.ts), judges' assignments where the
// assignment is read (app/models/judge-desk.server.ts).
export type EventRoleName = "ORGANIZER" | "JUDGE";

export type Actor = {
  userId: string | null;
  isAdmin: boolean;
  eventRoles: readonly EventRoleName[];
};

export type Permission =
  /** The platform admin creates events. */
  | "create:event"
  /** An organizer of the event, or the platform admin: every /kelola page, previews, every certificate. */
  | "manage:event"
  /** A judge of the event: the /juri area. */
  | "judge:event";

export function can(actor: Actor, permission: Permission): boolean {
  if (!actor.userId) return false;
  switch (permission) {
    case "create:event":
      return actor.isAdmin;
    case "manage:event":
      return actor.isAdmin || actor.eventRoles.includes("ORGANIZER");
    case "judge:event":
      return actor.eventRoles.includes("JUDGE");
  }
}

// Who may do what, as typed strings "action:entity:access" shared by server checks and UI hints.
export type EventRoleName = "ORGANIZER" | "JUDGE";

export type Actor = {
  userId: string | null;
  isAdmin: boolean;
  eventRoles: readonly EventRoleName[];
  /** Team ids (in this event) the actor is a member of. */
  teamIds: readonly string[];
  captainOf: readonly string[];
};

export type Permission =
  | "create:event:any"
  | "update:event:organized"
  | "read:audit:organized"
  | "manage:invite:organized"
  | "review:team:organized"
  | "read:team:own"
  | "read:team:organized"
  | "update:team:captain"
  | "update:submission:own"
  | "read:submission:own"
  | "read:submission:organized"
  | "read:submission:assigned"
  | "score:assignment:own"
  | "manage:judging:organized"
  | "publish:results:organized";

export type Resource = { teamId?: string; judgeAssigned?: boolean };

export function isOrganizer(actor: Actor): boolean {
  return actor.isAdmin || actor.eventRoles.includes("ORGANIZER");
}

export function can(actor: Actor, permission: Permission, resource: Resource = {}): boolean {
  if (!actor.userId) return false;
  const [, , access] = permission.split(":");
  switch (access) {
    case "any":
      return actor.isAdmin;
    case "organized":
      return isOrganizer(actor);
    case "own":
      if (permission === "score:assignment:own") return actor.eventRoles.includes("JUDGE") && resource.judgeAssigned === true;
      return resource.teamId !== undefined && actor.teamIds.includes(resource.teamId);
    case "captain":
      return resource.teamId !== undefined && actor.captainOf.includes(resource.teamId);
    case "assigned":
      return actor.eventRoles.includes("JUDGE") && resource.judgeAssigned === true;
    default:
      return false;
  }
}

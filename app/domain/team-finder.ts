// The team finder: participants without a team list themselves, teams that still need members
// say so, and either side asks the other. Everything here is a rule over plain values; the
// instant is always an argument.
//
// The finder lives exactly as long as registration: listings, openings and requests are shown,
// sent and accepted in [registrationOpensAt, registrationClosesAt), like every window in
// phase.ts. Accepting also goes through the same checks as joining by invite (team size, pool
// quotas, the team's own registration extension, the event's notice), so the finder never adds
// a member that the invite link would refuse.
import { canRegister, type Timeline } from "./phase";
import { canAddMember, missingMembers, type MissingMembers, type TeamMember, type TeamRules } from "./team-rules";

/** Pending requests one person may have sent in an event at a time (as participant or as captain). */
export const MAX_PENDING_REQUESTS = 5;
export const SKILLS_MAX = 200;
export const NOTE_MAX = 280;
export const MESSAGE_MAX = 280;
const MAX_TAGS = 8;
const TAG_MAX = 40;

export function finderOpen(t: Timeline, now: Date): boolean {
  return canRegister(t, now).allowed;
}

/**
 * Skills as typed ("UI/UX, Laravel, video") as short tags: split on commas, semicolons or new
 * lines, trimmed, duplicates (ignoring case) dropped, at most 8 of at most 40 characters.
 */
export function skillTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of text.split(/[,;\n]/)) {
    const tag = raw.replace(/\s+/g, " ").trim().slice(0, TAG_MAX).trim();
    const key = tag.toLocaleLowerCase("id");
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
    if (tags.length === MAX_TAGS) break;
  }
  return tags;
}

export type TeamNeeds = {
  /** No place left (members and places kept for imported members count). */
  full: boolean;
  placesLeft: number;
  /** Still needed to reach the minimum size, with the pools that must supply them. */
  missing: MissingMembers;
  /** Pools a newcomer may still come from (empty when the event has no pools). */
  openPools: string[];
};

/** What a team still needs, from the event's rules and the places already taken. */
export function teamNeeds(rules: TeamRules, taken: readonly TeamMember[]): TeamNeeds {
  const placesLeft = Math.max(0, rules.maxSize - taken.length);
  return {
    full: placesLeft === 0,
    placesLeft,
    missing: missingMembers(rules, taken),
    openPools: (rules.pools ?? []).filter((p) => canAddMember(rules, taken, p.key).ok).map((p) => p.key),
  };
}

export type RequestRefusal = "closed" | "in_team" | "not_listed" | "not_looking" | "declined" | "duplicate" | "team_full" | "pool_full" | "pool_required" | "too_many";

export type RequestCheck = {
  open: boolean;
  /** The participant's listing; a request either way needs one. */
  listing: { pool: string | null } | null;
  /** The participant is already in a team of the event. */
  inTeam: boolean;
  /** The team has said it is looking for members (needed for a participant's request, not for a captain's invite). */
  teamLooking: boolean;
  direction: "TO_TEAM" | "TO_PARTICIPANT";
  rules: TeamRules;
  taken: readonly TeamMember[];
  /** The request already between this team and participant, if any. */
  existing: "PENDING" | "DECLINED" | null;
  /** Pending requests the sender has in the event. */
  pendingBySender: number;
};

/**
 * Why a request may not be sent, or null when it may. Ordered so the message names the most
 * fundamental obstacle: a closed finder before anything about the team.
 */
export function requestRefusal(c: RequestCheck): RequestRefusal | null {
  if (!c.open) return "closed";
  if (c.inTeam) return "in_team";
  if (!c.listing) return "not_listed";
  if (c.direction === "TO_TEAM" && !c.teamLooking) return "not_looking";
  if (c.existing === "DECLINED") return "declined";
  if (c.existing === "PENDING") return "duplicate";
  const fit = canAddMember(c.rules, c.taken, (c.rules.pools ?? []).length ? c.listing.pool : null);
  if (!fit.ok) return fit.code === "team_full" ? "team_full" : fit.code === "pool_full" ? "pool_full" : "pool_required";
  if (c.pendingBySender >= MAX_PENDING_REQUESTS) return "too_many";
  return null;
}

/** Who answers a request: the side that did not send it. */
export function decidingSide(direction: "TO_TEAM" | "TO_PARTICIPANT"): "captain" | "participant" {
  return direction === "TO_TEAM" ? "captain" : "participant";
}

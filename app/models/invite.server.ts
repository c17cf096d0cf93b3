// The organizing team of an event: organizers and judges (EventMember) and invites to join.
// Invite tokens are shown or emailed once; only their SHA-256 is stored.
import { inviteExpiry, inviteState, type InviteState } from "~/domain/event-setup";
import { audit } from "~/services/audit.server";
import { db, Prisma } from "~/services/db.server";
import { randomToken, sha256 } from "~/services/ids.server";
import type { Actor } from "./event-setup.server";
import { normalizeEmail } from "./user.server";
import type { Failure } from "~/validation/message";

export type Role = "ORGANIZER" | "JUDGE";

export async function listMembers(eventId: string) {
  return db.eventMember.findMany({
    where: { eventId },
    orderBy: [{ role: "desc" }, { createdAt: "asc" }],
    select: {
      id: true,
      role: true,
      kimName: true,
      institution: true,
      regionId: true,
      region: { select: { name: true } },
      user: { select: { id: true, name: true, email: true } },
    },
  });
}

/** Invites not yet used or revoked, newest first; expired ones are listed so they can be re-sent. */
export async function listOpenInvites(eventId: string) {
  return db.invite.findMany({
    where: { eventId, acceptedAt: null, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, role: true, email: true, expiresAt: true, createdAt: true },
  });
}

export type InviteResult = { kind: "invited"; token: string; email: string } | { kind: "alreadyMember" };

type Tx = Prisma.TransactionClient;

/** What an organizer may record about a judge with the invite (a judge import does). */
export type InviteAffiliation = { regionId: string | null; kimName: string | null; institution: string | null };

/**
 * Creates invites inside the caller's transaction and returns each address with its token (shown
 * or emailed once; only the hash is stored). The one path for single invites and imports.
 */
export async function createInvites(
  tx: Tx,
  eventId: string,
  invites: readonly { role: Role; email: string; affiliation?: InviteAffiliation | null }[],
  actor: Actor,
  now: Date,
): Promise<{ id: string; email: string; token: string }[]> {
  const made = invites.map((i) => ({ ...i, email: normalizeEmail(i.email), token: randomToken(32) }));
  const created: { id: string; email: string; token: string }[] = [];
  for (const i of made) {
    const invite = await tx.invite.create({
      data: { eventId, role: i.role, email: i.email, tokenHash: sha256(i.token), invitedById: actor.id, expiresAt: inviteExpiry(now), ...(i.affiliation ?? {}) },
      select: { id: true },
    });
    created.push({ id: invite.id, email: i.email, token: i.token });
  }
  return created;
}

/**
 * Always an invite, whether or not the address has an account: a role needs the person's own
 * acceptance, and the organizer learns nothing about other accounts (the only refusal is for
 * someone already listed on this page with that role). The link is emailed and shown once.
 */
export async function inviteMember(eventId: string, input: { role: Role; email: string }, actor: Actor, now: Date): Promise<InviteResult> {
  const email = normalizeEmail(input.email);
  const existing = await db.eventMember.findFirst({ where: { eventId, role: input.role, user: { email } }, select: { id: true } });
  if (existing) return { kind: "alreadyMember" };
  const token = await db.$transaction(async (tx) => {
    const [invite] = await createInvites(tx, eventId, [{ role: input.role, email }], actor, now);
    if (!invite) throw new Error("invite not created");
    await audit({ eventId, actorId: actor.id, action: "invite.create", entity: "invite", entityId: invite.id, after: { role: input.role, email, expiresAt: inviteExpiry(now) } }, tx);
    return invite.token;
  });
  return { kind: "invited", token, email };
}

export async function revokeInvite(eventId: string, id: string, actor: Actor, now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const invite = await tx.invite.findFirst({ where: { id, eventId } });
    if (!invite) return false;
    const done = await tx.invite.updateMany({ where: { id, revokedAt: null, acceptedAt: null }, data: { revokedAt: now } });
    if (done.count === 1) {
      await audit({ eventId, actorId: actor.id, action: "invite.revoke", entity: "invite", entityId: id, before: { role: invite.role, email: invite.email }, after: { revokedAt: now } }, tx);
    }
    return true;
  });
}

export type RemoveResult = { ok: true } | Failure<"notFound" | "lastOrganizer">;

/** An event always keeps at least one organizer, so it can never be orphaned by a slip of the finger. */
export async function removeMember(eventId: string, memberId: string, actor: Actor): Promise<RemoveResult> {
  return db.$transaction(async (tx) => {
    const member = await tx.eventMember.findFirst({ where: { id: memberId, eventId }, include: { user: { select: { email: true } } } });
    if (!member) return { ok: false, code: "notFound" } as const;
    if (member.role === "ORGANIZER" && (await tx.eventMember.count({ where: { eventId, role: "ORGANIZER" } })) <= 1) {
      return { ok: false, code: "lastOrganizer" } as const;
    }
    await tx.eventMember.delete({ where: { id: memberId } });
    await audit({ eventId, actorId: actor.id, action: "member.remove", entity: "member", entityId: memberId, before: { userId: member.userId, email: member.user.email, role: member.role } }, tx);
    return { ok: true } as const;
  });
}

export type Affiliation = { regionId?: string; kimName: string; institution: string };

async function regionOf(eventId: string, regionId: string | undefined): Promise<string | null | false> {
  if (!regionId) return null;
  const region = await db.region.findFirst({ where: { id: regionId, eventId }, select: { id: true } });
  return region ? region.id : false;
}

export type AffiliationResult = { ok: true } | Failure<"notFound" | "badRegion">;

/** Refuses with "badRegion" for a region of another event, "notFound" for a member who is not a judge here. */
export async function updateAffiliation(eventId: string, memberId: string, input: Affiliation, actor: Actor): Promise<AffiliationResult> {
  const regionId = await regionOf(eventId, input.regionId);
  if (regionId === false) return { ok: false, code: "badRegion" };
  return db.$transaction(async (tx): Promise<AffiliationResult> => {
    const member = await tx.eventMember.findFirst({ where: { id: memberId, eventId, role: "JUDGE" } });
    if (!member) return { ok: false, code: "notFound" };
    const data = { regionId, kimName: input.kimName || null, institution: input.institution || null };
    // Recorded by an organizer, so from now on it is not the judge's to change.
    await tx.eventMember.update({ where: { id: memberId }, data: { ...data, affiliationLocked: true } });
    await audit(
      {
        eventId,
        actorId: actor.id,
        action: "member.affiliation",
        entity: "member",
        entityId: memberId,
        before: { regionId: member.regionId, kimName: member.kimName, institution: member.institution },
        after: data,
      },
      tx,
    );
    return { ok: true };
  });
}

/** The invite behind a token with its state, for the acceptance page; null for an unknown token. */
export async function findInvite(token: string, now: Date) {
  if (!token || token.length > 100) return null;
  const invite = await db.invite.findUnique({
    where: { tokenHash: sha256(token) },
    include: { event: { select: { id: true, slug: true, name: true } }, region: { select: { name: true } } },
  });
  if (!invite) return null;
  return { ...invite, state: inviteState(invite, now), recordedAffiliation: recordedAffiliation(invite) };
}

/** The affiliation an organizer recorded with a judge invite, or null when the judge is to give it. */
export function recordedAffiliation(invite: { role: string; regionId: string | null; kimName: string | null; institution: string | null }): InviteAffiliation | null {
  if (invite.role !== "JUDGE" || (!invite.regionId && !invite.kimName && !invite.institution)) return null;
  return { regionId: invite.regionId, kimName: invite.kimName, institution: invite.institution };
}

export type AcceptResult = { ok: true; eventSlug: string; role: Role } | Failure<Exclude<InviteState, "valid"> | "invalid" | "badRegion" | "wrongAccount" | "unverified">;

type Invitee = { id: string; email: string; emailVerified: boolean };

/** Only the confirmed owner of the invited address may accept (a forwarded link is not enough). */
export function inviteeMismatch(invite: { email: string | null }, user: Invitee): "wrongAccount" | "unverified" | null {
  if (!invite.email || normalizeEmail(user.email) !== invite.email) return "wrongAccount";
  return user.emailVerified ? null : "unverified";
}

/**
 * Uses the invite once: the guarded update makes two simultaneous clicks produce exactly one
 * acceptance.
 */
export async function acceptInvite(token: string, user: Invitee, affiliation: Affiliation, now: Date): Promise<AcceptResult> {
  const userId = user.id;
  const invite = await findInvite(token, now);
  if (!invite) return { ok: false, code: "invalid" };
  if (invite.state !== "valid") return { ok: false, code: invite.state };
  const mismatch = inviteeMismatch(invite, user);
  if (mismatch) return { ok: false, code: mismatch };
  // An affiliation the organizer recorded with the invite is taken as it is, and locked like one
  // recorded on the staff page; otherwise the judge gives theirs.
  const recorded = invite.recordedAffiliation;
  const regionId = recorded ? recorded.regionId : invite.role === "JUDGE" ? await regionOf(invite.eventId, affiliation.regionId) : null;
  if (regionId === false) return { ok: false, code: "badRegion" };
  return db.$transaction(async (tx) => {
    const used = await tx.invite.updateMany({
      where: { id: invite.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now, acceptedById: userId },
    });
    if (used.count !== 1) return { ok: false, code: "used" } as const;
    const judgeData =
      invite.role !== "JUDGE" ? {} : recorded ? { ...recorded, affiliationLocked: true } : { regionId, kimName: affiliation.kimName || null, institution: affiliation.institution || null };
    const member = await tx.eventMember.upsert({
      where: { eventId_userId_role: { eventId: invite.eventId, userId, role: invite.role } },
      create: { eventId: invite.eventId, userId, role: invite.role, ...judgeData },
      update: judgeData,
    });
    const { affiliationLocked: _locked, ...affiliationAudited } = judgeData as typeof judgeData & { affiliationLocked?: boolean };
    await audit(
      { eventId: invite.eventId, actorId: userId, action: "invite.accept", entity: "invite", entityId: invite.id, after: { memberId: member.id, role: invite.role, ...affiliationAudited } },
      tx,
    );
    return { ok: true, eventSlug: invite.event.slug, role: invite.role } as const;
  });
}

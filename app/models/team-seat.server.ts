// Reserved places in imported teams. The emailed link names one place; only the account with that
// confirmed address may claim it, which makes it a member with the place's role and pool and
// deletes the place (and with it the organizer's copy of the person's contact details).
import { audit } from "~/services/audit.server";
import { db, isUniqueViolation } from "~/services/db.server";
import { sha256 } from "~/services/ids.server";
import type { Failure } from "~/validation/message";
import { withdrawFromFinder } from "./team.server";
import { normalizeEmail } from "./user.server";

/** The place behind a link, with what the claim page shows; null for an unknown or used link. */
export async function findSeat(token: string) {
  if (!token || token.length > 100) return null;
  return db.teamSeat.findUnique({
    where: { tokenHash: sha256(token) },
    select: {
      id: true,
      email: true,
      whatsapp: true,
      role: true,
      pool: true,
      team: { select: { id: true, name: true, kimName: true, region: { select: { name: true } }, members: { select: { role: true } } } },
      event: { select: { id: true, slug: true, name: true, privacyNotice: true, pools: { select: { key: true, label: true } } } },
    },
  });
}

export type Claimant = { id: string; email: string; emailVerified: boolean };

export type ClaimRefusal = Failure<"invalid" | "wrongAccount" | "unverified" | "alreadyInTeam" | "noticeRequired">;
export type ClaimResult = { ok: true; teamId: string } | ClaimRefusal;

/** Whether claiming the place makes its holder the captain: it was listed first and nobody has taken the role since. */
export function claimsCaptaincy(seat: { role: string; team: { members: readonly { role: string }[] } }): boolean {
  return seat.role === "CAPTAIN" && !seat.team.members.some((m) => m.role === "CAPTAIN");
}

/** Who may claim the place: null when `user` may. */
export function claimMismatch(seat: { email: string }, user: Pick<Claimant, "email" | "emailVerified">): "wrongAccount" | "unverified" | null {
  if (normalizeEmail(user.email) !== seat.email) return "wrongAccount";
  return user.emailVerified ? null : "unverified";
}

/** Thrown out of the claim's transaction to refuse: Prisma rolls back on a throw, not on a returned value. */
class Refused extends Error {
  constructor(readonly refusal: ClaimRefusal) {
    super(refusal.code);
  }
}

/**
 * Claims the place once: the team row is locked first (as a join does), the place is read again
 * and deleted in the same transaction, so two clicks make one member. The captain's place asks
 * for the event's own privacy notice like registering a team does.
 */
export async function claimSeat(token: string, user: Claimant, agreedToNotice: boolean, now: Date): Promise<ClaimResult> {
  const found = await findSeat(token);
  if (!found) return { ok: false, code: "invalid" };
  const mismatch = claimMismatch(found, user);
  if (mismatch) return { ok: false, code: mismatch };
  try {
    return await db.$transaction(async (tx) => {
      await tx.team.update({ where: { id: found.team.id }, data: { updatedAt: now }, select: { id: true } });
      const seat = await tx.teamSeat.findUnique({ where: { id: found.id }, include: { team: { select: { members: { select: { role: true } } } } } });
      if (!seat) throw new Refused({ ok: false, code: "invalid" });
      const elsewhere = await tx.teamMember.findUnique({ where: { eventId_userId: { eventId: seat.eventId, userId: user.id } }, select: { teamId: true } });
      if (elsewhere && elsewhere.teamId !== seat.teamId) throw new Refused({ ok: false, code: "alreadyInTeam" });
      const notice = found.event.privacyNotice.trim();
      const captain = claimsCaptaincy(seat);
      if (captain && notice && !agreedToNotice) throw new Refused({ ok: false, code: "noticeRequired", field: "agreeEventNotice" });
      if (!elsewhere) {
        const pool = found.event.pools.some((p) => p.key === seat.pool) ? seat.pool : null;
        const agreement = captain && notice ? { noticeAcceptedAt: now, noticeSha256: sha256(notice) } : {};
        await tx.teamMember.create({ data: { teamId: seat.teamId, eventId: seat.eventId, userId: user.id, role: captain ? "CAPTAIN" : "MEMBER", pool, ...agreement } });
        await withdrawFromFinder(tx, seat.eventId, user.id);
      }
      await tx.teamSeat.delete({ where: { id: seat.id } });
      // The number the person gave on the original registration form, kept only if the account has none.
      if (seat.whatsapp) await tx.user.updateMany({ where: { id: user.id, whatsapp: null }, data: { whatsapp: seat.whatsapp } });
      await audit({ eventId: seat.eventId, actorId: user.id, action: "seat.claim", entity: "team", entityId: seat.teamId, after: { captain } }, tx);
      return { ok: true as const, teamId: seat.teamId };
    });
  } catch (error) {
    if (error instanceof Refused) return error.refusal;
    if (isUniqueViolation(error)) return { ok: false, code: "alreadyInTeam" };
    throw error;
  }
}

/** The places of a team still waiting to be claimed, for its organizers and its members. */
export async function openSeats(teamId: string) {
  return db.teamSeat.findMany({ where: { teamId }, orderBy: [{ role: "asc" }, { name: "asc" }], select: { id: true, name: true, email: true, role: true, pool: true } });
}

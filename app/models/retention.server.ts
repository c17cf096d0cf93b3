// Retention of participants' contact data (UU PDP: kept no longer than its purpose needs). Each
// event keeps it `contactRetentionDays` after the announcement; then the retention job, once per
// event across all instances, anonymizes what the event still holds:
// - teams never accepted (pending or rejected) are deleted with their drafts and stored files;
// - participants whose account nobody has used since the announcement and who take part in no
//   event still within its period are anonymized as in "delete my account" (certificates keep
//   initials, results keep team names);
// - everyone else keeps their account (it is theirs, under the platform notice), but the event no
//   longer shows anyone's email or WhatsApp to its organizers, in its exports or on its team pages;
// - places kept for imported members who never claimed them are deleted, and the addresses and
//   affiliations of the event's unanswered staff invites are cleared.
// The event is then marked (`contactsErasedAt`) and one audit row records the counts.
import { dormantSince, retentionOver } from "~/domain/privacy";
import { audit } from "~/services/audit.server";
import { db } from "~/services/db.server";
import { deleteFile } from "~/services/storage.server";
import { anonymizeAccount, TEAM_FILES, teamFileKeys } from "./account-deletion.server";
import { runOnce } from "./scheduled-run.server";

export type ErasureCounts = { anonymizedAccounts: number; keptAccounts: number; removedTeams: number; removedPlaces: number; clearedInvites: number };

/** Events whose period has ended at `now` and whose contacts are still held. */
export async function eventsDueForErasure(now: Date) {
  const held = await db.event.findMany({
    where: { contactsErasedAt: null, announcementAt: { lte: now } },
    select: { id: true, slug: true, announcementAt: true, contactRetentionDays: true },
    orderBy: { announcementAt: "asc" },
  });
  return held.filter((e) => retentionOver(e, now));
}

/** Anonymizes one event's contact data (see the top of this file); null when already done. */
export async function eraseEventContacts(eventId: string, now: Date): Promise<ErasureCounts | null> {
  const outcome = await db.$transaction(async (tx) => {
    const event = await tx.event.findUnique({ where: { id: eventId }, select: { id: true, announcementAt: true, contactsErasedAt: true } });
    if (!event || event.contactsErasedAt) return null;

    const unaccepted = await tx.team.findMany({
      where: { eventId, status: { not: "ACCEPTED" } },
      select: { id: true, ...TEAM_FILES },
    });
    const files = teamFileKeys(unaccepted);
    if (unaccepted.length) await tx.team.deleteMany({ where: { id: { in: unaccepted.map((t) => t.id) } } });

    const members = await tx.teamMember.findMany({
      where: { eventId, user: { deletedAt: null } },
      select: {
        user: {
          select: {
            id: true,
            isAdmin: true,
            lastSignInAt: true,
            createdAt: true,
            // Ties to other events whose contacts are still held: the account is still in use there.
            teamMembers: { where: { eventId: { not: eventId }, event: { contactsErasedAt: null } }, select: { id: true }, take: 1 },
            memberships: { where: { eventId: { not: eventId }, event: { contactsErasedAt: null } }, select: { id: true }, take: 1 },
          },
        },
      },
    });
    let anonymized = 0;
    for (const { user } of members) {
      const inUse = user.isAdmin || user.teamMembers.length > 0 || user.memberships.length > 0 || !dormantSince(user, event.announcementAt);
      if (inUse) continue;
      const erased = await anonymizeAccount(tx, user.id, now);
      files.push(...erased.files);
      anonymized++;
    }
    // Places kept for imported members who never claimed them hold a copy of their name, email and WhatsApp.
    const places = await tx.teamSeat.deleteMany({ where: { eventId } });
    const invites = await tx.invite.updateMany({
      where: { eventId, acceptedAt: null, OR: [{ email: { not: null } }, { regionId: { not: null } }, { kimName: { not: null } }, { institution: { not: null } }] },
      data: { email: null, regionId: null, kimName: null, institution: null },
    });
    await tx.event.update({ where: { id: eventId }, data: { contactsErasedAt: now } });
    const counts: ErasureCounts = {
      anonymizedAccounts: anonymized,
      keptAccounts: members.length - anonymized,
      removedTeams: unaccepted.length,
      removedPlaces: places.count,
      clearedInvites: invites.count,
    };
    await audit({ eventId, actorId: null, action: "event.retention", entity: "event", entityId: eventId, after: counts }, tx);
    return { counts, files };
  });
  if (!outcome) return null;
  for (const key of outcome.files) await deleteFile(key);
  return outcome.counts;
}

/** The retention job: every event due at `now`, each claimed once across instances. */
export async function retention(now: Date): Promise<number> {
  let done = 0;
  let failure: unknown = null;
  for (const event of await eventsDueForErasure(now)) {
    // One event failing (its claim is released for the next tick) does not hold up the others.
    try {
      const ran = await runOnce(`retention:${event.id}`, "retention", now, async () => {
        const counts = await eraseEventContacts(event.id, now);
        return { outcome: counts ? `${counts.anonymizedAccounts} akun dianonimkan, ${counts.removedTeams} tim dihapus` : "sudah dianonimkan", value: counts };
      });
      if (ran) done++;
    } catch (error) {
      failure ??= error;
    }
  }
  if (failure) throw failure;
  return done;
}

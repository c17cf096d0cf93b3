// Organizer announcements: emailed to a segment and shown on the event and results pages to that
// segment only (the "all" segment to everyone).
import { audit } from "~/services/audit.server";
import { db, queryRows } from "~/services/db.server";
import { sendMail } from "~/services/mail.server";

import type { SEGMENTS } from "~/validation/results";

export type Segment = (typeof SEGMENTS)[number];

type AnnouncementRow = { id: string; title: string; body: string; segment: string; createdAt: Date | string | number; emailedAt: Date | string | number | null };

/**
 * The newest announcements a viewer may read, in one statement (the event page and the results
 * page are read all day). "all" is public (every participant and every visitor); the others reach
 * only their own audience: judges, members of accepted teams, and finalists (a project entered or
 * assigned in the last round, the same test as segmentEmails). Organizers and platform admins read
 * everything they sent.
 */
export async function announcementsForViewer(eventId: string, viewer: { id: string; isAdmin: boolean } | null, take: number) {
  const userId = viewer?.id ?? null;
  const admin = viewer?.isAdmin ? 1 : 0;
  const rows = await queryRows<AnnouncementRow[]>`
    SELECT a."id", a."title", a."body", a."segment", a."createdAt", a."emailedAt"
    FROM "Announcement" a
    WHERE a."eventId" = ${eventId} AND (
      a."segment" = 'all'
      OR ${admin} = 1
      OR EXISTS (SELECT 1 FROM "EventMember" m WHERE m."eventId" = a."eventId" AND m."userId" = ${userId} AND m."role" = 'ORGANIZER')
      OR (a."segment" = 'judges' AND EXISTS (SELECT 1 FROM "EventMember" m WHERE m."eventId" = a."eventId" AND m."userId" = ${userId} AND m."role" = 'JUDGE'))
      OR (a."segment" = 'accepted' AND EXISTS (
        SELECT 1 FROM "TeamMember" tm JOIN "Team" t ON t."id" = tm."teamId"
        WHERE tm."eventId" = a."eventId" AND tm."userId" = ${userId} AND t."status" = 'ACCEPTED'))
      OR (a."segment" = 'finalists' AND EXISTS (
        SELECT 1 FROM "TeamMember" tm JOIN "Submission" s ON s."teamId" = tm."teamId"
        JOIN (SELECT r."id" FROM "Round" r WHERE r."eventId" = ${eventId} ORDER BY r."order" DESC LIMIT 1) lr ON 1 = 1
        WHERE tm."eventId" = a."eventId" AND tm."userId" = ${userId}
          AND (EXISTS (SELECT 1 FROM "Assignment" x WHERE x."submissionId" = s."id" AND x."roundId" = lr."id")
            OR EXISTS (SELECT 1 FROM "RoundEntry" y WHERE y."submissionId" = s."id" AND y."roundId" = lr."id"))))
    )
    ORDER BY a."createdAt" DESC, a."id" DESC
    LIMIT ${take}`;
  return rows.map((r) => ({ ...r, segment: r.segment as Segment, createdAt: new Date(r.createdAt), emailedAt: r.emailedAt === null ? null : new Date(r.emailedAt) }));
}

/** Newest first, only the given segments; for the event page and the results page. */
export async function listAnnouncements(eventId: string, segments: readonly Segment[], take = 20) {
  return db.announcement.findMany({
    where: { eventId, segment: { in: [...segments] } },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, title: true, body: true, segment: true, createdAt: true, emailedAt: true },
  });
}

/** Distinct email addresses of a segment of the event. */
export async function segmentEmails(eventId: string, segment: Segment): Promise<string[]> {
  let users: { user: { email: string } }[];
  if (segment === "judges") {
    users = await db.eventMember.findMany({ where: { eventId, role: "JUDGE" }, select: { user: { select: { email: true } } } });
  } else if (segment === "finalists") {
    const last = await db.round.findFirst({ where: { eventId }, orderBy: { order: "desc" }, select: { id: true } });
    users = last
      ? await db.teamMember.findMany({
          where: {
            eventId,
            team: { submission: { OR: [{ assignments: { some: { roundId: last.id } } }, { entries: { some: { roundId: last.id } } }] } },
          },
          select: { user: { select: { email: true } } },
        })
      : [];
  } else {
    users = await db.teamMember.findMany({
      where: { eventId, ...(segment === "accepted" ? { team: { status: "ACCEPTED" } } : {}) },
      select: { user: { select: { email: true } } },
    });
  }
  return [...new Set(users.map((u) => u.user.email))].sort();
}

export async function postAnnouncement(input: { event: { id: string; name: string }; authorId: string; title: string; body: string; segment: Segment; appUrl: string; eventUrl: string; now: Date }) {
  const announcement = await db.$transaction(async (tx) => {
    const a = await tx.announcement.create({
      data: { eventId: input.event.id, title: input.title, body: input.body, segment: input.segment, authorId: input.authorId, createdAt: input.now },
    });
    await audit({ eventId: input.event.id, actorId: input.authorId, action: "announcement.create", entity: "Announcement", entityId: a.id, after: { title: a.title, segment: a.segment } }, tx);
    return a;
  });
  const emails = await segmentEmails(input.event.id, input.segment);
  for (const to of emails) {
    await sendMail({ to, subject: `[${input.event.name}] ${input.title}`, text: `${input.body}\n\n${input.eventUrl}` });
  }
  await db.announcement.update({ where: { id: announcement.id }, data: { emailedAt: input.now } });
  return { announcement, recipients: emails.length };
}

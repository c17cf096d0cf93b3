// Organizer announcements: emailed to a segment and shown on the event and results pages to that
// segment only (the "all" segment to everyone).
import { audit } from "~/services/audit.server";
import { db } from "~/services/db.server";
import { sendMail } from "~/services/mail.server";

import type { SEGMENTS } from "~/validation/results";

export type Segment = (typeof SEGMENTS)[number];

/**
 * The segments a viewer belongs to, which are the announcements they may read: "all" is the
 * public one (every participant and every visitor); the others reach only their own audience,
 * and organizers (and platform admins) read everything they sent.
 */
export async function audienceOf(eventId: string, viewer: { id: string; isAdmin: boolean } | null): Promise<Segment[]> {
  if (!viewer) return ["all"];
  if (viewer.isAdmin) return ["all", "accepted", "finalists", "judges"];
  const [roles, memberships, last] = await Promise.all([
    db.eventMember.findMany({ where: { eventId, userId: viewer.id }, select: { role: true } }),
    db.teamMember.findMany({ where: { eventId, userId: viewer.id }, select: { team: { select: { status: true, submission: { select: { id: true } } } } } }),
    db.round.findFirst({ where: { eventId }, orderBy: { order: "desc" }, select: { id: true } }),
  ]);
  if (roles.some((r) => r.role === "ORGANIZER")) return ["all", "accepted", "finalists", "judges"];
  const segments = new Set<Segment>(["all"]);
  if (roles.some((r) => r.role === "JUDGE")) segments.add("judges");
  if (memberships.some((m) => m.team.status === "ACCEPTED")) segments.add("accepted");
  const submissionIds = memberships.flatMap((m) => (m.team.submission ? [m.team.submission.id] : []));
  if (last && submissionIds.length > 0) {
    // The same test as segmentEmails: a finalist's project is entered or assigned in the last round.
    const finalist = await db.submission.count({
      where: { id: { in: submissionIds }, OR: [{ assignments: { some: { roundId: last.id } } }, { entries: { some: { roundId: last.id } } }] },
    });
    if (finalist > 0) segments.add("finalists");
  }
  return [...segments];
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

export async function postAnnouncement(input: {
  event: { id: string; name: string };
  authorId: string;
  title: string;
  body: string;
  segment: Segment;
  appUrl: string;
  eventUrl: string;
  now: Date;
}) {
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

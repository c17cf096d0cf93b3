// Organizer announcements: shown on the public event and results pages, emailed to a segment.
import { audit } from "~/services/audit.server";
import { db } from "~/services/db.server";
import { sendMail } from "~/services/mail.server";

import type { SEGMENTS } from "~/validation/results";

export type Segment = (typeof SEGMENTS)[number];

/** Newest first; for the public event page and the results page. */
export async function listAnnouncements(eventId: string, take = 20) {
  return db.announcement.findMany({
    where: { eventId },
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

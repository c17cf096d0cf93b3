import type { Timeline } from "~/domain/phase";
import { db } from "~/services/db.server";

type TimelineRow = {
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  screeningClosesAt: Date;
  submissionOpensAt: Date;
  submissionClosesAt: Date;
  announcementAt: Date;
  rounds: { id: string; name: string; closesAt: Date }[];
};

export function toTimeline(e: TimelineRow): Timeline {
  return {
    registrationOpensAt: e.registrationOpensAt,
    registrationClosesAt: e.registrationClosesAt,
    screeningClosesAt: e.screeningClosesAt,
    submissionOpensAt: e.submissionOpensAt,
    submissionClosesAt: e.submissionClosesAt,
    announcementAt: e.announcementAt,
    rounds: e.rounds.map((r) => ({ id: r.id, name: r.name, closesAt: r.closesAt })),
  };
}

const timelineSelect = {
  registrationOpensAt: true,
  registrationClosesAt: true,
  screeningClosesAt: true,
  submissionOpensAt: true,
  submissionClosesAt: true,
  announcementAt: true,
  rounds: { select: { id: true, name: true, closesAt: true }, orderBy: { order: "asc" } },
} as const;

/** Public events for the home page, with what the cards show. */
export async function listPublicEvents() {
  return db.event.findMany({
    where: { isPublic: true },
    orderBy: { registrationOpensAt: "desc" },
    select: {
      id: true,
      slug: true,
      name: true,
      summary: true,
      timezone: true,
      bannerKey: true,
      ...timelineSelect,
      _count: { select: { teams: true } },
    },
  });
}

/** Events where the user has an organizer or judge role. */
export async function listEventsForMember(userId: string) {
  return db.eventMember.findMany({
    where: { userId },
    select: { role: true, event: { select: { id: true, slug: true, name: true, timezone: true } } },
    orderBy: { createdAt: "desc" },
  });
}

/** The whole event record with its timeline rounds, or null. */
export async function getEventBySlug(slug: string) {
  return db.event.findUnique({
    where: { slug },
    include: { rounds: { orderBy: { order: "asc" } } },
  });
}

// The public event page: everything a visitor may read about an event.
import { db } from "~/services/db.server";

export async function getPublicEvent(slug: string) {
  return db.event.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      summary: true,
      description: true,
      rules: true,
      bannerKey: true,
      timezone: true,
      contactEmail: true,
      contactWhatsapp: true,
      isPublic: true,
      registrationOpensAt: true,
      registrationClosesAt: true,
      screeningClosesAt: true,
      submissionOpensAt: true,
      submissionClosesAt: true,
      announcementAt: true,
      minTeamSize: true,
      maxTeamSize: true,
      peoplesChoice: true,
      votingOpensAt: true,
      votingClosesAt: true,
      galleryPublished: true,
      blindJudging: true,
      rounds: { orderBy: { order: "asc" }, select: { id: true, name: true, closesAt: true } },
      tracks: { orderBy: [{ order: "asc" }, { name: "asc" }], select: { id: true, name: true, description: true } },
      pools: { orderBy: { order: "asc" }, select: { key: true, label: true, quota: true } },
      awards: { orderBy: [{ order: "asc" }, { id: "asc" }], select: { id: true, name: true, kind: true, place: true, prize: true } },
      faqs: { orderBy: [{ order: "asc" }, { id: "asc" }], select: { id: true, question: true, answer: true } },
    },
  });
}

/** The banner's storage key when the viewer may see it: public events to all, private ones to their organizers. */
export async function bannerKeyFor(slug: string) {
  return db.event.findUnique({ where: { slug }, select: { id: true, bannerKey: true, isPublic: true } });
}

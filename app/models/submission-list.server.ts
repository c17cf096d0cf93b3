// Read models over many submissions: the organizer's table (with filters, completeness checks
// and CSV) and the public project page. Filtering happens in code, so searching behaves the same
// on SQLite and PostgreSQL. The public gallery is in gallery.server.ts.
import { isLate, missingItems, type MissingItem } from "~/domain/submission";
import { audit } from "~/services/audit.server";
import { foldForSearch, searchMatcher } from "~/domain/results-window";
import { db } from "~/services/db.server";

export type OrganizerFilters = { track?: string; region?: string; status?: "DRAFT" | "SUBMITTED" | "NONE"; timing?: "late" | "extension"; q?: string };

export type OrganizerRow = {
  teamId: string;
  teamName: string;
  kimName: string;
  regionId: string | null;
  regionName: string;
  trackId: string | null;
  trackName: string;
  submissionId: string | null;
  title: string;
  tagline: string;
  status: "DRAFT" | "SUBMITTED" | "NONE";
  submittedAt: Date | null;
  firstSubmittedAt: Date | null;
  updatedAt: Date | null;
  late: boolean;
  extensionUntil: Date | null;
  revisions: number;
  attachments: number;
  missing: MissingItem[];
  repoUrl: string | null;
  demoUrl: string | null;
  videoUrl: string | null;
};

/** Every accepted team of the event with its submission (or none yet). */
export async function listForOrganizer(event: { id: string; submissionClosesAt: Date }, filters: OrganizerFilters = {}): Promise<OrganizerRow[]> {
  const teams = await db.team.findMany({
    where: { eventId: event.id, status: "ACCEPTED" },
    orderBy: { name: "asc" },
    include: {
      region: true,
      track: true,
      extensions: { where: { kind: "SUBMISSION" } },
      submission: { include: { track: true, _count: { select: { attachments: true, revisions: true } } } },
    },
  });
  const rows: OrganizerRow[] = teams.map((team) => {
    const s = team.submission;
    const track = s?.track ?? team.track;
    return {
      teamId: team.id,
      teamName: team.name,
      kimName: team.kimName,
      regionId: team.regionId,
      regionName: team.region?.name ?? "",
      trackId: track?.id ?? null,
      trackName: track?.name ?? "",
      submissionId: s?.id ?? null,
      title: s?.title ?? "",
      tagline: s?.tagline ?? "",
      status: s?.status ?? "NONE",
      submittedAt: s?.submittedAt ?? null,
      firstSubmittedAt: s?.firstSubmittedAt ?? null,
      updatedAt: s?.updatedAt ?? null,
      late: isLate(s?.submittedAt ?? null, event.submissionClosesAt),
      extensionUntil: team.extensions[0]?.until ?? null,
      revisions: s?._count.revisions ?? 0,
      attachments: s?._count.attachments ?? 0,
      missing: missingItems({ description: s?.description ?? "", videoUrl: s?.videoUrl ?? null, attachmentCount: s?._count.attachments ?? 0 }),
      repoUrl: s?.repoUrl ?? null,
      demoUrl: s?.demoUrl ?? null,
      videoUrl: s?.videoUrl ?? null,
    };
  });
  const matches = searchMatcher(filters.q);
  return rows.filter(
    (r) =>
      (!filters.track || r.trackId === filters.track) &&
      (!filters.region || r.regionId === filters.region) &&
      (!filters.status || r.status === filters.status) &&
      (filters.timing !== "late" || r.late) &&
      (filters.timing !== "extension" || r.extensionUntil !== null) &&
      (!matches || matches(foldForSearch(`${r.title} ${r.teamName} ${r.kimName}`))),
  );
}

export async function setGalleryPublished(args: { eventId: string; actorId: string; published: boolean }): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.event.findUniqueOrThrow({ where: { id: args.eventId }, select: { galleryPublished: true } });
    if (before.galleryPublished === args.published) return;
    await tx.event.update({ where: { id: args.eventId }, data: { galleryPublished: args.published } });
    await audit(
      {
        eventId: args.eventId,
        actorId: args.actorId,
        action: args.published ? "gallery.publish" : "gallery.unpublish",
        entity: "Event",
        entityId: args.eventId,
        before,
        after: { galleryPublished: args.published },
      },
      tx,
    );
  });
}

/** Only submitted projects of accepted teams are public. */
const publicWhere = (eventId: string) => ({ eventId, status: "SUBMITTED" as const, team: { status: "ACCEPTED" as const } });

export async function getPublicProject(eventId: string, submissionId: string) {
  return db.submission.findFirst({
    where: { ...publicWhere(eventId), id: submissionId },
    include: { track: true, team: { include: { region: true } } },
  });
}

/** A submission of the event with everything an organizer reviews. */
export async function getForOrganizer(eventId: string, submissionId: string) {
  return db.submission.findFirst({
    where: { eventId, id: submissionId },
    include: {
      track: true,
      attachments: { orderBy: { createdAt: "asc" } },
      team: { include: { region: true, extensions: { where: { kind: "SUBMISSION" } } } },
    },
  });
}

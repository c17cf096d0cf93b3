// What a team sees after publication: its criterion averages from the frozen record and the
// judges' comments (never their private notes).
import { db } from "~/services/db.server";
import { currentPublication, parseDocument } from "./publication.server";

/** Null when the user is not a member of the team (the route answers 404). */
export async function teamFeedback(teamId: string, userId: string) {
  const team = await db.team.findFirst({
    where: { id: teamId, members: { some: { userId } } },
    select: {
      id: true,
      name: true,
      eventId: true,
      event: { select: { slug: true, name: true, timezone: true } },
      submission: { select: { id: true, title: true } },
    },
  });
  if (!team) return null;
  const pub = await currentPublication(team.eventId);
  if (!pub) return { team, published: false as const };
  const doc = parseDocument(pub.id, pub.document);
  const row = team.submission ? (doc.rows.find((r) => r.submissionId === team.submission?.id) ?? null) : null;
  // The frozen record names the criteria; their scales come from the rubric so an average reads "of what".
  const [scales, comments] = await Promise.all([
    db.criterion.findMany({ where: { id: { in: doc.criteria.map((c) => c.id) } }, select: { id: true, scaleMin: true, scaleMax: true } }),
    team.submission
      ? db.judgment.findMany({
          where: {
            finalizedAt: { not: null },
            assignment: { submissionId: team.submission.id, ...(pub.roundId ? { roundId: pub.roundId } : {}) },
            NOT: { comment: "" },
          },
          // Only the comment: privateNote is for organizers and never leaves the database here.
          select: { comment: true },
          orderBy: { id: "asc" },
        })
      : [],
  ]);
  return {
    team,
    published: true as const,
    criteria: doc.criteria.map((c) => {
      const scale = scales.find((x) => x.id === c.id);
      return { ...c, scaleMin: scale?.scaleMin ?? null, scaleMax: scale?.scaleMax ?? null };
    }),
    place: row?.place ?? null,
    joint: row?.joint ?? false,
    total: doc.rows.filter((r) => r.place !== null).length,
    criterionMeans: row?.criterionMeans ?? {},
    comments: comments.map((c) => c.comment),
  };
}

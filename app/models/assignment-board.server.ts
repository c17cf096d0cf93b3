// The organizer's assignment board for one round: who judges what, with status, load and the
// reasons a judge was not given a project. Five set-based statements whatever the round's size.
import { assignmentWarnings, explainNonAssignment, type AssignmentWarning, type NonAssignmentCode } from "~/domain/assignment";
import { conflictLookup, conflictMatrix, type ConflictReason } from "~/domain/conflicts";
import { judgmentStatus, type JudgmentStatus } from "~/domain/judgment";
import { db } from "~/services/db.server";
import { resultFromPairs } from "./assignment.server";

export type BoardJudge = { id: string; name: string; load: number };
export type BoardSubmission = {
  id: string;
  title: string;
  teamName: string;
  assigned: { assignmentId: string; judgeId: string; name: string; manual: boolean; status: JudgmentStatus }[];
  others: { judgeId: string; name: string; codes: NonAssignmentCode[]; conflict: readonly ConflictReason[] }[];
};

type EntryRow = { id: string; title: string; teamId: string; teamName: string; regionId: string | null; kimName: string | null; institution: string | null };
type JudgeRow = { userId: string; name: string; regionId: string | null; kimName: string | null; institution: string | null };
type AssignmentRow = {
  id: string;
  judgeId: string;
  submissionId: string;
  manual: boolean | number | bigint;
  hasJudgment: number | bigint;
  finalizedAt: Date | null;
  criterionId: string | null;
  value: number | bigint | null;
};
type PairRow = { kind: string; judgeId: string; teamId: string };

type BoardEvent = { id: string; conflictSameRegion: boolean; conflictSameKim: boolean; conflictSameInstitution: boolean };

/** Everything the organizer's assignment page shows for one round of the event. */
export async function assignmentBoard(event: BoardEvent, round: { id: string; judgesPerSubmission: number }) {
  const [criteria, entries, judges, rows, pairs] = await Promise.all([
    db.criterion.findMany({ where: { roundId: round.id, eventId: event.id } }),
    db.$queryRaw<EntryRow[]>`
      SELECT s."id", s."title", s."teamId", t."name" AS "teamName", t."regionId", t."kimName", t."institution"
      FROM "RoundEntry" re JOIN "Submission" s ON s."id" = re."submissionId" JOIN "Team" t ON t."id" = s."teamId"
      WHERE re."roundId" = ${round.id} AND s."eventId" = ${event.id}`,
    db.$queryRaw<JudgeRow[]>`
      SELECT m."userId", u."name", m."regionId", m."kimName", m."institution"
      FROM "EventMember" m JOIN "User" u ON u."id" = m."userId"
      WHERE m."eventId" = ${event.id} AND m."role" = 'JUDGE'
      ORDER BY u."name" ASC, m."userId" ASC`,
    db.$queryRaw<AssignmentRow[]>`
      SELECT a."id", a."judgeId", a."submissionId", a."manual", CASE WHEN j."id" IS NULL THEN 0 ELSE 1 END AS "hasJudgment",
        j."finalizedAt", sc."criterionId", sc."value"
      FROM "Assignment" a LEFT JOIN "Judgment" j ON j."assignmentId" = a."id" LEFT JOIN "Score" sc ON sc."judgmentId" = j."id"
      WHERE a."roundId" = ${round.id}`,
    // What makes a conflict besides affiliations: declarations, and judges who are in a team.
    db.$queryRaw<PairRow[]>`
      SELECT 'declared' AS "kind", c."judgeId", c."teamId" FROM "Conflict" c WHERE c."eventId" = ${event.id} AND c."source" = 'DECLARED'
      UNION ALL
      SELECT 'member', m."userId", m."teamId" FROM "TeamMember" m
      JOIN "EventMember" em ON em."userId" = m."userId" AND em."eventId" = m."eventId" AND em."role" = 'JUDGE'
      WHERE m."eventId" = ${event.id}`,
  ]);
  const byId = new Map<string, { id: string; judgeId: string; submissionId: string; manual: boolean; judgment: { finalizedAt: Date | null; scores: Record<string, number> } | null }>();
  for (const r of rows) {
    let a = byId.get(r.id);
    if (!a) {
      a = { id: r.id, judgeId: r.judgeId, submissionId: r.submissionId, manual: Boolean(Number(r.manual)), judgment: Number(r.hasJudgment) ? { finalizedAt: r.finalizedAt, scores: {} } : null };
      byId.set(r.id, a);
    }
    if (a.judgment && r.criterionId !== null) a.judgment.scores[r.criterionId] = Number(r.value);
  }
  const assignments = [...byId.values()];
  const declared = new Map<string, string[]>();
  const membersOf = new Map<string, string[]>();
  for (const p of pairs) {
    const into = p.kind === "declared" ? declared : membersOf;
    const key = p.kind === "declared" ? p.judgeId : p.teamId;
    into.set(key, [...(into.get(key) ?? []), p.kind === "declared" ? p.teamId : p.judgeId]);
  }
  const submissions = [...entries].sort((a, b) => a.title.localeCompare(b.title, "id"));
  const matrix = conflictMatrix(
    judges.map((j) => ({ ...j, declaredTeamIds: declared.get(j.userId) ?? [] })),
    submissions.map((s) => ({ id: s.teamId, regionId: s.regionId, kimName: s.kimName, institution: s.institution, memberUserIds: membersOf.get(s.teamId) ?? [] })),
    { sameRegion: event.conflictSameRegion, sameKim: event.conflictSameKim, sameInstitution: event.conflictSameInstitution },
  );
  const lookup = conflictLookup(matrix, submissions);
  const judgeIds = judges.map((j) => j.userId);
  const submissionIds = submissions.map((s) => s.id);
  const result = resultFromPairs(assignments, round.judgesPerSubmission, submissionIds, judgeIds);
  const nameOf = new Map(judges.map((j) => [j.userId, j.name]));
  const bySubmission = new Map<string, typeof assignments>();
  for (const a of assignments) bySubmission.set(a.submissionId, [...(bySubmission.get(a.submissionId) ?? []), a]);
  const board: BoardSubmission[] = submissions.map((s) => {
    const mine = bySubmission.get(s.id) ?? [];
    return {
      id: s.id,
      title: s.title,
      teamName: s.teamName,
      assigned: mine.map((a) => ({ assignmentId: a.id, judgeId: a.judgeId, name: nameOf.get(a.judgeId) ?? "", manual: a.manual, status: judgmentStatus(criteria, a.judgment) })),
      others: judges
        .filter((j) => !mine.some((a) => a.judgeId === j.userId))
        .map((j) => ({ judgeId: j.userId, name: j.name, codes: explainNonAssignment(j.userId, s.id, result, lookup), conflict: lookup(j.userId, s.id) })),
    };
  });
  const warnings: AssignmentWarning[] = assignmentWarnings(assignments, round.judgesPerSubmission, lookup, { judgeIds, submissionIds });
  const boardJudges: BoardJudge[] = judges.map((j) => ({ id: j.userId, name: j.name, load: result.loads[j.userId] ?? 0 }));
  return { submissions: board, judges: boardJudges, warnings, result: { shortfalls: result.shortfalls, balanced: result.balanced, minLoad: result.minLoad, maxLoad: result.maxLoad } };
}

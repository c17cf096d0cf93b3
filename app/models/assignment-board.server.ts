// The organizer's assignment board for one round: who judges what, with status, load and the
// reasons a judge was not given a project. The summary, loads and warnings cover the whole round;
// the submission cards are a window (search, a "needs attention" filter, pages), and the reasons
// are worked out only for the cards shown. Five set-based statements whatever the round's size.
import { assignmentWarnings, explainNonAssignment, type AssignmentWarning, type JudgePair, type NonAssignmentCode } from "~/domain/assignment";
import { conflictLookup, conflictMatrix, type ConflictReason } from "~/domain/conflicts";
import { judgmentStatus, type JudgmentStatus } from "~/domain/judgment";
import { foldForSearch, pageOf, searchMatcher } from "~/domain/results-window";
import { db, Prisma, queryRows } from "~/services/db.server";
import { resultFromPairs } from "./assignment.server";
import { compareText } from "~/domain/collate";

/** Cards per page of the board. */
export const BOARD_WINDOW = 25;
/** Warnings about single submissions listed before "and n more". */
export const BOARD_WARNINGS_SHOWN = 10;

/** under: fewer than k judges; conflict: a conflicted judge is assigned; attention: either, or more than k. */
export const BOARD_FILTERS = ["attention", "under", "conflict"] as const;
export type BoardFilter = (typeof BOARD_FILTERS)[number];
export type BoardQuery = { q: string | null; filter: BoardFilter | null; page: number | null };

export type BoardJudge = { id: string; name: string; load: number };
export type BoardSubmission = {
  id: string;
  title: string;
  teamName: string;
  /** `conflict` is non-empty for a judge who should not be on it (assigned before the conflict was known). */
  assigned: { assignmentId: string; judgeId: string; name: string; manual: boolean; status: JudgmentStatus; conflict: readonly ConflictReason[] }[];
  /**
   * Every judge not on the submission, grouped by why (conflict reasons are the `conflict:`
   * codes): conflicts first, then judges who could still be added, then those left out for balance.
   */
  others: { codes: NonAssignmentCode[]; judgeIds: string[] }[];
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
type PairRow = { kind: "assigned" | "declared" | "member"; judgeId: string; otherId: string };

type StoredAssignment = { id: string; judgeId: string; submissionId: string; manual: boolean; judgment: { finalizedAt: Date | null; scores: Record<string, number> } | null };

type BoardEvent = { id: string; conflictSameRegion: boolean; conflictSameKim: boolean; conflictSameInstitution: boolean };

/** Warnings about the round as a whole, always shown; the others name one submission each. */
const roundLevel = (w: AssignmentWarning) => w.code === "imbalance" || w.code === "unknown_judge";

/** Everything the organizer's assignment page shows for one round of the event. */
export async function assignmentBoard(event: BoardEvent, round: { id: string; judgesPerSubmission: number }, query: BoardQuery) {
  const [criteria, entries, judges, pairs] = await Promise.all([
    db.criterion.findMany({ where: { roundId: round.id, eventId: event.id } }),
    queryRows<EntryRow[]>`
      SELECT s."id", s."title", s."teamId", t."name" AS "teamName", t."regionId", t."kimName", t."institution"
      FROM "RoundEntry" re JOIN "Submission" s ON s."id" = re."submissionId" JOIN "Team" t ON t."id" = s."teamId"
      WHERE re."roundId" = ${round.id} AND s."eventId" = ${event.id}`,
    queryRows<JudgeRow[]>`
      SELECT m."userId", u."name", m."regionId", m."kimName", m."institution"
      FROM "EventMember" m JOIN "User" u ON u."id" = m."userId"
      WHERE m."eventId" = ${event.id} AND m."role" = 'JUDGE'
      ORDER BY u."name" ASC, m."userId" ASC`,
    // Judge pairs of three kinds: who is assigned to what in the round (the whole round's loads,
    // coverage and warnings need no more), and what makes a conflict besides affiliations:
    // declarations, and judges who are in a team.
    queryRows<PairRow[]>`
      SELECT 'assigned' AS "kind", a."judgeId", a."submissionId" AS "otherId" FROM "Assignment" a WHERE a."roundId" = ${round.id}
      UNION ALL
      SELECT 'declared', c."judgeId", c."teamId" FROM "Conflict" c WHERE c."eventId" = ${event.id} AND c."source" = 'DECLARED'
      UNION ALL
      SELECT 'member', m."userId", m."teamId" FROM "TeamMember" m
      JOIN "EventMember" em ON em."userId" = m."userId" AND em."eventId" = m."eventId" AND em."role" = 'JUDGE'
      WHERE m."eventId" = ${event.id}`,
  ]);
  const assignments: JudgePair[] = [];
  const declared = new Map<string, string[]>();
  const membersOf = new Map<string, string[]>();
  for (const p of pairs) {
    if (p.kind === "assigned") assignments.push({ judgeId: p.judgeId, submissionId: p.otherId });
    else if (p.kind === "declared") declared.set(p.judgeId, [...(declared.get(p.judgeId) ?? []), p.otherId]);
    else membersOf.set(p.otherId, [...(membersOf.get(p.otherId) ?? []), p.judgeId]);
  }
  const submissions = [...entries].sort((a, b) => compareText(a.title, b.title) || a.id.localeCompare(b.id));
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
  const bySubmission = new Map<string, JudgePair[]>();
  for (const a of assignments) bySubmission.set(a.submissionId, [...(bySubmission.get(a.submissionId) ?? []), a]);

  // What each filter keeps, over the whole round, so the filter shows how many it will find.
  const k = round.judgesPerSubmission;
  const facts = new Map(
    submissions.map((s) => {
      const mine = bySubmission.get(s.id) ?? [];
      const under = mine.length < k;
      const conflict = mine.some((a) => lookup(a.judgeId, s.id).length > 0);
      return [s.id, { under, conflict, attention: under || conflict || mine.length > k }];
    }),
  );
  const counts: Record<BoardFilter, number> = { attention: 0, under: 0, conflict: 0 };
  for (const f of facts.values()) for (const key of BOARD_FILTERS) if (f[key]) counts[key]++;

  const matches = searchMatcher(query.q);
  const matching = submissions.filter((s) => (!query.filter || facts.get(s.id)?.[query.filter]) && (!matches || matches(foldForSearch(`${s.teamName} ${s.title}`))));
  const window = pageOf(matching, query.page, BOARD_WINDOW);
  const details = await shownAssignments(
    round.id,
    window.rows.map((s) => s.id),
  );
  const cards: BoardSubmission[] = window.rows.map((s) => {
    const mine = details.filter((a) => a.submissionId === s.id);
    const on = new Set((bySubmission.get(s.id) ?? []).map((a) => a.judgeId));
    return {
      id: s.id,
      title: s.title,
      teamName: s.teamName,
      assigned: mine.map((a) => ({
        assignmentId: a.id,
        judgeId: a.judgeId,
        name: nameOf.get(a.judgeId) ?? "",
        manual: a.manual,
        status: judgmentStatus(criteria, a.judgment),
        conflict: lookup(a.judgeId, s.id),
      })),
      others: groupByReason(judges.filter((j) => !on.has(j.userId)).map((j) => ({ judgeId: j.userId, codes: explainNonAssignment(j.userId, s.id, result, lookup) }))),
    };
  });

  const all = assignmentWarnings(assignments, k, lookup, { judgeIds, submissionIds });
  const perSubmission = all.filter((w) => !roundLevel(w));
  const shown = perSubmission.slice(0, BOARD_WARNINGS_SHOWN);
  const titleOf = new Map(submissions.map((s) => [s.id, s.title || s.teamName]));
  const warningTitles: Record<string, string> = {};
  for (const w of shown) if ("submissionId" in w) warningTitles[w.submissionId] = titleOf.get(w.submissionId) ?? "";

  const boardJudges: BoardJudge[] = judges.map((j) => ({ id: j.userId, name: j.name, load: result.loads[j.userId] ?? 0 }));
  return {
    total: submissions.length,
    judges: boardJudges,
    warnings: { list: [...all.filter(roundLevel), ...shown], more: perSubmission.length - shown.length, titles: warningTitles },
    counts,
    window: { cards, matching: window.matching, page: window.page, pages: window.pages, offset: window.offset },
    result: { shortfalls: result.shortfalls.length, balanced: result.balanced, minLoad: result.minLoad, maxLoad: result.maxLoad },
  };
}

function groupRank(codes: readonly NonAssignmentCode[]): number {
  if (codes.some((c) => c.startsWith("conflict:"))) return 0;
  if (codes.includes("open_slot")) return 1;
  if (codes.includes("load_balance")) return 3;
  return 2;
}

/** 55 judges left out of a submission read as a few reasons, each with its judges. */
function groupByReason(explained: { judgeId: string; codes: NonAssignmentCode[] }[]) {
  const groups = new Map<string, { codes: NonAssignmentCode[]; judgeIds: string[] }>();
  for (const o of explained) {
    const key = o.codes.join(" ");
    const group = groups.get(key) ?? { codes: o.codes, judgeIds: [] };
    group.judgeIds.push(o.judgeId);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => groupRank(a.codes) - groupRank(b.codes));
}

/** The assignments of the shown cards with their judgments' state, in assignment order. */
async function shownAssignments(roundId: string, submissionIds: string[]) {
  if (submissionIds.length === 0) return [];
  const rows = await queryRows<AssignmentRow[]>`
    SELECT a."id", a."judgeId", a."submissionId", a."manual", CASE WHEN j."id" IS NULL THEN 0 ELSE 1 END AS "hasJudgment",
      j."finalizedAt", sc."criterionId", sc."value"
    FROM "Assignment" a LEFT JOIN "Judgment" j ON j."assignmentId" = a."id" LEFT JOIN "Score" sc ON sc."judgmentId" = j."id"
    WHERE a."roundId" = ${roundId} AND a."submissionId" IN (${Prisma.join(submissionIds)})
    ORDER BY a."createdAt" ASC, a."id" ASC`;
  const byId = new Map<string, StoredAssignment>();
  for (const r of rows) {
    let a = byId.get(r.id);
    if (!a) {
      a = { id: r.id, judgeId: r.judgeId, submissionId: r.submissionId, manual: Boolean(Number(r.manual)), judgment: Number(r.hasJudgment) ? { finalizedAt: r.finalizedAt, scores: {} } : null };
      byId.set(r.id, a);
    }
    if (a.judgment && r.criterionId !== null) a.judgment.scores[r.criterionId] = Number(r.value);
  }
  return [...byId.values()];
}

/** Titles for the submissions an action reply names (a shortfall list, capped like the warnings). */
export async function submissionTitles(eventId: string, ids: readonly string[]): Promise<Record<string, string>> {
  if (ids.length === 0) return {};
  const rows = await db.submission.findMany({ where: { eventId, id: { in: [...ids] } }, select: { id: true, title: true, team: { select: { name: true } } } });
  return Object.fromEntries(rows.map((r) => [r.id, r.title || r.team.name]));
}

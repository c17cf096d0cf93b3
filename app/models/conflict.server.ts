// Conflicts of interest between an event's judges and its teams. The matrix is always computed
// from live data (team members, affiliations, declarations), so assignment and scoring never act
// on a stale copy; DETECTED rows are a stored snapshot for organizers, refreshed on every change.
import { type ConflictJudge, type ConflictMatrix, type ConflictReason, type ConflictTeam, conflictLookup, conflictMatrix } from "~/domain/conflicts";
import { db, type Prisma } from "~/services/db.server";
import { compareText } from "~/domain/collate";

export type Tx = Prisma.TransactionClient;

export async function conflictContext(eventId: string, client: Tx = db) {
  const [event, members, teams, declared] = await Promise.all([
    client.event.findUniqueOrThrow({
      where: { id: eventId },
      select: { conflictSameRegion: true, conflictSameKim: true, conflictSameInstitution: true },
    }),
    client.eventMember.findMany({
      where: { eventId, role: "JUDGE" },
      select: { userId: true, regionId: true, kimName: true, institution: true, user: { select: { name: true } } },
    }),
    client.team.findMany({
      where: { eventId },
      select: { id: true, name: true, regionId: true, kimName: true, institution: true, members: { select: { userId: true } } },
    }),
    client.conflict.findMany({ where: { eventId, source: "DECLARED" }, select: { judgeId: true, teamId: true } }),
  ]);
  const declaredBy = new Map<string, string[]>();
  for (const d of declared) declaredBy.set(d.judgeId, [...(declaredBy.get(d.judgeId) ?? []), d.teamId]);
  const judges: ConflictJudge[] = members.map((m) => ({ ...m, declaredTeamIds: declaredBy.get(m.userId) ?? [] }));
  const conflictTeams: ConflictTeam[] = teams.map((t) => ({ ...t, memberUserIds: t.members.map((m) => m.userId) }));
  const rules = { sameRegion: event.conflictSameRegion, sameKim: event.conflictSameKim, sameInstitution: event.conflictSameInstitution };
  const matrix = conflictMatrix(judges, conflictTeams, rules);
  return { matrix, rules, judges: members, teams };
}

/** The submission-level lookup used by assignment and scoring. */
export function lookupFor(matrix: ConflictMatrix, submissions: readonly { id: string; teamId: string }[]) {
  return conflictLookup(matrix, submissions);
}

/** Replaces the stored DETECTED rows with what the rules find now. */
export async function refreshDetectedConflicts(eventId: string, client: Tx = db) {
  const { matrix } = await conflictContext(eventId, client);
  const wanted = new Map<string, { judgeId: string; teamId: string; reason: string }>();
  for (const [judgeId, row] of matrix) {
    for (const [teamId, reasons] of row) {
      for (const reason of reasons) {
        if (reason === "declared") continue;
        wanted.set(`${judgeId}|${teamId}|${reason}`, { judgeId, teamId, reason });
      }
    }
  }
  const existing = await client.conflict.findMany({ where: { eventId, source: "DETECTED" }, select: { id: true, judgeId: true, teamId: true, reason: true } });
  const stale = existing.filter((c) => !wanted.delete(`${c.judgeId}|${c.teamId}|${c.reason}`));
  if (stale.length) await client.conflict.deleteMany({ where: { id: { in: stale.map((c) => c.id) } } });
  for (const c of wanted.values()) {
    await client.conflict.create({ data: { eventId, source: "DETECTED", ...c } });
  }
  return { added: wanted.size, removed: stale.length };
}

export type PairAssignment = "none" | "assigned" | "scored";

/** judgeId|teamId → whether that judge holds an assignment on the team's project, and whether it has scores. */
export async function assignmentsByPair(eventId: string, judgeId?: string): Promise<Map<string, PairAssignment>> {
  const rows = await db.assignment.findMany({
    where: { round: { eventId }, ...(judgeId ? { judgeId } : {}) },
    select: { judgeId: true, submission: { select: { teamId: true } }, judgment: { select: { scores: { select: { id: true }, take: 1 } } } },
  });
  const byPair = new Map<string, PairAssignment>();
  for (const a of rows) {
    const key = `${a.judgeId}|${a.submission.teamId}`;
    if (a.judgment && a.judgment.scores.length > 0) byPair.set(key, "scored");
    else if (!byPair.has(key)) byPair.set(key, "assigned");
  }
  return byPair;
}

/**
 * Every conflicted judge × team pair of the event for organizers, live, with reasons and whether
 * the judge is assigned to (or has already scored) the team's project: the pairs to reassign.
 */
export async function conflictOverview(eventId: string) {
  const [{ matrix, judges, teams }, pairs] = await Promise.all([conflictContext(eventId), assignmentsByPair(eventId)]);
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const rows: { judgeId: string; judgeName: string; teamId: string; teamName: string; reasons: readonly ConflictReason[]; assignment: PairAssignment }[] = [];
  for (const j of judges) {
    for (const [teamId, reasons] of matrix.get(j.userId) ?? []) {
      rows.push({ judgeId: j.userId, judgeName: j.user.name, teamId, teamName: teamName.get(teamId) ?? "", reasons, assignment: pairs.get(`${j.userId}|${teamId}`) ?? "none" });
    }
  }
  rows.sort((a, b) => compareText(a.judgeName, b.judgeName) || compareText(a.teamName, b.teamName));
  const judgeProfiles = judges.map((j) => ({ userId: j.userId, name: j.user.name, regionId: j.regionId, kimName: j.kimName, institution: j.institution }));
  return { rows, judgeProfiles };
}

// Conflicts of interest between an event's judges and its teams. The matrix is always computed
// from live data (team members, affiliations, declarations), so assignment and scoring never act
// on a stale copy; DETECTED rows are a stored snapshot for organizers, refreshed on every change.
import {
  type ConflictJudge,
  type ConflictMatrix,
  type ConflictReason,
  type ConflictTeam,
  conflictLookup,
  conflictMatrix,
  detectConflicts,
} from "~/domain/conflicts";
import { audit } from "~/services/audit.server";
import { db, type Prisma } from "~/services/db.server";

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

/** Reasons one judge may not judge one team, from live data; checked on every save, so kept to one pair. */
export async function conflictReasons(eventId: string, judgeId: string, teamId: string, client: Tx = db): Promise<readonly ConflictReason[]> {
  const [event, judge, team, declared] = await Promise.all([
    client.event.findUniqueOrThrow({ where: { id: eventId }, select: { conflictSameRegion: true, conflictSameKim: true, conflictSameInstitution: true } }),
    client.eventMember.findFirst({ where: { eventId, userId: judgeId, role: "JUDGE" }, select: { regionId: true, kimName: true, institution: true } }),
    client.team.findFirst({ where: { id: teamId, eventId }, select: { id: true, regionId: true, kimName: true, institution: true, members: { select: { userId: true } } } }),
    client.conflict.findFirst({ where: { eventId, judgeId, teamId, source: "DECLARED" }, select: { id: true } }),
  ]);
  if (!team) return [];
  return detectConflicts(
    { userId: judgeId, ...judge, declaredTeamIds: declared ? [teamId] : [] },
    { ...team, memberUserIds: team.members.map((m) => m.userId) },
    { sameRegion: event.conflictSameRegion, sameKim: event.conflictSameKim, sameInstitution: event.conflictSameInstitution },
  );
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

/** What a judge sees on their conflicts page: their profile, the event's teams and their declarations. */
export async function judgeConflictPage(eventId: string, judgeId: string) {
  const [profile, regions, teams, declared] = await Promise.all([
    db.eventMember.findFirst({ where: { eventId, userId: judgeId, role: "JUDGE" }, select: { regionId: true, kimName: true, institution: true } }),
    db.region.findMany({ where: { eventId }, select: { id: true, name: true }, orderBy: [{ order: "asc" }, { name: "asc" }] }),
    db.team.findMany({
      where: { eventId, status: { not: "REJECTED" } },
      select: { id: true, name: true, kimName: true, region: { select: { name: true } } },
      orderBy: { nameKey: "asc" },
    }),
    db.conflict.findMany({ where: { eventId, judgeId, source: "DECLARED" }, select: { teamId: true } }),
  ]);
  return { profile, regions, teams, declaredTeamIds: declared.map((d) => d.teamId) };
}

export type JudgeProfileInput = { regionId: string | null; kimName: string; institution: string; teamIds: string[] };

/**
 * Saves a judge's affiliations and declared conflicts, then refreshes detection. Returns
 * "unknown_region" / "unknown_team" for ids that are not this event's (nothing is written).
 */
export async function saveJudgeProfile(eventId: string, judgeId: string, input: JudgeProfileInput) {
  const teamIds = [...new Set(input.teamIds)];
  return db.$transaction(async (tx) => {
    if (input.regionId && !(await tx.region.findFirst({ where: { id: input.regionId, eventId }, select: { id: true } }))) {
      return { error: "unknown_region" as const };
    }
    const known = await tx.team.count({ where: { eventId, id: { in: teamIds } } });
    if (known !== teamIds.length) return { error: "unknown_team" as const };
    const member = await tx.eventMember.findFirstOrThrow({ where: { eventId, userId: judgeId, role: "JUDGE" } });
    const before = await tx.conflict.findMany({ where: { eventId, judgeId, source: "DECLARED" }, select: { teamId: true } });
    const beforeIds = before.map((c) => c.teamId).sort();
    await tx.eventMember.update({
      where: { id: member.id },
      data: { regionId: input.regionId, kimName: input.kimName || null, institution: input.institution || null },
    });
    await tx.conflict.deleteMany({ where: { eventId, judgeId, source: "DECLARED", teamId: { notIn: teamIds } } });
    for (const teamId of teamIds) {
      if (beforeIds.includes(teamId)) continue;
      await tx.conflict.create({ data: { eventId, judgeId, teamId, reason: "declared", source: "DECLARED" } });
    }
    await refreshDetectedConflicts(eventId, tx);
    await audit(
      {
        eventId,
        actorId: judgeId,
        action: "conflict.declare",
        entity: "judge",
        entityId: judgeId,
        before: { regionId: member.regionId, kimName: member.kimName, institution: member.institution, declaredTeamIds: beforeIds },
        after: { regionId: input.regionId, kimName: input.kimName || null, institution: input.institution || null, declaredTeamIds: [...teamIds].sort() },
      },
      tx,
    );
    return { ok: true as const };
  });
}

/** Every conflicted judge × team pair of the event for organizers, live, with reasons. */
export async function conflictOverview(eventId: string) {
  const { matrix, judges, teams } = await conflictContext(eventId);
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const rows: { judgeId: string; judgeName: string; teamId: string; teamName: string; reasons: readonly ConflictReason[] }[] = [];
  for (const j of judges) {
    for (const [teamId, reasons] of matrix.get(j.userId) ?? []) {
      rows.push({ judgeId: j.userId, judgeName: j.user.name, teamId, teamName: teamName.get(teamId) ?? "", reasons });
    }
  }
  rows.sort((a, b) => a.judgeName.localeCompare(b.judgeName, "id") || a.teamName.localeCompare(b.teamName, "id"));
  const judgeProfiles = judges.map((j) => ({ userId: j.userId, name: j.user.name, regionId: j.regionId, kimName: j.kimName, institution: j.institution }));
  return { rows, judgeProfiles };
}

// A judge's own conflicts page: their affiliations and the teams they declare a conflict with.
// What the judge may change here is limited so that it cannot be used against fairness:
// - an affiliation recorded by an organizer is not the judge's to change (affiliationLocked);
// - under blind judging, once the judge has assignments, an affiliation change would tell them
//   which of their blind projects come from a region, KIM or institution, so it goes through the
//   organizers too;
// - every change is audited; a withdrawn declaration is audited on its own and listed for the
//   organizers, and a change that puts an already scored assignment in conflict is flagged to them.
import { blindPeriod } from "~/domain/blind";
import type { ConflictReason } from "~/domain/conflicts";
import { audit } from "~/services/audit.server";
import { db } from "~/services/db.server";
import type { Failure } from "~/validation/message";
import { conflictContext, refreshDetectedConflicts, type Tx } from "./conflict.server";

type EventFacts = { id: string; blindJudging: boolean; rounds: readonly { closesAt: Date }[] };

async function affiliationEditable(event: EventFacts, judgeId: string, member: { affiliationLocked: boolean }, now: Date, client: Tx = db) {
  if (member.affiliationLocked) return false;
  if (!blindPeriod(event, now)) return true;
  return (await client.assignment.count({ where: { judgeId, round: { eventId: event.id } } })) === 0;
}

/** What a judge sees on their conflicts page: their profile, the event's teams and their declarations. */
export async function judgeConflictPage(event: EventFacts, judgeId: string, now: Date) {
  const [profile, regions, teams, declared] = await Promise.all([
    db.eventMember.findFirst({ where: { eventId: event.id, userId: judgeId, role: "JUDGE" }, select: { regionId: true, kimName: true, institution: true, affiliationLocked: true } }),
    db.region.findMany({ where: { eventId: event.id }, select: { id: true, name: true }, orderBy: [{ order: "asc" }, { name: "asc" }] }),
    db.team.findMany({
      where: { eventId: event.id, status: { not: "REJECTED" } },
      select: { id: true, name: true, kimName: true, region: { select: { name: true } } },
      orderBy: { nameKey: "asc" },
    }),
    db.conflict.findMany({ where: { eventId: event.id, judgeId, source: "DECLARED" }, select: { teamId: true } }),
  ]);
  const editable = profile ? await affiliationEditable(event, judgeId, profile, now) : false;
  return {
    profile,
    affiliation: editable ? ("editable" as const) : profile?.affiliationLocked ? ("organizer" as const) : ("blind" as const),
    blind: blindPeriod(event, now),
    regions,
    teams,
    declaredTeamIds: declared.map((d) => d.teamId),
  };
}

export type Affiliation = { regionId: string | null; kimName: string; institution: string };
/** `affiliation` undefined keeps the stored one (the page sends none when it is not editable). */
export type JudgeProfileInput = { affiliation?: Affiliation; teamIds: string[] };
/** A refused save, with the form field it concerns. */
export type JudgeProfileFailure = Failure<"unknownRegion" | "unknownTeam" | "affiliationLocked">;

/** judgeId's pairs with a scored assignment that are in conflict, as "teamId" → reasons. */
async function scoredConflicts(eventId: string, judgeId: string, tx: Tx): Promise<Map<string, readonly ConflictReason[]>> {
  const [{ matrix }, scored] = await Promise.all([
    conflictContext(eventId, tx),
    tx.assignment.findMany({
      where: { judgeId, round: { eventId }, judgment: { scores: { some: {} } } },
      select: { id: true, submission: { select: { teamId: true } } },
    }),
  ]);
  const row = matrix.get(judgeId);
  const out = new Map<string, readonly ConflictReason[]>();
  for (const a of scored) {
    const reasons = row?.get(a.submission.teamId);
    if (reasons && reasons.length > 0) out.set(a.submission.teamId, reasons);
  }
  return out;
}

/**
 * Saves a judge's affiliations and declared conflicts, then refreshes detection. Nothing is
 * written on an error: ids that are not this event's, or an affiliation the judge may not change.
 */
export async function saveJudgeProfile(event: EventFacts, judgeId: string, input: JudgeProfileInput, now: Date): Promise<{ ok: true } | JudgeProfileFailure> {
  const eventId = event.id;
  const teamIds = [...new Set(input.teamIds)];
  return db.$transaction(async (tx) => {
    const member = await tx.eventMember.findFirstOrThrow({ where: { eventId, userId: judgeId, role: "JUDGE" } });
    const stored: Affiliation = { regionId: member.regionId, kimName: member.kimName ?? "", institution: member.institution ?? "" };
    const wanted = input.affiliation ?? stored;
    const changed = wanted.regionId !== stored.regionId || wanted.kimName !== stored.kimName || wanted.institution !== stored.institution;
    if (changed && !(await affiliationEditable(event, judgeId, member, now, tx))) return { ok: false, code: "affiliationLocked", field: "regionId" };
    if (wanted.regionId && !(await tx.region.findFirst({ where: { id: wanted.regionId, eventId }, select: { id: true } }))) {
      return { ok: false, code: "unknownRegion", field: "regionId" };
    }
    const known = await tx.team.count({ where: { eventId, id: { in: teamIds } } });
    if (known !== teamIds.length) return { ok: false, code: "unknownTeam", field: "teamIds" };

    const before = await tx.conflict.findMany({ where: { eventId, judgeId, source: "DECLARED" }, select: { teamId: true, createdAt: true } });
    const beforeIds = before.map((c) => c.teamId).sort();
    const scoredBefore = await scoredConflicts(eventId, judgeId, tx);
    const after = { regionId: wanted.regionId, kimName: wanted.kimName || null, institution: wanted.institution || null };
    await tx.eventMember.update({ where: { id: member.id }, data: after });
    await tx.conflict.deleteMany({ where: { eventId, judgeId, source: "DECLARED", teamId: { notIn: teamIds } } });
    for (const teamId of teamIds) {
      if (beforeIds.includes(teamId)) continue;
      await tx.conflict.create({ data: { eventId, judgeId, teamId, reason: "declared", source: "DECLARED", createdAt: now } });
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
        after: { ...after, declaredTeamIds: [...teamIds].sort() },
      },
      tx,
    );
    // A withdrawal right after declaring can be a probe (declare, watch, withdraw): each one is
    // recorded on its own for the organizers, with the assignment it touched.
    const assignedTeams = new Set((await tx.assignment.findMany({ where: { judgeId, round: { eventId } }, select: { submission: { select: { teamId: true } } } })).map((a) => a.submission.teamId));
    for (const withdrawn of before.filter((c) => !teamIds.includes(c.teamId))) {
      await audit(
        {
          eventId,
          actorId: judgeId,
          action: "conflict.withdraw",
          entity: "team",
          entityId: withdrawn.teamId,
          before: { declaredAt: withdrawn.createdAt },
          after: { assigned: assignedTeams.has(withdrawn.teamId) },
        },
        tx,
      );
    }
    // Scores already given to a team this change puts in conflict are flagged to the organizers.
    const scoredAfter = await scoredConflicts(eventId, judgeId, tx);
    for (const [teamId, reasons] of scoredAfter) {
      if (scoredBefore.has(teamId)) continue;
      await audit({ eventId, actorId: judgeId, action: "conflict.scored", entity: "team", entityId: teamId, after: { reasons } }, tx);
    }
    return { ok: true };
  });
}

/** Withdrawn declarations and changes that put scored work in conflict, newest first, for the organizers' conflicts page. */
export async function conflictFlags(eventId: string) {
  const rows = await db.auditLog.findMany({
    where: { eventId, action: { in: ["conflict.withdraw", "conflict.scored"] } },
    orderBy: { at: "desc" },
    take: 200,
    select: { id: true, action: true, actorId: true, entityId: true, after: true, at: true },
  });
  const [users, teams] = await Promise.all([
    db.user.findMany({ where: { id: { in: [...new Set(rows.flatMap((r) => (r.actorId ? [r.actorId] : [])))] } }, select: { id: true, name: true } }),
    db.team.findMany({ where: { eventId, id: { in: [...new Set(rows.map((r) => r.entityId))] } }, select: { id: true, name: true } }),
  ]);
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  return rows.map((r) => {
    const after = JSON.parse(r.after ?? "{}") as { assigned?: boolean; reasons?: ConflictReason[] };
    return {
      id: r.id,
      kind: r.action === "conflict.withdraw" ? ("withdrawn" as const) : ("scored" as const),
      judgeName: (r.actorId && userName.get(r.actorId)) || "",
      teamName: teamName.get(r.entityId) ?? "",
      assigned: after.assigned ?? true,
      reasons: after.reasons ?? [],
      at: r.at,
    };
  });
}

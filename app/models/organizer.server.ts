// What the organizer dashboard and the audit page read. Callers have already checked that the
// actor organizes the event.
import { db } from "~/services/db.server";

export async function dashboardCounts(eventId: string) {
  const [teams, members, submissions, assignments, finalized, staff] = await Promise.all([
    db.team.groupBy({ by: ["status"], where: { eventId }, _count: { _all: true } }),
    db.teamMember.count({ where: { eventId } }),
    db.submission.groupBy({ by: ["status"], where: { eventId }, _count: { _all: true } }),
    db.round.findMany({ where: { eventId }, orderBy: { order: "asc" }, select: { id: true, name: true, _count: { select: { assignments: true } } } }),
    db.round.findMany({
      where: { eventId },
      select: { id: true, _count: { select: { assignments: { where: { judgment: { is: { finalizedAt: { not: null } } } } } } } },
    }),
    db.eventMember.groupBy({ by: ["role"], where: { eventId }, _count: { _all: true } }),
  ]);
  const byStatus = <K extends string>(rows: { _count: { _all: number } }[], key: (r: never) => K) =>
    Object.fromEntries(rows.map((r) => [key(r as never), r._count._all])) as Partial<Record<K, number>>;
  const teamBy = byStatus(teams, (r: { status: string }) => r.status);
  const subBy = byStatus(submissions, (r: { status: string }) => r.status);
  const staffBy = byStatus(staff, (r: { role: string }) => r.role);
  return {
    teams: { PENDING: teamBy.PENDING ?? 0, ACCEPTED: teamBy.ACCEPTED ?? 0, REJECTED: teamBy.REJECTED ?? 0 },
    members,
    submissions: { DRAFT: subBy.DRAFT ?? 0, SUBMITTED: subBy.SUBMITTED ?? 0 },
    // Per round: a total over rounds reads as progress of the round being judged, and is not.
    judging: assignments.map((r) => ({
      id: r.id,
      name: r.name,
      assignments: r._count.assignments,
      finalized: finalized.find((f) => f.id === r.id)?._count.assignments ?? 0,
    })),
    staff: { ORGANIZER: staffBy.ORGANIZER ?? 0, JUDGE: staffBy.JUDGE ?? 0 },
  };
}

export const AUDIT_PAGE_SIZE = 30;

export async function auditEntities(eventId: string): Promise<string[]> {
  const rows = await db.auditLog.findMany({ where: { eventId }, distinct: ["entity"], select: { entity: true }, orderBy: { entity: "asc" } });
  return rows.map((r) => r.entity);
}

/** Newest first; ties on the same millisecond are broken by id so pages never overlap. */
export async function listAudit(eventId: string, opts: { entity?: string; page: number }) {
  const where = { eventId, ...(opts.entity ? { entity: opts.entity } : {}) };
  const [total, rows] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], skip: (opts.page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE }),
  ]);
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => id !== null))];
  const actors = await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } });
  const byId = new Map(actors.map((a) => [a.id, a]));
  return {
    total,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    rows: rows.map((r) => ({ ...r, actor: r.actorId ? (byId.get(r.actorId) ?? null) : null })),
  };
}

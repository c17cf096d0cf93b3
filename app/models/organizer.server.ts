// What the organizer dashboard and the audit page read. Callers have already checked that the
// actor organizes the event.
import { auditRefs, parseAuditJson, type Names, type RefKind } from "~/domain/audit-log";
import { db, Prisma, queryRows } from "~/services/db.server";

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

/**
 * The kinds of record in the event's log, for the filter. Some writers name an entity in
 * PascalCase and others in lower case ("Team", "team"): one kind each, matching both spellings.
 */
export async function auditEntities(eventId: string): Promise<{ key: string; values: string[] }[]> {
  const rows = await db.auditLog.findMany({ where: { eventId }, distinct: ["entity"], select: { entity: true }, orderBy: { entity: "asc" } });
  const byKey = new Map<string, string[]>();
  for (const { entity } of rows) byKey.set(entity.toLowerCase(), [...(byKey.get(entity.toLowerCase()) ?? []), entity]);
  return [...byKey].map(([key, values]) => ({ key, values })).sort((a, b) => a.key.localeCompare(b.key));
}

/** The kinds of record the judging trail lists. */
export const JUDGING_ENTITIES = ["judgment", "assignment", "round", "judge"];

/**
 * Newest first; ties on the same millisecond are broken by id so pages never overlap. `judgeId`
 * keeps the records about one judge (their own actions and those naming them as `judgeId`).
 */
export async function listAudit(eventId: string, opts: { entities?: string[]; judgeId?: string | null; page: number }) {
  // Records are stored as JSON.stringify output, so a judge's id appears exactly as "judgeId":"…".
  const naming = opts.judgeId ? `"judgeId":${JSON.stringify(opts.judgeId)}` : null;
  const where = {
    eventId,
    ...(opts.entities ? { entity: { in: opts.entities } } : {}),
    ...(naming ? { OR: [{ actorId: opts.judgeId }, { after: { contains: naming } }, { before: { contains: naming } }] } : {}),
  };
  const [total, rows] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], skip: (opts.page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE }),
  ]);
  const records = rows.map((r) => ({ ...r, before: parseAuditJson(r.before), after: parseAuditJson(r.after), rawBefore: r.before, rawAfter: r.after }));
  const refs = auditRefs(records);
  for (const r of rows) if (r.actorId) refs.user.push(r.actorId);
  const { names, emails } = await auditNames(eventId, refs);
  return {
    total,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    names,
    rows: records.map((r) => ({ ...r, actor: r.actorId && names.user?.[r.actorId] ? { name: names.user[r.actorId], email: emails[r.actorId] ?? "" } : null })),
  };
}

const NAME_SOURCES: Record<RefKind, (ids: string[], eventId: string) => Prisma.Sql> = {
  user: (ids) => Prisma.sql`SELECT 'user' AS kind, id, name AS label, email AS extra FROM "User" WHERE id IN (${Prisma.join(ids)})`,
  submission: (ids, e) => Prisma.sql`SELECT 'submission', id, title, NULL FROM "Submission" WHERE "eventId" = ${e} AND id IN (${Prisma.join(ids)})`,
  team: (ids, e) => Prisma.sql`SELECT 'team', id, name, NULL FROM "Team" WHERE "eventId" = ${e} AND id IN (${Prisma.join(ids)})`,
  round: (ids, e) => Prisma.sql`SELECT 'round', id, name, NULL FROM "Round" WHERE "eventId" = ${e} AND id IN (${Prisma.join(ids)})`,
  region: (ids, e) => Prisma.sql`SELECT 'region', id, name, NULL FROM "Region" WHERE "eventId" = ${e} AND id IN (${Prisma.join(ids)})`,
  track: (ids, e) => Prisma.sql`SELECT 'track', id, name, NULL FROM "Track" WHERE "eventId" = ${e} AND id IN (${Prisma.join(ids)})`,
  award: (ids, e) => Prisma.sql`SELECT 'award', id, name, NULL FROM "Award" WHERE "eventId" = ${e} AND id IN (${Prisma.join(ids)})`,
  faq: (ids, e) => Prisma.sql`SELECT 'faq', id, question, NULL FROM "FaqItem" WHERE "eventId" = ${e} AND id IN (${Prisma.join(ids)})`,
  criterion: (ids, e) => Prisma.sql`SELECT 'criterion', id, name, NULL FROM "Criterion" WHERE "eventId" = ${e} AND id IN (${Prisma.join(ids)})`,
  member: (ids, e) => Prisma.sql`SELECT 'member', m.id, u.name, u.email FROM "EventMember" m JOIN "User" u ON u.id = m."userId" WHERE m."eventId" = ${e} AND m.id IN (${Prisma.join(ids)})`,
  invite: (ids, e) => Prisma.sql`SELECT 'invite', id, email, NULL FROM "Invite" WHERE "eventId" = ${e} AND id IN (${Prisma.join(ids)})`,
};

/** Names for every id a page of the log mentions, in one statement (none when nothing is mentioned). */
async function auditNames(eventId: string, refs: Record<RefKind, string[]>): Promise<{ names: Names; emails: Record<string, string> }> {
  const parts = (Object.keys(NAME_SOURCES) as RefKind[]).filter((k) => refs[k].length > 0).map((k) => NAME_SOURCES[k]([...new Set(refs[k])], eventId));
  const names: Names = {};
  const emails: Record<string, string> = {};
  if (parts.length === 0) return { names, emails };
  const rows = await queryRows<{ kind: RefKind; id: string; label: string | null; extra: string | null }[]>`${Prisma.join(parts, " UNION ALL ")}`;
  for (const r of rows) {
    if (r.label) (names[r.kind] ??= {})[r.id] = r.label;
    if (r.kind === "user" && r.extra) emails[r.id] = r.extra;
  }
  return { names, emails };
}

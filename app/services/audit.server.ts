// Append-only audit trail of organizer and judge changes.
import type { Db } from "./db.server";
import { db as defaultDb, Prisma } from "./db.server";
import { rowId } from "./ids.server";

type Tx = Pick<Db, "auditLog">;

export type AuditEntry = {
  eventId?: string | null;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

export async function audit(entry: AuditEntry, tx: Tx = defaultDb): Promise<void> {
  await tx.auditLog.create({
    data: {
      eventId: entry.eventId ?? null,
      actorId: entry.actorId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      before: json(entry.before),
      after: json(entry.after),
    },
  });
}

/**
 * The same record as `audit` writes, as one INSERT, for a transaction written in SQL (a hot path
 * where Prisma's per-query cost dominates). `at` is the time the change is made at.
 */
export function auditInsert(entry: AuditEntry, at: Date): Prisma.Sql {
  return Prisma.sql`INSERT INTO "AuditLog" ${AUDIT_COLUMNS}
    VALUES (${Prisma.join(auditValues(entry, at))})`;
}

const AUDIT_COLUMNS = Prisma.raw(`("id", "eventId", "actorId", "action", "entity", "entityId", "before", "after", "at")`);

function auditValues(entry: AuditEntry, at: Date): unknown[] {
  return [rowId(at.getTime()), entry.eventId ?? null, entry.actorId, entry.action, entry.entity, entry.entityId, json(entry.before), json(entry.after), at];
}

/**
 * PostgreSQL: the same record, inserted only when `source` (a common table expression of the
 * statement it goes into) has a row — for a write made of one statement, whose audit record must
 * land exactly when the change does. Its values are typed, as a SELECT cannot take its columns'
 * types from the table.
 */
export function auditInsertWhen(entry: AuditEntry, at: Date, source: string): Prisma.Sql {
  const [id, eventId, actorId, action, entity, entityId, before, after] = auditValues(entry, at);
  const text = (value: unknown) => Prisma.sql`CAST(${value} AS TEXT)`;
  return Prisma.sql`INSERT INTO "AuditLog" ${AUDIT_COLUMNS}
    SELECT ${Prisma.join([id, eventId, actorId, action, entity, entityId, before, after].map(text))}, CAST(${at} AS TIMESTAMP(3))
    FROM ${Prisma.raw(`"${source}"`)}`;
}

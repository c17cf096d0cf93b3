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
  return Prisma.sql`INSERT INTO "AuditLog" ("id", "eventId", "actorId", "action", "entity", "entityId", "before", "after", "at")
    VALUES (${rowId(at.getTime())}, ${entry.eventId ?? null}, ${entry.actorId}, ${entry.action}, ${entry.entity}, ${entry.entityId}, ${json(entry.before)}, ${json(entry.after)}, ${at})`;
}

// Append-only audit trail of organizer and judge changes.
import type { Db } from "./db.server";
import { db as defaultDb } from "./db.server";

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

export async function audit(entry: AuditEntry, tx: Tx = defaultDb): Promise<void> {
  await tx.auditLog.create({
    data: {
      eventId: entry.eventId ?? null,
      actorId: entry.actorId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    },
  });
}

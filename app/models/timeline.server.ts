// Saving an event's timeline: the phase dates and its judging rounds, all or nothing.
import type { ParsedTimeline } from "~/validation/event";
import { audit } from "~/services/audit.server";
import { db } from "~/services/db.server";
import type { Actor } from "./event-setup.server";
import type { Failure } from "~/validation/message";

export type TimelineSaveResult = { ok: true } | (Failure<"roundUnknown" | "roundInUse"> & { index?: number });

const DATE_FIELDS = ["registrationOpensAt", "registrationClosesAt", "screeningClosesAt", "submissionOpensAt", "submissionClosesAt", "announcementAt"] as const;

/**
 * Rounds keep their ids (criteria and assignments hang off them); a round left out of the form is
 * removed, unless judges already have work in it.
 */
export async function saveTimeline(eventId: string, input: ParsedTimeline, actor: Actor): Promise<TimelineSaveResult> {
  return db.$transaction(async (tx) => {
    const event = await tx.event.findUniqueOrThrow({
      where: { id: eventId },
      include: { rounds: { orderBy: { order: "asc" }, include: { _count: { select: { assignments: true, publications: true } } } } },
    });
    const existing = new Map(event.rounds.map((r) => [r.id, r]));
    for (const [index, r] of input.rounds.entries()) {
      if (r.id && !existing.has(r.id)) return { ok: false, code: "roundUnknown", index };
    }
    const kept = new Set(input.rounds.map((r) => r.id).filter(Boolean));
    const removed = event.rounds.filter((r) => !kept.has(r.id));
    const busy = removed.find((r) => r._count.assignments > 0 || r._count.publications > 0);
    if (busy) return { ok: false, code: "roundInUse" };

    const dates = Object.fromEntries(DATE_FIELDS.map((f) => [f, input[f]])) as Record<(typeof DATE_FIELDS)[number], Date>;
    await tx.event.update({ where: { id: eventId }, data: dates });
    if (removed.length) await tx.round.deleteMany({ where: { id: { in: removed.map((r) => r.id) } } });
    // Orders are unique per event: park the kept rounds on negative orders before renumbering.
    for (const [i, r] of input.rounds.entries()) {
      if (r.id) await tx.round.update({ where: { id: r.id }, data: { order: -(i + 1) } });
    }
    for (const [i, r] of input.rounds.entries()) {
      if (r.id) await tx.round.update({ where: { id: r.id }, data: { name: r.name, closesAt: r.closesAt, order: i + 1 } });
      else await tx.round.create({ data: { eventId, name: r.name, closesAt: r.closesAt, order: i + 1 } });
    }
    await audit(
      {
        eventId,
        actorId: actor.id,
        action: "timeline.update",
        entity: "event",
        entityId: eventId,
        before: { ...Object.fromEntries(DATE_FIELDS.map((f) => [f, event[f]])), rounds: event.rounds.map((r) => ({ id: r.id, name: r.name, closesAt: r.closesAt })) },
        after: { ...dates, rounds: input.rounds },
      },
      tx,
    );
    return { ok: true };
  });
}

// Rubric per judging round, the awards to be given and the people's choice vote.
import { changedFields } from "~/domain/event-setup";
import { audit } from "~/services/audit.server";
import { db } from "~/services/db.server";
import type { Actor } from "./event-setup.server";
import type { ItemResult } from "./structure.server";
import type { Failure } from "~/validation/message";

export async function listRoundsWithCriteria(eventId: string) {
  return db.round.findMany({
    where: { eventId },
    orderBy: { order: "asc" },
    include: { criteria: { orderBy: [{ order: "asc" }, { id: "asc" }] } },
  });
}

export type RubricInput = {
  roundId: string;
  judgesPerSubmission: number;
  criteria: { id?: string; name: string; description: string; weight: number; scaleMin: number; scaleMax: number }[];
};

export type RubricResult = { ok: true } | Failure<"notFound" | "locked">;

/**
 * Replaces a round's rubric. Once a judge has saved a score in the round the rubric is locked:
 * changing a weight or scale then would silently change totals already given.
 */
export async function saveRubric(eventId: string, input: RubricInput, actor: Actor): Promise<RubricResult> {
  return db.$transaction(async (tx) => {
    const round = await tx.round.findFirst({ where: { id: input.roundId, eventId }, include: { criteria: { orderBy: { order: "asc" } } } });
    if (!round) return { ok: false, code: "notFound" } as const;
    const known = new Set(round.criteria.map((c) => c.id));
    if (input.criteria.some((c) => c.id && !known.has(c.id))) return { ok: false, code: "notFound" } as const;
    const scored = await tx.score.count({ where: { criterion: { roundId: round.id } } });
    const strip = (c: RubricInput["criteria"][number] & { order?: number }) => ({ name: c.name, description: c.description, weight: c.weight, scaleMin: c.scaleMin, scaleMax: c.scaleMax });
    const rubricChanged =
      round.criteria.length !== input.criteria.length ||
      round.criteria.some((c, i) => {
        const next = input.criteria[i];
        return !next || next.id !== c.id || changedFields(strip(c), strip(next)) !== null;
      });
    if (scored > 0 && rubricChanged) return { ok: false, code: "locked" } as const;

    const kept = new Set(input.criteria.map((c) => c.id).filter(Boolean));
    await tx.criterion.deleteMany({ where: { roundId: round.id, id: { notIn: [...kept] as string[] } } });
    for (const [order, c] of input.criteria.entries()) {
      const data = { ...strip(c), order };
      if (c.id) await tx.criterion.update({ where: { id: c.id }, data });
      else await tx.criterion.create({ data: { ...data, eventId, roundId: round.id } });
    }
    await tx.round.update({ where: { id: round.id }, data: { judgesPerSubmission: input.judgesPerSubmission } });
    await audit(
      {
        eventId,
        actorId: actor.id,
        action: "rubric.update",
        entity: "round",
        entityId: round.id,
        before: { judgesPerSubmission: round.judgesPerSubmission, criteria: round.criteria.map(strip) },
        after: { judgesPerSubmission: input.judgesPerSubmission, criteria: input.criteria.map(strip) },
      },
      tx,
    );
    return { ok: true } as const;
  });
}

// --- awards -------------------------------------------------------------------------------

export async function listAwards(eventId: string) {
  return db.award.findMany({ where: { eventId }, orderBy: [{ order: "asc" }, { id: "asc" }], include: { _count: { select: { recipients: true } } } });
}

export type AwardInput = { name: string; kind: "PLACE" | "HONORABLE" | "SPECIAL" | "PEOPLES_CHOICE"; place?: number; prize: string };

const awardData = (a: AwardInput) => ({ name: a.name, kind: a.kind, place: a.place ?? null, prize: a.prize });

export async function addAward(eventId: string, input: AwardInput, actor: Actor): Promise<ItemResult> {
  return db.$transaction(async (tx) => {
    const last = await tx.award.aggregate({ where: { eventId }, _max: { order: true } });
    const award = await tx.award.create({ data: { eventId, ...awardData(input), order: (last._max.order ?? -1) + 1 } });
    await audit({ eventId, actorId: actor.id, action: "award.create", entity: "award", entityId: award.id, after: awardData(input) }, tx);
    return { ok: true } as const;
  });
}

export async function updateAward(eventId: string, id: string, input: AwardInput, actor: Actor): Promise<ItemResult> {
  return db.$transaction(async (tx) => {
    const before = await tx.award.findFirst({ where: { id, eventId } });
    if (!before) return { ok: false, code: "notFound" } as const;
    const diff = changedFields(before, awardData(input));
    if (diff) {
      await tx.award.update({ where: { id }, data: awardData(input) });
      await audit({ eventId, actorId: actor.id, action: "award.update", entity: "award", entityId: id, ...diff }, tx);
    }
    return { ok: true } as const;
  });
}

/** An award already given to a submission stays; it is part of published results. */
export async function deleteAward(eventId: string, id: string, actor: Actor): Promise<ItemResult> {
  return db.$transaction(async (tx) => {
    const before = await tx.award.findFirst({ where: { id, eventId }, include: { _count: { select: { recipients: true } } } });
    if (!before) return { ok: false, code: "notFound" } as const;
    if (before._count.recipients > 0) return { ok: false, code: "inUse" } as const;
    await tx.award.delete({ where: { id } });
    await audit({ eventId, actorId: actor.id, action: "award.delete", entity: "award", entityId: id, before: { name: before.name, kind: before.kind, place: before.place, prize: before.prize } }, tx);
    return { ok: true } as const;
  });
}

export type PeoplesChoiceInput = { peoplesChoice: boolean; votingOpensAt: Date | null; votingClosesAt: Date | null };

/** Turning the vote on adds its award ("Pilihan Warga") if none exists, so results have somewhere to put the winner. */
export async function savePeoplesChoice(eventId: string, input: PeoplesChoiceInput, awardName: string, actor: Actor) {
  await db.$transaction(async (tx) => {
    const before = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { peoplesChoice: true, votingOpensAt: true, votingClosesAt: true } });
    const data = input.peoplesChoice ? input : { peoplesChoice: false, votingOpensAt: before.votingOpensAt, votingClosesAt: before.votingClosesAt };
    const diff = changedFields(before, data);
    if (!diff) return;
    await tx.event.update({ where: { id: eventId }, data });
    if (input.peoplesChoice && (await tx.award.count({ where: { eventId, kind: "PEOPLES_CHOICE" } })) === 0) {
      const last = await tx.award.aggregate({ where: { eventId }, _max: { order: true } });
      const award = await tx.award.create({ data: { eventId, name: awardName, kind: "PEOPLES_CHOICE", order: (last._max.order ?? -1) + 1 } });
      await audit({ eventId, actorId: actor.id, action: "award.create", entity: "award", entityId: award.id, after: { name: awardName, kind: "PEOPLES_CHOICE" } }, tx);
    }
    await audit({ eventId, actorId: actor.id, action: "peoplesChoice.update", entity: "event", entityId: eventId, ...diff }, tx);
  });
}

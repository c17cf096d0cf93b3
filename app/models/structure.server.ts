// Event structure: tracks, regions, team rules and judging settings. Items are always looked up
// within the event, so an id from another event answers "not found" rather than editing it.
import { changedFields, moveItem } from "~/domain/event-setup";
import { audit } from "~/services/audit.server";
import { db, isUniqueViolation } from "~/services/db.server";
import type { Actor } from "./event-setup.server";
import type { Failure } from "~/validation/message";

export type ItemResult = { ok: true } | Failure<"notFound" | "nameTaken" | "inUse">;

async function guardUnique(run: () => Promise<ItemResult>): Promise<ItemResult> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, code: "nameTaken" };
    throw error;
  }
}

export async function getStructure(eventId: string) {
  return db.event.findUniqueOrThrow({
    where: { id: eventId },
    select: {
      minTeamSize: true,
      maxTeamSize: true,
      blindJudging: true,
      conflictSameRegion: true,
      conflictSameKim: true,
      conflictSameInstitution: true,
      requireProposal: true,
      requireVideo: true,
      galleryPublished: true,
      rankingMethod: true,
      tracks: { orderBy: [{ order: "asc" }, { name: "asc" }], include: { _count: { select: { teams: true } } } },
      pools: { orderBy: { order: "asc" } },
    },
  });
}

// --- tracks -------------------------------------------------------------------------------

/** The event's tracks as choices for filters and labels, in their set order. */
export async function listTrackOptions(eventId: string) {
  return db.track.findMany({ where: { eventId }, orderBy: { order: "asc" }, select: { id: true, name: true } });
}

export async function countTracks(eventId: string): Promise<number> {
  return db.track.count({ where: { eventId } });
}

type TrackInput = { name: string; description: string };

export async function addTrack(eventId: string, input: TrackInput, actor: Actor): Promise<ItemResult> {
  return guardUnique(() =>
    db.$transaction(async (tx) => {
      const last = await tx.track.aggregate({ where: { eventId }, _max: { order: true } });
      const track = await tx.track.create({ data: { eventId, ...input, order: (last._max.order ?? -1) + 1 } });
      await audit({ eventId, actorId: actor.id, action: "track.create", entity: "track", entityId: track.id, after: input }, tx);
      return { ok: true } as const;
    }),
  );
}

export async function updateTrack(eventId: string, id: string, input: TrackInput, actor: Actor): Promise<ItemResult> {
  return guardUnique(() =>
    db.$transaction(async (tx) => {
      const before = await tx.track.findFirst({ where: { id, eventId } });
      if (!before) return { ok: false, code: "notFound" } as const;
      const diff = changedFields(before, input);
      if (diff) {
        await tx.track.update({ where: { id }, data: input });
        await audit({ eventId, actorId: actor.id, action: "track.update", entity: "track", entityId: id, ...diff }, tx);
      }
      return { ok: true } as const;
    }),
  );
}

/** Teams and submissions of a removed track keep existing without one (the schema sets it to null). */
export async function deleteTrack(eventId: string, id: string, actor: Actor): Promise<ItemResult> {
  return db.$transaction(async (tx) => {
    const before = await tx.track.findFirst({ where: { id, eventId } });
    if (!before) return { ok: false, code: "notFound" } as const;
    await tx.track.delete({ where: { id } });
    await audit({ eventId, actorId: actor.id, action: "track.delete", entity: "track", entityId: id, before: { name: before.name, description: before.description } }, tx);
    return { ok: true } as const;
  });
}

export async function moveTrack(eventId: string, id: string, direction: "up" | "down", actor: Actor): Promise<ItemResult> {
  return db.$transaction(async (tx) => {
    const items = await tx.track.findMany({ where: { eventId }, orderBy: [{ order: "asc" }, { name: "asc" }], select: { id: true } });
    const ids = items.map((i) => i.id);
    if (!ids.includes(id)) return { ok: false, code: "notFound" } as const;
    const next = moveItem(ids, id, direction);
    for (const [order, itemId] of next.entries()) await tx.track.update({ where: { id: itemId }, data: { order } });
    await audit({ eventId, actorId: actor.id, action: "track.reorder", entity: "track", entityId: id, before: ids, after: next }, tx);
    return { ok: true } as const;
  });
}

// --- regions ------------------------------------------------------------------------------

export async function listRegions(eventId: string) {
  return db.region.findMany({
    where: { eventId },
    orderBy: [{ order: "asc" }, { name: "asc" }],
    include: { _count: { select: { teams: true, judges: true } } },
  });
}

/** The event's regions as choices, in their set order; `withAcceptedTeam` keeps those an accepted team comes from. */
export async function listRegionOptions(eventId: string, options: { withAcceptedTeam?: boolean } = {}) {
  return db.region.findMany({
    where: { eventId, teams: options.withAcceptedTeam ? { some: { status: "ACCEPTED" } } : undefined },
    orderBy: { order: "asc" },
    select: { id: true, name: true },
  });
}

type RegionInput = { name: string; code?: string };

export async function addRegion(eventId: string, input: RegionInput, actor: Actor): Promise<ItemResult> {
  return guardUnique(() =>
    db.$transaction(async (tx) => {
      const last = await tx.region.aggregate({ where: { eventId }, _max: { order: true } });
      const region = await tx.region.create({ data: { eventId, name: input.name, code: input.code || null, order: (last._max.order ?? -1) + 1 } });
      await audit({ eventId, actorId: actor.id, action: "region.create", entity: "region", entityId: region.id, after: input }, tx);
      return { ok: true } as const;
    }),
  );
}

export async function renameRegion(eventId: string, id: string, input: RegionInput, actor: Actor): Promise<ItemResult> {
  return guardUnique(() =>
    db.$transaction(async (tx) => {
      const before = await tx.region.findFirst({ where: { id, eventId } });
      if (!before) return { ok: false, code: "notFound" } as const;
      const data = { name: input.name, code: input.code || null };
      const diff = changedFields(before, data);
      if (diff) {
        await tx.region.update({ where: { id }, data });
        await audit({ eventId, actorId: actor.id, action: "region.update", entity: "region", entityId: id, ...diff }, tx);
      }
      return { ok: true } as const;
    }),
  );
}

/**
 * Adds a province's kabupaten/kota (official names and codes) that the event does not have yet,
 * matched by code or by name ignoring case; those it has are left as they are.
 */
export async function addProvinceRegions(eventId: string, province: { code: string; name: string }, regions: readonly RegionInput[], actor: Actor): Promise<{ added: number; skipped: number }> {
  return db.$transaction(async (tx) => {
    const existing = await tx.region.findMany({ where: { eventId }, select: { code: true, name: true, order: true } });
    const codes = new Set(existing.map((r) => r.code).filter(Boolean));
    const names = new Set(existing.map((r) => r.name.trim().toLocaleLowerCase("id")));
    const fresh = regions.filter((r) => !(r.code && codes.has(r.code)) && !names.has(r.name.trim().toLocaleLowerCase("id")));
    const start = Math.max(-1, ...existing.map((r) => r.order)) + 1;
    if (fresh.length) await tx.region.createMany({ data: fresh.map((r, i) => ({ eventId, name: r.name, code: r.code || null, order: start + i })) });
    const counts = { added: fresh.length, skipped: regions.length - fresh.length };
    await audit({ eventId, actorId: actor.id, action: "region.import", entity: "region", entityId: province.code, after: { province: province.name, ...counts } }, tx);
    return counts;
  });
}

/** A region that teams already carry stays: removing it would erase their kabupaten/kota silently. */
export async function deleteRegion(eventId: string, id: string, actor: Actor): Promise<ItemResult> {
  return db.$transaction(async (tx) => {
    const before = await tx.region.findFirst({ where: { id, eventId }, include: { _count: { select: { teams: true } } } });
    if (!before) return { ok: false, code: "notFound" } as const;
    if (before._count.teams > 0) return { ok: false, code: "inUse" } as const;
    await tx.region.delete({ where: { id } });
    await audit({ eventId, actorId: actor.id, action: "region.delete", entity: "region", entityId: id, before: { name: before.name, code: before.code } }, tx);
    return { ok: true } as const;
  });
}

// --- team rules and judging settings --------------------------------------------------------

/** The event's member pools with their quotas, in their set order. */
export async function listPools(eventId: string) {
  return db.teamPool.findMany({ where: { eventId }, orderBy: { order: "asc" } });
}

export type TeamRulesInput = { minTeamSize: number; maxTeamSize: number; pools: { key: string; label: string; quota: number }[] };

export async function saveTeamRules(eventId: string, input: TeamRulesInput, actor: Actor) {
  await db.$transaction(async (tx) => {
    const before = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { minTeamSize: true, maxTeamSize: true, pools: { orderBy: { order: "asc" } } } });
    await tx.event.update({ where: { id: eventId }, data: { minTeamSize: input.minTeamSize, maxTeamSize: input.maxTeamSize } });
    await tx.teamPool.deleteMany({ where: { eventId } });
    if (input.pools.length) await tx.teamPool.createMany({ data: input.pools.map((p, order) => ({ ...p, eventId, order })) });
    await audit(
      {
        eventId,
        actorId: actor.id,
        action: "teamRules.update",
        entity: "event",
        entityId: eventId,
        before: { minTeamSize: before.minTeamSize, maxTeamSize: before.maxTeamSize, pools: before.pools.map(({ key, label, quota }) => ({ key, label, quota })) },
        after: input,
      },
      tx,
    );
  });
}

export type JudgingSettings = {
  blindJudging: boolean;
  conflictSameRegion: boolean;
  conflictSameKim: boolean;
  conflictSameInstitution: boolean;
  requireProposal: boolean;
  requireVideo: boolean;
  galleryPublished: boolean;
  rankingMethod: string;
};

export async function saveJudgingSettings(eventId: string, input: JudgingSettings, actor: Actor) {
  await db.$transaction(async (tx) => {
    const before = await tx.event.findUniqueOrThrow({ where: { id: eventId } });
    const diff = changedFields(before as unknown as Record<string, unknown>, input);
    if (!diff) return;
    await tx.event.update({ where: { id: eventId }, data: input });
    await audit({ eventId, actorId: actor.id, action: "settings.update", entity: "event", entityId: eventId, ...diff }, tx);
  });
}

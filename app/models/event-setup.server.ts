// Creating an event and editing its settings, FAQ and banner. Every change is audited with what
// it changed, in the same transaction as the change.
import regions from "~/data/jatim-regions.json";
import { changedFields, moveItem } from "~/domain/event-setup";
import type { ParsedTimeline } from "~/validation/event";
import { audit } from "~/services/audit.server";
import { db, isUniqueViolation } from "~/services/db.server";
import { deleteFile, putFile } from "~/services/storage.server";
import type { Failure } from "~/validation/message";

export type Actor = { id: string };

export async function slugTaken(slug: string, exceptEventId?: string): Promise<boolean> {
  const found = await db.event.findUnique({ where: { slug }, select: { id: true } });
  return found !== null && found.id !== exceptEventId;
}

export type NewEvent = { name: string; slug: string; timezone: string; timeline: ParsedTimeline };

/** A new private event with the default regions (the 38 kabupaten/kota of Jawa Timur) and its rounds. */
export async function createEvent(input: NewEvent, actor: Actor): Promise<{ ok: true; id: string } | Failure<"slugTaken">> {
  if (await slugTaken(input.slug)) return { ok: false, code: "slugTaken", field: "slug" };
  const { rounds, ...dates } = input.timeline;
  try {
    const event = await db.$transaction(async (tx) => {
      const created = await tx.event.create({
        data: {
          name: input.name,
          slug: input.slug,
          timezone: input.timezone,
          ...dates,
          regions: { create: regions.regions.map((r, i) => ({ code: r.code, name: r.name, order: i })) },
          rounds: { create: rounds.map((r, i) => ({ name: r.name, closesAt: r.closesAt, order: i + 1 })) },
        },
      });
      await audit(
        {
          eventId: created.id,
          actorId: actor.id,
          action: "event.create",
          entity: "event",
          entityId: created.id,
          after: { name: input.name, slug: input.slug, timezone: input.timezone, ...dates, rounds },
        },
        tx,
      );
      return created;
    });
    return { ok: true, id: event.id };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, code: "slugTaken", field: "slug" };
    throw error;
  }
}

export async function listAllEvents() {
  return db.event.findMany({
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      slug: true,
      name: true,
      isPublic: true,
      timezone: true,
      registrationOpensAt: true,
      members: { where: { role: "ORGANIZER" }, select: { user: { select: { name: true, email: true } } } },
      _count: { select: { teams: true } },
    },
  });
}

export type Settings = {
  name: string;
  slug: string;
  summary: string;
  description: string;
  rules: string;
  timezone: string;
  contactEmail: string | null;
  contactWhatsapp: string | null;
  signatoryName: string;
  signatoryTitle: string;
  privacyNotice: string;
  contactRetentionDays: number;
  isPublic: boolean;
};

export async function updateSettings(eventId: string, input: Settings, actor: Actor): Promise<{ ok: true } | Failure<"slugTaken">> {
  if (await slugTaken(input.slug, eventId)) return { ok: false, code: "slugTaken", field: "slug" };
  try {
    await db.$transaction(async (tx) => {
      const before = await tx.event.findUniqueOrThrow({ where: { id: eventId } });
      const diff = changedFields(before as unknown as Record<string, unknown>, input);
      if (!diff) return;
      await tx.event.update({ where: { id: eventId }, data: input });
      await audit({ eventId, actorId: actor.id, action: "event.update", entity: "event", entityId: eventId, ...diff }, tx);
    });
    return { ok: true };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, code: "slugTaken", field: "slug" };
    throw error;
  }
}

export async function listFaqs(eventId: string) {
  return db.faqItem.findMany({ where: { eventId }, orderBy: [{ order: "asc" }, { id: "asc" }] });
}

export async function addFaq(eventId: string, input: { question: string; answer: string }, actor: Actor) {
  await db.$transaction(async (tx) => {
    const last = await tx.faqItem.aggregate({ where: { eventId }, _max: { order: true } });
    const faq = await tx.faqItem.create({ data: { eventId, ...input, order: (last._max.order ?? -1) + 1 } });
    await audit({ eventId, actorId: actor.id, action: "faq.create", entity: "faq", entityId: faq.id, after: input }, tx);
  });
}

/** Returns false when the item is not this event's (the caller answers 404). */
export async function updateFaq(eventId: string, id: string, input: { question: string; answer: string }, actor: Actor): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const before = await tx.faqItem.findFirst({ where: { id, eventId } });
    if (!before) return false;
    const diff = changedFields(before, input);
    if (!diff) return true;
    await tx.faqItem.update({ where: { id }, data: input });
    await audit({ eventId, actorId: actor.id, action: "faq.update", entity: "faq", entityId: id, ...diff }, tx);
    return true;
  });
}

export async function deleteFaq(eventId: string, id: string, actor: Actor): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const before = await tx.faqItem.findFirst({ where: { id, eventId } });
    if (!before) return false;
    await tx.faqItem.delete({ where: { id } });
    await audit({ eventId, actorId: actor.id, action: "faq.delete", entity: "faq", entityId: id, before: { question: before.question, answer: before.answer } }, tx);
    return true;
  });
}

export async function moveFaq(eventId: string, id: string, direction: "up" | "down", actor: Actor): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const items = await tx.faqItem.findMany({ where: { eventId }, orderBy: [{ order: "asc" }, { id: "asc" }], select: { id: true } });
    const ids = items.map((i) => i.id);
    if (!ids.includes(id)) return false;
    const next = moveItem(ids, id, direction);
    for (const [order, itemId] of next.entries()) await tx.faqItem.update({ where: { id: itemId }, data: { order } });
    await audit({ eventId, actorId: actor.id, action: "faq.reorder", entity: "faq", entityId: id, before: ids, after: next }, tx);
    return true;
  });
}

/** Stores a checked image as the banner and removes the previous file once the row points at the new one. */
export async function setBanner(eventId: string, bytes: Uint8Array, actor: Actor) {
  const stored = await putFile("banners", bytes);
  const before = await db.$transaction(async (tx) => {
    const event = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { bannerKey: true } });
    await tx.event.update({ where: { id: eventId }, data: { bannerKey: stored.key } });
    await audit(
      {
        eventId,
        actorId: actor.id,
        action: "event.banner",
        entity: "event",
        entityId: eventId,
        before: { bannerKey: event.bannerKey },
        after: { bannerKey: stored.key, size: stored.size, sha256: stored.sha256 },
      },
      tx,
    );
    return event.bannerKey;
  });
  if (before) await deleteFile(before);
}

export async function removeBanner(eventId: string, actor: Actor) {
  const before = await db.$transaction(async (tx) => {
    const event = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { bannerKey: true } });
    if (!event.bannerKey) return null;
    await tx.event.update({ where: { id: eventId }, data: { bannerKey: null } });
    await audit({ eventId, actorId: actor.id, action: "event.banner", entity: "event", entityId: eventId, before: { bannerKey: event.bannerKey }, after: { bannerKey: null } }, tx);
    return event.bannerKey;
  });
  if (before) await deleteFile(before);
}

// The public event page: everything a visitor may read about an event.
import { db, type AwardKind, queryRows } from "~/services/db.server";

type ListRow = { list: string; id: string; a: string; b: string | null; c: string | null; n: number | bigint | null };

/**
 * The lists an event page shows besides the event itself (tracks, team pools, awards, FAQ), in
 * one statement; the event record comes from the request context.
 */
export async function getPublicEventLists(eventId: string) {
  const rows = await queryRows<ListRow[]>`
    SELECT 'track' AS "list", x."id", x."name" AS "a", x."description" AS "b", NULL AS "c", NULL AS "n", x."order" AS "ord", x."name" AS "tie"
    FROM "Track" x WHERE x."eventId" = ${eventId}
    UNION ALL
    SELECT 'pool', x."id", x."key", x."label", NULL, x."quota", x."order", x."id" FROM "TeamPool" x WHERE x."eventId" = ${eventId}
    UNION ALL
    SELECT 'award', x."id", x."name", CAST(x."kind" AS TEXT), x."prize", x."place", x."order", x."id" FROM "Award" x WHERE x."eventId" = ${eventId}
    UNION ALL
    SELECT 'faq', x."id", x."question", x."answer", NULL, NULL, x."order", x."id" FROM "FaqItem" x WHERE x."eventId" = ${eventId}
    ORDER BY "list", "ord", "tie"`;
  const of = (list: string) => rows.filter((r) => r.list === list);
  return {
    tracks: of("track").map((r) => ({ id: r.id, name: r.a, description: r.b ?? "" })),
    pools: of("pool").map((r) => ({ key: r.a, label: r.b ?? "", quota: Number(r.n) })),
    awards: of("award").map((r) => ({ id: r.id, name: r.a, kind: r.b as AwardKind, place: r.n === null ? null : Number(r.n), prize: r.c ?? "" })),
    faqs: of("faq").map((r) => ({ id: r.id, question: r.a, answer: r.b ?? "" })),
  };
}

/** The banner's storage key when the viewer may see it: public events to all, private ones to their organizers. */
export async function bannerKeyFor(slug: string) {
  return db.event.findUnique({ where: { slug }, select: { id: true, bannerKey: true, isPublic: true } });
}

/** Whether results are published, without reading the (large) frozen document. */
export async function hasPublication(eventId: string): Promise<boolean> {
  // In SQL: the signed-in event page asks on every view, and through Prisma's query builder the
  // question cost several times its SQL.
  const rows = await queryRows<{ found: number | bigint }[]>`SELECT 1 AS "found" FROM "Publication" WHERE "eventId" = ${eventId} LIMIT 1`;
  return rows.length > 0;
}

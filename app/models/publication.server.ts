// Publishing results: freezes the ranking into a hashed record (berita acara), records the award
// recipients and issues certificates, all in one transaction. Public pages read the frozen
// document only.
import { canonicalJson } from "~/domain/canonical";
import { publicationDocument, type PublicationAward, type PublicationAwardKind, type PublicationDocument } from "~/domain/publication";
import type { RankingMethod } from "~/domain/ranking";
import { audit } from "~/services/audit.server";
import { db, isUniqueViolation } from "~/services/db.server";
import { sha256 } from "~/services/ids.server";
import { issueCertificates } from "./certificate.server";
import { loadRoundResults } from "./results.server";
import { voteTally } from "./vote.server";
import type { Failure } from "~/validation/message";

export type PublishInput = {
  eventId: string;
  actorId: string;
  roundId: string | null;
  method: RankingMethod;
  /** awardId → submission ids */
  recipients: Record<string, string[]>;
  override: boolean;
  overrideReason: string;
  now: Date;
};

export type CorrectionInput = PublishInput & {
  /** The publication the organizer saw as current: a correction replaces exactly that one. */
  supersedesId: string;
  reason: string;
};

export type PublishError =
  | { field: "override"; code: "unfinished" }
  | { field: "overrideReason"; code: "reasonRequired" }
  | { field: "correctionReason"; code: "correctionReason" }
  | {
      field: "";
      code: "alreadyPublished" | "nothingJudged" | "unknownAward" | "notOrganizer" | "notPublished" | "staleCorrection";
    }
  | { field: string; code: "awardNotInEvent" };

export type PublishResult = { ok: true; publicationId: string } | Failure<PublishError["code"]>;

export const CORRECTION_REASON_MIN = 10;

const refuse = ({ code, field }: PublishError): PublishResult => ({ ok: false, code, field });

/** Not corrected by another publication: the end of the event's chain of corrections. */
const isCurrent = { correctedBy: { is: null } } as const;

/** The publication everything public shows: the latest one no correction has replaced. */
export async function currentPublication(eventId: string) {
  return db.publication.findFirst({ where: { eventId, ...isCurrent }, orderBy: { publishedAt: "desc" } });
}

/**
 * Publishing a national edition writes thousands of certificates in the same transaction as the
 * document; Prisma's default of 5 s for an interactive transaction is too short for that on a busy
 * PostgreSQL server, and a refused commit would leave the organizer with nothing published.
 */
const PUBLISH_TRANSACTION = { timeout: 120_000, maxWait: 15_000 };

async function mayPublish(eventId: string, actorId: string): Promise<boolean> {
  const actor = await db.user.findUnique({
    where: { id: actorId },
    select: { isAdmin: true, memberships: { where: { eventId, role: "ORGANIZER" }, select: { id: true } } },
  });
  return !!actor && (actor.isAdmin || actor.memberships.length > 0);
}

/** The first publication of an event's results. */
export async function publishResults(input: PublishInput): Promise<PublishResult> {
  if (!(await mayPublish(input.eventId, input.actorId))) return refuse({ field: "", code: "notOrganizer" });
  if (await currentPublication(input.eventId)) return refuse({ field: "", code: "alreadyPublished" });
  return publish(input, null);
}

/**
 * A correction: a new frozen record that replaces the current one. The replaced record and the
 * certificates it issued stay as they are (still verifiable, marked superseded); certificates
 * are issued afresh from the new record.
 */
export async function correctResults(input: CorrectionInput): Promise<PublishResult> {
  if (!(await mayPublish(input.eventId, input.actorId))) return refuse({ field: "", code: "notOrganizer" });
  const reason = input.reason.trim();
  if (reason.length < CORRECTION_REASON_MIN || reason.length > 1000) return refuse({ field: "correctionReason", code: "correctionReason" });
  const current = await currentPublication(input.eventId);
  if (!current) return refuse({ field: "", code: "notPublished" });
  if (current.id !== input.supersedesId) return refuse({ field: "", code: "staleCorrection" });
  return publish(input, { supersedes: { id: current.id, sha256: current.sha256, method: current.method }, reason });
}

type Correction = { supersedes: { id: string; sha256: string; method: string }; reason: string };

async function publish(input: PublishInput, correction: Correction | null): Promise<PublishResult> {
  const event = await db.event.findUniqueOrThrow({
    where: { id: input.eventId },
    include: { awards: { orderBy: [{ order: "asc" }, { id: "asc" }] } },
  });

  const results = await loadRoundResults(event, { roundId: input.roundId, method: input.method });
  if (!results.round || results.rows.every((r) => r.place === null)) {
    return refuse({ field: "", code: "nothingJudged" });
  }
  const unfinished = results.progress.assignments - results.progress.finalized;
  if (unfinished > 0 && !input.override) return refuse({ field: "override", code: "unfinished" });
  const reason = input.overrideReason.trim();
  if (unfinished > 0 && reason.length < 5) return refuse({ field: "overrideReason", code: "reasonRequired" });

  const awardIds = new Set(event.awards.map((a) => a.id));
  for (const awardId of Object.keys(input.recipients)) {
    if (!awardIds.has(awardId)) return refuse({ field: "", code: "unknownAward" });
  }
  // Recipients must be submissions of this event's ranked round.
  for (const [awardId, ids] of Object.entries(input.recipients)) {
    for (const id of ids) {
      if (!results.entries[id]) return refuse({ field: `award-${awardId}`, code: "awardNotInEvent" });
    }
  }

  const votingClosed = event.peoplesChoice && event.votingClosesAt !== null && event.votingClosesAt.getTime() <= input.now.getTime();
  const votes = votingClosed ? await voteTally(event.id) : null;
  const awards: PublicationAward[] = event.awards.map((a) => ({
    id: a.id,
    name: a.name,
    kind: a.kind as PublicationAwardKind,
    place: a.place,
    recipients: [...new Set(input.recipients[a.id] ?? [])],
  }));
  const judgeIds = Object.keys(results.judgeNames);
  const document: PublicationDocument = publicationDocument({
    event: { id: event.id, name: event.name, slug: event.slug },
    method: input.method,
    tieBreak: results.tieBreakKeys,
    rows: results.rows,
    judges: judgeIds.map((id) => ({ id, name: results.judgeNames[id] })),
    publishedAt: input.now,
    round: results.round && { id: results.round.id, name: results.round.name },
    criteria: results.criteria,
    entries: Object.values(results.entries).map(({ trackId: _t, regionId: _r, search: _s, ...e }) => e),
    awards,
    votes,
    override: unfinished > 0 ? { unfinished, reason } : null,
    correction: correction && { supersedes: { id: correction.supersedes.id, sha256: correction.supersedes.sha256 }, reason: correction.reason },
  });
  const text = canonicalJson(document);
  const hash = sha256(text);

  try {
    const publication = await db.$transaction(async (tx) => {
      await tx.awardRecipient.deleteMany({ where: { award: { eventId: event.id } } });
      const pairs = awards.flatMap((a) => a.recipients.map((submissionId) => ({ awardId: a.id, submissionId })));
      if (pairs.length) await tx.awardRecipient.createMany({ data: pairs });
      const pub = await tx.publication.create({
        data: {
          eventId: event.id,
          roundId: results.round?.id ?? null,
          method: input.method,
          document: text,
          sha256: hash,
          overrideUnfinished: unfinished > 0,
          overrideReason: unfinished > 0 ? reason : null,
          publishedById: input.actorId,
          publishedAt: input.now,
          // Unique: of two corrections of one record sent at once, the second fails here.
          supersedesId: correction?.supersedes.id ?? null,
          correctionReason: correction?.reason ?? null,
        },
      });
      await tx.event.update({ where: { id: event.id }, data: { rankingMethod: input.method } });
      const issued = await issueCertificates(tx, { eventId: event.id, publicationId: pub.id, document, issuedAt: input.now });
      const after = { method: input.method, sha256: hash, awards: pairs, overrideUnfinished: unfinished > 0, overrideReason: unfinished > 0 ? reason : null, certificates: issued };
      await audit(
        correction
          ? {
              eventId: event.id,
              actorId: input.actorId,
              action: "results.correct",
              entity: "Publication",
              entityId: pub.id,
              before: { publicationId: correction.supersedes.id, sha256: correction.supersedes.sha256, method: correction.supersedes.method },
              after: { ...after, reason: correction.reason },
            }
          : {
              eventId: event.id,
              actorId: input.actorId,
              action: "results.publish",
              entity: "Publication",
              entityId: pub.id,
              before: { rankingMethod: event.rankingMethod },
              after,
            },
        tx,
      );
      return pub;
    }, PUBLISH_TRANSACTION);
    return { ok: true, publicationId: publication.id };
  } catch (error) {
    if (correction && isUniqueViolation(error)) {
      return refuse({ field: "", code: "staleCorrection" });
    }
    throw error;
  }
}

// The frozen document never changes, so its parsed form can be kept per process.
const parsed = new Map<string, PublicationDocument>();

export function parseDocument(id: string, text: string): PublicationDocument {
  let doc = parsed.get(id);
  if (!doc) {
    doc = JSON.parse(text) as PublicationDocument;
    if (parsed.size > 200) parsed.clear();
    parsed.set(id, doc);
  }
  return doc;
}

/** A publication's parsed document; the text is read from the database only when not parsed yet. */
export async function publishedDocument(publicationId: string): Promise<PublicationDocument> {
  const hit = parsed.get(publicationId);
  if (hit) return hit;
  const pub = await db.publication.findUniqueOrThrow({ where: { id: publicationId }, select: { document: true } });
  return parseDocument(publicationId, pub.document);
}

/** The current publication of an event, parsed; null when there is no such event. */
/**
 * An event by its address with the publication its public pages show (the latest one no
 * correction has replaced) — one read shared by the leaderboard and the ceremony.
 */
export async function eventWithCurrentPublication(slug: string) {
  const event = await db.event.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      timezone: true,
      isPublic: true,
      peoplesChoice: true,
      statisticsPublic: true,
      publications: {
        where: isCurrent,
        orderBy: { publishedAt: "desc" },
        take: 1,
        select: { id: true, sha256: true, publishedAt: true, method: true, supersedesId: true, correctionReason: true },
      },
    },
  });
  if (!event) return null;
  const { publications, ...rest } = event;
  return { event: rest, publication: publications[0] ?? null };
}

export async function getPublishedResults(slug: string) {
  const found = await eventWithCurrentPublication(slug);
  if (!found) return null;
  if (!found.publication) return { ...found, document: null };
  return { ...found, document: await publishedDocument(found.publication.id) };
}

export async function getPublication(id: string) {
  return db.publication.findUnique({
    where: { id },
    include: {
      event: { select: { slug: true, name: true, timezone: true } },
      supersedes: { select: { id: true, sha256: true, publishedAt: true } },
      correctedBy: { select: { id: true, publishedAt: true, correctionReason: true } },
    },
  });
}

export type Verification = { valid: boolean; computed: string | null; readable: boolean };

/** Re-hashes a document text (as stored, or pasted by anyone) and compares with the recorded hash. */
export function verifyDocumentText(text: string, expected: string): Verification {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { valid: false, computed: null, readable: false };
  }
  try {
    const computed = sha256(canonicalJson(value));
    return { valid: computed === expected, computed, readable: true };
  } catch {
    return { valid: false, computed: null, readable: false };
  }
}

export async function listAwards(eventId: string) {
  return db.award.findMany({
    where: { eventId },
    orderBy: [{ order: "asc" }, { id: "asc" }],
    select: { id: true, name: true, kind: true, place: true, prize: true },
  });
}

/** The award recipients on the current record (awardId → submission ids), which a correction starts from. */
export async function publishedRecipients(eventId: string): Promise<Record<string, string[]>> {
  const rows = await db.awardRecipient.findMany({ where: { award: { eventId } }, select: { awardId: true, submissionId: true }, orderBy: { id: "asc" } });
  const out: Record<string, string[]> = {};
  for (const r of rows) out[r.awardId] = [...(out[r.awardId] ?? []), r.submissionId];
  return out;
}

/**
 * A publication as its public page shows it, with the stored document checked against its hash.
 * A superseded record still verifies (it is what was published then); `current` names the record
 * that replaces it now, at the end of the chain of corrections.
 */
export async function publicationRecord(id: string) {
  const pub = await getPublication(id);
  if (!pub) return null;
  const current = pub.correctedBy ? await db.publication.findFirst({ where: { eventId: pub.eventId, ...isCurrent }, select: { id: true } }) : null;
  const check = verifyDocumentText(pub.document, pub.sha256);
  let doc: PublicationDocument | null = null;
  try {
    doc = JSON.parse(pub.document) as PublicationDocument;
  } catch {
    doc = null;
  }
  return { pub, doc, valid: check.valid, currentId: current?.id ?? null };
}

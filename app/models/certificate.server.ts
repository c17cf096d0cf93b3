// E-certificates: issued by a publication (afresh by each correction, the earlier ones kept and
// marked superseded), downloadable by their owner (or the event's organizers) and verifiable by
// anyone through the unguessable code in the QR.
import { normalizeCertificateCode } from "~/domain/certificate-code";
import type { PublicationDocument } from "~/domain/publication";
import type { Db } from "~/services/db.server";
import { db } from "~/services/db.server";
import { certificateCode } from "~/services/ids.server";

type Tx = Pick<Db, "certificate" | "teamMember" | "eventMember" | "submission" | "round">;
type Kind = "PARTICIPANT" | "FINALIST" | "WINNER" | "JUDGE";

/** One certificate per person and kind: every member of an accepted or ranked team, finalists, winners, judges. */
export async function issueCertificates(tx: Tx, input: { eventId: string; publicationId: string; document: PublicationDocument; issuedAt: Date }) {
  const { eventId, document } = input;
  const ranked = new Set(document.entries.map((e) => e.submissionId));
  const lastRound = await tx.round.findFirst({ where: { eventId }, orderBy: { order: "desc" }, select: { id: true } });
  const [members, judges, finalists] = await Promise.all([
    // Filtered here rather than with an IN list of the ranked submissions: a national edition
    // ranks thousands, more than SQLite accepts as parameters of one statement.
    tx.teamMember
      .findMany({
        where: { eventId },
        select: { userId: true, user: { select: { name: true } }, team: { select: { status: true, submission: { select: { id: true } } } } },
      })
      .then((all) => all.filter((m) => m.team.status === "ACCEPTED" || (m.team.submission !== null && ranked.has(m.team.submission.id)))),
    tx.eventMember.findMany({ where: { eventId, role: "JUDGE" }, select: { userId: true, user: { select: { name: true } } } }),
    lastRound
      ? tx.submission.findMany({
          where: { eventId, OR: [{ assignments: { some: { roundId: lastRound.id } } }, { entries: { some: { roundId: lastRound.id } } }] },
          select: { id: true },
        })
      : Promise.resolve([]),
  ]);
  const finalistIds = new Set(finalists.map((f) => f.id));
  const awardsBySubmission = new Map<string, string[]>();
  for (const a of document.awards) {
    for (const id of a.recipients) awardsBySubmission.set(id, [...(awardsBySubmission.get(id) ?? []), a.name]);
  }

  const { publicationId } = input;
  const rows: { code: string; eventId: string; publicationId: string; userId: string; kind: Kind; awardName: string | null; name: string; issuedAt: Date }[] = [];
  const add = (userId: string, name: string, kind: Kind, awardName: string | null = null) =>
    rows.push({ code: certificateCode(), eventId, publicationId, userId, kind, awardName, name, issuedAt: input.issuedAt });
  for (const m of members) {
    add(m.userId, m.user.name, "PARTICIPANT");
    const submissionId = m.team.submission?.id;
    if (submissionId && finalistIds.has(submissionId)) add(m.userId, m.user.name, "FINALIST");
    const awards = submissionId ? awardsBySubmission.get(submissionId) : undefined;
    if (awards?.length) add(m.userId, m.user.name, "WINNER", awards.join(", "));
  }
  for (const j of judges) add(j.userId, j.user.name, "JUDGE");

  if (rows.length) await tx.certificate.createMany({ data: rows });
  return rows.length;
}

const certificateInclude = {
  event: { select: { id: true, slug: true, name: true, timezone: true } },
} as const;

/** Issued by the current publication of its event (not replaced by a correction). */
const fromCurrentPublication = { publication: { correctedBy: { is: null } } } as const;

// Codes issued before typeable codes existed (base64url, case-sensitive) match only as written.
const LEGACY_CODE = /^[A-Za-z0-9_-]{10,64}$/;

/** The codes a typed or scanned code may stand for: its typeable form and, if it has one, its exact legacy form. */
export function codeCandidates(input: string): string[] {
  if (input.length > 200) return [];
  const candidates = new Set<string>();
  const typed = normalizeCertificateCode(input);
  if (typed) candidates.add(typed);
  if (LEGACY_CODE.test(input)) candidates.add(input);
  return [...candidates];
}

export async function getCertificateByCode(code: string) {
  const candidates = codeCandidates(code);
  if (candidates.length === 0) return null;
  return db.certificate.findFirst({ where: { code: { in: candidates } }, include: certificateInclude });
}

export type CertificateRecord = NonNullable<Awaited<ReturnType<typeof getCertificateByCode>>>;

/**
 * A certificate as its verification page shows it: whether a correction has replaced the
 * publication that issued it, and if so when, why, which record is current and which
 * certificate (if any) the correction issued to the same person in the same role.
 */
export async function verifyCertificate(code: string) {
  const candidates = codeCandidates(code);
  if (candidates.length === 0) return null;
  const cert = await db.certificate.findFirst({
    where: { code: { in: candidates } },
    include: { ...certificateInclude, publication: { select: { id: true, correctedBy: { select: { id: true, publishedAt: true, correctionReason: true } } } } },
  });
  if (!cert) return null;
  const { publication, ...rest } = cert;
  if (!publication.correctedBy) return { certificate: rest, publicationId: publication.id, superseded: null };
  const current = await db.publication.findFirst({
    where: { eventId: cert.eventId, correctedBy: { is: null } },
    select: { id: true, certificates: { where: { userId: cert.userId, kind: cert.kind }, select: { code: true }, take: 1 } },
  });
  return {
    certificate: rest,
    publicationId: publication.id,
    superseded: {
      at: publication.correctedBy.publishedAt,
      reason: publication.correctedBy.correctionReason ?? "",
      currentPublicationId: current?.id ?? publication.correctedBy.id,
      replacementCode: current?.certificates[0]?.code ?? null,
    },
  };
}

export async function listMyCertificates(userId: string) {
  return db.certificate.findMany({
    where: { userId, ...fromCurrentPublication },
    include: certificateInclude,
    orderBy: [{ issuedAt: "desc" }, { kind: "asc" }],
  });
}

export async function listEventCertificates(eventId: string) {
  return db.certificate.findMany({ where: { eventId, ...fromCurrentPublication }, include: certificateInclude, orderBy: [{ name: "asc" }, { kind: "asc" }] });
}

/** The signatory block set in the event's settings; without a name, the first organizer signs. */
export async function signatoryFor(eventId: string) {
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId }, select: { signatoryName: true, signatoryTitle: true } });
  if (event.signatoryName.trim()) return { name: event.signatoryName.trim(), title: event.signatoryTitle.trim() };
  const first = await db.eventMember.findFirst({
    where: { eventId, role: "ORGANIZER" },
    orderBy: { createdAt: "asc" },
    select: { user: { select: { name: true } } },
  });
  return { name: first?.user.name ?? "", title: event.signatoryTitle.trim() };
}

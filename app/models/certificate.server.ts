// E-certificates: issued once when results are published, downloadable by their owner (or the
// event's organizers) and verifiable by anyone through the unguessable code in the QR.
import type { PublicationDocument } from "~/domain/publication";
import type { Db } from "~/services/db.server";
import { db } from "~/services/db.server";
import { randomToken } from "~/services/ids.server";

type Tx = Pick<Db, "certificate" | "teamMember" | "eventMember" | "submission" | "round">;
type Kind = "PARTICIPANT" | "FINALIST" | "WINNER" | "JUDGE";

/** One certificate per person and kind: every member of an accepted or ranked team, finalists, winners, judges. */
export async function issueCertificates(tx: Tx, input: { eventId: string; document: PublicationDocument; issuedAt: Date }) {
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

  const rows: { code: string; eventId: string; userId: string; kind: Kind; awardName: string | null; name: string; issuedAt: Date }[] = [];
  const add = (userId: string, name: string, kind: Kind, awardName: string | null = null) =>
    rows.push({ code: randomToken(15), eventId, userId, kind, awardName, name, issuedAt: input.issuedAt });
  for (const m of members) {
    add(m.userId, m.user.name, "PARTICIPANT");
    const submissionId = m.team.submission?.id;
    if (submissionId && finalistIds.has(submissionId)) add(m.userId, m.user.name, "FINALIST");
    const awards = submissionId ? awardsBySubmission.get(submissionId) : undefined;
    if (awards?.length) add(m.userId, m.user.name, "WINNER", awards.join(", "));
  }
  for (const j of judges) add(j.userId, j.user.name, "JUDGE");

  await tx.certificate.deleteMany({ where: { eventId } });
  if (rows.length) await tx.certificate.createMany({ data: rows });
  return rows.length;
}

const certificateInclude = {
  event: { select: { id: true, slug: true, name: true, timezone: true } },
} as const;

export async function getCertificateByCode(code: string) {
  if (!/^[A-Za-z0-9_-]{10,64}$/.test(code)) return null;
  return db.certificate.findUnique({ where: { code }, include: certificateInclude });
}

export type CertificateRecord = NonNullable<Awaited<ReturnType<typeof getCertificateByCode>>>;

export async function listMyCertificates(userId: string) {
  return db.certificate.findMany({
    where: { userId },
    include: certificateInclude,
    orderBy: [{ issuedAt: "desc" }, { kind: "asc" }],
  });
}

export async function listEventCertificates(eventId: string) {
  return db.certificate.findMany({ where: { eventId }, include: certificateInclude, orderBy: [{ name: "asc" }, { kind: "asc" }] });
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

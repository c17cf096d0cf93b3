// Corrections of published results: a new record supersedes the current one, the old record and
// its certificates stay (still verifiable, marked superseded), certificates are reissued.
import { describe, expect, it } from "vitest";
import { db } from "~/services/db.server";
import { judgedEvent } from "~/test/results-fixture";
import { getCertificateByCode, listEventCertificates, listMyCertificates, verifyCertificate } from "./certificate.server";
import { publicLeaderboard } from "./leaderboard.server";
import { correctResults, currentPublication, getPublishedResults, publicationRecord, publishResults, verifyDocumentText } from "./publication.server";
import { loadRoundResults } from "./results.server";

type Fx = Awaited<ReturnType<typeof judgedEvent>>;

const REASON = "Nilai Dampak tim Sigap Desa salah input oleh operator.";

async function published(fx: Fx) {
  const round = fx.rounds[0]!;
  const results = await loadRoundResults(fx.event, { roundId: round.id, method: "zscore" });
  const ranked = results.rows.filter((r) => r.place !== null).map((r) => r.submissionId);
  const first = await db.award.findFirstOrThrow({ where: { eventId: fx.event.id, place: 1 } });
  const base = { eventId: fx.event.id, actorId: fx.organizer.id, roundId: round.id, method: "zscore" as const, override: false, overrideReason: "" };
  const done = await publishResults({ ...base, recipients: { [first.id]: [ranked[0]!] }, now: new Date(Date.now() - 60_000) });
  if (!done.ok) throw new Error(done.code);
  const pub = await db.publication.findUniqueOrThrow({ where: { id: done.publicationId } });
  return { base, ranked, first, pub };
}

/** Every table a refused correction must leave as it was. */
async function counts(eventId: string) {
  const [publications, certificates, audits, recipients] = await Promise.all([
    db.publication.count({ where: { eventId } }),
    db.certificate.count({ where: { eventId } }),
    db.auditLog.count({ where: { eventId } }),
    db.awardRecipient.count({ where: { award: { eventId } } }),
  ]);
  return { publications, certificates, audits, recipients };
}

describe("correcting published results", () => {
  it("supersedes the current record: the new one is current everywhere, the old one stays and still verifies", async () => {
    const fx = await judgedEvent();
    const { base, ranked, first, pub: old } = await published(fx);
    const oldCerts = await db.certificate.findMany({ where: { publicationId: old.id } });

    const corrected = await correctResults({ ...base, recipients: { [first.id]: [ranked[1]!] }, supersedesId: old.id, reason: `  ${REASON}  `, now: new Date() });
    expect(corrected.ok).toBe(true);
    if (!corrected.ok) return;
    const next = await db.publication.findUniqueOrThrow({ where: { id: corrected.publicationId } });
    expect(next.supersedesId).toBe(old.id);
    expect(next.correctionReason).toBe(REASON);
    expect((await currentPublication(fx.event.id))?.id).toBe(next.id);

    // The new record names what it corrects and why, inside what is hashed.
    const doc = JSON.parse(next.document);
    expect(doc.correction).toEqual({ supersedes: { id: old.id, sha256: old.sha256 }, reason: REASON });
    expect(doc.awards.find((a: { id: string }) => a.id === first.id).recipients).toEqual([ranked[1]]);
    expect(verifyDocumentText(next.document, next.sha256).valid).toBe(true);

    // The old record is untouched, verifies, and knows what replaced it.
    const before = await db.publication.findUniqueOrThrow({ where: { id: old.id } });
    expect(before.document).toBe(old.document);
    expect(verifyDocumentText(before.document, before.sha256).valid).toBe(true);
    const record = await publicationRecord(old.id);
    expect(record?.valid).toBe(true);
    expect(record?.pub.correctedBy?.id).toBe(next.id);
    expect(record?.currentId).toBe(next.id);

    // Public pages read the new record.
    expect((await getPublishedResults(fx.event.slug))?.publication?.id).toBe(next.id);
    const board = await publicLeaderboard(fx.event.slug, { track: null, region: null, page: null });
    expect(board?.publication?.id).toBe(next.id);
    expect(board?.publication?.correctionReason).toBe(REASON);
    expect(board?.board?.awards.find((a) => a.id === first.id)?.recipients).toHaveLength(1);
    expect(await db.awardRecipient.findMany({ where: { awardId: first.id }, select: { submissionId: true } })).toEqual([{ submissionId: ranked[1] }]);

    // Certificates: the old ones stay with their record, new ones come from the correction.
    expect(await db.certificate.count({ where: { publicationId: old.id } })).toBe(oldCerts.length);
    const newCerts = await db.certificate.findMany({ where: { publicationId: next.id } });
    expect(newCerts.length).toBeGreaterThan(0);
    const oldCodes = new Set(oldCerts.map((c) => c.code));
    expect(newCerts.filter((c) => oldCodes.has(c.code))).toEqual([]);
    expect((await listEventCertificates(fx.event.id)).map((c) => c.id).sort()).toEqual(newCerts.map((c) => c.id).sort());
    const judge = fx.judges[0]!;
    const mine = await listMyCertificates(judge.id);
    expect(mine.map((c) => c.code)).toEqual([newCerts.find((c) => c.userId === judge.id && c.kind === "JUDGE")!.code]);

    const audit = await db.auditLog.findFirstOrThrow({ where: { eventId: fx.event.id, action: "results.correct" } });
    expect(audit.entityId).toBe(next.id);
    expect(JSON.parse(audit.before ?? "{}")).toMatchObject({ publicationId: old.id, sha256: old.sha256 });
    expect(JSON.parse(audit.after ?? "{}")).toMatchObject({ reason: REASON, sha256: next.sha256, certificates: newCerts.length });
  });

  it("marks the old certificate superseded, with the correction's date and reason and the replacement", async () => {
    const fx = await judgedEvent();
    const { base, ranked, first, pub: old } = await published(fx);
    const oldWinner = await db.certificate.findFirstOrThrow({ where: { publicationId: old.id, kind: "WINNER" } });
    const oldJudge = await db.certificate.findFirstOrThrow({ where: { publicationId: old.id, kind: "JUDGE" } });
    const current = await verifyCertificate(oldJudge.code);
    expect(current?.superseded).toBeNull();

    const now = new Date();
    const corrected = await correctResults({ ...base, recipients: { [first.id]: [ranked[1]!] }, supersedesId: old.id, reason: REASON, now });
    if (!corrected.ok) throw new Error(corrected.code);

    const judgeView = await verifyCertificate(oldJudge.code);
    const replacement = await db.certificate.findFirstOrThrow({ where: { publicationId: corrected.publicationId, userId: oldJudge.userId, kind: "JUDGE" } });
    expect(judgeView?.superseded).toEqual({ at: now, reason: REASON, currentPublicationId: corrected.publicationId, replacementCode: replacement.code });
    expect((await verifyCertificate(replacement.code))?.superseded).toBeNull();

    // The old winner lost the award in the correction: superseded with no replacement of that kind.
    const winnerView = await verifyCertificate(oldWinner.code);
    const stillWinner = await db.certificate.count({ where: { publicationId: corrected.publicationId, userId: oldWinner.userId, kind: "WINNER" } });
    expect(stillWinner).toBe(0);
    expect(winnerView?.superseded?.replacementCode).toBeNull();
    expect(winnerView?.certificate.awardName).toBe("Juara I");

    // A second correction: the first certificates now lead to the latest record.
    const again = await correctResults({
      ...base,
      recipients: { [first.id]: [ranked[0]!] },
      supersedesId: corrected.publicationId,
      reason: "Koreksi kedua: keputusan dewan juri.",
      now: new Date(now.getTime() + 1000),
    });
    if (!again.ok) throw new Error(again.code);
    const latest = await verifyCertificate(oldJudge.code);
    expect(latest?.superseded?.reason).toBe(REASON);
    expect(latest?.superseded?.currentPublicationId).toBe(again.publicationId);
    expect((await verifyCertificate(replacement.code))?.superseded?.reason).toBe("Koreksi kedua: keputusan dewan juri.");
    expect((await publicationRecord(old.id))?.currentId).toBe(again.publicationId);
  });

  it("refuses a correction without a reason (or too short), writing nothing", async () => {
    const fx = await judgedEvent();
    const { base, pub } = await published(fx);
    const before = await counts(fx.event.id);
    for (const reason of ["", "   ", "salah"]) {
      const refused = await correctResults({ ...base, recipients: {}, supersedesId: pub.id, reason, now: new Date() });
      expect(refused).toEqual({ ok: false, field: "correctionReason", code: "correctionReason" });
    }
    expect(await counts(fx.event.id)).toEqual(before);
    expect((await currentPublication(fx.event.id))?.id).toBe(pub.id);
  });

  it("refuses anyone but the event's organizers, writing nothing", async () => {
    const fx = await judgedEvent();
    const { base, pub } = await published(fx);
    const other = await judgedEvent();
    const before = await counts(fx.event.id);
    for (const actorId of [fx.judges[0]!.id, fx.teams[0]!.members[0]!.userId, other.organizer.id, (await fx.mk("Orang Lain")).id, "tidak-ada"]) {
      const refused = await correctResults({ ...base, actorId, recipients: {}, supersedesId: pub.id, reason: REASON, now: new Date() });
      expect(refused).toEqual({ ok: false, field: "", code: "notOrganizer" });
    }
    const first = await publishResults({ ...base, eventId: other.event.id, roundId: other.rounds[0]!.id, actorId: fx.organizer.id, recipients: {}, now: new Date() });
    expect(first).toEqual({ ok: false, field: "", code: "notOrganizer" });
    expect(await counts(fx.event.id)).toEqual(before);
    expect(await db.publication.count({ where: { eventId: other.event.id } })).toBe(0);
  });

  it("corrects only the current record: a stale or unknown one is refused, as is an event never published", async () => {
    const fx = await judgedEvent();
    const { base, pub } = await published(fx);
    const ok = await correctResults({ ...base, recipients: {}, supersedesId: pub.id, reason: REASON, now: new Date() });
    expect(ok.ok).toBe(true);
    const before = await counts(fx.event.id);
    for (const supersedesId of [pub.id, "tidak-ada"]) {
      const stale = await correctResults({ ...base, recipients: {}, supersedesId, reason: REASON, now: new Date() });
      expect(stale).toEqual({ ok: false, field: "", code: "staleCorrection" });
    }
    expect(await counts(fx.event.id)).toEqual(before);

    // Two organizers correcting the same record at once: one correction wins, the other is told.
    const current = (await currentPublication(fx.event.id))!;
    const both = await Promise.all(
      ["Koreksi dari panitia pertama.", "Koreksi dari panitia kedua."].map((reason) => correctResults({ ...base, recipients: {}, supersedesId: current.id, reason, now: new Date() })),
    );
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.filter((r) => !r.ok)).toEqual([{ ok: false, field: "", code: "staleCorrection" }]);
    expect(await db.publication.count({ where: { eventId: fx.event.id } })).toBe(3);

    const fresh = await judgedEvent();
    const none = await correctResults({
      ...base,
      eventId: fresh.event.id,
      roundId: fresh.rounds[0]!.id,
      actorId: fresh.organizer.id,
      recipients: {},
      supersedesId: pub.id,
      reason: REASON,
      now: new Date(),
    });
    expect(none).toEqual({ ok: false, field: "", code: "notPublished" });
  });
});

describe("certificate codes", () => {
  it("are typeable, found however they are typed, while an older code verifies exactly as written", async () => {
    const fx = await judgedEvent();
    const { pub } = await published(fx);
    const cert = await db.certificate.findFirstOrThrow({ where: { publicationId: pub.id, kind: "JUDGE" } });
    expect(cert.code).toMatch(/^KIM(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    const typed = cert.code.toLowerCase().replace(/-/g, " ").replace(/0/g, "o").replace(/1/g, "l");
    expect((await getCertificateByCode(typed))?.id).toBe(cert.id);
    expect((await getCertificateByCode(cert.code.slice(4)))?.id).toBe(cert.id);

    // A certificate issued before these codes: base64url, case-sensitive.
    const legacy = await db.certificate.create({
      data: { code: "aB3_xY9-Qw7zLm2Kp4Rs", eventId: fx.event.id, publicationId: pub.id, userId: fx.organizer.id, kind: "PARTICIPANT", name: "Rina Panitia", issuedAt: new Date() },
    });
    expect((await getCertificateByCode("aB3_xY9-Qw7zLm2Kp4Rs"))?.id).toBe(legacy.id);
    expect(await getCertificateByCode("ab3_xy9-qw7zlm2kp4rs")).toBeNull();
    expect((await verifyCertificate("aB3_xY9-Qw7zLm2Kp4Rs"))?.certificate.id).toBe(legacy.id);
    expect(await getCertificateByCode("KIM-0000-0000-0000-0000")).toBeNull();
    expect(await getCertificateByCode("x".repeat(500))).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import type { PublicationDocument } from "~/domain/publication";
import { db } from "~/services/db.server";
import { judgedEvent } from "~/test/results-fixture";
import { issueCertificates } from "./certificate.server";

describe("issueCertificates", () => {
  it("issues certificates for a ranking of thousands of submissions (no bound parameter per submission)", async () => {
    const fx = await judgedEvent();
    const real = fx.teams.flatMap((t) => (t.submission ? [t.submission.id] : []));
    // A national edition ranks 2,000 submissions; SQLite refuses a statement with that many parameters.
    const ranked = [...real, ...Array.from({ length: 2500 }, (_, i) => `absent-${i}`)];
    const document = { entries: ranked.map((submissionId) => ({ submissionId })), awards: [] } as unknown as PublicationDocument;
    const publication = await db.publication.create({
      data: { eventId: fx.event.id, method: "raw", document: "{}", sha256: `uji-${fx.event.id}`, publishedById: fx.organizer.id, publishedAt: new Date() },
    });

    const issued = await issueCertificates(db, { eventId: fx.event.id, publicationId: publication.id, document, issuedAt: new Date() });

    const members = fx.teams.flatMap((t) => t.members);
    const participants = await db.certificate.count({ where: { publicationId: publication.id, kind: "PARTICIPANT" } });
    expect(participants).toBe(members.length);
    expect(issued).toBeGreaterThanOrEqual(members.length);
  });
});

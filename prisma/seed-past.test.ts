import { describe, expect, it } from "vitest";
import { currentPublication, verifyDocumentText } from "../app/models/publication.server";
import { db } from "../app/services/db.server";
import { seedDemo } from "./seed";

describe("demo seed: the finished 2025 edition", () => {
  it("is published with a verifiable record, winners and certificates, while 2026 awaits publication", async () => {
    await seedDemo(db, new Date());
    const past = await db.event.findUniqueOrThrow({ where: { slug: "kim-hackathon-jatim-2025" }, include: { awards: { include: { recipients: true } } } });
    const pub = await currentPublication(past.id);
    expect(pub).not.toBeNull();
    expect(verifyDocumentText(pub?.document ?? "", pub?.sha256 ?? "").valid).toBe(true);
    expect(past.awards.filter((a) => a.kind === "PLACE").every((a) => a.recipients.length >= 1)).toBe(true);
    const kinds = new Set((await db.certificate.findMany({ where: { eventId: past.id }, select: { kind: true } })).map((c) => c.kind));
    expect(kinds).toEqual(new Set(["PARTICIPANT", "FINALIST", "WINNER", "JUDGE"]));
    expect(pub?.publishedAt.getTime()).toBeLessThan(Date.now());

    const current = await db.event.findUniqueOrThrow({ where: { slug: "kim-hackathon-jatim-2026" } });
    expect(await currentPublication(current.id)).toBeNull();
  });
});

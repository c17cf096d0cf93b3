import { describe, expect, it } from "vitest";
import { UPLOAD_KINDS } from "../app/domain/filetype";
import { validateCriteria } from "../app/domain/scoring";
import { db } from "../app/services/db.server";
import { checkUpload } from "../app/services/filetype.server";
import { getFile } from "../app/services/storage.server";
import { seedDemo } from "./seed";
import { bannerPng } from "./seed-events";

describe("demo seed: events", () => {
  it("draws a banner the upload check accepts", async () => {
    expect(await checkUpload({ bytes: bannerPng([0, 0, 0], [255, 255, 255], 30, 10), declaredName: "b.png", ...UPLOAD_KINDS.image })).toMatchObject({ ok: true, kind: "png" });
  });

  it("uses every event setting", async () => {
    await seedDemo(db, new Date());
    const main = await db.event.findUniqueOrThrow({
      where: { slug: "kim-hackathon-jatim-2026" },
      include: { rounds: { include: { criteria: true } }, tracks: true, regions: true, pools: true, faqs: true, awards: true, members: true, auditLogs: true },
    });
    expect(main.bannerKey).toBeTruthy();
    expect(await getFile(main.bannerKey ?? "")).not.toBeNull();
    expect(main).toMatchObject({ isPublic: true, peoplesChoice: true, galleryPublished: true, requireProposal: true, requireVideo: true, rankingMethod: "zscore" });
    expect(main.contactEmail && main.contactWhatsapp && main.summary && main.description && main.rules).toBeTruthy();
    expect(main.votingOpensAt!.getTime()).toBeLessThan(main.votingClosesAt!.getTime());
    expect(main.regions).toHaveLength(38);
    expect(main.pools.map((p) => p.key)).toEqual(expect.arrayContaining(["mahasiswa", "kim"]));
    expect(new Set(main.awards.map((a) => a.kind))).toEqual(new Set(["PLACE", "HONORABLE", "SPECIAL", "PEOPLES_CHOICE"]));
    for (const r of main.rounds) expect(validateCriteria(r.criteria)).toEqual([]);
    expect(main.rounds.map((r) => r.judgesPerSubmission)).toEqual([3, 4]);
    expect(main.members.filter((m) => m.role === "JUDGE").every((m) => m.regionId && (m.kimName || m.institution))).toBe(true);
    expect(main.auditLogs.some((l) => l.action === "event.create")).toBe(true);

    const next = await db.event.findUniqueOrThrow({ where: { slug: "kim-hackathon-jatim-2027" } });
    expect(next).toMatchObject({ blindJudging: true, rankingMethod: "borda", conflictSameInstitution: false });
    expect(next.bannerKey).toBeTruthy();
    const draft = await db.event.findUniqueOrThrow({ where: { slug: "kim-hackathon-bali-nusra-2027" }, include: { members: true } });
    expect(draft).toMatchObject({ isPublic: false, timezone: "Asia/Makassar", rankingMethod: "raw" });
    expect(draft.members).toHaveLength(1);
  });
});

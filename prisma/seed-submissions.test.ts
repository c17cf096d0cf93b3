import { describe, expect, it } from "vitest";
import { db } from "../app/services/db.server";
import { fileExists } from "../app/services/storage.server";
import { seedDemo } from "./seed";
import { seedSubmissions } from "./seed-submissions";

describe("demo submissions", () => {
  it("give the 2026 event a submission in every state, and a second run adds nothing", async () => {
    const now = new Date();
    await seedDemo(db, now);
    const event = await db.event.findUniqueOrThrow({ where: { slug: "kim-hackathon-jatim-2026" } });
    const submissions = await db.submission.findMany({
      where: { eventId: event.id },
      include: { revisions: true, attachments: true, team: { include: { extensions: true } } },
    });
    const submitted = submissions.filter((s) => s.status === "SUBMITTED");
    expect(submissions.some((s) => s.status === "DRAFT")).toBe(true);
    expect(submitted.some((s) => s.revisions.length === 1)).toBe(true);
    expect(submitted.some((s) => s.revisions.length >= 3)).toBe(true);
    const late = submitted.find((s) => s.submittedAt && s.submittedAt >= event.submissionClosesAt);
    expect(late?.team.extensions.some((e) => e.kind === "SUBMISSION" && e.until > late.submittedAt!)).toBe(true);
    // Every seeded submission was in before its (possibly extended) deadline and not in the future.
    for (const s of submitted) expect(s.submittedAt!.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(await db.team.count({ where: { eventId: event.id, status: "ACCEPTED", submission: null } })).toBeGreaterThan(0);
    for (const s of submissions) expect(await fileExists(s.coverKey!)).toBe(true);

    const count = await db.submission.count();
    await seedSubmissions(db, event.id, now);
    expect(await db.submission.count()).toBe(count);
  });
});

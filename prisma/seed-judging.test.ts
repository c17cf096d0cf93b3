import { describe, expect, it } from "vitest";
import { weightedTotal } from "../app/domain/scoring";
import { conflictContext } from "../app/models/conflict.server";
import { db } from "../app/services/db.server";
import { seedDemo } from "./seed";

describe("demo judging seed", () => {
  it("fully judges round 1 of the 2026 event with its seeded judges, fairly and without conflicts", async () => {
    await seedDemo(db, new Date());
    const event = await db.event.findUniqueOrThrow({ where: { slug: "kim-hackathon-jatim-2026" }, include: { rounds: { orderBy: { order: "asc" }, include: { criteria: true } } } });
    const [round1, round2] = event.rounds;
    const entries = await db.roundEntry.findMany({ where: { roundId: round1.id } });
    const submitted = await db.submission.count({ where: { eventId: event.id, status: "SUBMITTED", team: { status: "ACCEPTED" } } });
    expect(entries.length).toBe(submitted);
    expect(submitted).toBeGreaterThanOrEqual(3);

    const assignments = await db.assignment.findMany({ where: { roundId: round1.id }, include: { judge: true, submission: true, judgment: { include: { scores: true } } } });
    for (const e of entries) expect(assignments.filter((a) => a.submissionId === e.submissionId)).toHaveLength(3);
    expect(new Set(assignments.map((a) => a.judge.email))).toEqual(new Set([1, 2, 3, 4, 5, 6].map((i) => `juri${i}@kim-hackathon.id`)));
    for (const a of assignments) {
      expect(a.judgment?.finalizedAt).not.toBeNull();
      expect(a.judgment && a.judgment.finalizedAt! < round1.closesAt).toBe(true);
      expect(a.judgment?.comment).not.toBe("");
      expect(weightedTotal(round1.criteria, Object.fromEntries(a.judgment!.scores.map((s) => [s.criterionId, s.value])))).not.toBeNull();
    }
    const { matrix } = await conflictContext(event.id);
    for (const a of assignments) expect(matrix.get(a.judgeId)?.get(a.submission.teamId) ?? []).toEqual([]);
    expect(await db.conflict.count({ where: { eventId: event.id, source: "DECLARED" } })).toBe(1);
    expect(await db.conflict.count({ where: { eventId: event.id, source: "DETECTED" } })).toBeGreaterThanOrEqual(3);

    const meanOf = (email: string) => {
      const totals = assignments.filter((a) => a.judge.email === email).map((a) => weightedTotal(round1.criteria, Object.fromEntries(a.judgment!.scores.map((s) => [s.criterionId, s.value]))) ?? 0);
      return totals.reduce((x, y) => x + y, 0) / totals.length;
    };
    expect(meanOf("juri2@kim-hackathon.id")).toBeLessThan(meanOf("juri5@kim-hackathon.id"));
    expect(await db.auditLog.count({ where: { eventId: event.id, action: "judgment.finalize" } })).toBe(assignments.length);

    // The Final is open: the best submissions advanced and have judges, nothing scored yet.
    const finalEntries = await db.roundEntry.count({ where: { roundId: round2.id } });
    expect(finalEntries).toBeGreaterThan(0);
    expect(await db.assignment.count({ where: { roundId: round2.id } })).toBe(finalEntries * 3);
    expect(await db.judgment.count({ where: { assignment: { roundId: round2.id } } })).toBe(0);

    // Idempotent per submission: running again skips what already has assignments.
    const { seedJudging } = await import("./seed-judging");
    await seedJudging(db, new Date());
    expect(await db.assignment.count({ where: { roundId: round1.id } })).toBe(assignments.length);
  });
});

// The write under a score save, on its own: the judgment, its scores and its audit record land
// together only while the judgment is still at the version the save was based on. The page's
// own checks (judging-scoring.test.ts) turn most stale saves away before they get here; these
// are the saves that pass them and then lose a race.
import { beforeAll, describe, expect, it } from "vitest";
import { writeJudgment, type JudgmentWrite } from "~/models/judging.server";
import { db } from "~/services/db.server";
import { assign, judgingEvent } from "~/test/judging-fixture";

let fx: Awaited<ReturnType<typeof judgingEvent>>;
let c1: string;
let c2: string;

beforeAll(async () => {
  fx = await judgingEvent({ judges: 2, teams: 3 });
  [c1, c2] = fx.rounds[0].criteria.map((c) => c.id);
});

function write(assignmentId: string, before: { id: string } | null, version: number, scores: Record<string, number>, comment = "Bagus"): JudgmentWrite {
  const now = new Date();
  return {
    assignmentId,
    before,
    version,
    data: { comment, privateNote: "", version: version + 1, finalizedAt: null },
    scores,
    now,
    entry: (judgmentId) => ({ eventId: fx.event.id, actorId: fx.judges[0].id, action: "judgment.save", entity: "judgment", entityId: judgmentId, after: { scores } }),
  };
}

async function state(assignmentId: string) {
  const j = await db.judgment.findUnique({ where: { assignmentId }, include: { scores: true } });
  if (!j) return null;
  const audits = await db.auditLog.findMany({ where: { entity: "judgment", entityId: j.id }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  return {
    version: j.version,
    comment: j.comment,
    finalized: j.finalizedAt !== null,
    scores: Object.fromEntries(j.scores.map((s) => [s.criterionId, s.value])),
    audits: audits.map((a) => JSON.parse(a.after ?? "{}").scores),
  };
}

describe("writing a judgment", () => {
  it("writes the first save, then later ones that name the stored version, with an audit record each", async () => {
    const a = await assign(fx.rounds[0].id, fx.judges[0].id, fx.submissions[0].id);
    expect(await writeJudgment(write(a.id, null, 0, { [c1]: 4, [c2]: 5 }))).toBe(true);
    const j = await db.judgment.findUniqueOrThrow({ where: { assignmentId: a.id } });
    expect(await writeJudgment(write(a.id, j, 1, { [c2]: 8 }, "revisi"))).toBe(true);
    expect(await state(a.id)).toEqual({ version: 2, comment: "revisi", finalized: false, scores: { [c2]: 8 }, audits: [{ [c1]: 4, [c2]: 5 }, { [c2]: 8 }] });
    expect(await writeJudgment(write(a.id, j, 2, {}))).toBe(true);
    expect(await state(a.id)).toMatchObject({ version: 3, scores: {}, audits: [{ [c1]: 4, [c2]: 5 }, { [c2]: 8 }, {}] });
  });

  it("writes nothing for a save based on an older version: not the judgment, not a score, not an audit record", async () => {
    const a = await assign(fx.rounds[0].id, fx.judges[0].id, fx.submissions[1].id);
    expect(await writeJudgment(write(a.id, null, 0, { [c1]: 6, [c2]: 4 }))).toBe(true);
    const j = await db.judgment.findUniqueOrThrow({ where: { assignmentId: a.id } });
    expect(await writeJudgment(write(a.id, j, 1, { [c1]: 7, [c2]: 4 }))).toBe(true);
    const before = await state(a.id);
    // Based on version 1 while 2 is stored; it leaves c2 empty, which a written save would clear.
    expect(await writeJudgment(write(a.id, j, 1, { [c1]: 9 }, "basi"))).toBe(false);
    expect(await state(a.id)).toEqual(before);
  });

  it("writes nothing over a finalized judgment", async () => {
    const a = await assign(fx.rounds[0].id, fx.judges[1].id, fx.submissions[0].id);
    expect(await writeJudgment(write(a.id, null, 0, { [c1]: 6, [c2]: 4 }))).toBe(true);
    await db.judgment.update({ where: { assignmentId: a.id }, data: { finalizedAt: new Date() } });
    const j = await db.judgment.findUniqueOrThrow({ where: { assignmentId: a.id } });
    const before = await state(a.id);
    expect(await writeJudgment(write(a.id, j, j.version, { [c1]: 1 }))).toBe(false);
    expect(await state(a.id)).toEqual(before);
  });

  it("writes nothing for a second first save of the same assignment", async () => {
    const a = await assign(fx.rounds[0].id, fx.judges[1].id, fx.submissions[1].id);
    expect(await writeJudgment(write(a.id, null, 0, { [c1]: 3 }))).toBe(true);
    const before = await state(a.id);
    expect(await writeJudgment(write(a.id, null, 0, { [c1]: 10, [c2]: 10 }, "kedua"))).toBe(false);
    expect(await state(a.id)).toEqual(before);
  });
});

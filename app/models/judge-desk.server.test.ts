import { beforeAll, describe, expect, it } from "vitest";
import { judgeQueue, nextOpenAssignment } from "~/models/judge-desk.server";
import { db } from "~/services/db.server";
import { assign, judgingEvent } from "~/test/judging-fixture";

type Fx = Awaited<ReturnType<typeof judgingEvent>>;
let fx: Fx;
/** The judge's round-1 assignments by title. */
const ids: Record<string, string> = {};
const titles = ["beringin", "Anggrek", "cempaka", "Dahlia", "Élang"];

async function finalize(assignmentId: string) {
  await db.judgment.upsert({ where: { assignmentId }, create: { assignmentId, version: 1, finalizedAt: new Date() }, update: { finalizedAt: new Date() } });
}

async function next(title: string) {
  return nextOpenAssignment(fx.rounds[0].id, fx.judges[0].id, { id: ids[title], title });
}

/** What the judge's whole queue says comes next: the first unfinalized one after it in the round, wrapping around. */
async function nextFromQueue(title: string) {
  const { items } = await judgeQueue({ id: fx.event.id, rounds: fx.rounds }, fx.judges[0].id);
  const round = items.filter((q) => q.round.id === fx.rounds[0].id);
  const at = round.findIndex((q) => q.id === ids[title]);
  return [...round.slice(at + 1), ...round.slice(0, at)].find((q) => q.status !== "finalized")?.id ?? null;
}

beforeAll(async () => {
  fx = await judgingEvent({ judges: 2, teams: 6 });
  for (const [i, title] of titles.entries()) {
    await db.submission.update({ where: { id: fx.submissions[i].id }, data: { title } });
    ids[title] = (await assign(fx.rounds[0].id, fx.judges[0].id, fx.submissions[i].id)).id;
  }
  // Neither another round's assignment nor another judge's is ever "next".
  await db.assignment.create({ data: { roundId: fx.rounds[1].id, judgeId: fx.judges[0].id, submissionId: fx.submissions[5].id } });
  await assign(fx.rounds[0].id, fx.judges[1].id, fx.submissions[5].id);
  // Started but not finalized still counts as open.
  await db.judgment.create({ data: { assignmentId: ids["cempaka"], version: 2 } });
});

describe("the next assignment on the scoring page", () => {
  it("follows the queue's Indonesian alphabetical order, not byte order, and wraps around", async () => {
    // Anggrek, beringin, cempaka, Dahlia, Élang; byte order would put Dahlia before beringin.
    expect(await next("Anggrek")).toBe(ids["beringin"]);
    expect(await next("beringin")).toBe(ids["cempaka"]);
    expect(await next("Dahlia")).toBe(ids["Élang"]);
    expect(await next("Élang")).toBe(ids["Anggrek"]);
    for (const title of titles) expect(await next(title)).toBe(await nextFromQueue(title));
  });

  it("skips finalized assignments and agrees with the judge's queue", async () => {
    await finalize(ids["cempaka"]);
    await finalize(ids["Anggrek"]);
    expect(await next("beringin")).toBe(ids["Dahlia"]);
    expect(await next("Élang")).toBe(ids["beringin"]);
    for (const title of titles) expect(await next(title)).toBe(await nextFromQueue(title));
  });

  it("is null when every other assignment of the round is finalized", async () => {
    for (const title of titles) if (title !== "Dahlia") await finalize(ids[title]);
    expect(await next("Dahlia")).toBeNull();
    expect(await nextFromQueue("Dahlia")).toBeNull();
  });
});

describe("the judge's queue", () => {
  it("says of each assignment whether it is untouched, in progress, complete or finalized", async () => {
    const q = await judgingEvent({ judges: 1, teams: 4 });
    const [c1, c2] = q.rounds[0].criteria;
    const judge = q.judges[0].id;
    const ids = [];
    for (const s of q.submissions) ids.push((await assign(q.rounds[0].id, judge, s.id)).id);
    const judged = async (assignmentId: string, values: number[], finalizedAt: Date | null) =>
      db.judgment.create({ data: { assignmentId, version: 1, finalizedAt, scores: { create: values.map((value, i) => ({ criterionId: [c1, c2][i].id, value })) } } });
    await judged(ids[1], [7], null);
    await judged(ids[2], [7, 8], null);
    await judged(ids[3], [7], new Date());
    const { items } = await judgeQueue({ id: q.event.id, rounds: q.rounds }, judge);
    const status = Object.fromEntries(items.map((i) => [i.id, i.status]));
    expect(ids.map((id) => status[id])).toEqual(["not_started", "in_progress", "complete", "finalized"]);
  });
});

describe("the judge's queue order between visits", () => {
  it("follows every change of title, assignment or round order, however often the queue is read", async () => {
    const q = await judgingEvent({ judges: 1, teams: 5 });
    const judge = q.judges[0].id;
    const read = async () => (await judgeQueue({ id: q.event.id, rounds: q.rounds }, judge)).items.map((i) => i.submission.title);
    const rename = (i: number, title: string) => db.submission.update({ where: { id: q.submissions[i].id }, data: { title } });
    for (const [i, title] of ["Kenari", "Anggrek", "Melati"].entries()) {
      await rename(i, title);
      await assign(q.rounds[0].id, judge, q.submissions[i].id);
    }
    expect(await read()).toEqual(["Anggrek", "Kenari", "Melati"]);
    expect(await read()).toEqual(["Anggrek", "Kenari", "Melati"]);
    await rename(1, "Tulip");
    expect(await read()).toEqual(["Kenari", "Melati", "Tulip"]);
    await rename(3, "Bakung");
    const added = await assign(q.rounds[0].id, judge, q.submissions[3].id);
    expect(await read()).toEqual(["Bakung", "Kenari", "Melati", "Tulip"]);
    // As many assignments as before, but not the same ones.
    await db.assignment.delete({ where: { id: added.id } });
    await rename(4, "Cempaka");
    await assign(q.rounds[0].id, judge, q.submissions[4].id);
    expect(await read()).toEqual(["Cempaka", "Kenari", "Melati", "Tulip"]);
    // An assignment moved to the next round goes after the first round's.
    await db.assignment.updateMany({ where: { judgeId: judge, submissionId: q.submissions[2].id }, data: { roundId: q.rounds[1].id } });
    expect(await read()).toEqual(["Cempaka", "Kenari", "Tulip", "Melati"]);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { announce, eventTopic } from "~/services/change-feed.server";
import { db } from "~/services/db.server";
import { assign, judgingEvent } from "~/test/judging-fixture";
import { recordStatements } from "~/test/statements";
import { SHARE_MS, sharedResultsState } from "./round-state.server";

type Fx = Awaited<ReturnType<typeof judgingEvent>>;
let fx: Fx;
let assignmentIds: string[];

beforeAll(async () => {
  fx = await judgingEvent({ judges: 2, teams: 3 });
  assignmentIds = [];
  for (const s of fx.submissions) assignmentIds.push((await assign(fx.rounds[0].id, fx.judges[0].id, s.id)).id);
});

/** One shared read, and how many statements it cost. */
async function read(now = Date.now()) {
  const { result, statements } = await recordStatements(() => sharedResultsState(fx.event, now));
  return { state: result, statements: statements.length };
}

describe("the results state shared by an event's viewers", () => {
  it("is read once for the viewers of one moment, and afresh once it is SHARE_MS old", async () => {
    const first = await read();
    expect(first.statements).toBe(1);
    expect(first.state.rounds[0].assignments).toBe(3);
    const second = await read();
    expect(second.statements).toBe(0);
    expect(second.state).toBe(first.state);
    expect((await read(Date.now() + SHARE_MS)).statements).toBe(1);
  });

  it("is read afresh after a write on this instance to what it shows, and only then", async () => {
    const before = await read();
    await db.auditLog.create({ data: { action: "uji", entity: "event", entityId: fx.event.id } });
    expect((await read()).statements).toBe(0);
    await db.judgment.create({ data: { assignmentId: assignmentIds[0], version: 1, finalizedAt: new Date() } });
    const after = await read();
    expect(after.statements).toBe(1);
    expect(after.state.rounds[0].finalized).toBe(before.state.rounds[0].finalized + 1);
    expect(after.state.rounds[0].version).not.toBe(before.state.rounds[0].version);
  });

  it("is read afresh after a change notice for the event or for everything, not for another event", async () => {
    await read();
    announce(eventTopic(`${fx.event.slug}-lain`));
    expect((await read()).statements).toBe(0);
    announce(eventTopic(fx.event.slug));
    expect((await read()).statements).toBe(1);
    announce("*");
    expect((await read()).statements).toBe(1);
    expect((await read()).statements).toBe(0);
  });
});

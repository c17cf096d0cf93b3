// The dashboard's reads: a judge's pending count per event and a member's teams with what the
// next step needs, each from the user's own rows whatever the event's size.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/services/db.server";
import { assign, judgingEvent } from "~/test/judging-fixture";
import { pendingJudgingByEvent } from "./judging.server";
import { listMyTeams } from "./team-view.server";

type Fx = Awaited<ReturnType<typeof judgingEvent>>;
let fx: Fx;

beforeAll(async () => {
  fx = await judgingEvent({ judges: 2, teams: 4 });
});

describe("a judge's pending count", () => {
  it("counts unjudged and unfinalized assignments of open rounds, per event, and nothing else", async () => {
    const [judge, other] = fx.judges;
    const [r1, r2] = fx.rounds;
    const untouched = await assign(r1.id, judge.id, fx.submissions[0].id);
    const draft = await assign(r1.id, judge.id, fx.submissions[1].id);
    const done = await assign(r1.id, judge.id, fx.submissions[2].id);
    await assign(r2.id, judge.id, fx.submissions[3].id);
    await assign(r1.id, other.id, fx.submissions[0].id);
    await db.judgment.create({ data: { assignmentId: draft.id, version: 1 } });
    await db.judgment.create({ data: { assignmentId: done.id, version: 2, finalizedAt: new Date() } });
    expect(untouched.id).toBeTruthy();

    const now = new Date();
    expect(await pendingJudgingByEvent(judge.id, now)).toEqual({ [fx.event.id]: 3 });
    // Once round 1 has closed only the final's assignment is still to do.
    const afterRound1 = new Date(r1.closesAt.getTime() + 1);
    expect(await pendingJudgingByEvent(judge.id, afterRound1)).toEqual({ [fx.event.id]: 1 });
    // The exact millisecond of the close is already closed.
    expect(await pendingJudgingByEvent(judge.id, r2.closesAt)).toEqual({});
    expect(await pendingJudgingByEvent(fx.participants[0].id, now)).toEqual({});
  });
});

describe("a member's teams", () => {
  it("lists the team with its members' pools, extensions and the event's pools", async () => {
    const member = fx.participants[1];
    const team = fx.teams[1];
    const mate = await db.user.create({ data: { email: `mate-${team.id}@uji.id`, name: "Rekan", passwordHash: "x" } });
    await db.teamMember.create({ data: { teamId: team.id, eventId: fx.event.id, userId: mate.id, pool: "kim" } });
    const until = new Date(Date.UTC(2030, 0, 2, 3, 4, 5, 678));
    await db.extension.create({ data: { teamId: team.id, kind: "SUBMISSION", until, reason: "Listrik padam", grantedById: fx.organizer.id } });
    await db.teamPool.create({ data: { eventId: fx.event.id, key: "kim", label: "Anggota KIM", quota: 1, order: 2 } });
    await db.teamPool.create({ data: { eventId: fx.event.id, key: "mhs", label: "Mahasiswa", quota: 3, order: 1 } });

    const mine = await listMyTeams(member.id);
    expect(mine).toHaveLength(1);
    const [{ role, team: t }] = mine;
    expect(role).toBe("CAPTAIN");
    expect(t.id).toBe(team.id);
    expect(t.members.map((m) => m.pool).sort()).toEqual(["kim", null].sort());
    expect(t.extensions).toEqual([{ kind: "SUBMISSION", until }]);
    expect(t.event.pools.map((p) => [p.key, p.quota, p.order])).toEqual([
      ["mhs", 3, 1],
      ["kim", 1, 2],
    ]);
    expect(t.submission).toEqual({ status: "SUBMITTED" });
    // Another member's teams are not mixed in.
    expect((await listMyTeams(fx.participants[2].id)).map((x) => x.team.id)).toEqual([fx.teams[2].id]);
  });
});

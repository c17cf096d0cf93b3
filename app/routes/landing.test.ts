import { describe, expect, it } from "vitest";
import { loader as dashboardLoader } from "~/routes/dasbor";
import { loader as organizerLoader } from "~/routes/kelola.$slug._index";
import { action as loginAction } from "~/routes/masuk";
import { db } from "~/services/db.server";
import { assign, cookieFor, judgingEvent, PASSWORD } from "~/test/judging-fixture";
import { args, call, formRequest, getRequest } from "~/test/request";

describe("where each role lands", () => {
  it("a login started from the home page lands on the dashboard; one started elsewhere goes back there", async () => {
    const fx = await judgingEvent({ judges: 1, teams: 1 });
    const { email } = await db.user.findUniqueOrThrow({ where: { id: fx.judges[0].id } });
    const fromHome = await call(() => loginAction(args(formRequest("/masuk", { email, password: PASSWORD, redirectTo: "/" }))));
    expect(fromHome.headers.get("Location")).toBe("/dasbor");
    const fromHomeEn = await call(() => loginAction(args(formRequest("/masuk", { email, password: PASSWORD, redirectTo: "/?lng=en" }))));
    expect(fromHomeEn.headers.get("Location")).toBe("/dasbor");
    const fromEvent = await call(() => loginAction(args(formRequest("/masuk", { email, password: PASSWORD, redirectTo: `/acara/${fx.event.slug}` }))));
    expect(fromEvent.headers.get("Location")).toBe(`/acara/${fx.event.slug}`);
  });

  it("a judge's dashboard counts what still waits for a final judgment in open rounds, per event", async () => {
    const fx = await judgingEvent({ judges: 1, teams: 4 });
    const judge = fx.judges[0];
    const [, open2, done] = await Promise.all(fx.submissions.slice(0, 3).map((s) => assign(fx.rounds[0].id, judge.id, s.id)));
    await db.judgment.create({ data: { assignmentId: done.id, finalizedAt: new Date() } });
    await db.judgment.create({ data: { assignmentId: open2.id } });
    const closed = await judgingEvent({ judges: 0, teams: 1, round1ClosesIn: -1 });
    await db.eventMember.create({ data: { eventId: closed.event.id, userId: judge.id, role: "JUDGE" } });
    await assign(closed.rounds[0].id, judge.id, closed.submissions[0].id);

    const cookie = await cookieFor(judge.id);
    const res = await call(() => dashboardLoader(args(getRequest("/dasbor", cookie))));
    const body = res.body as { pending: Record<string, number>; teams: unknown[] };
    expect(body.pending).toEqual({ [fx.event.id]: 2 });
    expect(body.teams).toEqual([]);
  });
});

describe("the organizer's overview", () => {
  it("counts final judgments per round and leads with the round being judged", async () => {
    const fx = await judgingEvent({ judges: 2, teams: 3 });
    const [r1, final] = fx.rounds;
    const done = await Promise.all(fx.submissions.map((s) => assign(r1.id, fx.judges[0].id, s.id)));
    for (const a of done) await db.judgment.create({ data: { assignmentId: a.id, finalizedAt: new Date() } });
    for (const s of fx.submissions.slice(0, 2)) await assign(final.id, fx.judges[1].id, s.id);
    const cookie = await cookieFor(fx.organizer.id);
    const res = await call(() => organizerLoader(args(getRequest(`/kelola/${fx.event.slug}`, cookie), { slug: fx.event.slug })));
    const body = res.body as { counts: { judging: { name: string; assignments: number; finalized: number }[] }; currentRoundId: string };
    expect(body.counts.judging.map((r) => [r.name, r.finalized, r.assignments])).toEqual([
      ["Penyisihan", 3, 3],
      ["Final", 0, 2],
    ]);
    expect(body.currentRoundId).toBe(r1.id);
  });
});

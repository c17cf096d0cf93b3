import { beforeAll, describe, expect, it } from "vitest";
import { canJudgeSeeSubmission } from "~/models/judging.server";
import { action as conflictAction, loader as conflictLoader } from "~/routes/juri.$slug.konflik";
import { loader as queueLoader } from "~/routes/juri.$slug._index";
import { action as pageAction, loader as pageLoader } from "~/routes/juri.$slug.nilai.$assignmentId";
import { action as saveAction } from "~/routes/juri.$slug.nilai.$assignmentId.simpan";
import { db } from "~/services/db.server";
import { assign, cookieFor, judgingEvent } from "~/test/judging-fixture";
import { args, call, formRequest, getRequest } from "~/test/request";

type Fx = Awaited<ReturnType<typeof judgingEvent>>;
let fx: Fx;
let cookies: { judge: string; otherJudge: string; participant: string; organizer: string };
let assignmentId: string;
let c1: string;
let c2: string;

function scoreFields(values: Record<string, string>, version: number, intent = "save", extra: Record<string, string> = {}) {
  const fields: Record<string, string> = { intent, version: String(version), comment: "Bagus", privateNote: "", ...extra };
  for (const [id, v] of Object.entries(values)) fields[`score.${id}`] = v;
  return fields;
}

async function save(cookie: string | undefined, id: string, fields: Record<string, string>, slug = fx.event.slug) {
  return call(() => saveAction(args(formRequest(`/juri/${slug}/nilai/${id}/simpan`, fields, { cookie }), { slug, assignmentId: id })));
}

async function stored(id: string) {
  return db.judgment.findUnique({ where: { assignmentId: id }, include: { scores: true } });
}

beforeAll(async () => {
  fx = await judgingEvent({ judges: 3, teams: 4 });
  const [judge, otherJudge] = fx.judges;
  c1 = fx.rounds[0].criteria[0].id;
  c2 = fx.rounds[0].criteria[1].id;
  assignmentId = (await assign(fx.rounds[0].id, judge.id, fx.submissions[0].id)).id;
  await assign(fx.rounds[0].id, otherJudge.id, fx.submissions[1].id);
  cookies = {
    judge: await cookieFor(judge.id),
    otherJudge: await cookieFor(otherJudge.id),
    participant: await cookieFor(fx.participants[0].id),
    organizer: await cookieFor(fx.organizer.id),
  };
});

describe("saving scores", () => {
  it("saves, bumps the version, keeps the judge's own values and writes an audit row with before/after", async () => {
    const a = await assign(fx.rounds[0].id, fx.judges[0].id, fx.submissions[2].id);
    const first = await save(cookies.judge, a.id, scoreFields({ [c1]: "7", [c2]: "" }, 0));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ ok: true, version: 1, finalized: false });
    const second = await save(cookies.judge, a.id, scoreFields({ [c1]: "8", [c2]: "6" }, 1, "save", { privateNote: "cek orisinalitas" }));
    expect(second.body).toMatchObject({ ok: true, version: 2 });
    const j = await stored(a.id);
    expect(j?.version).toBe(2);
    expect(Object.fromEntries(j?.scores.map((s) => [s.criterionId, s.value]) ?? [])).toEqual({ [c1]: 8, [c2]: 6 });
    expect(j?.privateNote).toBe("cek orisinalitas");
    const log = await db.auditLog.findMany({ where: { entity: "judgment", entityId: j?.id }, orderBy: { at: "asc" } });
    expect(log).toHaveLength(2);
    expect(JSON.parse(log[1].before ?? "{}").scores).toEqual({ [c1]: 7 });
    expect(JSON.parse(log[1].after ?? "{}").scores).toEqual({ [c1]: 8, [c2]: 6 });
    expect(log[1].actorId).toBe(fx.judges[0].id);
  });

  it("a later save replaces the stored scores: a criterion left empty loses its score, the others take the new values", async () => {
    const a = await assign(fx.rounds[0].id, fx.judges[2].id, fx.submissions[1].id);
    const cookie = await cookieFor(fx.judges[2].id);
    expect((await save(cookie, a.id, scoreFields({ [c1]: "4", [c2]: "5" }, 0))).status).toBe(200);
    expect((await save(cookie, a.id, scoreFields({ [c1]: "", [c2]: "8" }, 1, "save", { comment: "revisi" }))).body).toMatchObject({ ok: true, version: 2 });
    let j = await stored(a.id);
    expect(Object.fromEntries(j?.scores.map((s) => [s.criterionId, s.value]) ?? [])).toEqual({ [c2]: 8 });
    expect(j?.comment).toBe("revisi");
    expect((await save(cookie, a.id, scoreFields({ [c1]: "", [c2]: "" }, 2))).body).toMatchObject({ ok: true, version: 3 });
    j = await stored(a.id);
    expect(j?.version).toBe(3);
    expect(j?.scores).toEqual([]);
    const log = await db.auditLog.findMany({ where: { entity: "judgment", entityId: j?.id }, orderBy: [{ at: "asc" }, { id: "asc" }] });
    expect(log.map((l) => JSON.parse(l.after ?? "{}").scores)).toEqual([{ [c1]: 4, [c2]: 5 }, { [c2]: 8 }, {}]);
    expect(log.map((l) => JSON.parse(l.after ?? "{}").version)).toEqual([1, 2, 3]);
  });

  it("finalizes only when every criterion is scored, and refuses changes afterwards", async () => {
    const a = await assign(fx.rounds[0].id, fx.judges[0].id, fx.submissions[3].id);
    const incomplete = await save(cookies.judge, a.id, scoreFields({ [c1]: "5", [c2]: "" }, 0, "finalize"));
    expect(incomplete.status).toBe(400);
    const err = (incomplete.body as { error: Record<string, string[]> }).error;
    expect(err[""]).toContain("scoring.errors.incomplete");
    expect(err[`score.${c2}`]).toContain("scoring.errors.required");
    expect(await stored(a.id)).toBeNull();

    const done = await save(cookies.judge, a.id, scoreFields({ [c1]: "5", [c2]: "9" }, 0, "finalize"));
    expect(done.body).toMatchObject({ ok: true, finalized: true, version: 1 });
    const after = await save(cookies.judge, a.id, scoreFields({ [c1]: "1", [c2]: "1" }, 1));
    expect(after.status).toBe(400);
    expect(after.body).toMatchObject({ ok: false, code: "finalized", current: { version: 1, finalized: true, scores: { [c1]: 5, [c2]: 9 } } });
    expect((after.body as { error: Record<string, string[]> }).error[""]).toContain("scoring.errors.finalized");
    const j = await stored(a.id);
    expect(j?.finalizedAt).not.toBeNull();
    expect(j?.scores.find((s) => s.criterionId === c1)?.value).toBe(5);
  });

  it("a later save and a finalize store their times as dates and their audit rows in order", async () => {
    const a = await assign(fx.rounds[0].id, fx.judges[2].id, fx.submissions[2].id);
    const judge = await cookieFor(fx.judges[2].id);
    const started = Date.now();
    expect((await save(judge, a.id, scoreFields({ [c1]: "3", [c2]: "" }, 0))).body).toMatchObject({ ok: true, version: 1 });
    const created = await stored(a.id);
    expect((await save(judge, a.id, scoreFields({ [c1]: "4", [c2]: "5" }, 1))).body).toMatchObject({ ok: true, version: 2 });
    expect((await save(judge, a.id, scoreFields({ [c1]: "6", [c2]: "7" }, 2, "finalize"))).body).toMatchObject({ ok: true, version: 3, finalized: true });
    const j = await stored(a.id);
    expect(j?.finalizedAt).toBeInstanceOf(Date);
    expect(j!.finalizedAt!.getTime()).toBeGreaterThanOrEqual(started - 1000);
    expect(j!.finalizedAt!.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    expect(j!.updatedAt.getTime()).toBeGreaterThanOrEqual(created!.updatedAt.getTime());
    expect(Object.fromEntries(j!.scores.map((s) => [s.criterionId, s.value]))).toEqual({ [c1]: 6, [c2]: 7 });
    // Found by the query that decides what is final, as the ranking and the dashboards ask it.
    expect(await db.judgment.count({ where: { id: j!.id, finalizedAt: { not: null, lte: new Date(Date.now() + 1000) } } })).toBe(1);
    // The organizer's audit log lists newest first, ties broken by id.
    const log = await db.auditLog.findMany({ where: { entity: "judgment", entityId: j!.id }, orderBy: [{ at: "desc" }, { id: "desc" }] });
    expect(log.map((r) => r.action)).toEqual(["judgment.finalize", "judgment.save", "judgment.save"]);
    expect(log.every((r) => /^c[0-9a-z]{24}$/.test(r.id) && r.at instanceof Date && r.eventId === fx.event.id)).toBe(true);
    expect(JSON.parse(log[0].after ?? "{}")).toMatchObject({ version: 3, finalized: true, scores: { [c1]: 6, [c2]: 7 } });
  });

  it("the page action redirects to the queue after finalizing (no-JS path)", async () => {
    const a = await assign(fx.rounds[0].id, fx.judges[0].id, fx.submissions[1].id);
    const slug = fx.event.slug;
    const res = await call(() =>
      pageAction(args(formRequest(`/juri/${slug}/nilai/${a.id}`, scoreFields({ [c1]: "4", [c2]: "4" }, 0, "finalize"), { cookie: cookies.judge }), { slug, assignmentId: a.id })),
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/juri/${slug}?final=1`);
  });
});

describe("bad input is refused with a localized message and nothing written", () => {
  it.each([
    ["a score above the scale", () => ({ [c1]: "11", [c2]: "5" }), `score.C1`, "scoring.errors.outOfScale|"],
    ["a score below the scale", () => ({ [c1]: "0", [c2]: "5" }), `score.C1`, "scoring.errors.outOfScale|"],
    ["a fractional score", () => ({ [c1]: "7.5", [c2]: "5" }), `score.C1`, "scoring.errors.notInteger"],
  ])("%s", async (_label, values, field, key) => {
    const res = await save(cookies.judge, assignmentId, scoreFields(values(), 0));
    expect(res.status).toBe(400);
    const error = (res.body as { error: Record<string, string[]> }).error;
    expect(error[field.replace("C1", c1)].some((m) => m.startsWith(key))).toBe(true);
    if (key.startsWith("scoring.errors.outOfScale")) expect(error[`score.${c1}`][0]).toBe('scoring.errors.outOfScale|{"min":1,"max":10}');
    expect(await stored(assignmentId)).toBeNull();
  });

  it("a criterion of another round", async () => {
    const finalCriterion = fx.rounds[1].criteria[0].id;
    const res = await save(cookies.judge, assignmentId, scoreFields({ [c1]: "5", [finalCriterion]: "3" }, 0));
    expect(res.status).toBe(400);
    expect((res.body as { error: Record<string, string[]> }).error[""]).toContain("scoring.errors.unknownCriterion");
    expect(await stored(assignmentId)).toBeNull();
  });

  it("scoring an unassigned submission (someone else's assignment)", async () => {
    const theirs = await db.assignment.findFirstOrThrow({ where: { judgeId: fx.judges[1].id } });
    const res = await save(cookies.judge, theirs.id, scoreFields({ [c1]: "5" }, 0));
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ ok: false, code: "notAssigned" });
    expect((res.body as { error: Record<string, string[]> }).error[""]).toContain("scoring.errors.notAssigned");
    expect(await stored(theirs.id)).toBeNull();
  });

  it("scoring a conflicted submission (declared after assignment)", async () => {
    const a = await assign(fx.rounds[0].id, fx.judges[2].id, fx.submissions[0].id);
    await db.conflict.create({ data: { eventId: fx.event.id, judgeId: fx.judges[2].id, teamId: fx.teams[0].id, reason: "declared", source: "DECLARED" } });
    const res = await save(await cookieFor(fx.judges[2].id), a.id, scoreFields({ [c1]: "5" }, 0));
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ ok: false, code: "conflict" });
    expect((res.body as { error: Record<string, string[]> }).error[""]).toContain("scoring.errors.conflict");
    expect(await stored(a.id)).toBeNull();
    await db.conflict.deleteMany({ where: { judgeId: fx.judges[2].id } });
  });

  it("scoring after the round closes (server clock)", async () => {
    const closed = await judgingEvent({ judges: 1, teams: 1, round1ClosesIn: -1 });
    const a = await assign(closed.rounds[0].id, closed.judges[0].id, closed.submissions[0].id);
    const c = closed.rounds[0].criteria[0].id;
    const res = await save(await cookieFor(closed.judges[0].id), a.id, scoreFields({ [c]: "5" }, 0), closed.event.slug);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ ok: false, code: "roundClosed" });
    expect((res.body as { error: Record<string, string[]> }).error[""]).toContain("scoring.errors.roundClosed");
    expect(await stored(a.id)).toBeNull();
  });

  it("scoring before the round opens (the final, while the first round runs)", async () => {
    const a = await assign(fx.rounds[1].id, fx.judges[0].id, fx.submissions[0].id);
    const c = fx.rounds[1].criteria[0].id;
    const res = await save(cookies.judge, a.id, scoreFields({ [c]: "3" }, 0));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ ok: false, code: "roundNotOpen" });
    expect((res.body as { error: Record<string, string[]> }).error[""]).toContain("scoring.errors.roundNotOpen");
    expect(await stored(a.id)).toBeNull();
    await db.assignment.delete({ where: { id: a.id } });
  });

  it("a save based on a stale version gets 409 with the newer values", async () => {
    const a = await assign(fx.rounds[0].id, fx.judges[1].id, fx.submissions[2].id);
    const other = await cookieFor(fx.judges[1].id);
    await save(other, a.id, scoreFields({ [c1]: "3", [c2]: "4" }, 0));
    await save(other, a.id, scoreFields({ [c1]: "6", [c2]: "4" }, 1, "save", { comment: "versi dua" }));
    // Stale, and leaving c2 empty: had it been written, c2's score would be gone.
    const stale = await save(other, a.id, scoreFields({ [c1]: "9" }, 1));
    expect(stale.status).toBe(409);
    const body = stale.body as { code: string; error: Record<string, string[]>; current: { version: number; scores: Record<string, number>; comment: string } };
    expect(body.code).toBe("stale");
    expect(body.error[""]).toContain("scoring.errors.stale");
    expect(body.current).toMatchObject({ version: 2, scores: { [c1]: 6, [c2]: 4 }, comment: "versi dua" });
    const j = await stored(a.id);
    expect(j?.version).toBe(2);
    expect(j?.scores.find((s) => s.criterionId === c1)?.value).toBe(6);
    expect(j?.scores.find((s) => s.criterionId === c2)?.value).toBe(4);
    expect(await db.auditLog.count({ where: { entity: "judgment", entityId: j?.id } })).toBe(2);
  });

  it("a malformed version or intent", async () => {
    const res = await save(cookies.judge, assignmentId, { intent: "hapus", version: "x", [`score.${c1}`]: "5" });
    expect(res.status).toBe(400);
    expect(await stored(assignmentId)).toBeNull();
  });
});

describe("concurrent edits", () => {
  it("two saves on one version: exactly one succeeds, the other gets 409, the DB holds the winner's values", async () => {
    const a = await assign(fx.rounds[0].id, fx.judges[1].id, fx.submissions[3].id);
    const cookie = await cookieFor(fx.judges[1].id);
    await save(cookie, a.id, scoreFields({ [c1]: "5", [c2]: "5" }, 0));
    const [x, y] = await Promise.all([
      save(cookie, a.id, scoreFields({ [c1]: "2", [c2]: "2" }, 1, "save", { comment: "dari ponsel" })),
      save(cookie, a.id, scoreFields({ [c1]: "9", [c2]: "9" }, 1, "save", { comment: "dari laptop" })),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    const winner = x.status === 200 ? { v: 2, comment: "dari ponsel" } : { v: 9, comment: "dari laptop" };
    const loser = x.status === 409 ? x : y;
    expect((loser.body as { current: { scores: Record<string, number> } }).current.scores[c1]).toBe(winner.v);
    const j = await stored(a.id);
    expect(j?.version).toBe(2);
    expect(j?.comment).toBe(winner.comment);
    expect(j?.scores.map((s) => s.value)).toEqual([winner.v, winner.v]);
    expect(await db.auditLog.count({ where: { entity: "judgment", entityId: j?.id } })).toBe(2);
  });

  it("two first saves of a fresh judgment: one succeeds, one gets 409", async () => {
    const a = await assign(fx.rounds[0].id, fx.judges[2].id, fx.submissions[3].id);
    const cookie = await cookieFor(fx.judges[2].id);
    const results = await Promise.all([save(cookie, a.id, scoreFields({ [c1]: "1" }, 0)), save(cookie, a.id, scoreFields({ [c1]: "10" }, 0))]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const j = await stored(a.id);
    expect(j?.version).toBe(1);
    // Only the winner's score and audit record were written.
    expect(j?.scores.map((s) => s.value)).toEqual([results[0].status === 200 ? 1 : 10]);
    expect(await db.auditLog.count({ where: { entity: "judgment", entityId: j?.id } })).toBe(1);
  });
});

describe("permissions for every judge action", () => {
  const outsiders = () =>
    [
      ["another judge", cookies.otherJudge, 404],
      ["a participant", cookies.participant, 404],
      ["an organizer who is not a judge", cookies.organizer, 404],
      ["anonymous", undefined, 302],
    ] as const;

  it("saving: nobody but the assigned judge writes", async () => {
    for (const [, cookie, status] of outsiders()) {
      const res = await save(cookie, assignmentId, scoreFields({ [c1]: "5", [c2]: "5" }, 0));
      expect(res.status).toBe(status);
    }
    expect(await stored(assignmentId)).toBeNull();
  });

  it("the scoring page and the queue: only the judge sees them", async () => {
    const slug = fx.event.slug;
    for (const [, cookie, status] of outsiders()) {
      const page = await call(() => pageLoader(args(getRequest(`/juri/${slug}/nilai/${assignmentId}`, cookie), { slug, assignmentId })));
      expect(page.status).toBe(status);
    }
    for (const [label, cookie, status] of outsiders()) {
      if (label === "another judge") continue; // a judge of the event has a queue of their own
      const queue = await call(() => queueLoader(args(getRequest(`/juri/${slug}`, cookie), { slug })));
      expect(queue.status).toBe(status);
    }
    const mine = await call(() => pageLoader(args(getRequest(`/juri/${slug}/nilai/${assignmentId}`, cookies.judge), { slug, assignmentId })));
    expect(mine.status).toBe(200);
  });

  it("declaring conflicts: only judges of the event", async () => {
    const slug = fx.event.slug;
    for (const [label, cookie, status] of outsiders()) {
      if (label === "another judge") continue;
      const res = await call(() => conflictAction(args(formRequest(`/juri/${slug}/konflik`, { teamIds: fx.teams[1].id }, { cookie }), { slug })));
      expect(res.status).toBe(status);
    }
    expect(await db.conflict.count({ where: { eventId: fx.event.id, teamId: fx.teams[1].id, source: "DECLARED" } })).toBe(0);
  });

  it("files: canJudgeSeeSubmission only for assigned judges of the event", async () => {
    expect(await canJudgeSeeSubmission(fx.judges[0].id, fx.submissions[0].id)).toBe(true);
    expect(await canJudgeSeeSubmission(fx.judges[0].id, fx.excluded[1].id)).toBe(false);
    expect(await canJudgeSeeSubmission(fx.participants[0].id, fx.submissions[0].id)).toBe(false);
    expect(await canJudgeSeeSubmission(fx.organizer.id, fx.submissions[0].id)).toBe(false);
  });
});

describe("what judges see", () => {
  it("never another judge's scores, comment or note on the same submission", async () => {
    const slug = fx.event.slug;
    const a = await assign(fx.rounds[0].id, fx.judges[1].id, fx.submissions[0].id);
    await save(await cookieFor(fx.judges[1].id), a.id, scoreFields({ [c1]: "3", [c2]: "3" }, 0, "save", { comment: "KOMENTAR-RAHASIA-B", privateNote: "CATATAN-RAHASIA-B" }));
    const page = await call(() => pageLoader(args(getRequest(`/juri/${slug}/nilai/${assignmentId}`, cookies.judge), { slug, assignmentId })));
    const text = JSON.stringify(page.body);
    expect(text).not.toContain("RAHASIA-B");
    const queue = await call(() => queueLoader(args(getRequest(`/juri/${slug}`, cookies.judge), { slug })));
    expect(JSON.stringify(queue.body)).not.toContain("RAHASIA-B");
  });

  it("shows progress in the queue and hides the team under blind judging", async () => {
    const blind = await judgingEvent({ judges: 1, teams: 2, blind: true });
    const judge = blind.judges[0];
    for (const s of blind.submissions) await assign(blind.rounds[0].id, judge.id, s.id);
    const slug = blind.event.slug;
    const cookie = await cookieFor(judge.id);
    const queue = await call(() => queueLoader(args(getRequest(`/juri/${slug}`, cookie), { slug })));
    const body = queue.body as { window: { rows: { team: string; status: string }[] } };
    expect(body.window.rows).toHaveLength(2);
    expect(JSON.stringify(body)).not.toContain("Tim 1");
    const a = await db.assignment.findFirstOrThrow({ where: { judgeId: judge.id } });
    const page = await call(() => pageLoader(args(getRequest(`/juri/${slug}/nilai/${a.id}`, cookie), { slug, assignmentId: a.id })));
    const p = page.body as { team: unknown; blindId: string; submission: { descriptionHtml: string } };
    expect(p.team).toBeNull();
    expect(p.blindId).toMatch(/^[A-Z0-9_-]{8}$/);
    expect(JSON.stringify(p)).not.toMatch(/KIM Uji|Peserta|Tim \d/);
    expect(p.submission.descriptionHtml).toContain("<strong>");
  });
});

describe("the judge's queue as a window", () => {
  type Queue = {
    rounds: { id: string; total: number; scored: number; finalized: number }[];
    round: string | null;
    left: number;
    counts: Record<string, number> | null;
    next: string | null;
    window: { rows: { id: string; title: string; status: string }[]; matching: number; page: number; pages: number } | null;
  };

  it("pages a long round, filters it by status, searches it, and names the next submission to score", async () => {
    const big = await judgingEvent({ judges: 1, teams: 30 });
    const judge = big.judges[0];
    const first = [];
    for (const s of big.submissions) first.push(await assign(big.rounds[0].id, judge.id, s.id));
    for (const s of big.submissions.slice(0, 2)) await assign(big.rounds[1].id, judge.id, s.id);
    // Two submissions scored and finalized.
    const [c1, c2] = big.rounds[0].criteria;
    for (const a of first.slice(0, 2)) {
      await db.judgment.create({
        data: {
          assignmentId: a.id,
          version: 1,
          finalizedAt: new Date(),
          scores: {
            create: [
              { criterionId: c1.id, value: 7 },
              { criterionId: c2.id, value: 8 },
            ],
          },
        },
      });
    }
    const slug = big.event.slug;
    const cookie = await cookieFor(judge.id);
    const queue = async (search = "") => (await call(() => queueLoader(args(getRequest(`/juri/${slug}${search}`, cookie), { slug })))).body as Queue;

    const all = await queue();
    expect(all.round).toBe(big.rounds[0].id);
    expect(all.rounds.map((r) => [r.id, r.total, r.scored, r.finalized])).toEqual([
      [big.rounds[0].id, 30, 2, 2],
      [big.rounds[1].id, 2, 0, 0],
    ]);
    expect(all.left).toBe(30);
    expect(all.counts).toEqual({ not_started: 28, in_progress: 0, complete: 0, finalized: 2 });
    expect(all.window).toMatchObject({ matching: 30, page: 1, pages: 2 });
    expect(all.window?.rows).toHaveLength(25);
    expect(all.window?.rows.some((r) => r.id === all.next)).toBe(true);
    expect(all.window?.rows.find((r) => r.id === all.next)?.status).toBe("not_started");

    const second = await queue("?halaman=2");
    expect(second.window?.rows).toHaveLength(5);
    expect(new Set([...(all.window?.rows ?? []), ...(second.window?.rows ?? [])].map((r) => r.id)).size).toBe(30);

    const finals = await queue("?saring=final");
    expect(finals.window?.rows.map((r) => r.id).sort()).toEqual(
      first
        .slice(0, 2)
        .map((a) => a.id)
        .sort(),
    );
    expect(finals.counts?.not_started).toBe(28);

    const found = await queue(`?cari=${encodeURIComponent("karya 17")}`);
    expect(found.window?.rows.map((r) => r.title)).toEqual(["Karya 17"]);
    expect((await queue("?cari=tidak-ada-judul-ini")).window).toMatchObject({ matching: 0, rows: [] });

    // The second round, not open yet: its own list, nothing to score next.
    const later = await queue(`?babak=${big.rounds[1].id}`);
    expect(later.round).toBe(big.rounds[1].id);
    expect(later.window?.rows).toHaveLength(2);
    expect(later.next).toBeNull();

    // Malformed or foreign parameters fall back to the defaults.
    const odd = await queue(`?saring=semua&halaman=-3&babak=${fx.rounds[0].id}&cari=${"x".repeat(500)}`);
    expect(odd.round).toBe(big.rounds[0].id);
    expect(odd.window).toMatchObject({ matching: 30, page: 1 });
  });

  it("shows a judge with nothing assigned an empty queue", async () => {
    const empty = await judgingEvent({ judges: 1, teams: 1 });
    const cookie = await cookieFor(empty.judges[0].id);
    const slug = empty.event.slug;
    const body = (await call(() => queueLoader(args(getRequest(`/juri/${slug}`, cookie), { slug })))).body as Queue;
    expect(body).toMatchObject({ rounds: [], round: null, window: null, next: null, left: 0 });
  });
});

describe("judge affiliations and declared conflicts", () => {
  it("stores DECLARED conflicts and refreshes DETECTED ones from the judge's region", async () => {
    const slug = fx.event.slug;
    const judge = fx.judges[2];
    const cookie = await cookieFor(judge.id);
    const res = await call(() =>
      conflictAction(args(formRequest(`/juri/${slug}/konflik`, { regionId: fx.teams[2].regionId ?? "", kimName: "KIM Lain", institution: "", teamIds: fx.teams[1].id }, { cookie }), { slug })),
    );
    expect(res.status).toBe(200);
    const rows = await db.conflict.findMany({ where: { eventId: fx.event.id, judgeId: judge.id }, orderBy: { reason: "asc" } });
    expect(rows.map((r) => [r.source, r.reason, r.teamId])).toEqual([
      ["DECLARED", "declared", fx.teams[1].id],
      ["DETECTED", "region", fx.teams[2].id],
    ]);
    const page = await call(() => conflictLoader(args(getRequest(`/juri/${slug}/konflik`, cookie), { slug })));
    expect((page.body as { declaredTeamIds: string[] }).declaredTeamIds).toEqual([fx.teams[1].id]);
    expect(await db.auditLog.count({ where: { action: "conflict.declare", actorId: judge.id } })).toBe(1);
  });

  it("refuses a team of another event and writes nothing", async () => {
    const other = await judgingEvent({ judges: 1, teams: 1 });
    const slug = fx.event.slug;
    const res = await call(() => conflictAction(args(formRequest(`/juri/${slug}/konflik`, { teamIds: other.teams[0].id }, { cookie: cookies.otherJudge }), { slug })));
    expect(res.status).toBe(400);
    expect(await db.conflict.count({ where: { judgeId: fx.judges[1].id, source: "DECLARED" } })).toBe(0);
  });
});

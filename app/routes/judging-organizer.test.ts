import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { conflictContext } from "~/models/conflict.server";
import { action as boardAction, loader as boardLoader } from "~/routes/kelola.$slug.penjurian._index";
import { loader as auditLoader } from "~/routes/kelola.$slug.penjurian.audit";
import { action as advanceAction, loader as advanceLoader } from "~/routes/kelola.$slug.penjurian.babak";
import { action as conflictsAction, loader as conflictsLoader } from "~/routes/kelola.$slug.penjurian.konflik";
import { action as progressAction, loader as progressLoader } from "~/routes/kelola.$slug.penjurian.progres";
import { action as saveAction } from "~/routes/juri.$slug.nilai.$assignmentId.simpan";
import { db } from "~/services/db.server";
import { cookieFor, judgingEvent } from "~/test/judging-fixture";
import { args, call, formRequest, getRequest } from "~/test/request";

async function board(slug: string, cookie: string, fields: Record<string, string>, roundId?: string) {
  const q = roundId ? `?babak=${roundId}` : "";
  return call(() => boardAction(args(formRequest(`/kelola/${slug}/penjurian${q}`, fields, { cookie }), { slug })));
}

/** Region conflicts for judges 0 and 1 (same region as teams 0 and 1). */
async function withRegionConflicts(fx: Awaited<ReturnType<typeof judgingEvent>>) {
  await db.eventMember.updateMany({ where: { eventId: fx.event.id, userId: fx.judges[0].id, role: "JUDGE" }, data: { regionId: fx.teams[0].regionId } });
  await db.eventMember.updateMany({ where: { eventId: fx.event.id, userId: fx.judges[1].id, role: "JUDGE" }, data: { kimName: "kim uji 2" } });
}

describe("automatic assignment on real data", () => {
  it("gives every submitted project of an accepted team k judges, loads within one, and never a conflicted pair", async () => {
    const fx = await judgingEvent({ judges: 5, teams: 8 });
    await withRegionConflicts(fx);
    const cookie = await cookieFor(fx.organizer.id);
    const res = await board(fx.event.slug, cookie, { intent: "auto" });
    expect(res.status).toBe(200);
    expect((res.body as { ok: boolean; shortfalls: unknown[] }).shortfalls).toEqual([]);

    const round = fx.rounds[0];
    const entries = await db.roundEntry.findMany({ where: { roundId: round.id } });
    expect(entries.map((e) => e.submissionId).sort()).toEqual(fx.submissions.map((s) => s.id).sort());
    const assignments = await db.assignment.findMany({ where: { roundId: round.id }, include: { submission: true } });
    for (const s of fx.submissions) expect(assignments.filter((a) => a.submissionId === s.id)).toHaveLength(round.judgesPerSubmission);
    const loads = fx.judges.map((j) => assignments.filter((a) => a.judgeId === j.id).length);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    const { matrix } = await conflictContext(fx.event.id);
    expect(matrix.get(fx.judges[0].id)?.get(fx.teams[0].id)).toEqual(["region"]);
    expect(matrix.get(fx.judges[1].id)?.get(fx.teams[1].id)).toEqual(["kim"]);
    for (const a of assignments) expect(matrix.get(a.judgeId)?.get(a.submission.teamId) ?? []).toEqual([]);
    expect(await db.conflict.count({ where: { eventId: fx.event.id, source: "DETECTED" } })).toBe(2);
    expect(await db.auditLog.count({ where: { eventId: fx.event.id, action: "assignment.auto" } })).toBe(1);

    // Running it again changes nothing.
    const again = await board(fx.event.slug, cookie, { intent: "auto" });
    expect((again.body as { message: string }).message).toBe('assignment.autoDone|{"count":0}');
    expect(await db.assignment.count({ where: { roundId: round.id } })).toBe(assignments.length);

    // The board explains every non-assignment: each judge not on a card is in one reason group.
    const view = await call(() => boardLoader(args(getRequest(`/kelola/${fx.event.slug}/penjurian`, cookie), { slug: fx.event.slug })));
    const subs = (view.body as { window: { cards: { id: string; assigned: { judgeId: string }[]; others: { codes: string[]; judgeIds: string[] }[] }[] } }).window.cards;
    expect(subs).toHaveLength(fx.submissions.length);
    const s0 = subs.find((s) => s.id === fx.submissions[0].id);
    expect(s0?.others.find((o) => o.judgeIds.includes(fx.judges[0].id))?.codes).toEqual(["conflict:region"]);
    for (const s of subs) {
      for (const o of s.others) expect(o.codes.length).toBeGreaterThan(0);
      const explained = s.others.flatMap((o) => o.judgeIds);
      expect([...explained, ...s.assigned.map((a) => a.judgeId)].sort()).toEqual(fx.judges.map((j) => j.id).sort());
    }
    expect(subs.flatMap((s) => s.others.flatMap((o) => o.codes))).toContain("load_balance");
  });

  it("reports a shortfall when too few judges are free of conflicts", async () => {
    const fx = await judgingEvent({ judges: 3, teams: 2 });
    await withRegionConflicts(fx);
    const res = await board(fx.event.slug, await cookieFor(fx.organizer.id), { intent: "auto" });
    const shortfalls = (res.body as { shortfalls: { submissionId: string; missing: number }[] }).shortfalls;
    expect(shortfalls).toEqual(
      expect.arrayContaining([
        { submissionId: fx.submissions[0].id, missing: 1, reason: "not_enough_eligible_judges", title: fx.submissions[0].title },
        { submissionId: fx.submissions[1].id, missing: 1, reason: "not_enough_eligible_judges", title: fx.submissions[1].title },
      ]),
    );
  });
});

describe("manual edits", () => {
  it("refuses a conflicted pair outright, adds a free one with warnings, removes unfinalized only", async () => {
    const fx = await judgingEvent({ judges: 4, teams: 3 });
    await withRegionConflicts(fx);
    const cookie = await cookieFor(fx.organizer.id);
    await board(fx.event.slug, cookie, { intent: "auto" });
    const round = fx.rounds[0];
    const before = await db.assignment.count({ where: { roundId: round.id } });

    const refused = await board(fx.event.slug, cookie, { intent: "add", judgeId: fx.judges[0].id, submissionId: fx.submissions[0].id });
    expect(refused.status).toBe(400);
    expect((refused.body as { message: string }).message).toBe('assignment.errors.conflict|{"reasons":"region"}');
    expect(await db.assignment.count({ where: { roundId: round.id } })).toBe(before);

    const free = await db.assignment.findMany({ where: { roundId: round.id, submissionId: fx.submissions[2].id } });
    const outsider = fx.judges.find((j) => !free.some((a) => a.judgeId === j.id));
    expect(outsider).toBeDefined();
    const added = await board(fx.event.slug, cookie, { intent: "add", judgeId: outsider?.id ?? "", submissionId: fx.submissions[2].id });
    expect(added.status).toBe(200);
    const warnings = (added.body as { warnings: { code: string }[] }).warnings;
    expect(warnings.map((w) => w.code)).toContain("over_assigned");
    expect(await db.assignment.count({ where: { roundId: round.id, manual: true } })).toBe(1);

    const duplicate = await board(fx.event.slug, cookie, { intent: "add", judgeId: outsider?.id ?? "", submissionId: fx.submissions[2].id });
    expect(duplicate.status).toBe(400);
    expect((duplicate.body as { message: string }).message).toBe("assignment.errors.duplicate");

    const notEntry = await board(fx.event.slug, cookie, { intent: "add", judgeId: fx.judges[2].id, submissionId: fx.excluded[0].id });
    expect(notEntry.status).toBe(400);
    expect((notEntry.body as { message: string }).message).toBe("assignment.errors.unknownSubmission");
    const notJudge = await board(fx.event.slug, cookie, { intent: "add", judgeId: fx.organizer.id, submissionId: fx.submissions[2].id });
    expect(notJudge.status).toBe(400);
    expect((notJudge.body as { message: string }).message).toBe("assignment.errors.unknownJudge");
    expect(await db.assignment.count({ where: { roundId: round.id, manual: true } })).toBe(1);

    // A finalized judgment is never removed.
    const target = await db.assignment.findFirstOrThrow({ where: { roundId: round.id, manual: false } });
    await db.judgment.create({ data: { assignmentId: target.id, version: 1, finalizedAt: new Date(), scores: { create: round.criteria.map((c) => ({ criterionId: c.id, value: 5 })) } } });
    const keep = await board(fx.event.slug, cookie, { intent: "remove", assignmentId: target.id });
    expect(keep.status).toBe(400);
    expect((keep.body as { message: string }).message).toBe("assignment.errors.finalized");
    const manual = await db.assignment.findFirstOrThrow({ where: { roundId: round.id, manual: true } });
    const removed = await board(fx.event.slug, cookie, { intent: "remove", assignmentId: manual.id });
    expect(removed.status).toBe(200);
    expect(await db.assignment.count({ where: { id: manual.id } })).toBe(0);
    const gone = await board(fx.event.slug, cookie, { intent: "remove", assignmentId: manual.id });
    expect(gone.status).toBe(404);
    expect((gone.body as { message: string }).message).toBe("assignment.errors.notFound");
    const log = await db.auditLog.findMany({ where: { eventId: fx.event.id, entity: "assignment" }, orderBy: { at: "asc" } });
    expect(log.map((l) => l.action)).toEqual(["assignment.add", "assignment.remove"]);
  });

  it("re-balances when a judge drops out: their open work moves, finalized work stays, coverage is restored", async () => {
    const fx = await judgingEvent({ judges: 5, teams: 5 });
    const cookie = await cookieFor(fx.organizer.id);
    await board(fx.event.slug, cookie, { intent: "auto" });
    const round = fx.rounds[0];
    const dropped = fx.judges[0];
    const theirs = await db.assignment.findMany({ where: { roundId: round.id, judgeId: dropped.id } });
    expect(theirs.length).toBeGreaterThan(1);
    await db.judgment.create({ data: { assignmentId: theirs[0].id, version: 1, finalizedAt: new Date() } });
    const notJudge = await board(fx.event.slug, cookie, { intent: "rebalance", judgeId: fx.organizer.id });
    expect(notJudge.status).toBe(400);
    expect((notJudge.body as { message: string }).message).toBe("assignment.errors.unknownJudge");
    const res = await board(fx.event.slug, cookie, { intent: "rebalance", judgeId: dropped.id });
    expect(res.status).toBe(200);
    const left = await db.assignment.findMany({ where: { roundId: round.id, judgeId: dropped.id } });
    expect(left.map((a) => a.id)).toEqual([theirs[0].id]);
    const all = await db.assignment.findMany({ where: { roundId: round.id, judgeId: { not: dropped.id } } });
    for (const s of fx.submissions) expect(all.filter((a) => a.submissionId === s.id)).toHaveLength(round.judgesPerSubmission);
    const loads = fx.judges.slice(1).map((j) => all.filter((a) => a.judgeId === j.id).length);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
  });
});

describe("rounds, progress and audit", () => {
  it("advances the top N by mean weighted total, and a hand-picked set, to the next round", async () => {
    const fx = await judgingEvent({ judges: 3, teams: 4 });
    const cookie = await cookieFor(fx.organizer.id);
    await board(fx.event.slug, cookie, { intent: "auto" });
    const round = fx.rounds[0];
    const slug = fx.event.slug;
    // Before any judgment is complete, nothing is ranked, so nothing advances.
    const unranked = await call(() => advanceAction(args(formRequest(`/kelola/${slug}/penjurian/babak?babak=${round.id}`, { intent: "top", n: "2" }, { cookie }), { slug })));
    expect(unranked.status).toBe(400);
    expect((unranked.body as { messages: string[] }).messages).toEqual(["judging.advance.errors.nothingToAdvance"]);
    // Submission i gets score i+2 on every criterion from every judge: Karya 4 best, then 3.
    const assignments = await db.assignment.findMany({ where: { roundId: round.id } });
    for (const a of assignments) {
      const i = fx.submissions.findIndex((s) => s.id === a.submissionId);
      await db.judgment.create({ data: { assignmentId: a.id, version: 1, finalizedAt: new Date(), scores: { create: round.criteria.map((c) => ({ criterionId: c.id, value: i + 2 })) } } });
    }
    const view = await call(() => advanceLoader(args(getRequest(`/kelola/${slug}/penjurian/babak?babak=${round.id}`, cookie), { slug })));
    expect((view.body as { rows: { submissionId: string }[] }).rows[0].submissionId).toBe(fx.submissions[3].id);

    const bad = await call(() => advanceAction(args(formRequest(`/kelola/${slug}/penjurian/babak?babak=${round.id}`, { intent: "top", n: "0" }, { cookie }), { slug })));
    expect(bad.status).toBe(400);
    expect((bad.body as { messages: string[] }).messages).toContain("judging.advance.errors.n");
    expect(await db.roundEntry.count({ where: { roundId: fx.rounds[1].id } })).toBe(0);

    const res = await call(() => advanceAction(args(formRequest(`/kelola/${slug}/penjurian/babak?babak=${round.id}`, { intent: "top", n: "2" }, { cookie }), { slug })));
    expect(res.status).toBe(200);
    const next = await db.roundEntry.findMany({ where: { roundId: fx.rounds[1].id } });
    expect(next.map((e) => e.submissionId).sort()).toEqual([fx.submissions[2].id, fx.submissions[3].id].sort());

    const picked = await call(() =>
      advanceAction(args(formRequest(`/kelola/${slug}/penjurian/babak?babak=${round.id}`, { intent: "pick", submissionIds: fx.submissions[0].id }, { cookie }), { slug })),
    );
    expect(picked.status).toBe(200);
    expect(await db.roundEntry.count({ where: { roundId: fx.rounds[1].id } })).toBe(3);
    const stranger = await call(() =>
      advanceAction(args(formRequest(`/kelola/${slug}/penjurian/babak?babak=${round.id}`, { intent: "pick", submissionIds: fx.excluded[0].id }, { cookie }), { slug })),
    );
    expect(stranger.status).toBe(400);
    expect((stranger.body as { messages: string[] }).messages).toEqual(["judging.advance.errors.unknownSubmission"]);
    expect(await db.auditLog.count({ where: { eventId: fx.event.id, action: "round.advance" } })).toBe(2);

    const last = await call(() => advanceAction(args(formRequest(`/kelola/${slug}/penjurian/babak?babak=${fx.rounds[1].id}`, { intent: "top", n: "1" }, { cookie }), { slug })));
    expect(last.status).toBe(400);
    expect((last.body as { messages: string[] }).messages).toEqual(["judging.advance.errors.noNextRound"]);
    expect(await db.roundEntry.count({ where: { roundId: fx.rounds[1].id } })).toBe(3);
  });

  it("shows progress per judge, reminds late judges by email (audited) and lists every score change", async () => {
    const fx = await judgingEvent({ judges: 2, teams: 2 });
    const cookie = await cookieFor(fx.organizer.id);
    const slug = fx.event.slug;
    await board(slug, cookie, { intent: "auto" });
    const round = fx.rounds[0];
    const mine = await db.assignment.findMany({ where: { roundId: round.id, judgeId: fx.judges[0].id } });
    const judgeCookie = await cookieFor(fx.judges[0].id);
    for (const a of mine) {
      const fields: Record<string, string> = { intent: "finalize", version: "0", comment: "Oke", privateNote: "" };
      for (const c of round.criteria) fields[`score.${c.id}`] = "6";
      const r = await call(() => saveAction(args(formRequest(`/juri/${slug}/nilai/${a.id}/simpan`, fields, { cookie: judgeCookie }), { slug, assignmentId: a.id })));
      expect(r.status).toBe(200);
    }
    const progress = await call(() => progressLoader(args(getRequest(`/kelola/${slug}/penjurian/progres`, cookie), { slug })));
    const judges = (progress.body as { judges: { judgeId: string; assigned: number; finalized: number }[] }).judges;
    expect(judges.find((j) => j.judgeId === fx.judges[0].id)).toMatchObject({ assigned: 2, finalized: 2 });
    expect(judges.find((j) => j.judgeId === fx.judges[1].id)).toMatchObject({ assigned: 2, finalized: 0 });

    const remind = await call(() => progressAction(args(formRequest(`/kelola/${slug}/penjurian/progres`, { intent: "remind" }, { cookie }), { slug })));
    expect(remind.body).toMatchObject({ ok: true, count: 1 });
    const outbox = join(process.env.DATA_DIR ?? "", "outbox");
    const late = fx.judges[1];
    const mail = readdirSync(outbox).filter((f) => f.includes(late.email.replace(/[^a-zA-Z0-9@._-]/g, "_")));
    expect(mail).toHaveLength(1);
    expect(readFileSync(join(outbox, mail[0]), "utf8")).toContain(`/juri/${slug}`);
    expect(readdirSync(outbox).some((f) => f.includes(fx.judges[0].email))).toBe(false);
    expect(await db.auditLog.count({ where: { eventId: fx.event.id, action: "judging.remind" } })).toBe(1);

    const audit = await call(() => auditLoader(args(getRequest(`/kelola/${slug}/penjurian/audit?juri=${fx.judges[0].id}`, cookie), { slug })));
    const rows = (audit.body as { rows: { action: string; actor: string | null; sentence: string; changes: { field: string; before: string | null; after: string | null }[] }[] }).rows;
    expect(rows.filter((r) => r.action === "judgment.finalize")).toHaveLength(2);
    // Only records about the chosen judge: their scores, read as sentences naming them, and the
    // assignments that gave them work; nothing of the other judges.
    for (const r of rows.filter((r) => r.action.startsWith("judgment."))) expect(r.sentence).toContain(fx.judges[0].name);
    for (const r of rows) expect(r.sentence).not.toContain(fx.judges[1].name);
    expect(rows[0].actor).toBe(fx.judges[0].email);
    const firstSave = rows.filter((r) => r.action.startsWith("judgment.")).at(-1)!;
    expect(firstSave.changes).toEqual(expect.arrayContaining([{ field: expect.stringContaining("Dampak"), before: "—", after: "6" }]));
  });
});

describe("organizer permissions", () => {
  it("judges, participants and anonymous users cannot use the organizer pages", async () => {
    const fx = await judgingEvent({ judges: 2, teams: 2 });
    const slug = fx.event.slug;
    const outsiders: [string | undefined, number][] = [
      [await cookieFor(fx.judges[0].id), 404],
      [await cookieFor(fx.participants[0].id), 404],
      [undefined, 302],
    ];
    for (const [cookie, status] of outsiders) {
      expect((await board(slug, cookie ?? "", { intent: "auto" })).status).toBe(status);
      expect((await call(() => boardLoader(args(getRequest(`/kelola/${slug}/penjurian`, cookie), { slug })))).status).toBe(status);
      expect((await call(() => progressAction(args(formRequest(`/kelola/${slug}/penjurian/progres`, { intent: "remind" }, { cookie }), { slug })))).status).toBe(status);
      expect((await call(() => advanceAction(args(formRequest(`/kelola/${slug}/penjurian/babak`, { intent: "top", n: "1" }, { cookie }), { slug })))).status).toBe(status);
      expect((await call(() => conflictsAction(args(formRequest(`/kelola/${slug}/penjurian/konflik`, {}, { cookie }), { slug })))).status).toBe(status);
      expect((await call(() => auditLoader(args(getRequest(`/kelola/${slug}/penjurian/audit`, cookie), { slug })))).status).toBe(status);
    }
    expect(await db.assignment.count({ where: { round: { eventId: fx.event.id } } })).toBe(0);
    expect(await db.auditLog.count({ where: { eventId: fx.event.id } })).toBe(0);
    const organizer = await cookieFor(fx.organizer.id);
    const ok = await call(() => conflictsLoader(args(getRequest(`/kelola/${slug}/penjurian/konflik`, organizer), { slug })));
    expect(ok.status).toBe(200);
  });
});

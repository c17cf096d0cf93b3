// The organizer's assignment board as a window: the whole round's summary, loads and warnings,
// 25 submission cards at a time with search, a "needs attention" filter and pages, and every
// form posting back to the window it was on.
import { describe, expect, it } from "vitest";
import * as boardRoute from "~/routes/kelola.$slug.penjurian._index";
import { db } from "~/services/db.server";
import { cookieFor } from "~/test/results-fixture";
import { largeJudgedEvent } from "~/test/large-results-fixture";
import { formActions, renderRoute } from "~/test/render-route";
import { args, BASE, call, getRequest } from "~/test/request";
import { createUser } from "../../prisma/seed-utils";

type Card = { id: string; title: string; teamName: string; assigned: { assignmentId: string; judgeId: string; conflict: string[] }[]; others: { codes: string[]; judgeIds: string[] }[] };
type Warning = { code: string; submissionId?: string };
type Board = {
  total: number;
  judges: { id: string; load: number }[];
  warnings: { list: Warning[]; more: number; titles: Record<string, string> };
  counts: { attention: number; under: number; conflict: number };
  filters: { q: string; filter: string };
  window: { cards: Card[]; matching: number; page: number; pages: number; offset: number };
};

/**
 * 60 submissions with 3 of 8 judges each (k = 3); `under` submissions lose judges (the first two
 * of them two judges, the rest one), and the first judge of `conflicted` declares a conflict with
 * its team after being assigned.
 */
async function setup(opts: { under?: number; conflicted?: number } = {}) {
  const organizer = await createUser(db, { email: `panitia-${Math.random().toString(36).slice(2)}@contoh.id`, name: "Rina Panitia", password: "rahasia-123", verified: true });
  const fx = await largeJudgedEvent(db, { teams: 60, judges: 8, perSubmission: 3, organizerId: organizer.id });
  await db.round.update({ where: { id: fx.round.id }, data: { judgesPerSubmission: 3 } });
  // In the board's order: by title as Indonesian sorts it.
  const byTitle = [...fx.submissions].sort((a, b) => a.title.localeCompare(b.title, "id", { numeric: true }) || a.id.localeCompare(b.id));
  const under = byTitle.slice(0, opts.under ?? 0);
  for (const [i, s] of under.entries()) {
    const mine = await db.assignment.findMany({ where: { submissionId: s.id }, orderBy: { id: "asc" } });
    await db.assignment.deleteMany({ where: { id: { in: mine.slice(0, i < 2 ? 2 : 1).map((a) => a.id) } } });
  }
  const conflicted = opts.conflicted === undefined ? null : byTitle[opts.conflicted];
  if (conflicted) {
    const a = await db.assignment.findFirstOrThrow({ where: { submissionId: conflicted.id }, orderBy: { id: "asc" } });
    await db.conflict.create({ data: { eventId: fx.event.id, judgeId: a.judgeId, teamId: conflicted.teamId, reason: "declared", source: "DECLARED" } });
  }
  const cookie = await cookieFor(organizer.id);
  const slug = fx.event.slug;
  const view = async (query = "") => (await call(() => boardRoute.loader(args(getRequest(`/kelola/${slug}/penjurian${query}`, cookie), { slug })))).body as Board;
  const page = (query: string, init: RequestInit = {}) => {
    const headers = new Headers({ Cookie: cookie, Origin: BASE });
    if (init.body) headers.set("Content-Type", "application/x-www-form-urlencoded");
    return renderRoute(boardRoute, "/kelola/:slug/penjurian", new Request(`${BASE}/kelola/${slug}/penjurian${query}`, { ...init, headers }), { index: true });
  };
  return { ...fx, organizer, cookie, slug, byTitle, under, conflicted, view, page };
}

describe("assignment board window", () => {
  it("shows 25 cards at a time with the whole round's summary; every submission is on one page", async () => {
    const fx = await setup({ under: 4, conflicted: 40 });
    const first = await fx.view();
    expect(first.total).toBe(60);
    expect(first.window).toMatchObject({ matching: 60, page: 1, pages: 3, offset: 0 });
    expect(first.window.cards).toHaveLength(25);
    // Loads are the whole round's: 60 × 3 assignments less the 6 removed.
    expect(first.judges.reduce((n, j) => n + j.load, 0)).toBe(60 * 3 - 6);
    expect(first.counts).toEqual({ attention: 5, under: 4, conflict: 1 });
    expect(
      first.warnings.list
        .filter((w) => w.code === "under_assigned")
        .map((w) => w.submissionId)
        .sort(),
    ).toEqual(fx.under.map((s) => s.id).sort());
    expect(first.warnings.list.filter((w) => w.code === "conflict").map((w) => w.submissionId)).toEqual([fx.conflicted!.id]);
    expect(first.warnings.titles[fx.conflicted!.id]).toBe(fx.conflicted!.title);

    const pages = [first, await fx.view("?halaman=2"), await fx.view("?halaman=3")];
    expect(pages.map((p) => p.window.cards.length)).toEqual([25, 25, 10]);
    expect(pages.flatMap((p) => p.window.cards.map((c) => c.id))).toEqual(fx.byTitle.map((s) => s.id));
    expect((await fx.view("?halaman=99")).window.page).toBe(3);
    expect((await fx.view("?halaman=abc")).window.page).toBe(1);

    // Each card explains every judge it does not have, once.
    for (const card of pages.flatMap((p) => p.window.cards)) {
      const explained = card.others.flatMap((o) => o.judgeIds);
      expect(new Set(explained).size).toBe(explained.length);
      expect([...explained, ...card.assigned.map((a) => a.judgeId)].sort()).toEqual(fx.judges.map((j) => j.id).sort());
    }
    const conflictCard = pages.flatMap((p) => p.window.cards).find((c) => c.id === fx.conflicted!.id)!;
    expect(conflictCard.assigned.filter((a) => a.conflict.length).map((a) => a.conflict)).toEqual([["declared"]]);
  });

  it("searches team and title ignoring case and accents, filters what needs attention, and combines both", async () => {
    const fx = await setup({ under: 4, conflicted: 40 });
    const target = fx.byTitle[30];
    await db.team.update({ where: { id: target.teamId }, data: { name: "Tim Sigap Désa" } });
    expect((await fx.view("?cari=SIGAP%20desa")).window.cards.map((c) => c.id)).toEqual([target.id]);
    expect((await fx.view(`?cari=${encodeURIComponent(fx.byTitle[12].title.toUpperCase())}`)).window.cards.map((c) => c.id)).toEqual([fx.byTitle[12].id]);
    const none = await fx.view("?cari=tidak-ada-karya-ini");
    expect(none.window).toMatchObject({ matching: 0, pages: 1, cards: [] });
    // The summary does not depend on the window.
    expect(none.total).toBe(60);
    expect(none.counts).toEqual({ attention: 5, under: 4, conflict: 1 });

    expect((await fx.view("?saring=kurang")).window.cards.map((c) => c.id)).toEqual(fx.under.map((s) => s.id));
    expect((await fx.view("?saring=konflik")).window.cards.map((c) => c.id)).toEqual([fx.conflicted!.id]);
    expect((await fx.view("?saring=perhatian")).window.cards.map((c) => c.id)).toEqual([...fx.under, fx.conflicted!].map((s) => s.id));
    const both = await fx.view(`?saring=kurang&cari=${encodeURIComponent(fx.under[2].title)}`);
    expect(both.window.cards.map((c) => c.id)).toEqual([fx.under[2].id]);
    expect(both.filters).toEqual({ q: fx.under[2].title, filter: "kurang" });
    // An unknown filter shows everything rather than failing.
    expect((await fx.view("?saring=semuanya")).window.matching).toBe(60);
  });

  it("caps the warnings about single submissions with a count; warnings about the round stay", async () => {
    const fx = await setup();
    // A judge with no work left: every one of their submissions is short and the loads are uneven.
    const dropped = fx.judges[7];
    const theirs = await db.assignment.deleteMany({ where: { roundId: fx.round.id, judgeId: dropped.id } });
    const view = await fx.view();
    expect(view.counts.under).toBe(theirs.count);
    const single = view.warnings.list.filter((w) => w.submissionId);
    expect(single).toHaveLength(10);
    expect(view.warnings.more).toBe(theirs.count - 10);
    for (const w of single) expect(view.warnings.titles[w.submissionId!]).toBeTruthy();
    expect(view.warnings.list[0]).toMatchObject({ code: "imbalance", minLoad: 0, minJudgeIds: [dropped.id] });
  });

  it("renders the window in Indonesian and English, with page links and forms that keep the search and page", async () => {
    const fx = await setup({ under: 4 });
    const query = `?babak=${fx.round.id}&cari=karya&halaman=2`;
    const id = await fx.page(query);
    expect(id.status).toBe(200);
    expect(id.html).toContain("Menampilkan 26–50 dari 60 karya.");
    const base = `/kelola/${fx.slug}/penjurian`;
    expect(id.html).toContain(`href="${base}?babak=${fx.round.id}&amp;cari=karya&amp;halaman=1"`);
    expect(id.html).toContain(`href="${base}?babak=${fx.round.id}&amp;cari=karya&amp;halaman=3"`);
    // Searching again starts from the round, without the page.
    expect(id.html).toMatch(new RegExp(`<form method="get" action="${base}"`));
    const actions = formActions(id.html);
    expect(actions.length).toBeGreaterThan(25);
    for (const a of actions) expect(a).toBe(`/kelola/${fx.slug}/penjurian?index&babak=${fx.round.id}&cari=karya&halaman=2`);
    expect(id.html).toContain("Mengapa juri lain tidak ditugaskan?");

    const en = await renderRoute(boardRoute, "/kelola/:slug/penjurian", getRequest(`/kelola/${fx.slug}/penjurian${query}`, fx.cookie), { index: true, language: "en" });
    expect(en.html).toContain("Showing 26–50 of 60 submissions.");
    expect(en.html).toContain("Why are the other judges not assigned?");
  });

  it("an action posted from a window answers with that same window", async () => {
    const fx = await setup({ under: 4 });
    // The first two under-covered submissions have 1 of 3 judges: adding one keeps them in the filter.
    const query = `?babak=${fx.round.id}&saring=kurang&cari=karya`;
    const before = await fx.page(query);
    const [action] = formActions(before.html);
    const card = fx.under[0];
    const cardBefore = (before.loaderData as Board).window.cards.find((c) => c.id === card.id)!;
    const free = cardBefore.others.find((o) => o.codes.includes("open_slot"))!.judgeIds[0];
    const added = await fx.page(action.slice(action.indexOf("?")), { method: "POST", body: new URLSearchParams({ intent: "add", judgeId: free, submissionId: card.id }).toString() });
    expect(added.actionData).toMatchObject({ ok: true, message: "assignment.added" });
    const after = added.loaderData as Board;
    expect(after.filters).toEqual({ q: "karya", filter: "kurang" });
    expect(after.window.cards.map((c) => c.id)).toEqual(fx.under.map((s) => s.id));
    expect(after.window.cards.find((c) => c.id === card.id)!.assigned.map((a) => a.judgeId)).toContain(free);
    expect(added.html).toContain("Juri ditambahkan.");

    // Removing from page 2 of everything stays on page 2.
    const second = await fx.page(`?babak=${fx.round.id}&halaman=2`);
    const target = (second.loaderData as Board).window.cards[3];
    await db.judgment.updateMany({ where: { assignmentId: target.assigned[0].assignmentId }, data: { finalizedAt: null } });
    const removed = await fx.page(`?index&babak=${fx.round.id}&halaman=2`, {
      method: "POST",
      body: new URLSearchParams({ intent: "remove", assignmentId: target.assigned[0].assignmentId }).toString(),
    });
    expect(removed.actionData).toMatchObject({ ok: true, message: "assignment.removed" });
    const window = (removed.loaderData as Board).window;
    expect(window.page).toBe(2);
    expect(window.cards[3].id).toBe(target.id);
    expect(window.cards[3].assigned).toHaveLength(target.assigned.length - 1);
  });

  it("names at most ten shortfalls after an automatic run, with a count of the rest", async () => {
    const fx = await setup();
    // Every judge declares a conflict with the first 14 teams: those cannot get any judge.
    const blocked = fx.byTitle.slice(0, 14);
    await db.assignment.deleteMany({ where: { submissionId: { in: blocked.map((s) => s.id) } } });
    await db.conflict.createMany({
      data: blocked.flatMap((s) => fx.judges.map((j) => ({ eventId: fx.event.id, judgeId: j.id, teamId: s.teamId, reason: "declared", source: "DECLARED" as const }))),
    });
    const res = await fx.page(`?index&babak=${fx.round.id}`, { method: "POST", body: "intent=auto" });
    const reply = res.actionData as { ok: boolean; shortfalls: { submissionId: string; title: string; missing: number }[]; moreShortfalls: number };
    expect(reply.ok).toBe(true);
    expect(reply.shortfalls).toHaveLength(10);
    expect(reply.moreShortfalls).toBe(4);
    for (const s of reply.shortfalls) expect(s).toMatchObject({ missing: 3, title: blocked.find((b) => b.id === s.submissionId)!.title });
    expect(res.html).toContain("… dan 4 karya lain kekurangan juri.");
  });
});

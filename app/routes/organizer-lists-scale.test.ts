// The organizer's judging board and screening list on a national-size event (2,000 accepted teams
// with submissions, 60 judges, 5 judges per submission): each page is a window whose weight and
// statement count do not grow with the event.
import { beforeAll, describe, expect, it } from "vitest";
import { loader as rootLoader } from "~/root";
import { loader as organizerLayout } from "~/routes/kelola.$slug";
import { loader as judgingLayout } from "~/routes/kelola.$slug.penjurian";
import * as boardRoute from "~/routes/kelola.$slug.penjurian._index";
import * as screeningRoute from "~/routes/kelola.$slug.tim";
import { db } from "~/services/db.server";
import { largeJudgedEvent } from "~/test/large-results-fixture";
import { pageStatements } from "~/test/page-load";
import { renderRoute } from "~/test/render-route";
import { getRequest } from "~/test/request";
import { cookieFor } from "~/test/results-fixture";
import { createUser } from "../../prisma/seed-utils";

/** What one page costs the browser: its markup and the data it is rendered from. */
const LIMIT_BYTES = 300 * 1024;

async function event(teams: number) {
  const organizer = await createUser(db, { email: `panitia-${Math.random().toString(36).slice(2)}@contoh.id`, name: "Rina Panitia", password: "rahasia-123", verified: true });
  const fx = await largeJudgedEvent(db, { teams, judges: 60, perSubmission: 5, organizerId: organizer.id });
  await db.round.update({ where: { id: fx.round.id }, data: { judgesPerSubmission: 5 } });
  return { ...fx, cookie: await cookieFor(organizer.id) };
}
type Scene = Awaited<ReturnType<typeof event>>;

async function weigh(fx: Scene, page: "board" | "screening", query = "") {
  const slug = fx.event.slug;
  const rendered =
    page === "board"
      ? await renderRoute(boardRoute, "/kelola/:slug/penjurian", getRequest(`/kelola/${slug}/penjurian${query}`, fx.cookie), { index: true })
      : await renderRoute(screeningRoute, "/kelola/:slug/tim", getRequest(`/kelola/${slug}/tim${query}`, fx.cookie));
  expect(rendered.status).toBe(200);
  const html = Buffer.byteLength(rendered.html);
  const data = Buffer.byteLength(JSON.stringify(rendered.loaderData));
  return { ...rendered, bytes: html + data, report: `${page}${query} at ${fx.submissions.length} teams: ${(html / 1024).toFixed(0)} KB of HTML, ${(data / 1024).toFixed(0)} KB of data` };
}

let small: Scene;
let national: Scene;
beforeAll(async () => {
  small = await event(100);
  national = await event(2000);
}, 300_000);

describe("organizer lists on a national-size event", () => {
  it("the judging board stays a small page: 25 cards, reasons for those cards only, the whole round's summary", async () => {
    const big = await weigh(national, "board");
    const little = await weigh(small, "board");
    expect(big.bytes, big.report).toBeLessThan(LIMIT_BYTES);
    // The same page whatever the event's size, give or take longer numbers in the text.
    expect(big.bytes / little.bytes, `${big.report}; ${little.report}`).toBeLessThan(1.1);
    const data = big.loaderData as { total: number; judges: unknown[]; window: { cards: { others: { judgeIds: string[] }[]; assigned: unknown[] }[]; matching: number; pages: number } };
    expect(data.total).toBe(2000);
    expect(data.judges).toHaveLength(60);
    expect(data.window).toMatchObject({ matching: 2000, pages: 80 });
    expect(data.window.cards).toHaveLength(25);
    for (const card of data.window.cards) expect(card.assigned.length + card.others.flatMap((o) => o.judgeIds).length).toBe(60);

    const last = await weigh(national, "board", "?halaman=80&cari=karya");
    expect(last.bytes, last.report).toBeLessThan(LIMIT_BYTES);
    expect(big.html).toContain("Menampilkan 1–25 dari 2000 karya.");
  });

  it("the screening list stays a small page with counts over every team", async () => {
    const big = await weigh(national, "screening");
    const little = await weigh(small, "screening");
    expect(big.bytes, big.report).toBeLessThan(LIMIT_BYTES);
    expect(big.bytes / little.bytes, `${big.report}; ${little.report}`).toBeLessThan(1.1);
    const data = big.loaderData as { teams: unknown[]; counts: { total: number; ACCEPTED: number }; paging: { pages: number } };
    expect(data.teams).toHaveLength(25);
    expect(data.counts).toMatchObject({ total: 2000, ACCEPTED: 2000 });
    expect(data.paging.pages).toBe(80);
  });

  it("both pages stay within the query budget at this size", async () => {
    const slug = national.event.slug;
    const board = await pageStatements([rootLoader, organizerLayout, judgingLayout, boardRoute.loader], `/kelola/${slug}/penjurian?halaman=3`, { slug }, national.cookie);
    expect(board.length, board.join("\n")).toBeLessThanOrEqual(8);
    const screening = await pageStatements([rootLoader, organizerLayout, screeningRoute.loader], `/kelola/${slug}/tim?halaman=3`, { slug }, national.cookie);
    expect(screening.length, screening.join("\n")).toBeLessThanOrEqual(8);
  });
});

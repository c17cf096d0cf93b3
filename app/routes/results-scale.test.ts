// The organizer's results at scale: a window of the ranking, computed once per data version.
import { describe, expect, it } from "vitest";
import type { WindowRow } from "~/components/results-table";
import { db } from "~/services/db.server";
import { args, call, getRequest } from "~/test/request";
import { largeJudgedEvent } from "~/test/large-results-fixture";
import { cookieFor } from "~/test/results-fixture";
import { loader as hasilLoader } from "~/routes/kelola.$slug.hasil";
import { loader as exportLoader } from "~/routes/kelola.$slug.hasil.ekspor";
import { loader as publicLoader } from "~/routes/acara.$slug_.hasil";
import { loader as galleryLoader } from "~/routes/acara.$slug_.galeri";
import { publishResults } from "~/models/publication.server";
import { createUser } from "../../prisma/seed-utils";
import { loadRoundResults, rankingCacheStats } from "~/models/results.server";
import { ORGANIZER_WINDOW_SIZE } from "~/models/results-view.server";
import { getEventBySlug } from "~/models/event.server";
import { saveJudgment } from "~/models/judging.server";

type View = {
  version: string;
  window: {
    rows: WindowRow[];
    matching: number;
    page: number;
    pages: number;
  };
  filters: { tracks: { id: string; name: string }[]; regions: { id: string; name: string }[] };
  ties: unknown[];
  choices: { submissionId: string; place: number | null; teamName: string; title: string }[];
  suggestions: Record<string, string[]>;
  rankedCount: number;
};

async function setup(teams = 120) {
  const organizer = await createUser(db, { email: `panitia-${Math.random().toString(36).slice(2)}@contoh.id`, name: "Rina Panitia", password: "rahasia-123", verified: true });
  const fx = await largeJudgedEvent(db, { teams, judges: 12, perSubmission: 3, organizerId: organizer.id });
  const cookie = await cookieFor(organizer.id);
  const view = async (query = "") => (await call(async () => hasilLoader(args(getRequest(`/kelola/${fx.event.slug}/hasil${query}`, cookie), { slug: fx.event.slug })))).body as View;
  return { ...fx, organizer, cookie, view };
}

describe("organizer results at scale", () => {
  it("shows one window of rows with details for those rows only, pages through all, searches and filters", async () => {
    const fx = await setup(120);
    const full = await loadRoundResults(fx.event);
    const first = await fx.view();
    expect(ORGANIZER_WINDOW_SIZE).toBe(25);
    expect(first.window.rows).toHaveLength(25);
    expect(first.window).toMatchObject({ matching: 120, page: 1, pages: 5 });
    expect(first.window.rows.map((r) => r.submissionId)).toEqual(full.rows.slice(0, 25).map((r) => r.submissionId));
    expect(Object.keys(first.window.rows[0].criterionMeans)).toHaveLength(3);
    // Publish-form choices stay bounded: the top 30 plus the rows on screen.
    expect(first.choices.length).toBeLessThanOrEqual(55);
    expect(first.rankedCount).toBe(120);

    const pages = [first, ...(await Promise.all([2, 3, 4, 5].map((n) => fx.view(`?halaman=${n}`))))];
    expect(pages.map((p) => p.window.rows.length)).toEqual([25, 25, 25, 25, 20]);
    // On a later page: the top 30, then the rows on screen, in ranking order, with their places.
    const third = pages[2];
    const onThird = third.window.rows.filter((r) => r.place !== null);
    const wantedIds = [...full.rows.slice(0, 30).map((r) => r.submissionId), ...onThird.map((r) => r.submissionId)];
    const suggested = new Set(Object.values(third.suggestions).flat());
    expect(third.choices.map((c) => c.submissionId).filter((id) => !suggested.has(id) || wantedIds.includes(id))).toEqual(wantedIds);
    for (const id of suggested) expect(third.choices.some((c) => c.submissionId === id)).toBe(true);
    const placeOf = new Map(full.rows.map((r) => [r.submissionId, r.place]));
    expect(third.choices.every((c) => c.place === placeOf.get(c.submissionId) && c.teamName === full.entries[c.submissionId].teamName)).toBe(true);
    const places = third.choices.map((c) => c.place ?? Infinity);
    expect(places).toEqual([...places].sort((a, b) => a - b));
    expect(pages.flatMap((p) => p.window.rows.map((r) => r.submissionId))).toEqual(full.rows.map((r) => r.submissionId));

    const wanted = full.rows[77];
    const team = full.entries[wanted.submissionId].teamName;
    const found = await fx.view(`?cari=${encodeURIComponent(team.toUpperCase())}`);
    expect(found.window.rows.map((r) => r.submissionId)).toEqual([wanted.submissionId]);
    expect(found.window.rows[0].place).toBe(wanted.place);

    const track = fx.tracks[1];
    const byTrack = await fx.view(`?bidang=${track.id}`);
    const expected = full.rows.filter((r) => full.entries[r.submissionId].trackId === track.id);
    expect(byTrack.window.matching).toBe(expected.length);
    expect(byTrack.window.rows.every((r) => r.track === track.name)).toBe(true);
    expect(byTrack.window.rows[0]).toMatchObject({ submissionId: expected[0].submissionId, subsetPlace: 1 });
    expect(byTrack.filters.tracks.map((t) => t.id).sort()).toEqual(fx.tracks.map((t) => t.id).sort());

    const region = fx.regions[4];
    const byRegion = await fx.view(`?wilayah=${region.id}&bidang=${track.id}`);
    expect(byRegion.window.rows.every((r) => r.region === region.name && r.track === track.name)).toBe(true);
  });

  it("computes the ranking once per data version; a saved judgment changes what the next viewer sees", async () => {
    const fx = await setup(12);
    rankingCacheStats.clear();
    const before = rankingCacheStats.computations;
    const views = await Promise.all(Array.from({ length: 20 }, () => fx.view()));
    expect(rankingCacheStats.computations - before).toBe(1);
    expect(new Set(views.map((v) => v.version)).size).toBe(1);
    await fx.view("?halaman=1&cari=Tim");
    expect(rankingCacheStats.computations - before).toBe(1);

    // The last-placed submission gets top marks from one of its judges through a real save.
    const last = views[0].window.rows.at(-1)!;
    const assignment = await db.assignment.findFirstOrThrow({ where: { submissionId: last.submissionId }, include: { judgment: true } });
    await db.judgment.update({ where: { assignmentId: assignment.id }, data: { finalizedAt: null } });
    const reopened = await fx.view();
    expect(reopened.version).not.toBe(views[0].version);
    const criteria = await db.criterion.findMany({ where: { roundId: fx.round.id } });
    const saved = await saveJudgment({
      event: (await getEventBySlug(fx.event.slug))!,
      assignmentId: assignment.id,
      judgeId: assignment.judgeId,
      scores: Object.fromEntries(criteria.map((c) => [c.id, c.scaleMax])),
      comment: "Sangat baik",
      privateNote: "",
      version: assignment.judgment!.version,
      finalize: true,
      now: new Date(),
    });
    expect(saved.ok).toBe(true);
    const after = await fx.view();
    expect(after.version).not.toBe(reopened.version);
    const moved = after.window.rows.findIndex((r) => r.submissionId === last.submissionId);
    expect(moved).toBeLessThan(views[0].window.rows.length - 1);
  });

  it("exports every row of the ranking, not only the window", async () => {
    const fx = await setup(120);
    const res = (await exportLoader(args(getRequest(`/kelola/${fx.event.slug}/hasil/ekspor?data=ranking&format=csv`, fx.cookie), { slug: fx.event.slug }))) as Response;
    const lines = Buffer.from(await res.arrayBuffer())
      .toString("utf8")
      .trim()
      .split("\n");
    expect(lines).toHaveLength(121);
    for (const s of fx.submissions) expect(lines.some((l) => l.includes(s.title))).toBe(true);
  });
});

describe("public pages at scale", () => {
  it("pages the leaderboard of a publication, with filters, from the frozen document", async () => {
    const fx = await setup(120);
    const published = await publishResults({ eventId: fx.event.id, actorId: fx.organizer.id, roundId: null, method: "raw", recipients: {}, override: false, overrideReason: "", now: new Date() });
    expect(published.ok).toBe(true);
    const page = async (query = "") =>
      (await call(async () => publicLoader(args(getRequest(`/acara/${fx.event.slug}/hasil${query}`), { slug: fx.event.slug })))).body as {
        rows: { submissionId: string; place: number; overallPlace: number; track: string }[];
        paging: { matching: number; page: number; pages: number };
      };
    const pages = [await page(), await page("?halaman=2"), await page("?halaman=3")];
    expect(pages.map((p) => p.rows.length)).toEqual([50, 50, 20]);
    expect(pages[0].paging).toMatchObject({ matching: 120, page: 1, pages: 3 });
    const all = pages.flatMap((p) => p.rows);
    expect(new Set(all.map((r) => r.submissionId)).size).toBe(120);
    expect(all.map((r) => r.overallPlace)).toEqual([...all.map((r) => r.overallPlace)].sort((a, b) => a - b));

    // Live data changing afterwards does not change the page: it is the frozen document.
    await db.score.updateMany({ where: { judgment: { assignment: { roundId: fx.round.id } } }, data: { value: 1 } });
    expect((await page("?halaman=2")).rows).toEqual(pages[1].rows);

    const track = fx.tracks[2].name;
    const filtered = await page(`?bidang=${encodeURIComponent(track)}`);
    expect(filtered.paging.matching).toBe(40);
    expect(filtered.rows.every((r) => r.track === track)).toBe(true);
    expect(filtered.rows[0].place).toBe(1);
  });

  it("pages the gallery and shows an edit on the next request", async () => {
    const fx = await setup(60);
    await db.event.update({ where: { id: fx.event.id }, data: { isPublic: true, galleryPublished: true } });
    const page = async (query = "") =>
      (await call(async () => galleryLoader(args(getRequest(`/acara/${fx.event.slug}/galeri${query}`), { slug: fx.event.slug })))).body as {
        total: number;
        paging: { page: number; pages: number };
        projects: { id: string; teamName: string }[];
      };
    const pages = [await page(), await page("?halaman=2"), await page("?halaman=3")];
    expect(pages.map((p) => p.projects.length)).toEqual([24, 24, 12]);
    expect(pages[0]).toMatchObject({ total: 60, paging: { page: 1, pages: 3 } });
    expect(new Set(pages.flatMap((p) => p.projects.map((x) => x.id))).size).toBe(60);
    expect((await page(`?bidang=${fx.tracks[0].id}`)).projects).toHaveLength(20);

    await db.team.update({ where: { id: fx.teams[0].id }, data: { name: "Tim Berganti Nama" } });
    expect((await page("?cari=berganti")).projects.map((p) => p.teamName)).toEqual(["Tim Berganti Nama"]);
  });
});

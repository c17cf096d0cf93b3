// The query budget: one GET of each main page sends at most BUDGET SQL statements, and the same
// number whether the event has a handful of teams or many (no statement per row).
import { loader as rootLoader } from "~/root";
import { loader as eventPage } from "~/routes/acara.$slug._index";
import { loader as dashboard } from "~/routes/dasbor";
import { loader as judgeLayout } from "~/routes/juri.$slug";
import { loader as judgeQueue } from "~/routes/juri.$slug._index";
import { loader as scoringPage } from "~/routes/juri.$slug.nilai.$assignmentId";
import { loader as organizerLayout } from "~/routes/kelola.$slug";
import { loader as resultsPage } from "~/routes/kelola.$slug.hasil";
import { loader as judgingLayout } from "~/routes/kelola.$slug.penjurian";
import { loader as judgingBoard } from "~/routes/kelola.$slug.penjurian._index";
import { loader as statisticsPage } from "~/routes/kelola.$slug.statistik";
import { loader as screeningPage } from "~/routes/kelola.$slug.tim";
import { loader as teamPage } from "~/routes/tim.$teamId._index";
import { loader as submissionPage } from "~/routes/tim.$teamId.karya";
import { saveJudgment } from "~/models/judging.server";
import { assign, cookieFor, judgingEvent } from "~/test/judging-fixture";
import { pageStatements } from "~/test/page-load";

const BUDGET = 8;

async function scene(teams: number) {
  const f = await judgingEvent({ teams, judges: 2 });
  const [round] = f.rounds;
  const assignments = [];
  for (const s of f.submissions) {
    for (const judge of f.judges) assignments.push({ judge, a: await assign(round.id, judge.id, s.id) });
  }
  // Every project scored by both judges, so the organizer's pages have a full table to show.
  const scores = Object.fromEntries(round.criteria.map((c) => [c.id, 7]));
  for (const { judge, a } of assignments.slice(1)) {
    const saved = await saveJudgment({
      event: { ...f.event, rounds: f.rounds },
      assignmentId: a.id,
      judgeId: judge.id,
      version: 0,
      scores,
      comment: "Baik",
      privateNote: "",
      finalize: true,
      now: new Date(),
    });
    if (!saved.ok) throw new Error(saved.code);
  }
  const slug = f.event.slug;
  const team = f.teams[0];
  const [participant, judge, organizer] = await Promise.all([cookieFor(f.participants[0].id), cookieFor(f.judges[0].id), cookieFor(f.organizer.id)]);
  const open = assignments[0].a.id;
  return {
    "public event page": () => pageStatements([rootLoader, eventPage], `/acara/${slug}`, { slug }, participant),
    dashboard: () => pageStatements([rootLoader, dashboard], "/dasbor", {}, participant),
    "team page": () => pageStatements([rootLoader, teamPage], `/tim/${team.id}`, { teamId: team.id }, participant),
    "submission page": () => pageStatements([rootLoader, submissionPage], `/tim/${team.id}/karya`, { teamId: team.id }, participant),
    "judge queue": () => pageStatements([rootLoader, judgeLayout, judgeQueue], `/juri/${slug}`, { slug }, judge),
    "scoring page": () => pageStatements([rootLoader, judgeLayout, scoringPage], `/juri/${slug}/nilai/${open}`, { slug, assignmentId: open }, judge),
    "organizer screening": () => pageStatements([rootLoader, organizerLayout, screeningPage], `/kelola/${slug}/tim`, { slug }, organizer),
    "organizer screening, searched and paged": () => pageStatements([rootLoader, organizerLayout, screeningPage], `/kelola/${slug}/tim?cari=tim&status=ACCEPTED&halaman=2`, { slug }, organizer),
    "organizer judging": () => pageStatements([rootLoader, organizerLayout, judgingLayout, judgingBoard], `/kelola/${slug}/penjurian`, { slug }, organizer),
    "organizer judging, searched and filtered": () =>
      pageStatements([rootLoader, organizerLayout, judgingLayout, judgingBoard], `/kelola/${slug}/penjurian?cari=karya&saring=perhatian&halaman=2`, { slug }, organizer),
    "organizer results": () => pageStatements([rootLoader, organizerLayout, resultsPage], `/kelola/${slug}/hasil`, { slug }, organizer),
    "organizer statistics": () => pageStatements([rootLoader, organizerLayout, statisticsPage], `/kelola/${slug}/statistik`, { slug }, organizer),
  };
}

type Scene = Awaited<ReturnType<typeof scene>>;
type Page = keyof Scene;

let small: Scene;
let large: Scene;
beforeAll(async () => {
  small = await scene(3);
  large = await scene(24);
}, 120_000);

/**
 * Statements of one GET on the small and the large event, each after a first load (the database
 * connection opens on the first statement, and shared caches such as the ranking fill on it), and
 * the large event's first load too: a cold cache must stay within the budget as well.
 */
async function measure(page: Page) {
  await small[page]();
  const a = await small[page]();
  const cold = await large[page]();
  const b = await large[page]();
  return {
    counts: [a.length, b.length],
    cold: cold.length,
    report: `${page}: ${a.length} statements at 3 teams, ${b.length} at 24 (${cold.length} on its first load)\n  ${cold.join("\n  ")}`,
  };
}

const PAGES: Page[] = [
  "public event page",
  "dashboard",
  "team page",
  "submission page",
  "judge queue",
  "scoring page",
  "organizer screening",
  "organizer screening, searched and paged",
  "organizer judging",
  "organizer judging, searched and filtered",
  "organizer results",
  "organizer statistics",
];

test.each(PAGES)("%s: at most 8 statements, the same at any event size", async (page) => {
  const { counts, cold, report } = await measure(page);
  expect(Math.max(...counts, cold), report).toBeLessThanOrEqual(BUDGET);
  expect(counts[1], report).toBe(counts[0]);
});

// An event's statistics for its organizers and, aggregated only, for the public: registrations per
// day in the event's zone, the funnel from registration to the award, teams and people per
// kabupaten/kota, team pools and judging progress. Pure: the facts come in (one row per team,
// counts per pool and per judge), the figures go out; `now` is an argument.
import type { Cell } from "./csv";
import { type DisplayLocale, type EventTimeZone, formatInZone, utcToZonedLocal, zonedLocalToUtc } from "./time";
import { compareText } from "./collate";

export type TeamStatus = "PENDING" | "ACCEPTED" | "REJECTED";

/** What the statistics need to know of one team. */
export type TeamFacts = {
  createdAt: Date;
  status: TeamStatus;
  regionId: string | null;
  members: number;
  /** Its project was submitted (not a draft). */
  submitted: boolean;
  /** Its project is in the last judging round (entered or assigned), as for finalist certificates. */
  finalist: boolean;
  /** Its project received an award in the published results. */
  winner: boolean;
};

export type StatisticsFacts = {
  teams: readonly TeamFacts[];
  regions: readonly { id: string; code: string | null; name: string }[];
  pools: readonly { key: string; label: string }[];
  /** Members per pool key (null: no pool), with the number of teams that have such a member. */
  poolCounts: readonly { pool: string | null; people: number; teams: number }[];
  /** Assignments per judge and round, and how many of them have a final judgment. */
  judging: readonly { judgeId: string; judgeName: string; roundId: string; roundName: string; roundOrder: number; total: number; final: number }[];
  /** Results are published (the current record exists). */
  published: boolean;
};

export const FUNNEL_STAGES = ["registered", "accepted", "submitted", "finalist", "winner"] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/** A stage's count and its share of the registered teams (0…1); null where it cannot be known yet (winners before publication). */
export type FunnelStep = { stage: FunnelStage; count: number | null; share: number | null };

export type DayCount = { day: string; count: number; cumulative: number };

export type RegionRow = { regionId: string | null; code: string | null; name: string; teams: number; accepted: number; people: number };

export type PoolRow = { key: string | null; label: string; people: number; teams: number };

export type Progress = { final: number; total: number };
export type JudgeRow = Progress & { judgeId: string; name: string };
export type RoundRow = Progress & { roundId: string; name: string };

export type Statistics = {
  totals: { teams: number; accepted: number; people: number; regionsReached: number; regions: number };
  perDay: DayCount[];
  funnel: FunnelStep[];
  /** Every region of the event in its order, then teams without a region (if any). */
  regions: RegionRow[];
  pools: PoolRow[];
  judges: JudgeRow[];
  rounds: RoundRow[];
  judging: Progress;
  published: boolean;
};

const DAY_MS = 86_400_000;

/** The calendar day of an instant in the event's zone, as YYYY-MM-DD. */
export function dayInZone(instant: Date, tz: EventTimeZone): string {
  return utcToZonedLocal(instant, tz).slice(0, 10);
}

const shortDay = new Map<DisplayLocale, Intl.DateTimeFormat>();

/** How a day of the chart reads: short under the axis ("1 Okt"), long in the table ("Kamis, 1 Oktober 2026"). */
export function dayLabels(days: readonly string[], tz: EventTimeZone, lang: DisplayLocale): Record<string, { short: string; long: string }> {
  let fmt = shortDay.get(lang);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "id-ID", { day: "numeric", month: "short", timeZone: "UTC" });
    shortDay.set(lang, fmt);
  }
  const out: Record<string, { short: string; long: string }> = {};
  for (const day of days) {
    const noon = zonedLocalToUtc(`${day}T12:00`, tz);
    out[day] = { short: fmt.format(new Date(`${day}T12:00:00Z`)), long: noon ? formatInZone(noon, tz, lang, "date") : day };
  }
  return out;
}

function nextDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d + 1);
  return date.toISOString().slice(0, 10);
}

/** Longest run of days drawn; beyond it the chart covers the registrations only. */
const MAX_DAYS = 400;

/**
 * Teams registered per day in the event's zone, every day from the first to the last (days
 * without a registration count 0), with the running total. The run covers the registration
 * window as far as it has passed at `now`, when given.
 */
export function registrationsPerDay(createdAt: readonly Date[], tz: EventTimeZone, window?: { opensAt: Date; closesAt: Date; now: Date }): DayCount[] {
  const counts = new Map<string, number>();
  for (const at of createdAt) {
    const day = dayInZone(at, tz);
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  const seen = [...counts.keys()].sort();
  let first = seen[0];
  let last = seen[seen.length - 1];
  if (window && window.opensAt.getTime() <= window.now.getTime()) {
    const opens = dayInZone(window.opensAt, tz);
    const until = dayInZone(new Date(Math.min(window.closesAt.getTime(), window.now.getTime())), tz);
    const widerFirst = first === undefined || opens < first ? opens : first;
    const widerLast = last === undefined || until > last ? until : last;
    if (spanDays(widerFirst, widerLast) <= MAX_DAYS || first === undefined) [first, last] = [widerFirst, widerLast];
  }
  if (first === undefined || last === undefined) return [];
  const out: DayCount[] = [];
  let cumulative = 0;
  for (let day = first, n = 0; day <= last && n < MAX_DAYS * 10; day = nextDay(day), n++) {
    const count = counts.get(day) ?? 0;
    cumulative += count;
    out.push({ day, count, cumulative });
  }
  return out;
}

function spanDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** Registered → accepted → submitted → finalist → winner; winners are known only once results are published. */
export function funnel(teams: readonly TeamFacts[], published: boolean): FunnelStep[] {
  const registered = teams.length;
  const count: Record<FunnelStage, number | null> = {
    registered,
    accepted: teams.filter((t) => t.status === "ACCEPTED").length,
    submitted: teams.filter((t) => t.submitted).length,
    finalist: teams.filter((t) => t.finalist).length,
    winner: published ? teams.filter((t) => t.winner).length : null,
  };
  return FUNNEL_STAGES.map((stage) => {
    const n = count[stage];
    return { stage, count: n, share: n === null || registered === 0 ? null : n / registered };
  });
}

/** Teams (all, accepted) and their members per region, in the event's region order; teams without a region last. */
export function regionRows(teams: readonly TeamFacts[], regions: StatisticsFacts["regions"], noRegion: string): RegionRow[] {
  const rows = new Map<string | null, RegionRow>(regions.map((r) => [r.id, { regionId: r.id, code: r.code, name: r.name, teams: 0, accepted: 0, people: 0 }]));
  for (const t of teams) {
    const key = t.regionId !== null && rows.has(t.regionId) ? t.regionId : null;
    let row = rows.get(key);
    if (!row) {
      row = { regionId: null, code: null, name: noRegion, teams: 0, accepted: 0, people: 0 };
      rows.set(null, row);
    }
    row.teams += 1;
    if (t.status === "ACCEPTED") row.accepted += 1;
    row.people += t.members;
  }
  return [...rows.values()];
}

/** People and teams per pool in the event's pool order; members in no pool (or a pool since removed) after. */
export function poolRows(pools: StatisticsFacts["pools"], counts: StatisticsFacts["poolCounts"], noPool: string): PoolRow[] {
  const rows: PoolRow[] = pools.map((p) => ({ key: p.key, label: p.label, people: 0, teams: 0 }));
  for (const c of counts) {
    let row = rows.find((r) => r.key === c.pool);
    if (!row) {
      row = { key: c.pool, label: c.pool ?? noPool, people: 0, teams: 0 };
      rows.push(row);
    }
    row.people += c.people;
    row.teams += c.teams;
  }
  return rows;
}

/** Final judgments of all assignments, per judge (by name), per round (in order) and overall. */
export function judgingProgress(rows: StatisticsFacts["judging"]): { judges: JudgeRow[]; rounds: RoundRow[]; overall: Progress } {
  const judges = new Map<string, JudgeRow>();
  const rounds = new Map<string, RoundRow & { order: number }>();
  const overall: Progress = { final: 0, total: 0 };
  for (const r of rows) {
    const j = judges.get(r.judgeId) ?? { judgeId: r.judgeId, name: r.judgeName, final: 0, total: 0 };
    j.final += r.final;
    j.total += r.total;
    judges.set(r.judgeId, j);
    const round = rounds.get(r.roundId) ?? { roundId: r.roundId, name: r.roundName, order: r.roundOrder, final: 0, total: 0 };
    round.final += r.final;
    round.total += r.total;
    rounds.set(r.roundId, round);
    overall.final += r.final;
    overall.total += r.total;
  }
  return {
    judges: [...judges.values()].sort((a, b) => compareText(a.name, b.name) || (a.judgeId < b.judgeId ? -1 : 1)),
    rounds: [...rounds.values()].sort((a, b) => a.order - b.order).map(({ order: _order, ...r }) => r),
    overall,
  };
}

export type StatisticsWords = { noRegion: string; noPool: string };

/** Every figure of the event from its facts. */
export function buildStatistics(facts: StatisticsFacts, tz: EventTimeZone, words: StatisticsWords, window?: { opensAt: Date; closesAt: Date; now: Date }): Statistics {
  const regions = regionRows(facts.teams, facts.regions, words.noRegion);
  const judging = judgingProgress(facts.judging);
  return {
    totals: {
      teams: facts.teams.length,
      accepted: facts.teams.filter((t) => t.status === "ACCEPTED").length,
      people: facts.teams.reduce((n, t) => n + t.members, 0),
      regionsReached: regions.filter((r) => r.regionId !== null && r.teams > 0).length,
      regions: facts.regions.length,
    },
    perDay: registrationsPerDay(
      facts.teams.map((t) => t.createdAt),
      tz,
      window,
    ),
    funnel: funnel(facts.teams, facts.published),
    regions,
    pools: poolRows(facts.pools, facts.poolCounts, words.noPool),
    judges: judging.judges,
    rounds: judging.rounds,
    judging: judging.overall,
    published: facts.published,
  };
}

/** What the public page shows: counts only — no judge (a person) is named. */
export function publicStatistics(s: Statistics): Omit<Statistics, "judges" | "rounds" | "judging"> {
  const { judges: _judges, rounds: _rounds, judging: _judging, ...rest } = s;
  return rest;
}

/** Labels of the CSV's item column, in the reader's language. */
export type CsvWords = { stage: (stage: FunnelStage) => string; overall: string };

/**
 * Every figure as one table in long form: section, item, code, measure, value — one number per
 * row, so a spreadsheet can pivot it. Days are YYYY-MM-DD in the event's zone; shares are 0…1.
 */
export function statisticsCsvRows(s: Statistics, words: CsvWords): Cell[][] {
  const rows: Cell[][] = [["section", "item", "code", "measure", "value"]];
  const add = (section: string, item: string, code: string | null, measure: string, value: number | null) => rows.push([section, item, code ?? "", measure, value]);
  add("totals", words.overall, null, "teams", s.totals.teams);
  add("totals", words.overall, null, "accepted", s.totals.accepted);
  add("totals", words.overall, null, "people", s.totals.people);
  add("totals", words.overall, null, "regionsReached", s.totals.regionsReached);
  add("totals", words.overall, null, "regions", s.totals.regions);
  for (const d of s.perDay) {
    add("registrations", d.day, null, "teams", d.count);
    add("registrations", d.day, null, "cumulative", d.cumulative);
  }
  for (const f of s.funnel) {
    add("funnel", words.stage(f.stage), f.stage, "teams", f.count);
    add("funnel", words.stage(f.stage), f.stage, "share", f.share === null ? null : Math.round(f.share * 10_000) / 10_000);
  }
  for (const r of s.regions) {
    add("regions", r.name, r.code, "teams", r.teams);
    add("regions", r.name, r.code, "accepted", r.accepted);
    add("regions", r.name, r.code, "people", r.people);
  }
  for (const p of s.pools) {
    add("pools", p.label, p.key, "people", p.people);
    add("pools", p.label, p.key, "teams", p.teams);
  }
  for (const j of s.judges) {
    add("judges", j.name, null, "final", j.final);
    add("judges", j.name, null, "assignments", j.total);
  }
  for (const r of s.rounds) {
    add("judgingRounds", r.name, null, "final", r.final);
    add("judgingRounds", r.name, null, "assignments", r.total);
  }
  add("judgingRounds", words.overall, null, "final", s.judging.final);
  add("judgingRounds", words.overall, null, "assignments", s.judging.total);
  return rows;
}

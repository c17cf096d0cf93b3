import { describe, expect, it } from "vitest";
import { dayChart, funnelChart } from "./chart-geometry";
import {
  buildStatistics,
  dayInZone,
  dayLabels,
  funnel,
  judgingProgress,
  poolRows,
  publicStatistics,
  regionRows,
  registrationsPerDay,
  statisticsCsvRows,
  type StatisticsFacts,
  type TeamFacts,
} from "./statistics";

const team = (over: Partial<TeamFacts> = {}): TeamFacts => ({
  createdAt: new Date("2026-10-01T03:00:00Z"),
  status: "PENDING",
  regionId: null,
  members: 3,
  submitted: false,
  finalist: false,
  winner: false,
  ...over,
});

describe("registrations per day, in the event's zone", () => {
  it("counts a team registered at 23:59:59.999 WIB on that day and one at 00:00 WIB on the next", () => {
    const lastMs = new Date("2026-10-01T16:59:59.999Z"); // Kamis 1 Oktober 2026 23.59.59,999 WIB
    const midnight = new Date("2026-10-01T17:00:00.000Z"); // Jumat 2 Oktober 2026 00.00 WIB
    expect(dayInZone(lastMs, "Asia/Jakarta")).toBe("2026-10-01");
    expect(dayInZone(midnight, "Asia/Jakarta")).toBe("2026-10-02");
    expect(registrationsPerDay([lastMs, midnight, midnight], "Asia/Jakarta")).toEqual([
      { day: "2026-10-01", count: 1, cumulative: 1 },
      { day: "2026-10-02", count: 2, cumulative: 3 },
    ]);
  });

  it("uses the event's own zone: the same instant is the next day in WIT", () => {
    const at = new Date("2026-10-01T16:00:00Z"); // 23.00 WIB, 01.00 WIT
    expect(registrationsPerDay([at], "Asia/Jakarta")[0]!.day).toBe("2026-10-01");
    expect(registrationsPerDay([at], "Asia/Jayapura")[0]!.day).toBe("2026-10-02");
  });

  it("fills days without a registration with 0, across a month's end, in order whatever the input order", () => {
    const days = registrationsPerDay([new Date("2026-11-02T01:00:00Z"), new Date("2026-10-30T01:00:00Z")], "Asia/Jakarta");
    expect(days.map((d) => [d.day, d.count, d.cumulative])).toEqual([
      ["2026-10-30", 1, 1],
      ["2026-10-31", 0, 1],
      ["2026-11-01", 0, 1],
      ["2026-11-02", 1, 2],
    ]);
  });

  it("covers the registration window as far as it has passed", () => {
    const window = { opensAt: new Date("2026-09-29T01:00:00Z"), closesAt: new Date("2026-10-10T16:59:59.999Z"), now: new Date("2026-10-02T05:00:00Z") };
    const days = registrationsPerDay([new Date("2026-10-01T03:00:00Z")], "Asia/Jakarta", window);
    expect(days.map((d) => d.day)).toEqual(["2026-09-29", "2026-09-30", "2026-10-01", "2026-10-02"]);
    expect(days.map((d) => d.cumulative)).toEqual([0, 0, 1, 1]);
    const after = registrationsPerDay([], "Asia/Jakarta", { ...window, now: new Date("2027-01-01T00:00:00Z") });
    expect(after[0]!.day).toBe("2026-09-29");
    expect(after.at(-1)!.day).toBe("2026-10-10");
    expect(registrationsPerDay([], "Asia/Jakarta", { ...window, now: new Date("2026-09-01T00:00:00Z") })).toEqual([]);
    expect(registrationsPerDay([], "Asia/Jakarta")).toEqual([]);
  });
});

describe("the funnel", () => {
  const teams = [
    team({ status: "ACCEPTED", submitted: true, finalist: true, winner: true }),
    team({ status: "ACCEPTED", submitted: true, finalist: true }),
    team({ status: "ACCEPTED", submitted: true }),
    team({ status: "ACCEPTED" }),
    team({ status: "REJECTED" }),
    team(),
    team(),
    team(),
  ];

  it("counts registered → accepted → submitted → finalist → winner with each stage's share of the registered", () => {
    expect(funnel(teams, true)).toEqual([
      { stage: "registered", count: 8, share: 1 },
      { stage: "accepted", count: 4, share: 0.5 },
      { stage: "submitted", count: 3, share: 0.375 },
      { stage: "finalist", count: 2, share: 0.25 },
      { stage: "winner", count: 1, share: 0.125 },
    ]);
  });

  it("does not know the winners before the results are published", () => {
    expect(funnel(teams, false).at(-1)).toEqual({ stage: "winner", count: null, share: null });
  });

  it("has no shares without teams", () => {
    expect(funnel([], true).map((s) => [s.count, s.share])).toEqual([
      [0, null],
      [0, null],
      [0, null],
      [0, null],
      [0, null],
    ]);
  });
});

describe("regions, pools and judging", () => {
  const regions = [
    { id: "a", code: "35.01", name: "Kabupaten Pacitan" },
    { id: "b", code: "35.78", name: "Kota Surabaya" },
  ];

  it("counts teams, accepted teams and their members per region in the event's order, teams without a region last", () => {
    const rows = regionRows(
      [team({ regionId: "b", status: "ACCEPTED", members: 5 }), team({ regionId: "b", members: 2 }), team({ members: 4 }), team({ regionId: "gone", members: 1 })],
      regions,
      "Tanpa wilayah",
    );
    expect(rows).toEqual([
      { regionId: "a", code: "35.01", name: "Kabupaten Pacitan", teams: 0, accepted: 0, people: 0 },
      { regionId: "b", code: "35.78", name: "Kota Surabaya", teams: 2, accepted: 1, people: 7 },
      { regionId: null, code: null, name: "Tanpa wilayah", teams: 2, accepted: 0, people: 5 },
    ]);
    expect(regionRows([], regions, "Tanpa wilayah")).toHaveLength(2);
  });

  it("counts people and teams per pool, members in no pool or a removed pool after the event's pools", () => {
    const rows = poolRows(
      [
        { key: "mahasiswa", label: "Mahasiswa" },
        { key: "kim", label: "Anggota KIM" },
      ],
      [
        { pool: "kim", people: 4, teams: 3 },
        { pool: null, people: 2, teams: 1 },
        { pool: "lama", people: 1, teams: 1 },
      ],
      "Tanpa kelompok",
    );
    expect(rows).toEqual([
      { key: "mahasiswa", label: "Mahasiswa", people: 0, teams: 0 },
      { key: "kim", label: "Anggota KIM", people: 4, teams: 3 },
      { key: null, label: "Tanpa kelompok", people: 2, teams: 1 },
      { key: "lama", label: "lama", people: 1, teams: 1 },
    ]);
  });

  it("sums final judgments per judge across rounds, per round in order and overall", () => {
    const p = judgingProgress([
      { judgeId: "j2", judgeName: "Sri", roundId: "r2", roundName: "Final", roundOrder: 2, total: 2, final: 0 },
      { judgeId: "j1", judgeName: "Budi", roundId: "r1", roundName: "Penyisihan", roundOrder: 1, total: 4, final: 4 },
      { judgeId: "j2", judgeName: "Sri", roundId: "r1", roundName: "Penyisihan", roundOrder: 1, total: 4, final: 3 },
    ]);
    expect(p.judges).toEqual([
      { judgeId: "j1", name: "Budi", final: 4, total: 4 },
      { judgeId: "j2", name: "Sri", final: 3, total: 6 },
    ]);
    expect(p.rounds).toEqual([
      { roundId: "r1", name: "Penyisihan", final: 7, total: 8 },
      { roundId: "r2", name: "Final", final: 0, total: 2 },
    ]);
    expect(p.overall).toEqual({ final: 7, total: 10 });
  });
});

describe("all figures, the public version and the CSV", () => {
  const facts: StatisticsFacts = {
    teams: [team({ regionId: "a", status: "ACCEPTED", submitted: true, members: 4 }), team({ regionId: "a", createdAt: new Date("2026-10-02T03:00:00Z") })],
    regions: [
      { id: "a", code: "35.01", name: "Kabupaten Pacitan" },
      { id: "b", code: "35.02", name: "Kabupaten Ponorogo" },
    ],
    pools: [{ key: "kim", label: "Anggota KIM" }],
    poolCounts: [{ pool: "kim", people: 2, teams: 1 }],
    judging: [{ judgeId: "j1", judgeName: "Budi Santoso", roundId: "r1", roundName: "Penyisihan", roundOrder: 1, total: 2, final: 1 }],
    published: false,
  };
  const stats = buildStatistics(facts, "Asia/Jakarta", { noRegion: "Tanpa wilayah", noPool: "Tanpa kelompok" });

  it("adds up the totals and the regions reached", () => {
    expect(stats.totals).toEqual({ teams: 2, accepted: 1, people: 7, regionsReached: 1, regions: 2 });
    expect(stats.perDay.map((d) => d.cumulative)).toEqual([1, 2]);
    expect(stats.judging).toEqual({ final: 1, total: 2 });
  });

  it("names no judge in the public version", () => {
    const pub = publicStatistics(stats);
    expect(JSON.stringify(pub)).not.toContain("Budi");
    expect(Object.keys(pub).sort()).toEqual(["funnel", "perDay", "pools", "published", "regions", "totals"]);
  });

  it("writes every figure as section, item, code, measure, value", () => {
    const rows = statisticsCsvRows(stats, { stage: (s) => `tahap ${s}`, overall: "Seluruhnya" });
    expect(rows[0]).toEqual(["section", "item", "code", "measure", "value"]);
    expect(rows).toContainEqual(["registrations", "2026-10-02", "", "cumulative", 2]);
    expect(rows).toContainEqual(["funnel", "tahap accepted", "accepted", "share", 0.5]);
    expect(rows).toContainEqual(["funnel", "tahap winner", "winner", "teams", null]);
    expect(rows).toContainEqual(["regions", "Kabupaten Pacitan", "35.01", "people", 7]);
    expect(rows).toContainEqual(["pools", "Anggota KIM", "kim", "people", 2]);
    expect(rows).toContainEqual(["judges", "Budi Santoso", "", "final", 1]);
    expect(rows).toContainEqual(["judgingRounds", "Seluruhnya", "", "assignments", 2]);
    expect(new Set(rows.slice(1).map((r) => r[0]))).toEqual(new Set(["totals", "registrations", "funnel", "regions", "pools", "judges", "judgingRounds"]));
  });
});

describe("chart geometry", () => {
  it("draws a bar per day on the count scale and the running total on its own scale", () => {
    const c = dayChart(
      [
        { day: "2026-10-01", count: 2, cumulative: 2 },
        { day: "2026-10-02", count: 0, cumulative: 2 },
        { day: "2026-10-03", count: 4, cumulative: 6 },
      ],
      360,
      180,
    );
    expect(c.maxCount).toBe(4);
    expect(c.maxCumulative).toBe(6);
    const bottom = c.plot.y + c.plot.height;
    expect(c.bars[2]!.y).toBeCloseTo(c.plot.y, 1);
    expect(c.bars[0]!.height).toBeCloseTo(c.plot.height / 2, 1);
    expect(c.bars[1]!.height).toBe(0);
    for (const b of c.bars) {
      expect(b.x).toBeGreaterThanOrEqual(c.plot.x);
      expect(b.x + b.width).toBeLessThanOrEqual(c.plot.x + c.plot.width + 0.1);
      expect(b.y + b.height).toBeCloseTo(bottom, 1);
    }
    const points = c.line.split(" ").map((p) => p.split(",").map(Number));
    expect(points).toHaveLength(3);
    expect(points[2]![1]).toBeCloseTo(c.plot.y, 1);
    expect(c.ticks.map((t) => t.day)).toEqual(["2026-10-01", "2026-10-03"]);
    expect(dayChart([]).bars).toEqual([]);
    // One day: a bar of sensible width in the middle, named under itself.
    const one = dayChart([{ day: "2026-10-01", count: 3, cumulative: 3 }], 360, 180);
    expect(one.bars[0]!.width).toBe(28);
    expect(one.ticks).toEqual([{ x: one.bars[0]!.x + 14, day: "2026-10-01", anchor: "middle" }]);
  });

  it("centres each funnel bar, as wide as its share of the largest stage", () => {
    const f = funnelChart([10, 5, 0, null], 300);
    expect(f.rows[0]!.bar).toMatchObject({ x: 0, width: 300 });
    expect(f.rows[1]!.bar).toMatchObject({ x: 75, width: 150 });
    expect(f.rows[2]!.bar.width).toBe(0);
    expect(f.rows[3]!.bar.width).toBe(0);
    expect(f.height).toBe(4 * 48);
    expect(funnelChart([1000, 1], 300).rows[1]!.bar.width).toBe(3);
  });
});

describe("day labels", () => {
  it("names each day short under the axis and in full in the table, in the reader's language", () => {
    expect(dayLabels(["2026-10-01"], "Asia/Jakarta", "id")).toEqual({ "2026-10-01": { short: "1 Okt", long: "Kamis, 1 Oktober 2026" } });
    expect(dayLabels(["2026-10-01"], "Asia/Jayapura", "en")).toEqual({ "2026-10-01": { short: "1 Oct", long: "Thursday, 1 October 2026" } });
  });
});

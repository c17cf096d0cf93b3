import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/services/db.server";
import { makeEvent, makeUser } from "~/test/event-helpers";
import { recordStatements } from "~/test/statements";
import { eventStatistics, setStatisticsPublic, statisticsFacts } from "./statistics.server";

const WORDS = { noRegion: "Tanpa wilayah", noPool: "Tanpa kelompok" };
/** Thursday 1 October 2026, 23:59:59.999 WIB, and the next millisecond (Friday, 00:00 WIB). */
const LAST_MS = new Date("2026-10-01T16:59:59.999Z");
const MIDNIGHT = new Date("2026-10-01T17:00:00.000Z");

async function team(eventId: string, opts: { status?: "PENDING" | "ACCEPTED" | "REJECTED"; regionId?: string | null; createdAt?: Date; pools: (string | null)[] }) {
  const code = randomBytes(6).toString("hex");
  const t = await db.team.create({
    data: {
      eventId,
      name: `Tim ${code}`,
      nameKey: `tim ${code}`,
      inviteCode: code,
      inviteToken: `tok-${code}`,
      status: opts.status ?? "PENDING",
      regionId: opts.regionId ?? null,
      createdAt: opts.createdAt ?? LAST_MS,
    },
  });
  for (const [i, pool] of opts.pools.entries()) {
    const u = await makeUser();
    await db.teamMember.create({ data: { teamId: t.id, eventId, userId: u.id, role: i === 0 ? "CAPTAIN" : "MEMBER", pool } });
  }
  return t;
}

/**
 * A: accepted in Surabaya (3 members), submitted, in the final round, awarded;
 * B: accepted in Surabaya (2), submitted, judged in round 1 only; C: pending in Pacitan (1), a draft;
 * D: rejected without a region (1), registered at midnight WIB. Judge 1 has two round-1
 * assignments (one final), judge 2 one final-round assignment (open).
 */
async function world() {
  const event = await makeEvent({
    pools: [
      { key: "mahasiswa", label: "Mahasiswa", quota: 5 },
      { key: "kim", label: "Anggota KIM", quota: 2 },
    ],
  });
  const [r1, r2] = await db.round.findMany({ where: { eventId: event.id }, orderBy: { order: "asc" } });
  const regions = await db.region.findMany({ where: { eventId: event.id } });
  const surabaya = regions.find((r) => r.name === "Kota Surabaya")!;
  const pacitan = regions.find((r) => r.name === "Kabupaten Pacitan")!;
  const a = await team(event.id, { status: "ACCEPTED", regionId: surabaya.id, pools: ["mahasiswa", "mahasiswa", "kim"] });
  const b = await team(event.id, { status: "ACCEPTED", regionId: surabaya.id, pools: ["mahasiswa", null] });
  const c = await team(event.id, { regionId: pacitan.id, pools: ["kim"] });
  await team(event.id, { status: "REJECTED", createdAt: MIDNIGHT, pools: ["mahasiswa"] });
  const sa = await db.submission.create({ data: { eventId: event.id, teamId: a.id, title: "A", status: "SUBMITTED" } });
  const sb = await db.submission.create({ data: { eventId: event.id, teamId: b.id, title: "B", status: "SUBMITTED" } });
  await db.submission.create({ data: { eventId: event.id, teamId: c.id, title: "C", status: "DRAFT" } });
  const j1 = await makeUser({ name: "Budi Santoso" });
  const j2 = await makeUser({ name: "Sri Wahyuni" });
  const a1 = await db.assignment.create({ data: { roundId: r1!.id, judgeId: j1.id, submissionId: sa.id } });
  await db.assignment.create({ data: { roundId: r1!.id, judgeId: j1.id, submissionId: sb.id } });
  await db.judgment.create({ data: { assignmentId: a1.id, finalizedAt: new Date() } });
  await db.roundEntry.create({ data: { roundId: r2!.id, submissionId: sa.id } });
  await db.assignment.create({ data: { roundId: r2!.id, judgeId: j2.id, submissionId: sa.id } });
  // Another event's teams never count here.
  const other = await makeEvent();
  await team(other.id, { status: "ACCEPTED", pools: ["mahasiswa", "kim"] });
  return { event, r1: r1!, r2: r2!, surabaya, pacitan, sa, j1 };
}

async function publish(eventId: string, submissionId: string, actorId: string) {
  const award = await db.award.findFirstOrThrow({ where: { eventId } });
  await db.awardRecipient.create({ data: { awardId: award.id, submissionId } });
  const first = await db.publication.create({ data: { eventId, method: "zscore", document: "{}", sha256: randomBytes(32).toString("hex"), publishedById: actorId, publishedAt: new Date() } });
  // A correction replaces it: the event still has (one current) published record.
  await db.publication.create({
    data: {
      eventId,
      method: "zscore",
      document: "{}",
      sha256: randomBytes(32).toString("hex"),
      publishedById: actorId,
      publishedAt: new Date(),
      supersedesId: first.id,
      correctionReason: "Salah ketik nilai",
    },
  });
}

describe("an event's statistics", () => {
  it("reads the facts of this event only: teams with their stage, members per pool, regions, pools and judging", async () => {
    const { event, surabaya } = await world();
    const facts = await statisticsFacts(event.id);
    expect(facts.teams).toHaveLength(4);
    expect(facts.teams.map((t) => [t.status, t.regionId === surabaya.id, t.members, t.submitted, t.finalist, t.winner])).toEqual([
      ["ACCEPTED", true, 3, true, true, false],
      ["ACCEPTED", true, 2, true, false, false],
      ["PENDING", false, 1, false, false, false],
      ["REJECTED", false, 1, false, false, false],
    ]);
    expect(facts.teams[0]!.createdAt.getTime()).toBe(LAST_MS.getTime());
    expect(facts.regions).toHaveLength(38);
    expect(facts.regions[0]).toMatchObject({ code: "35.01", name: "Kabupaten Pacitan" });
    expect(facts.pools).toEqual([
      { key: "mahasiswa", label: "Mahasiswa" },
      { key: "kim", label: "Anggota KIM" },
    ]);
    expect([...facts.poolCounts].sort((x, y) => String(x.pool).localeCompare(String(y.pool)))).toEqual([
      { pool: "kim", people: 2, teams: 2 },
      { pool: "mahasiswa", people: 4, teams: 3 },
      { pool: null, people: 1, teams: 1 },
    ]);
    expect(facts.published).toBe(false);
    expect([...facts.judging].sort((x, y) => x.roundOrder - y.roundOrder)).toEqual([
      expect.objectContaining({ judgeName: "Budi Santoso", roundName: "Penyisihan", roundOrder: 1, total: 2, final: 1 }),
      expect.objectContaining({ judgeName: "Sri Wahyuni", roundName: "Final", roundOrder: 2, total: 1, final: 0 }),
    ]);
  });

  it("computes the figures: days in WIB across midnight, the funnel, regions, pools and judging progress", async () => {
    const { event, surabaya, pacitan } = await world();
    const now = new Date("2026-10-03T00:00:00Z");
    await db.event.update({ where: { id: event.id }, data: { registrationOpensAt: new Date("2026-09-30T01:00:00Z"), registrationClosesAt: new Date("2026-10-02T16:59:59.999Z") } });
    const fresh = await db.event.findUniqueOrThrow({ where: { id: event.id } });
    const s = await eventStatistics(fresh, now, WORDS);
    expect(s.perDay).toEqual([
      { day: "2026-09-30", count: 0, cumulative: 0 },
      { day: "2026-10-01", count: 3, cumulative: 3 },
      { day: "2026-10-02", count: 1, cumulative: 4 },
    ]);
    expect(s.funnel.map((f) => [f.stage, f.count])).toEqual([
      ["registered", 4],
      ["accepted", 2],
      ["submitted", 2],
      ["finalist", 1],
      ["winner", null],
    ]);
    expect(s.totals).toEqual({ teams: 4, accepted: 2, people: 7, regionsReached: 2, regions: 38 });
    expect(s.regions.find((r) => r.regionId === surabaya.id)).toMatchObject({ teams: 2, accepted: 2, people: 5 });
    expect(s.regions.find((r) => r.regionId === pacitan.id)).toMatchObject({ teams: 1, accepted: 0, people: 1 });
    expect(s.regions.at(-1)).toEqual({ regionId: null, code: null, name: "Tanpa wilayah", teams: 1, accepted: 0, people: 1 });
    expect(s.pools).toEqual([
      { key: "mahasiswa", label: "Mahasiswa", people: 4, teams: 3 },
      { key: "kim", label: "Anggota KIM", people: 2, teams: 2 },
      { key: null, label: "Tanpa kelompok", people: 1, teams: 1 },
    ]);
    expect(s.judging).toEqual({ final: 1, total: 3 });
    expect(s.rounds.map((r) => [r.name, r.final, r.total])).toEqual([
      ["Penyisihan", 1, 2],
      ["Final", 0, 1],
    ]);
    expect(s.judges.map((j) => [j.name, j.final, j.total])).toEqual([
      ["Budi Santoso", 1, 2],
      ["Sri Wahyuni", 0, 1],
    ]);
  });

  it("counts winners once the results are published, through a correction too", async () => {
    const { event, sa, j1 } = await world();
    await publish(event.id, sa.id, j1.id);
    const s = await eventStatistics(event, new Date(), WORDS);
    expect(s.published).toBe(true);
    expect(s.funnel.at(-1)).toEqual({ stage: "winner", count: 1, share: 0.25 });
  });

  it("loads in four statements whatever the event's size", async () => {
    const { event } = await world();
    await statisticsFacts(event.id);
    const small = await recordStatements(() => statisticsFacts(event.id));
    for (let i = 0; i < 5; i++) await team(event.id, { status: "ACCEPTED", pools: ["kim", "mahasiswa"] });
    const larger = await recordStatements(() => statisticsFacts(event.id));
    expect(small.statements).toHaveLength(4);
    expect(larger.statements).toHaveLength(4);
    expect(larger.result.teams).toHaveLength(9);
  });

  it("switches the public page on and off, audited once per change", async () => {
    const event = await makeEvent();
    const organizer = await makeUser();
    await setStatisticsPublic(event.id, true, organizer.id);
    await setStatisticsPublic(event.id, true, organizer.id);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).statisticsPublic).toBe(true);
    await setStatisticsPublic(event.id, false, organizer.id);
    const log = await db.auditLog.findMany({ where: { eventId: event.id, action: "statistics.update" }, orderBy: { at: "asc" } });
    expect(log.map((l) => [l.actorId, l.before, l.after])).toEqual([
      [organizer.id, JSON.stringify({ statisticsPublic: false }), JSON.stringify({ statisticsPublic: true })],
      [organizer.id, JSON.stringify({ statisticsPublic: true }), JSON.stringify({ statisticsPublic: false })],
    ]);
  });
});

import { describe, expect, it } from "vitest";
import type { Timeline } from "./phase";
import { decidingSide, finderOpen, MAX_PENDING_REQUESTS, requestRefusal, skillTags, teamNeeds, type RequestCheck } from "./team-finder";
import { KIM_MIX } from "~/test/team-rules";

const at = (iso: string) => new Date(iso);

const timeline: Timeline = {
  registrationOpensAt: at("2026-06-01T00:00:00.000Z"),
  registrationClosesAt: at("2026-06-30T16:59:59.999Z"),
  screeningClosesAt: at("2026-07-05T00:00:00.000Z"),
  submissionOpensAt: at("2026-07-06T00:00:00.000Z"),
  submissionClosesAt: at("2026-07-20T00:00:00.000Z"),
  rounds: [{ id: "r1", name: "Final", closesAt: at("2026-07-25T00:00:00.000Z") }],
  announcementAt: at("2026-07-30T00:00:00.000Z"),
};

const members = (...pools: (string | null)[]) => pools.map((pool) => ({ pool }));

describe("when the finder is open", () => {
  it("opens with registration and closes at the exact millisecond of its deadline", () => {
    const close = timeline.registrationClosesAt.getTime();
    expect(finderOpen(timeline, new Date(timeline.registrationOpensAt.getTime() - 1))).toBe(false);
    expect(finderOpen(timeline, timeline.registrationOpensAt)).toBe(true);
    expect(finderOpen(timeline, new Date(close - 1))).toBe(true);
    expect(finderOpen(timeline, new Date(close))).toBe(false);
    expect(finderOpen(timeline, new Date(close + 1))).toBe(false);
  });
});

describe("what a team still needs", () => {
  it("names the pool the team cannot complete without (5 students + 2 KIM members)", () => {
    const needs = teamNeeds(KIM_MIX, members("mahasiswa", "mahasiswa", "mahasiswa", "mahasiswa", "mahasiswa", "kim"));
    expect(needs).toEqual({ full: false, placesLeft: 1, missing: { total: 1, byPool: [{ pool: "kim", count: 1 }] }, openPools: ["kim"] });
  });

  it("leaves the mix free when the other pools can still absorb the places", () => {
    const needs = teamNeeds({ ...KIM_MIX, minSize: 3 }, members("mahasiswa"));
    expect(needs.missing).toEqual({ total: 2, byPool: [] });
    expect(needs.openPools).toEqual(["mahasiswa", "kim"]);
  });

  it("says a team at its maximum is full, places kept for imported members included", () => {
    expect(teamNeeds({ minSize: 2, maxSize: 3 }, members(null, null, null))).toMatchObject({ full: true, placesLeft: 0, openPools: [] });
    expect(teamNeeds({ minSize: 2, maxSize: 3 }, members(null, null))).toMatchObject({ full: false, placesLeft: 1, missing: { total: 0, byPool: [] } });
  });
});

describe("who may send a request", () => {
  const base: RequestCheck = {
    open: true,
    listing: { pool: "kim" },
    inTeam: false,
    teamLooking: true,
    direction: "TO_TEAM",
    rules: KIM_MIX,
    taken: members("mahasiswa", "kim"),
    existing: null,
    pendingBySender: 0,
  };

  it("lets a listed participant without a team ask a team that is looking", () => {
    expect(requestRefusal(base)).toBeNull();
  });

  it.each<[string, Partial<RequestCheck>, string]>([
    ["after registration closed", { open: false }, "closed"],
    ["someone already in a team", { inTeam: true }, "in_team"],
    ["someone not listed", { listing: null }, "not_listed"],
    ["a team that is not looking", { teamLooking: false }, "not_looking"],
    ["again after being declined", { existing: "DECLINED" }, "declined"],
    ["twice", { existing: "PENDING" }, "duplicate"],
    ["a full team", { taken: members("mahasiswa", "mahasiswa", "mahasiswa", "mahasiswa", "mahasiswa", "kim", "kim") }, "team_full"],
    ["into a pool already full", { taken: members("kim", "kim") }, "pool_full"],
    ["without a pool where the event has pools", { listing: { pool: null } }, "pool_required"],
    ["beyond the pending limit", { pendingBySender: MAX_PENDING_REQUESTS }, "too_many"],
  ])("refuses a request %s", (_label, over, code) => {
    expect(requestRefusal({ ...base, ...over })).toBe(code);
  });

  it("lets a captain invite a listed participant even when the team has not said it is looking", () => {
    expect(requestRefusal({ ...base, direction: "TO_PARTICIPANT", teamLooking: false })).toBeNull();
    expect(requestRefusal({ ...base, direction: "TO_PARTICIPANT", pendingBySender: MAX_PENDING_REQUESTS - 1 })).toBeNull();
  });

  it("names the closed finder before anything about the team", () => {
    expect(requestRefusal({ ...base, open: false, inTeam: true, existing: "PENDING", pendingBySender: 99 })).toBe("closed");
  });

  it("ignores a listing's pool when the event has no pools", () => {
    expect(requestRefusal({ ...base, rules: { minSize: 1, maxSize: 3 }, listing: { pool: "kim" }, taken: members(null) })).toBeNull();
  });

  it("leaves the answer to the side that did not ask", () => {
    expect(decidingSide("TO_TEAM")).toBe("captain");
    expect(decidingSide("TO_PARTICIPANT")).toBe("participant");
  });
});

describe("skills as tags", () => {
  it("splits, trims, drops duplicates ignoring case and keeps at most eight short tags", () => {
    expect(skillTags(" UI/UX,  laravel ;Laravel\nvideo editing,, ")).toEqual(["UI/UX", "laravel", "video editing"]);
    expect(skillTags("a,b,c,d,e,f,g,h,i,j")).toHaveLength(8);
    expect(skillTags("x".repeat(60))[0]).toHaveLength(40);
    expect(skillTags(" , ;")).toEqual([]);
  });
});

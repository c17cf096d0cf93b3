import { describe, expect, it } from "vitest";
import { impactToken, timelineImpact } from "./timeline-impact";

const NOW = new Date("2026-12-02T05:00:00Z");
const day = (n: number) => new Date(NOW.getTime() + n * 864e5);

function timeline(o: Partial<Record<"rOpen" | "rClose" | "sOpen" | "sClose" | "r1" | "r2", number>> = {}) {
  return {
    registrationOpensAt: day(o.rOpen ?? -10),
    registrationClosesAt: day(o.rClose ?? 5),
    screeningClosesAt: day(7),
    submissionOpensAt: day(o.sOpen ?? 8),
    submissionClosesAt: day(o.sClose ?? 12),
    rounds: [
      { id: "r1", name: "Penyisihan", closesAt: day(o.r1 ?? 15) },
      { id: "r2", name: "Final", closesAt: day(o.r2 ?? 18) },
    ],
    announcementAt: day(20),
  };
}

describe("timelineImpact", () => {
  it("says nothing when no window changes state now", () => {
    expect(timelineImpact(timeline(), timeline({ rClose: 6, sClose: 13, r2: 19 }), NOW)).toEqual([]);
  });

  it("names registration closing at once, with the close it had", () => {
    expect(timelineImpact(timeline(), timeline({ rClose: -1 }), NOW)).toEqual([{ window: "registration", kind: "closes", at: day(5) }]);
  });

  it("names a closed window reopened and a future one opened now, with their new close", () => {
    const past = timeline({ rOpen: -20, rClose: -15, sOpen: -10, sClose: -5, r1: -2, r2: 3 });
    const impacts = timelineImpact(past, timeline({ rOpen: -20, rClose: -15, sOpen: -10, sClose: 1, r1: 4, r2: 6 }), NOW);
    expect(impacts).toEqual([
      { window: "submission", kind: "reopens", at: day(1) },
      { window: "round", round: { id: "r2", name: "Final" }, kind: "closes", at: day(3) },
    ]);
    expect(timelineImpact(timeline(), timeline({ sOpen: -1 }), NOW)).toEqual([{ window: "submission", kind: "opens", at: day(12) }]);
  });

  it("names a window moved wholly into the past before it ever opened", () => {
    expect(timelineImpact(timeline({ rOpen: 1 }), timeline({ rOpen: -3, rClose: -2 }), NOW)).toEqual([{ window: "registration", kind: "skipped", at: day(-2) }]);
  });

  it("gives one token per set of impacts", () => {
    const a = timelineImpact(timeline(), timeline({ rClose: -1 }), NOW);
    const b = timelineImpact(timeline(), timeline({ rClose: -1, sOpen: -0.5 }), NOW);
    expect(impactToken(a)).toBe("registration::closes");
    expect(impactToken(b)).not.toBe(impactToken(a));
  });
});

import { describe, expect, it } from "vitest";
import { blindPeriod } from "./blind";

const at = (iso: string) => new Date(iso);
const rounds = [{ closesAt: at("2026-03-10T17:00:00Z") }, { closesAt: at("2026-03-20T17:00:00Z") }];

describe("blindPeriod", () => {
  it("lasts until the last round closes, to the millisecond, only for blind events", () => {
    expect(blindPeriod({ blindJudging: true, rounds }, at("2026-01-01T00:00:00Z"))).toBe(true);
    expect(blindPeriod({ blindJudging: true, rounds }, at("2026-03-15T00:00:00Z"))).toBe(true);
    expect(blindPeriod({ blindJudging: true, rounds }, at("2026-03-20T16:59:59.999Z"))).toBe(true);
    expect(blindPeriod({ blindJudging: true, rounds }, at("2026-03-20T17:00:00Z"))).toBe(false);
    expect(blindPeriod({ blindJudging: false, rounds }, at("2026-03-15T00:00:00Z"))).toBe(false);
    expect(blindPeriod({ blindJudging: true, rounds: [] }, at("2026-03-15T00:00:00Z"))).toBe(false);
  });
});

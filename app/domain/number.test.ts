import { describe, expect, it } from "vitest";
import { formatNumber } from "./number";

describe("formatNumber", () => {
  it("writes a decimal comma in Indonesian and a point in English", () => {
    expect(formatNumber(60.214, "id")).toBe("60,21");
    expect(formatNumber(60.214, "en")).toBe("60.21");
    expect(formatNumber(1250.5, "id", 1)).toBe("1.250,5");
    expect(formatNumber(7, "id", 1)).toBe("7,0");
  });

  it("shows a dash for a missing value", () => {
    expect(formatNumber(null, "id")).toBe("—");
    expect(formatNumber(Number.NaN, "en")).toBe("—");
  });
});

import { describe, expect, it } from "vitest";
import { formatDecimal, formatNumber } from "./number";

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

  it("writes weights and percentages with only the decimals they need", () => {
    expect(formatDecimal(12.5, "id")).toBe("12,5");
    expect(formatDecimal(12.5, "en")).toBe("12.5");
    expect(formatDecimal(20, "id")).toBe("20");
    expect(formatDecimal(1.234, "id")).toBe("1,23");
    expect(formatDecimal(null, "id")).toBe("—");
  });
});

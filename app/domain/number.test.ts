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

  it("keeps each language and number of decimals apart when formatters are reused", () => {
    const seen = [formatNumber(1.5, "id", 1), formatNumber(1.5, "id", 3), formatNumber(1.5, "en", 3), formatDecimal(1.5, "id", 0), formatDecimal(1.25, "en", 1), formatNumber(1.5, "id", 1)];
    expect(seen).toEqual(["1,5", "1,500", "1.500", "2", "1.3", "1,5"]);
  });
});

import { describe, expect, it } from "vitest";
import { pooledRandomBytes, rowId } from "./ids.server";

describe("random bytes from a pool", () => {
  it("hands out each byte once, across refills of the pool", () => {
    const values = Array.from({ length: 1000 }, () => pooledRandomBytes(16).toString("hex"));
    expect(values.every((v) => v.length === 32)).toBe(true);
    // 16,000 bytes: the 4 KB pool was refilled three times; 1,000 random 128-bit values never repeat.
    expect(new Set(values).size).toBe(1000);
    // Bytes spread over all values (a pool handed out as zeros, or the same bytes twice, would not).
    const counts = new Array(256).fill(0);
    for (const v of values) for (const b of Buffer.from(v, "hex")) counts[b]++;
    expect(Math.min(...counts)).toBeGreaterThan(20);
  });

  it("serves sizes larger than the pool", () => {
    const big = pooledRandomBytes(10_000);
    expect(big).toHaveLength(10_000);
    expect(new Set(big).size).toBeGreaterThan(200);
  });
});

describe("rowId", () => {
  it("is shaped like the cuids Prisma gives the same tables", () => {
    const id = rowId();
    expect(id).toMatch(/^c[0-9a-z]{24}$/);
  });

  it("sorts later ids after earlier ones, within a millisecond too", () => {
    const at = Date.UTC(2026, 11, 3, 10, 0, 0);
    const ids = [...Array.from({ length: 500 }, () => rowId(at)), rowId(at + 1), rowId(at + 60_000)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("starts with the time, so it sorts among ids of other rows made at other times", () => {
    expect(rowId(Date.UTC(2026, 0, 1)) < rowId(Date.UTC(2026, 0, 2))).toBe(true);
    expect(rowId(Date.UTC(2026, 0, 1)).slice(1, 9)).toBe(Date.UTC(2026, 0, 1).toString(36).padStart(8, "0"));
  });
});

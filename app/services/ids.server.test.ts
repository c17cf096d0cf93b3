import { describe, expect, it } from "vitest";
import { rowId } from "./ids.server";

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

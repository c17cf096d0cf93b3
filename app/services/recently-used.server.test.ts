import { describe, expect, it } from "vitest";
import { RecentlyUsed } from "./recently-used.server";

describe("a map of the most recently used entries", () => {
  it("drops the least recently used entry beyond its limit", () => {
    const map = new RecentlyUsed<string, number>(2);
    map.set("a", 1).set("b", 2).set("c", 3);
    expect([...map.keys()]).toEqual(["b", "c"]);
  });

  it("counts a read as a use, and a replaced entry as the newest", () => {
    const map = new RecentlyUsed<string, number>(2);
    map.set("a", 1).set("b", 2);
    expect(map.get("a")).toBe(1);
    map.set("c", 3);
    expect([...map.entries()]).toEqual([
      ["a", 1],
      ["c", 3],
    ]);
    map.set("a", 4);
    map.set("d", 5);
    expect([...map.entries()]).toEqual([
      ["a", 4],
      ["d", 5],
    ]);
  });

  it("answers a missing key without changing the order", () => {
    const map = new RecentlyUsed<string, number>(3);
    map.set("a", 1).set("b", 2);
    expect(map.get("x")).toBeUndefined();
    expect(map.has("x")).toBe(false);
    expect([...map.keys()]).toEqual(["a", "b"]);
  });
});

import { describe, expect, it } from "vitest";
import { cacheKey, MicroCache } from "./microcache.server";

describe("microcache", () => {
  const base = { method: "GET", search: "", cookie: undefined };
  it("caches only anonymous GETs of public pages, per language", () => {
    expect(cacheKey({ ...base, path: "/" })).toBe("/|");
    expect(cacheKey({ ...base, path: "/acara/kim-2026" })).toBe("/acara/kim-2026|");
    expect(cacheKey({ ...base, path: "/acara/kim-2026/hasil", cookie: "lng=en" })).toBe("/acara/kim-2026/hasil|en");
    expect(cacheKey({ ...base, path: "/acara/kim-2026/galeri", search: "?track=a" })).toBe("/acara/kim-2026/galeri?track=a|");
    expect(cacheKey({ ...base, path: "/acara/kim-2026", cookie: "lng=id; kim_session=abc" })).toBeNull();
    expect(cacheKey({ ...base, method: "POST", path: "/" })).toBeNull();
    for (const path of ["/dasbor", "/kelola/kim-2026", "/tim/abc", "/acara/kim-2026/daftar-tim", "/masuk", "/berkas/x"]) {
      expect(cacheKey({ ...base, path })).toBeNull();
    }
  });

  it("expires entries after the TTL and bounds its size", () => {
    const cache = new MicroCache(1000, 2);
    const page = { status: 200, headers: {}, body: Buffer.from("x") };
    cache.set("a", page, 0);
    expect(cache.get("a", 999)).not.toBeNull();
    expect(cache.get("a", 1000)).toBeNull();
    cache.set("a", page, 0);
    cache.set("b", page, 0);
    cache.set("c", page, 0);
    expect(cache.get("a", 1)).toBeNull();
    expect(cache.get("c", 1)).not.toBeNull();
  });
});

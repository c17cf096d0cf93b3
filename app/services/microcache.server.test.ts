import { describe, expect, it } from "vitest";
import { cacheKey, MicroCache, showsEvent } from "./microcache.server";

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

  it("drops an event's pages (and the home page) on a change notice, leaving other events cached", () => {
    const cache = new MicroCache(60_000, 100);
    const page = { status: 200, headers: {}, body: Buffer.from("x") };
    const keys = ["/|", "/|en", "/acara/kim-2026|", "/acara/kim-2026/hasil|en", "/acara/kim-2026/galeri?track=a|", "/acara/kim-2026-b|", "/acara/kim-2027/hasil|"];
    for (const key of keys) cache.set(key, page, 0);
    cache.invalidate((key) => showsEvent(key, "kim-2026"));
    expect(keys.filter((key) => cache.get(key, 1) !== null)).toEqual(["/acara/kim-2026-b|", "/acara/kim-2027/hasil|"]);
    cache.invalidate((key) => showsEvent(key, null));
    expect(keys.filter((key) => cache.get(key, 1) !== null)).toEqual([]);
  });

  it("does not store a render that began before a change notice (it may show the old data)", () => {
    const cache = new MicroCache(60_000, 100);
    const page = { status: 200, headers: {}, body: Buffer.from("old") };
    const started = cache.current();
    cache.invalidate((key) => showsEvent(key, "kim-2026"));
    expect(cache.set("/acara/kim-2026|", page, 0, started)).toBeUndefined();
    expect(cache.get("/acara/kim-2026|", 1)).toBeNull();
    // A page kept gives back its encodings: the ones its later visitors are served from.
    const encoded = cache.set("/acara/kim-2026|", page, 0, cache.current());
    expect(encoded).toBeDefined();
    expect(cache.get("/acara/kim-2026|", 1)?.encoded).toBe(encoded);
  });
});

import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import type { Request, Response } from "express";
import { describe, expect, it } from "vitest";
import { cacheKey } from "./microcache.server";
import { noStoreForPersonal } from "./cache-policy.server";

/** The Cache-Control a page goes out with, when the route itself asked for `routeValue`. */
function sent(path: string, cookie: string | undefined, routeValue?: string): string | undefined {
  const req = new IncomingMessage(new Socket());
  Object.assign(req, { path, headers: cookie ? { cookie } : {} });
  const res = new ServerResponse(req);
  noStoreForPersonal(req as unknown as Request, res as unknown as Response, () => undefined);
  if (routeValue) res.setHeader("Cache-Control", routeValue);
  res.writeHead(200);
  const value = res.getHeader("Cache-Control");
  return value === undefined ? undefined : String(value);
}

describe("personal pages are not stored", () => {
  it("anything answered to a signed-in browser is private, no-store, whatever the route asked", () => {
    expect(sent("/dasbor", "lng=id; kim_session=abc")).toBe("private, no-store");
    expect(sent("/kelola/kim-2026/tim", "kim_session=abc")).toBe("private, no-store");
    expect(sent("/acara/kim-2026/hasil", "kim_session=abc", "private, max-age=60")).toBe("private, no-store");
  });

  it("keeps a live stream's no-transform so compression does not buffer it", () => {
    expect(sent("/kelola/kim-2026/hasil/stream", "kim_session=abc", "no-cache, no-transform")).toBe("private, no-store, no-transform");
  });

  it.each(["/masuk", "/daftar", "/lupa-sandi", "/atur-ulang-sandi/abc", "/undangan/abc", "/gabung/abc", "/verifikasi-email/abc", "/akun", "/akun/verifikasi", "/masuk.data"])(
    "account page %s is private, no-store even before signing in",
    (path) => {
      expect(sent(path, undefined)).toBe("private, no-store");
    },
  );

  it("anonymous public pages keep their caching and the micro-cache", () => {
    expect(sent("/acara/kim-2026/hasil", "lng=en", "public, max-age=60, stale-while-revalidate=300")).toBe("public, max-age=60, stale-while-revalidate=300");
    expect(sent("/acara/kim-2026", undefined)).toBeUndefined();
    expect(cacheKey({ method: "GET", path: "/acara/kim-2026", search: "", cookie: "lng=en" })).not.toBeNull();
  });
});

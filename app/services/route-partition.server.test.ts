// Handing a URL to a build of only the routes its path could match must never change what it
// matches: for every route of the app, and for URLs written the odd ways a client or a probe may
// write them, the part a request is handed to matches the same routes, with the same parameters,
// as all routes do.
import { fileURLToPath } from "node:url";
import { UNSAFE_flatRoutes as flatRoutes } from "@remix-run/dev";
import { matchRoutes } from "@remix-run/react";
import type { ServerBuild } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { buildOver, candidateIds, partitionedHandlers, pathSegments, routePatterns, routeSegments, withParents } from "./route-partition.server";

type Shape = { id: string; parentId?: string; path?: string; index?: boolean; caseSensitive?: boolean };
type Tree = Parameters<typeof matchRoutes>[0][number];

const appDir = fileURLToPath(new URL("..", import.meta.url));
const manifest = flatRoutes(appDir, ["**/.*", "**/*.test.{ts,tsx}"]);
const appRoutes: Record<string, Shape> = { root: { id: "root", path: "" } };
for (const r of Object.values(manifest)) appRoutes[r.id] = { id: r.id, parentId: r.parentId, path: r.path, index: r.index, caseSensitive: r.caseSensitive };

/** A build shaped as the server's, over the given routes (modules are not needed for matching). */
function buildOf(routes: Record<string, Shape>): ServerBuild {
  const entries = Object.fromEntries(Object.values(routes).map((r) => [r.id, { ...r, module: {} }]));
  return { routes: entries, assets: { routes: entries } } as unknown as ServerBuild;
}

/** The nested route objects the router matches, as the framework builds them from a manifest. */
function treeOf(routes: Record<string, Shape>, parentId?: string): Tree[] {
  return Object.values(routes)
    .filter((r) => r.parentId === parentId)
    .map((r) => {
      const children = treeOf(routes, r.id);
      const base = { id: r.id, path: r.path, caseSensitive: r.caseSensitive };
      return r.index ? { ...base, index: true as const } : { ...base, children };
    });
}

/** What the framework matches for a request URL: the page path, a data path read as its page. */
function matched(tree: Tree[], url: string) {
  let path = new URL(`http://localhost${url}`).pathname;
  if (path.endsWith(".data")) path = path.slice(0, -".data".length).replace(/^\/_root$/, "/");
  return (matchRoutes(tree, path) ?? []).map((m) => `${m.route.id}${JSON.stringify(m.params)}`);
}

/** Sample URLs for a route: its parameters filled in, a splat given two segments. */
function samplesFor(routes: Record<string, Shape>, id: string): string[] {
  const parts: string[] = [];
  for (let r: Shape | undefined = routes[id]; r; r = r.parentId ? routes[r.parentId] : undefined) if (r.path) parts.unshift(r.path);
  const path = "/" + parts.join("/");
  const filled = path
    .replace(/:(\w+)\?/g, "opsional")
    .replace(/:(\w+)/g, (_m, name: string) => `nilai-${name}`)
    .replace(/\*$/, "a/b");
  return [
    filled,
    `${filled}/`,
    `${filled}.data`,
    filled.toUpperCase(),
    filled.replace(/^\/(\w)/, (_m, c: string) => `/%${c.charCodeAt(0).toString(16)}`),
    `${filled}?index&x=1`,
    `/lain/..${filled}`,
    `${filled}/tidak-ada`,
  ];
}

describe("the app's routes split by the paths they can match", () => {
  const whole = treeOf(appRoutes);
  const handlerFor = partitionedHandlers(buildOf(appRoutes), (b) => b);
  const odd = [
    "/",
    "/_root.data",
    "/tidak-ada",
    "/tidak-ada.data",
    "//dasbor",
    "/%E0%A4%A",
    "/acara%2Fx",
    "/dasbor%2F",
    "/./dasbor",
    "/a/../../dasbor",
    "/kelola",
    "/kelola/",
    "/KeLoLa/acara-1/hasil",
    "/juri/acara-1/nilai/x/simpan",
    "/%20",
    "/.data",
    "/favicon",
  ];

  it("hands a page's URL to a build of a few routes, the same build for every URL of that page", () => {
    const total = Object.keys(appRoutes).length;
    expect(total).toBeGreaterThan(60);
    const size = (url: string) => Object.keys(handlerFor(url).routes).length;
    for (const url of ["/dasbor", "/kelola/kim-2026/hasil", "/juri/kim-2026/nilai/a1/simpan", "/acara/kim-2026", "/tim/t1/karya"]) expect(size(url), url).toBeLessThan(10);
    expect(handlerFor("/kelola/kim-2026/hasil")).toBe(handlerFor("/kelola/lain/hasil?metode=borda"));
    expect(handlerFor("/kelola/kim-2026/hasil")).toBe(handlerFor("/kelola/kim-2026/hasil.data"));
    expect(handlerFor("/kelola/kim-2026/hasil")).not.toBe(handlerFor("/kelola/kim-2026/tim"));
    // A path the split cannot read goes to the handler over all routes.
    expect(size("//dasbor")).toBe(total);
  });

  it("every URL matches in its part exactly what it matches among all routes", () => {
    const urls = [...odd, ...Object.keys(appRoutes).flatMap((id) => samplesFor(appRoutes, id))];
    expect(urls.length).toBeGreaterThan(500);
    let placed = 0;
    for (const url of urls) {
      const build = handlerFor(url);
      if (Object.keys(build.routes).length < Object.keys(appRoutes).length) placed++;
      const part = treeOf(build.routes as unknown as Record<string, Shape>);
      expect(matched(part, url), url).toEqual(matched(whole, url));
    }
    // Nearly every URL goes to a part, not to the handler over all routes.
    expect(placed).toBeGreaterThan(urls.length * 0.9);
  });

  it("a page of each area matches its own route in its part", () => {
    const cases: [string, string][] = [
      ["/dasbor", "routes/dasbor"],
      ["/acara/kim-2026", "routes/acara.$slug._index"],
      ["/juri/kim-2026/nilai/a1", "routes/juri.$slug.nilai.$assignmentId"],
      ["/kelola/kim-2026/hasil", "routes/kelola.$slug.hasil"],
      ["/tim/t1/karya", "routes/tim.$teamId.karya"],
      ["/", "routes/_index"],
    ];
    for (const [url, id] of cases) {
      const build = handlerFor(url);
      const ids = matched(treeOf(build.routes as unknown as Record<string, Shape>), url).map((m) => m.split("{")[0]);
      expect(ids.at(-1), url).toBe(id);
      expect(ids[0]).toBe("root");
    }
  });
});

describe("routeSegments, pathSegments and candidateIds", () => {
  const routes: Record<string, Shape> = {
    root: { id: "root", path: "" },
    layout: { id: "layout", parentId: "root" },
    login: { id: "login", parentId: "layout", path: "Masuk" },
    home: { id: "home", parentId: "root", index: true },
    byParam: { id: "byParam", parentId: "root", path: ":lang/halaman" },
    optional: { id: "optional", parentId: "root", path: "bahasa?/info" },
    splat: { id: "splat", parentId: "root", path: "*" },
    event: { id: "event", parentId: "root", path: "acara/:slug" },
    eventTab: { id: "eventTab", parentId: "event", path: "galeri" },
  };

  it("reads a route's segments through its parents, lowercased; a parameter matches any segment; an optional segment or splat varies", () => {
    expect(routeSegments(routes, "login")).toEqual(["masuk"]);
    expect(routeSegments(routes, "eventTab")).toEqual(["acara", null, "galeri"]);
    expect(routeSegments(routes, "home")).toEqual([]);
    expect(routeSegments(routes, "layout")).toEqual([]);
    expect(routeSegments(routes, "byParam")).toEqual([null, "halaman"]);
    expect(routeSegments(routes, "optional")).toBeNull();
    expect(routeSegments(routes, "splat")).toBeNull();
  });

  it("reads a path's segments decoded and lowercased, and gives up where it cannot be sure", () => {
    expect(pathSegments("/MASUK")).toEqual(["masuk"]);
    expect(pathSegments("/%6Dasuk/")).toEqual(["masuk"]);
    expect(pathSegments("/acara/x/galeri.data")).toEqual(["acara", "x", "galeri"]);
    expect(pathSegments("/_root.data")).toEqual([]);
    expect(pathSegments("/")).toEqual([]);
    expect(pathSegments("//masuk")).toBeUndefined();
    expect(pathSegments("/%E0%A4%A")).toBeUndefined();
    expect(pathSegments("/masuk%2Fx")).toBeUndefined();
  });

  it("a path's candidates are the routes of its length whose literals it has, with their parents and the routes that vary", () => {
    const patterns = routePatterns(routes);
    expect(patterns.varying.sort()).toEqual(["optional", "splat"]);
    expect(candidateIds(patterns, ["acara", "kim", "galeri"])).toEqual(["eventTab"]);
    expect(candidateIds(patterns, ["acara", "halaman"]).sort()).toEqual(["byParam", "event"]);
    expect(candidateIds(patterns, ["masuk"])).toEqual(["login"]);
    expect(candidateIds(patterns, ["lain", "lagi", "dan", "lagi"])).toEqual([]);
    const ids = withParents(routes, [...candidateIds(patterns, ["acara", "kim", "galeri"]), ...patterns.varying]);
    expect([...ids].sort()).toEqual(["event", "eventTab", "optional", "root", "splat"]);
    // A path that matches nothing still has the root, which renders the "not found" page.
    expect([...withParents(routes, [])]).toEqual(["root"]);
    const build = buildOver(buildOf(routes), ids);
    expect(Object.keys(build.assets.routes).sort()).toEqual(Object.keys(build.routes).sort());
  });
});

// Splitting the routes by first path segment must never change what a URL matches: for every
// route of the app, and for URLs written the odd ways a client or a probe may write them, the
// part a request is handed to matches the same routes, with the same parameters, as all routes do.
import { fileURLToPath } from "node:url";
import { UNSAFE_flatRoutes as flatRoutes } from "@remix-run/dev";
import { matchRoutes } from "@remix-run/react";
import type { ServerBuild } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { leadingSegment, partitionBuild, partitionedHandlers, partitionRoutes, partOf } from "./route-partition.server";

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

describe("the app's routes split by first path segment", () => {
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

  it("has a part for each literal first segment, each much smaller than the whole", () => {
    const parts = partitionRoutes(appRoutes);
    for (const segment of ["acara", "dasbor", "juri", "kelola", "tim", "masuk", ""]) expect(parts.has(segment)).toBe(true);
    const total = Object.keys(appRoutes).length;
    expect(total).toBeGreaterThan(60);
    expect(parts.get("dasbor")!.size).toBeLessThan(5);
    expect(parts.get("juri")!.size).toBeLessThan(12);
    // The organizer area is the largest part, and still under half of all routes.
    for (const ids of parts.values()) expect(ids.size).toBeLessThan(total / 2);
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

describe("leadingSegment and partOf", () => {
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

  it("reads the first segment through the parents, lowercased; a parameter, optional segment or splat varies", () => {
    expect(leadingSegment(routes, "login")).toBe("masuk");
    expect(leadingSegment(routes, "eventTab")).toBe("acara");
    expect(leadingSegment(routes, "home")).toBe("");
    expect(leadingSegment(routes, "layout")).toBe("");
    expect(leadingSegment(routes, "byParam")).toBeNull();
    expect(leadingSegment(routes, "optional")).toBeNull();
    expect(leadingSegment(routes, "splat")).toBeNull();
  });

  it("puts a route in its segment's part with its parents, and routes that vary in every part", () => {
    const parts = partitionRoutes(routes);
    expect([...parts.keys()].sort()).toEqual(["", "acara", "masuk"]);
    expect([...parts.get("masuk")!].sort()).toEqual(["byParam", "layout", "login", "optional", "root", "splat"]);
    expect([...parts.get("acara")!].sort()).toEqual(["byParam", "event", "eventTab", "optional", "root", "splat"]);
    expect([...parts.get("")!].sort()).toEqual(["byParam", "home", "layout", "optional", "root", "splat"]);
    const builds = partitionBuild(buildOf(routes));
    expect(Object.keys(builds.get("masuk")!.assets.routes).sort()).toEqual(Object.keys(builds.get("masuk")!.routes).sort());
  });

  it("places a path by its decoded, lowercased first segment, and gives up where it cannot be sure", () => {
    const parts = partitionRoutes(routes);
    expect(partOf("/MASUK", parts)).toBe("masuk");
    expect(partOf("/%6Dasuk", parts)).toBe("masuk");
    expect(partOf("/acara/x/galeri.data", parts)).toBe("acara");
    expect(partOf("/_root.data", parts)).toBe("");
    expect(partOf("/lain", parts)).toBe("");
    expect(partOf("//masuk", parts)).toBeUndefined();
    expect(partOf("/%E0%A4%A", parts)).toBeUndefined();
    expect(partOf("/masuk%2Fx", parts)).toBeUndefined();
  });
});

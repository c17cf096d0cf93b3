// The framework matches a URL against every route of the app, three times per request (the
// server runtime, its data handler and the router that renders the page), and each time flattens,
// ranks and compiles all ~120 route paths anew: about a sixth of a page's CPU time. Most of those
// routes cannot match the URL at all: /kelola/x/hasil can only match a route whose whole path has
// three segments, "kelola", anything, "hasil" (a parameter matches any one segment). So the server
// reads the URL's segments, finds the routes whose path could match them (and the routes whose
// path varies in length: an optional segment or a splat), and hands the request to a handler over
// a build of only those routes and their parents, one handler kept per such set. What a URL
// matches is unchanged: a route left out could never have matched it, and the ranking among the
// routes that remain is the same. A URL the split cannot read with certainty goes to the handler
// over all routes.
import type { ServerBuild } from "@remix-run/node";

type RouteShape = { id: string; parentId?: string; path?: string; index?: boolean };

/**
 * The segments of every URL a route can match, read through its parents: a lowercase literal, or
 * null for a parameter. Null as a whole when the number of segments varies (an optional segment
 * or a splat).
 */
export function routeSegments(routes: Record<string, RouteShape | undefined>, id: string): (string | null)[] | null {
  const parts: string[] = [];
  for (let route = routes[id]; route; route = route.parentId ? routes[route.parentId] : undefined) {
    if (route.path) parts.unshift(route.path);
  }
  const segments = parts
    .join("/")
    .split("/")
    .filter((s) => s !== "");
  if (segments.some((s) => s.endsWith("?") || s.includes("*"))) return null;
  return segments.map((s) => (s.startsWith(":") ? null : s.toLowerCase()));
}

/**
 * The segments of a request's path as the framework reads them: decoded and, since routes match
 * without regard to case, lowercased. A single-fetch data path (`/x.data`, `/_root.data`) is read
 * as the page path it stands for. Undefined when the framework might read the path differently
 * from how it is split here: an empty segment, a segment that does not decode or decodes to a slash.
 */
export function pathSegments(pathname: string): string[] | undefined {
  let path = pathname;
  if (path.endsWith(".data")) path = path.slice(0, -".data".length).replace(/^\/_root$/, "/");
  if (path === "/") return [];
  if (!path.startsWith("/") || path.includes("//")) return undefined;
  const raw = path.slice(1).split("/");
  if (raw.at(-1) === "") raw.pop();
  const out: string[] = [];
  for (const segment of raw) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return undefined;
    }
    if (decoded.includes("/")) return undefined;
    out.push(decoded.toLowerCase());
  }
  return out;
}

/** Every route's path pattern, by number of segments, and the routes whose length varies. */
export function routePatterns(routes: Record<string, RouteShape | undefined>) {
  const bySize = new Map<number, { id: string; segments: (string | null)[] }[]>();
  const varying: string[] = [];
  for (const id of Object.keys(routes)) {
    const segments = routeSegments(routes, id);
    if (segments === null) varying.push(id);
    else if (bySize.has(segments.length)) bySize.get(segments.length)?.push({ id, segments });
    else bySize.set(segments.length, [{ id, segments }]);
  }
  return { bySize, varying };
}

/** The routes whose path could match these segments, in a fixed order (those of varying length not included). */
export function candidateIds(patterns: ReturnType<typeof routePatterns>, segments: readonly string[]): string[] {
  const out: string[] = [];
  for (const route of patterns.bySize.get(segments.length) ?? []) {
    if (route.segments.every((s, i) => s === null || s === segments[i])) out.push(route.id);
  }
  return out;
}

/** These routes with every parent of each, and the root. */
export function withParents(routes: Record<string, RouteShape | undefined>, ids: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const id of ids) {
    for (let route = routes[id]; route && !out.has(route.id); route = route.parentId ? routes[route.parentId] : undefined) out.add(route.id);
  }
  // The root renders the "not found" page of a URL that matches nothing.
  for (const route of Object.values(routes)) if (route && !route.parentId) out.add(route.id);
  return out;
}

function pick<T>(record: Record<string, T>, ids: Set<string>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([id]) => ids.has(id)));
}

/** A build of its own over some of the routes of a build. */
export function buildOver(build: ServerBuild, ids: Set<string>): ServerBuild {
  return { ...build, routes: pick(build.routes, ids), assets: { ...build.assets, routes: pick(build.assets.routes, ids) } };
}

/** How many distinct route sets get a handler of their own; past that, a URL goes to the handler over all routes. */
const MAX_PARTS = 256;

/**
 * A handler over the whole build, and one per set of routes a URL could match, made by
 * `handlerFor` the first time such a URL comes; the returned function gives the handler for a
 * request's URL as the request line carries it (path and query).
 */
export function partitionedHandlers<H>(build: ServerBuild, handlerFor: (build: ServerBuild) => H): (url: string) => H {
  const whole = handlerFor(build);
  const patterns = routePatterns(build.routes);
  const handlers = new Map<string, H>();
  return (url) => {
    if (!url.startsWith("/")) return whole;
    let pathname: string;
    try {
      // Read as the framework's adapter reads it: the request line appended to an origin, then
      // normalized by the URL standard ("/a/../b" is "/b").
      pathname = new URL(`http://localhost${url}`).pathname;
    } catch {
      return whole;
    }
    const segments = pathSegments(pathname);
    if (segments === undefined) return whole;
    const ids = candidateIds(patterns, segments);
    const key = ids.join("\n");
    let handler = handlers.get(key);
    if (handler === undefined) {
      if (handlers.size >= MAX_PARTS) return whole;
      handler = handlerFor(buildOver(build, withParents(build.routes, [...ids, ...patterns.varying])));
      handlers.set(key, handler);
    }
    return handler;
  };
}

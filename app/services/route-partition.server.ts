// The framework matches a URL against every route of the app, three times per request (the
// server runtime, its data handler and the router that renders the page), and each time flattens,
// ranks and compiles all ~90 route paths anew: about a sixth of a page's CPU time. Most of those
// routes cannot match the URL at all: a URL under /juri can only match a route whose path begins
// with "juri" or with a parameter. So the server keeps one request handler per first path
// segment, each over a build that holds only the routes that can match such a URL (and their
// parents), and hands every request to the handler for its first segment. What a URL matches is
// unchanged: a route left out of a part could never have matched the URLs sent to it, and the
// ranking among the routes that remain is the same. A URL the split cannot place with certainty
// goes to the handler over all routes.
import type { ServerBuild } from "@remix-run/node";

type RouteShape = { id: string; parentId?: string; path?: string; index?: boolean };

/**
 * The first segment of every URL a route can match: a lowercase literal, "" for a route that
 * matches only "/" or has no path of its own, or null when the segment varies (a parameter, a
 * splat or an optional segment).
 */
export function leadingSegment(routes: Record<string, RouteShape | undefined>, id: string): string | null {
  const parts: string[] = [];
  for (let route = routes[id]; route; route = route.parentId ? routes[route.parentId] : undefined) {
    if (route.path) parts.unshift(route.path);
  }
  const first = parts
    .join("/")
    .split("/")
    .find((s) => s !== "");
  if (first === undefined) return "";
  if (first.startsWith(":") || first === "*" || first.endsWith("?")) return null;
  return first.toLowerCase();
}

/** Route ids by part: one part per literal first segment, and "" for every other URL. */
export function partitionRoutes(routes: Record<string, RouteShape | undefined>): Map<string, Set<string>> {
  const leading = new Map<string, string | null>();
  for (const id of Object.keys(routes)) leading.set(id, leadingSegment(routes, id));
  const segments = new Set([...leading.values()].filter((s): s is string => s !== null && s !== ""));
  const parts = new Map<string, Set<string>>();
  for (const part of ["", ...segments]) {
    const ids = new Set<string>();
    for (const [id, segment] of leading) {
      if (segment !== null && segment !== part) continue;
      // A route and every parent it renders inside.
      for (let route = routes[id]; route && !ids.has(route.id); route = route.parentId ? routes[route.parentId] : undefined) ids.add(route.id);
    }
    parts.set(part, ids);
  }
  return parts;
}

/**
 * The part a request's path belongs to, or undefined when only the handler over all routes can
 * say: a path the framework would read differently from how it is split here (an empty segment,
 * a segment that does not decode). A single-fetch data path (`/x.data`, `/_root.data`) is placed
 * by the page path it stands for, as the framework reads it.
 */
export function partOf(pathname: string, parts: ReadonlyMap<string, unknown>): string | undefined {
  let path = pathname;
  if (path.endsWith(".data")) path = path.slice(0, -".data".length).replace(/^\/_root$/, "/");
  if (path === "/") return "";
  if (!path.startsWith("/") || path.includes("//")) return undefined;
  const end = path.indexOf("/", 1);
  const raw = end === -1 ? path.slice(1) : path.slice(1, end);
  let segment: string;
  try {
    segment = decodeURIComponent(raw).toLowerCase();
  } catch {
    return undefined;
  }
  if (segment.includes("/")) return undefined;
  return parts.has(segment) ? segment : "";
}

function pick<T>(record: Record<string, T>, ids: Set<string>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([id]) => ids.has(id)));
}

/** The build split into its parts, each a build of its own over the routes of that part. */
export function partitionBuild(build: ServerBuild): Map<string, ServerBuild> {
  const parts = partitionRoutes(build.routes);
  const builds = new Map<string, ServerBuild>();
  for (const [part, ids] of parts) {
    builds.set(part, { ...build, routes: pick(build.routes, ids), assets: { ...build.assets, routes: pick(build.assets.routes, ids) } });
  }
  return builds;
}

/**
 * One handler per part and one over the whole build, made by `handlerFor`; the returned function
 * gives the handler for a request's URL as the request line carries it (path and query).
 */
export function partitionedHandlers<H>(build: ServerBuild, handlerFor: (build: ServerBuild) => H): (url: string) => H {
  const whole = handlerFor(build);
  const handlers = new Map([...partitionBuild(build)].map(([part, b]) => [part, handlerFor(b)]));
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
    const part = partOf(pathname, handlers);
    return part === undefined ? whole : (handlers.get(part) ?? whole);
  };
}

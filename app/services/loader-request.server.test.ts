import { createRequestHandler, defer, type ServerBuild } from "@remix-run/node";
import frameworkData from "@remix-run/server-runtime/dist/data.js";
import { describe, expect, it, vi } from "vitest";
import { needsNoCopy, shareLoaderRequests } from "./loader-request.server";

const BASE = "http://127.0.0.1:3000";

describe("needsNoCopy", () => {
  it("is true for a read whose URL names neither ?index nor _routes", () => {
    expect(needsNoCopy(new Request(`${BASE}/juri/kim-2026`))).toBe(true);
    expect(needsNoCopy(new Request(`${BASE}/juri/kim-2026?saring=final&halaman=2`))).toBe(true);
    expect(needsNoCopy(new Request(`${BASE}/acara/kim-2026?cari=index`, { method: "HEAD" }))).toBe(true);
    expect(needsNoCopy(new Request(`${BASE}/acara/kim-2026?indexed=1&routes=x`))).toBe(true);
  });

  it("is false when the framework would change the URL, and for anything but GET and HEAD", () => {
    expect(needsNoCopy(new Request(`${BASE}/kelola?index`))).toBe(false);
    expect(needsNoCopy(new Request(`${BASE}/kelola?cari=a&index=`))).toBe(false);
    expect(needsNoCopy(new Request(`${BASE}/juri/kim-2026.data?_routes=routes%2Fjuri.%24slug._index`))).toBe(false);
    expect(needsNoCopy(new Request(`${BASE}/juri/kim-2026`, { method: "POST", body: "a=1" }))).toBe(false);
  });
});

describe("shareLoaderRequests", () => {
  type Call = Parameters<typeof frameworkData.callRouteLoader>[0];
  const args = (request: Request, loader: (args: { request: Request }) => unknown): Call => ({
    request,
    loader: loader as Call["loader"],
    params: {},
    loadContext: { nonce: "" },
    routeId: "routes/x",
    singleFetch: true,
  });

  it("hands the request itself to a read's loader and keeps the framework's call for everything else", async () => {
    const frameworkCall = vi.fn(async () => "from the framework");
    const target = { callRouteLoader: frameworkCall as unknown as typeof frameworkData.callRouteLoader };
    shareLoaderRequests(target);
    shareLoaderRequests(target); // a second install changes nothing

    const plain = new Request(`${BASE}/dasbor`);
    const seen: Request[] = [];
    const remember = ({ request }: { request: Request }) => {
      seen.push(request);
      return { ok: true };
    };
    expect(await target.callRouteLoader(args(plain, remember))).toEqual({ ok: true });
    expect(seen[0]).toBe(plain);
    expect(frameworkCall).not.toHaveBeenCalled();

    for (const other of [new Request(`${BASE}/kelola?index`), new Request(`${BASE}/dasbor.data?_routes=root`), new Request(`${BASE}/dasbor`, { method: "POST", body: "x=1" })]) {
      expect(await target.callRouteLoader(args(other, () => ({ ok: true })))).toBe("from the framework");
    }
    expect(frameworkCall).toHaveBeenCalledTimes(3);
    // Without single fetch the framework wraps results in Responses: its own call again.
    await target.callRouteLoader({ ...args(plain, () => ({ ok: true })), singleFetch: false });
    expect(frameworkCall).toHaveBeenCalledTimes(4);
    // Deferred data is the framework's to check (a redirect in its init becomes a redirect).
    await target.callRouteLoader(args(plain, () => defer({ later: Promise.resolve(1) })));
    expect(frameworkCall).toHaveBeenCalledTimes(5);
  });

  it("leaves a loader that returns nothing to the framework's own error", async () => {
    const target = { callRouteLoader: frameworkData.callRouteLoader };
    shareLoaderRequests(target);
    const loader = vi.fn(() => undefined);
    await expect(target.callRouteLoader(args(new Request(`${BASE}/dasbor`), loader))).rejects.toThrow(/didn't return anything from your `loader`/);
    expect(loader).toHaveBeenCalledTimes(1);
  });
});

/** A two-route app (a root and a page under it) whose loaders write down the request they got. */
function twoRouteBuild(seen: Record<string, Request[]>): ServerBuild {
  const loaderOf =
    (id: string) =>
    ({ request }: { request: Request }) => {
      (seen[id] ??= []).push(request);
      return { id, url: request.url };
    };
  const route = (id: string, parentId: string | undefined, path: string | undefined, index?: boolean) => ({
    id,
    parentId,
    path,
    index,
    caseSensitive: undefined,
    module: { loader: loaderOf(id), default: () => null },
  });
  const routes = {
    root: route("root", undefined, ""),
    "routes/page": route("routes/page", "root", "halaman"),
    "routes/_index": route("routes/_index", "root", undefined, true),
  };
  const assetRoutes = Object.fromEntries(
    Object.values(routes).map((r) => [
      r.id,
      {
        id: r.id,
        parentId: r.parentId,
        path: r.path,
        index: r.index,
        module: `/build/${r.id}.js`,
        hasLoader: true,
        hasAction: false,
        hasClientLoader: false,
        hasClientAction: false,
        hasErrorBoundary: false,
      },
    ]),
  );
  return {
    mode: "production",
    routes,
    assets: { routes: assetRoutes, entry: { module: "/build/entry.js", imports: [] }, url: "/build/manifest.js", version: "test" },
    entry: { module: { default: () => new Response("<!DOCTYPE html><p>ok</p>", { headers: { "Content-Type": "text/html" } }) } },
    future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_singleFetch: true, v3_lazyRouteDiscovery: false },
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    isSpaMode: false,
  } as unknown as ServerBuild;
}

describe("the framework's loaders with shareLoaderRequests installed", () => {
  shareLoaderRequests();

  it("give every loader of a page the same request, the one the server built", async () => {
    const seen: Record<string, Request[]> = {};
    const handle = createRequestHandler(twoRouteBuild(seen), "production");
    const request = new Request(`${BASE}/halaman?cari=tim`, { headers: { Cookie: "kim_session=abc" } });
    const response = await handle(request);
    expect(response.status).toBe(200);
    expect(seen.root).toHaveLength(1);
    expect(seen["routes/page"]).toHaveLength(1);
    expect(seen.root[0]).toBe(request);
    expect(seen["routes/page"][0]).toBe(request);
    expect(seen.root[0].headers.get("cookie")).toBe("kim_session=abc");
  });

  it("still drop ?index and _routes from what a loader sees, as the framework does", async () => {
    const seen: Record<string, Request[]> = {};
    const handle = createRequestHandler(twoRouteBuild(seen), "production");
    const indexed = new Request(`${BASE}/?index&cari=tim`);
    expect((await handle(indexed)).status).toBe(200);
    expect(seen["routes/_index"][0]).not.toBe(indexed);
    expect(new URL(seen["routes/_index"][0].url).searchParams.has("index")).toBe(false);
    expect(new URL(seen["routes/_index"][0].url).searchParams.get("cari")).toBe("tim");

    const data = await handle(new Request(`${BASE}/halaman.data?_routes=routes%2Fpage`));
    expect(data.status).toBe(200);
    const last = seen["routes/page"].at(-1)!;
    expect(new URL(last.url).searchParams.has("_routes")).toBe(false);
    expect(seen.root).toHaveLength(1); // only the named route's loader ran
  });
});

// Links that change some query parameters of the current page keep the others, drop one-off
// notices and fall back to the bare page when nothing is left.
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { useSearchLink } from "./search-link";

async function linksAt(url: string, drop: string[], patches: Record<string, string | null>[]) {
  function Probe() {
    const link = useSearchLink(drop);
    return <pre>{JSON.stringify(patches.map(link))}</pre>;
  }
  const handler = createStaticHandler([{ id: "page", path: "/kelola/:slug/hasil", Component: Probe }]);
  const context = await handler.query(new Request(`http://localhost${url}`));
  if (context instanceof Response) throw new Error("unexpected redirect");
  const html = renderToString(<StaticRouterProvider router={createStaticRouter(handler.dataRoutes, context)} context={context} hydrate={false} />);
  return JSON.parse(
    html
      .replace(/^<pre>|<\/pre>$/g, "")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&"),
  ) as string[];
}

describe("useSearchLink", () => {
  it("sets and removes parameters, keeping the rest in order", async () => {
    const [next, cleared, emptied] = await linksAt("/kelola/a/hasil?bidang=t1&cari=desa&halaman=2", [], [{ halaman: "3" }, { cari: null }, { cari: "", halaman: null }]);
    expect(next).toBe("?bidang=t1&cari=desa&halaman=3");
    expect(cleared).toBe("?bidang=t1&halaman=2");
    expect(emptied).toBe("?bidang=t1");
  });

  it("never carries a one-off notice over and falls back to the bare page", async () => {
    const [kept, bare] = await linksAt("/kelola/a/hasil?terbit=1&metode=z", ["terbit"], [{ halaman: "2" }, { metode: null }]);
    expect(kept).toBe("?metode=z&halaman=2");
    expect(bare).toBe("/kelola/a/hasil");
  });

  it("encodes values", async () => {
    const [link] = await linksAt("/kelola/a/hasil", [], [{ cari: "Tim & Desa/1" }]);
    expect(link).toBe("?cari=Tim+%26+Desa%2F1");
  });
});

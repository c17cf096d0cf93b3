// A section that fails keeps its area's frame: the organizer's event name and section menu, the
// judge's tabs. Rendered the way a document request is, with a child page whose loader fails.
import { createInstance } from "i18next";
import type { ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import type { RouteObject } from "react-router-dom";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { i18nConfig, type Language } from "~/i18n";
import * as organizerLayout from "./kelola.$slug";
import * as judgeLayout from "./juri.$slug";

type Layout = { default: ComponentType; ErrorBoundary: ComponentType };
const event = { slug: "acara-uji", name: "Hackathon Uji Bingkai", isPublic: true };

async function render(layout: Layout, id: string, base: string, path: string, failure: () => never, language: Language = "id") {
  const routes: RouteObject[] = [
    {
      id,
      path: base,
      loader: () => ({ event }),
      Component: layout.default,
      ErrorBoundary: layout.ErrorBoundary,
      children: [{ id: "page", path: "halaman", loader: failure, Component: () => null }],
    },
  ];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request(`http://localhost${path}`));
  if (context instanceof Response) throw new Error("unexpected redirect");
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({ ...i18nConfig, lng: language, ns: ["common"] });
  const html = renderToString(
    <I18nextProvider i18n={i18n}>
      <StaticRouterProvider router={createStaticRouter(handler.dataRoutes, context)} context={context} hydrate={false} />
    </I18nextProvider>,
  );
  return { status: context.statusCode, html };
}

const crash = (): never => {
  throw new Error("database unreachable");
};
const missing = (): never => {
  throw new Response(null, { status: 404 });
};

describe("area error boundaries", () => {
  it("an organizer section that crashes shows the message under the event name and the section menu, with a reload", async () => {
    const { status, html } = await render(organizerLayout, "routes/kelola.$slug", "/kelola/:slug", "/kelola/acara-uji/halaman", crash);
    expect(status).toBe(500);
    expect(html).toContain("Hackathon Uji Bingkai");
    expect(html).toContain('aria-label="Bagian pengelolaan acara"');
    expect(html).toContain("Terjadi kesalahan");
    expect(html).toContain("Muat ulang halaman");
    expect(html).toContain('href="/kelola/acara-uji"');
    expect(html).not.toContain("database unreachable");
  });

  it("a missing page in the judge area keeps the judge's tabs, in English too, and offers no pointless reload", async () => {
    const { status, html } = await render(judgeLayout, "routes/juri.$slug", "/juri/:slug", "/juri/acara-uji/halaman", missing, "en");
    expect(status).toBe(404);
    expect(html).toContain("Hackathon Uji Bingkai");
    expect(html).toContain('aria-label="Judge menu"');
    expect(html).toContain("Page not found");
    expect(html).toContain("Back to the judging queue");
    expect(html).not.toContain("Reload the page");
  });
});

// Renders one route module to HTML the way a document request does: its loader (and, for a POST,
// its action first) runs on the request, then its component renders with that data, in the chosen
// language. What a page weighs and where its forms post can then be asserted in a route test.
import { createInstance } from "i18next";
import type { ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { ActionFunction as RouterAction, LoaderFunction as RouterLoader, RouteObject } from "react-router-dom";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { i18nConfig, type Language } from "~/i18n";

type RouteModule = { loader: (args: LoaderFunctionArgs) => unknown; action?: (args: ActionFunctionArgs) => unknown; default: ComponentType };

/**
 * `pattern` is the route's URL pattern (`/kelola/:slug/penjurian`); `index` makes it an index
 * route, as `kelola.$slug.penjurian._index.tsx` is, so its forms post with `?index`.
 */
export async function renderRoute(module: RouteModule, pattern: string, request: Request, opts: { index?: boolean; language?: Language } = {}) {
  const { action } = module;
  const loader: RouterLoader = ({ request, params }) => module.loader({ request, params, context: { nonce: "" } }) as ReturnType<RouterLoader>;
  const routerAction: RouterAction | undefined = action ? ({ request, params }) => action({ request, params, context: { nonce: "" } }) as ReturnType<RouterAction> : undefined;
  const page = { id: "page", loader, action: routerAction, Component: module.default };
  const routes: RouteObject[] = opts.index ? [{ path: pattern, children: [{ ...page, index: true }] }] : [{ ...page, path: pattern }];
  const handler = createStaticHandler(routes);
  const context = await handler.query(request);
  if (context instanceof Response) return { status: context.status, html: "", loaderData: null, actionData: null, location: context.headers.get("Location") };
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({ ...i18nConfig, lng: opts.language ?? "id", ns: ["common"] });
  const router = createStaticRouter(handler.dataRoutes, context);
  const html = renderToString(
    <I18nextProvider i18n={i18n}>
      <StaticRouterProvider router={router} context={context} hydrate={false} />
    </I18nextProvider>,
  );
  return { status: context.statusCode, html, loaderData: context.loaderData.page as unknown, actionData: context.actionData?.page as unknown, location: null };
}

/** The `action` attribute of every form on the page that posts, decoded. */
export function formActions(html: string): string[] {
  return [...html.matchAll(/<form\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => /\smethod="post"/.test(tag))
    .map((tag) => (/\saction="([^"]*)"/.exec(tag)?.[1] ?? "").replaceAll("&amp;", "&"));
}

import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { SiteFooter, SiteHeader } from "./components/layout";
import { useNonce } from "./components/nonce";
import { getAuth } from "./services/session.server";
import { getLanguage } from "./services/i18n.server";
import stylesheet from "./tailwind.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "manifest", href: "/site.webmanifest" },
];

export const meta: MetaFunction = () => [{ title: "KIM Hackathon" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const [auth, lang] = await Promise.all([getAuth(request), getLanguage(request)]);
  const user = auth.user ? { id: auth.user.id, name: auth.user.name, email: auth.user.email, isAdmin: auth.user.isAdmin } : null;
  const headers = new Headers();
  if (auth.cookie) headers.append("Set-Cookie", auth.cookie);
  return data({ user, lang }, { headers });
}

export type RootData = typeof loader;

export function useOptionalUser() {
  return useRouteLoaderData<RootData>("root")?.user ?? null;
}

export function Layout({ children }: { children: React.ReactNode }) {
  const rootData = useRouteLoaderData<RootData>("root");
  const lang = rootData?.lang ?? "id";
  const nonce = useNonce();
  return (
    <html lang={lang} dir="ltr" className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#174ea3" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-full flex-col">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { user, lang } = useLoaderData<typeof loader>();
  useChangeLanguage(lang);
  // A mark that scripts now handle the page: end-to-end tests wait for it instead of for time.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <>
      <SiteHeader user={user} lang={lang} />
      <main id="konten" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6 sm:py-10">
        <Outlet />
      </main>
      <SiteFooter />
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const refusal = isRouteErrorResponse(error) ? bodyRefusal(error.data) : null;
  const [title, body] = refusal
    ? [
        t(status === 413 ? "errors.tooLargeTitle" : status === 408 ? "errors.timeoutTitle" : status === 503 ? "errors.busyTitle" : "errors.badRequestTitle"),
        t(refusal.key, refusal.params),
      ]
    : status === 404
      ? [t("errors.notFoundTitle"), t("errors.notFoundBody")]
      : status === 403
        ? [t("errors.forbiddenTitle"), t("errors.forbiddenBody")]
        : [t("errors.genericTitle"), t("errors.genericBody")];
  return (
    <main id="konten" className="mx-auto w-full max-w-xl flex-1 px-4 py-16 text-center">
      <p className="text-sm font-semibold text-brand-700">{status}</p>
      <h1 className="mt-2 text-3xl font-bold">{title}</h1>
      <p className="mt-4 text-slate-700">{body}</p>
      <a href="/" className="btn-primary mt-8">
        {t("errors.backHome")}
      </a>
    </main>
  );
}

/** A body refused before the action ran, or a write the busy database did not start (app/services/request-body.server.ts). */
function bodyRefusal(data: unknown): { key: string; params: Record<string, string> } | null {
  const d = data as { key?: unknown; params?: unknown } | null;
  if (!d || typeof d.key !== "string" || !(d.key.startsWith("errors.body.") || d.key === "errors.busy")) return null;
  return { key: d.key, params: (d.params ?? {}) as Record<string, string> };
}

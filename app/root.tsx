import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { ErrorPanel } from "./components/error-panel";
import { SiteFooter, SiteHeader } from "./components/layout";
import { useNonce } from "./components/nonce";
import { needsPrivacyConsent, openWithoutConsent } from "./domain/privacy";
import { safeRedirect } from "./domain/links";
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
  // A signed-in user who has not agreed to the privacy notice in force is asked first; reading
  // the notice, logging out and leaving stay open.
  if (auth.user && needsPrivacyConsent(auth.user.privacyVersion)) {
    const url = new URL(request.url);
    if (!openWithoutConsent(url.pathname)) {
      const back = safeRedirect(url.pathname + url.search, "/dasbor");
      const headers = new Headers();
      if (auth.cookie) headers.append("Set-Cookie", auth.cookie);
      throw redirect(`/persetujuan?redirectTo=${encodeURIComponent(back)}`, { headers });
    }
  }
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

/**
 * The last resort for an error no area caught. The header stays when the visitor's session could
 * be read, so they can still find their way.
 */
export function ErrorBoundary() {
  const { t } = useTranslation();
  const rootData = useRouteLoaderData<RootData>("root");
  return (
    <>
      {rootData ? <SiteHeader user={rootData.user} lang={rootData.lang} /> : null}
      <main id="konten" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6">
        <ErrorPanel back={{ to: "/", label: t("errors.backHome") }} />
      </main>
      {rootData ? <SiteFooter /> : null}
    </>
  );
}

import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

type HeaderUser = { id: string; name: string; email: string; isAdmin: boolean } | null;

export function SiteHeader({ user, lang }: { user: HeaderUser; lang: "id" | "en" }) {
  const { t } = useTranslation();
  const location = useLocation();
  const here = location.pathname + location.search;
  const navClass = ({ isActive }: { isActive: boolean }) =>
    `rounded-md px-3 py-2 text-sm font-semibold ${isActive ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100"}`;
  return (
    <header className="border-b border-slate-200 bg-white">
      <a href="#konten" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-3">
        {t("app.skipToContent")}
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        <Link to="/" className="flex items-center gap-2 text-lg font-extrabold text-brand-800">
          <img src="/favicon.svg" alt="" width={32} height={32} />
          <span>{t("app.name")}</span>
        </Link>
        <nav aria-label={t("nav.primary")} className="order-3 flex w-full items-center gap-1 overflow-x-auto sm:order-none sm:w-auto">
          <NavLink to="/" end className={navClass}>
            {t("nav.events")}
          </NavLink>
          {user ? (
            <NavLink to="/dasbor" className={navClass}>
              {t("nav.dashboard")}
            </NavLink>
          ) : null}
          {user?.isAdmin ? (
            <NavLink to="/admin" className={navClass}>
              {t("nav.admin")}
            </NavLink>
          ) : null}
        </nav>
        <div className="ml-auto flex items-center gap-2">
          <Form method="post" action="/bahasa" className="contents">
            <input type="hidden" name="redirectTo" value={here} />
            <input type="hidden" name="lng" value={lang === "id" ? "en" : "id"} />
            <button type="submit" className="rounded-md px-2 py-2 text-sm font-semibold text-slate-700 hover:bg-slate-100" lang={lang === "id" ? "en" : "id"}>
              <span aria-hidden="true">{lang === "id" ? "EN" : "ID"}</span>
              <span className="sr-only">{t("nav.switchTo")}</span>
            </button>
          </Form>
          {user ? (
            <details className="relative">
              <summary className="flex min-h-[44px] cursor-pointer list-none items-center gap-2 rounded-md px-2 text-sm font-semibold text-slate-800 hover:bg-slate-100">
                <span className="flex h-8 w-8 items-center justify-center rounded-full bg-brand-600 text-white" aria-hidden="true">
                  {user.name.slice(0, 1).toUpperCase()}
                </span>
                <span className="max-w-[9rem] truncate">{user.name}</span>
              </summary>
              <div className="absolute right-0 z-20 mt-1 w-56 rounded-lg border border-slate-200 bg-white p-2 shadow-lg">
                <p className="truncate px-2 py-1 text-xs text-slate-600">{user.email}</p>
                <Link to="/dasbor" className="block rounded px-2 py-2 text-sm hover:bg-slate-100">
                  {t("nav.dashboard")}
                </Link>
                <Link to="/akun" className="block rounded px-2 py-2 text-sm hover:bg-slate-100">
                  {t("nav.account")}
                </Link>
                <Form method="post" action="/keluar">
                  <button type="submit" className="block w-full rounded px-2 py-2 text-left text-sm hover:bg-slate-100">
                    {t("nav.logout")}
                  </button>
                </Form>
              </div>
            </details>
          ) : (
            <>
              <Link to={`/masuk?redirectTo=${encodeURIComponent(here)}`} className="btn-secondary !min-h-[40px] !px-3 text-sm">
                {t("nav.login")}
              </Link>
              <Link to="/daftar" className="btn-primary !min-h-[40px] !px-3 text-sm">
                {t("nav.signup")}
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="border-t border-slate-200 bg-white">
      <div className="mx-auto max-w-6xl px-4 py-6 text-sm text-slate-600 sm:px-6">
        <p className="font-semibold text-slate-800">{t("app.name")}</p>
        <p>{t("app.footer")}</p>
        <p className="mt-2">
          <Link to="/verifikasi" className="btn-link">
            {t("app.verifyCertificate")}
          </Link>
        </p>
      </div>
    </footer>
  );
}

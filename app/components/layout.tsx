// The site's header and footer, on every page. Their links are plain <a> elements navigated within
// the app by one click handler each (list-navigation.ts): a page renders them on every request,
// and a <Link> or <NavLink> resolves its path and sets up its hooks each time.
import { Form, useLocation } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { isCurrentPath, useListNavigation } from "./list-navigation";

type HeaderUser = { id: string; name: string; email: string; isAdmin: boolean } | null;

/**
 * A <details> menu that closes when the page changes, on Escape (focus back on its summary), on a
 * press outside it, and as soon as a link or button inside it is chosen. Returns the ref to put
 * on the <details>; the listeners are attached to the element itself.
 */
export function useDisclosure() {
  const ref = useRef<HTMLDetailsElement>(null);
  const { pathname, search } = useLocation();
  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [pathname, search]);
  useEffect(() => {
    const details = ref.current;
    if (!details) return;
    const outside = (e: PointerEvent) => {
      if (details.open && e.target instanceof Node && !details.contains(e.target)) details.open = false;
    };
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === "Escape" && details.open) {
        details.open = false;
        details.querySelector("summary")?.focus();
      }
    };
    // Choosing a link or button in the menu closes it at once, before the page it leads to renders.
    const onClick = (e: MouseEvent) => {
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest("a, button") && !target.closest("summary")) details.open = false;
    };
    document.addEventListener("pointerdown", outside);
    details.addEventListener("keydown", onKeyDown);
    details.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("pointerdown", outside);
      details.removeEventListener("keydown", onKeyDown);
      details.removeEventListener("click", onClick);
    };
  }, []);
  return ref;
}

function MenuIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
      <path d="M4 6h16M4 12h16M4 18h16" />
    </svg>
  );
}

export function SiteHeader({ user, lang }: { user: HeaderUser; lang: "id" | "en" }) {
  const { t } = useTranslation();
  const location = useLocation();
  const here = location.pathname + location.search;
  const userMenu = useDisclosure();
  const phoneMenu = useDisclosure();
  const navigateInApp = useListNavigation();
  const navClass = (isActive: boolean) => `rounded-md px-3 py-2 text-sm font-semibold ${isActive ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100"}`;
  const menuLink = (isActive: boolean) => `flex min-h-[44px] items-center rounded-md px-3 text-base font-semibold ${isActive ? "bg-brand-50 text-brand-800" : "text-slate-800 hover:bg-slate-100"}`;
  const links: { to: string; label: string; end?: boolean }[] = [
    { to: "/", label: t("nav.events"), end: true },
    ...(user ? [{ to: "/dasbor", label: t("nav.dashboard") }] : []),
    ...(user?.isAdmin ? [{ to: "/admin", label: t("nav.admin") }] : []),
  ];
  // What NavLink would mark: the page the link leads to, or one under it unless `end`.
  const current = (to: string, end?: boolean) => isCurrentPath(location.pathname, to, end);
  const login = `/masuk?redirectTo=${encodeURIComponent(here)}`;
  const language = (
    <Form method="post" action="/bahasa" className="contents">
      <input type="hidden" name="redirectTo" value={here} />
      <input type="hidden" name="lng" value={lang === "id" ? "en" : "id"} />
      <button type="submit" className="min-h-[44px] rounded-md px-2 text-sm font-semibold text-slate-700 hover:bg-slate-100" lang={lang === "id" ? "en" : "id"}>
        <span aria-hidden="true">{lang === "id" ? "EN" : "ID"}</span>
        <span className="sr-only">{t("nav.switchTo")}</span>
      </button>
    </Form>
  );
  const logout: ReactNode = (
    <Form method="post" action="/keluar">
      <button
        type="submit"
        className="flex min-h-[44px] w-full items-center rounded-md px-3 text-left text-base font-semibold text-slate-800 hover:bg-slate-100 sm:min-h-0 sm:px-2 sm:py-2 sm:text-sm sm:font-normal"
      >
        {t("nav.logout")}
      </button>
    </Form>
  );
  return (
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions -- the clicks come from the links inside, which Enter also clicks
    <header className="relative border-b border-slate-200 bg-white" onClick={navigateInApp}>
      <a href="#konten" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-3">
        {t("app.skipToContent")}
      </a>
      <div className="mx-auto flex max-w-6xl items-center gap-x-4 px-4 py-2 sm:px-6 sm:py-3">
        <a href="/" className="flex min-w-0 items-center gap-2 text-lg font-extrabold text-brand-800">
          <img src="/favicon.svg" alt="" width={32} height={32} />
          <span className="truncate">{t("app.name")}</span>
        </a>
        <nav aria-label={t("nav.primary")} className="hidden items-center gap-1 sm:flex">
          {links.map((l) => (
            <a key={l.to} href={l.to} aria-current={current(l.to, l.end) ? "page" : undefined} className={navClass(current(l.to, l.end))}>
              {l.label}
            </a>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-1 sm:gap-2">
          {language}
          {user ? (
            <details ref={userMenu} className="relative hidden sm:block">
              <summary className="menu-summary rounded-md px-2 text-sm text-slate-800 hover:bg-slate-100">
                <span className="flex h-8 w-8 items-center justify-center rounded-full bg-brand-600 text-white" aria-hidden="true">
                  {user.name.slice(0, 1).toUpperCase()}
                </span>
                <span className="max-w-[9rem] truncate">{user.name}</span>
              </summary>
              <div className="absolute right-0 z-20 mt-1 w-56 rounded-lg border border-slate-200 bg-white p-2 shadow-lg">
                <p className="truncate px-2 py-1 text-xs text-slate-600">{user.email}</p>
                <a href="/dasbor" className="block rounded px-2 py-2 text-sm hover:bg-slate-100">
                  {t("nav.dashboard")}
                </a>
                <a href="/akun" className="block rounded px-2 py-2 text-sm hover:bg-slate-100">
                  {t("nav.account")}
                </a>
                {logout}
              </div>
            </details>
          ) : (
            <div className="hidden items-center gap-2 sm:flex">
              <a href={login} className="btn-secondary !min-h-[40px] !px-3 text-sm">
                {t("nav.login")}
              </a>
              <a href="/daftar" className="btn-primary !min-h-[40px] !px-3 text-sm">
                {t("nav.signup")}
              </a>
            </div>
          )}
          {user ? null : (
            <a href={login} className="btn-secondary !min-h-[40px] !px-3 text-sm sm:hidden">
              {t("nav.login")}
            </a>
          )}
          {/* On a phone everything else sits behind one menu button, so the header is one row. */}
          <details ref={phoneMenu} className="sm:hidden">
            <summary className="menu-summary min-w-[44px] justify-center rounded-md border border-slate-300 px-2 text-sm text-slate-800 hover:bg-slate-100">
              {user ? (
                <>
                  <span className="flex h-6 w-6 items-center justify-center rounded-full bg-brand-600 text-xs text-white" aria-hidden="true">
                    {user.name.slice(0, 1).toUpperCase()}
                  </span>
                  {t("nav.menu")}
                </>
              ) : (
                <>
                  <MenuIcon />
                  <span className="sr-only">{t("nav.menu")}</span>
                </>
              )}
            </summary>
            <div className="absolute inset-x-0 top-full z-30 border-b border-slate-200 bg-white px-4 pb-4 pt-2 shadow-lg">
              <nav aria-label={t("nav.primary")}>
                <ul className="space-y-1">
                  {links.map((l) => (
                    <li key={l.to}>
                      <a href={l.to} aria-current={current(l.to, l.end) ? "page" : undefined} className={menuLink(current(l.to, l.end))}>
                        {l.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
              <div className="mt-2 border-t border-slate-200 pt-2">
                {user ? (
                  <>
                    <p className="truncate px-3 py-1 text-sm text-slate-600">
                      <span className="font-semibold text-slate-800">{user.name}</span> · {user.email}
                    </p>
                    <a href="/akun" aria-current={current("/akun") ? "page" : undefined} className={menuLink(current("/akun"))}>
                      {t("nav.account")}
                    </a>
                    {logout}
                  </>
                ) : (
                  <div className="flex gap-2 pt-1">
                    <a href={login} className="btn-secondary flex-1">
                      {t("nav.login")}
                    </a>
                    <a href="/daftar" className="btn-primary flex-1">
                      {t("nav.signup")}
                    </a>
                  </div>
                )}
              </div>
            </div>
          </details>
        </div>
      </div>
    </header>
  );
}

export function SiteFooter() {
  const { t } = useTranslation();
  const navigateInApp = useListNavigation();
  return (
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions -- the clicks come from the links inside, which Enter also clicks
    <footer className="border-t border-slate-200 bg-white" onClick={navigateInApp}>
      <div className="mx-auto max-w-6xl px-4 py-6 text-sm text-slate-600 sm:px-6">
        <p className="font-semibold text-slate-800">{t("app.name")}</p>
        <p>{t("app.footer")}</p>
        <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
          <a href="/verifikasi" className="btn-link">
            {t("app.verifyCertificate")}
          </a>
          <a href="/privasi" className="btn-link">
            {t("privacy.footerLink")}
          </a>
        </p>
      </div>
    </footer>
  );
}

// Long lists of links (a judge's queue holds a link per project, 170 on a national event) and the
// site's header and footer, rendered on every page, use plain <a> elements: a <Link> resolves its
// path and sets up its hooks on every render, a tenth of a queue page's server time. One click
// handler on the element that holds them then does what <Link> does in the browser: a plain left
// click on a link to a page of the app navigates within the app; a click with a modifier key, a
// middle click, a link that opens elsewhere or downloads, a link within the page (#konten) or a
// link to another site is left to the browser. Before the page's script runs, the links work as
// links.
import { useNavigate } from "@remix-run/react";
import { useCallback, type MouseEvent } from "react";

/** The path to navigate to within the app for a click, or null when the browser should handle it. */
export function inAppTarget(
  event: Pick<MouseEvent, "defaultPrevented" | "button" | "metaKey" | "altKey" | "ctrlKey" | "shiftKey"> & { target: unknown; currentTarget: unknown },
  origin: string,
): string | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return null;
  const target = event.target as { closest?: (selector: string) => HTMLAnchorElement | null } | null;
  const link = typeof target?.closest === "function" ? target.closest("a[href]") : null;
  if (!link || !(event.currentTarget as Node | null)?.contains?.(link)) return null;
  const opens = link.getAttribute("target");
  if ((opens && opens !== "_self") || link.hasAttribute("download") || link.hasAttribute("data-reload")) return null;
  // A jump within the page (the skip link) moves focus and scroll as the browser does it.
  if (link.getAttribute("href")?.startsWith("#")) return null;
  const url = new URL(link.href, origin);
  if (url.origin !== origin) return null;
  return url.pathname + url.search + url.hash;
}

/**
 * Whether a link to `to` leads to the page at `pathname` or, unless `end`, to a page under it: what
 * <NavLink> marks as active (aria-current="page"), without case or a trailing slash mattering.
 */
export function isCurrentPath(pathname: string, to: string, end = false): boolean {
  const trim = (path: string) => (path.length > 1 && path.endsWith("/") ? path.slice(0, -1) : path).toLowerCase();
  const here = trim(pathname);
  const target = trim(to);
  if (here === target) return true;
  if (end) return false;
  return target === "/" ? true : here.startsWith(`${target}/`);
}

/** The list's click handler: put it on the element that holds the links. */
export function useListNavigation(): (event: MouseEvent<HTMLElement>) => void {
  const navigate = useNavigate();
  return useCallback(
    (event: MouseEvent<HTMLElement>) => {
      const to = inAppTarget(event, window.location.origin);
      if (to === null) return;
      event.preventDefault();
      // As <Link> does: a link to the page the visitor is on replaces it in the history.
      const { pathname, search, hash } = window.location;
      navigate(to, { replace: to === pathname + search + hash });
    },
    [navigate],
  );
}

import { useLocation, useSearchParams } from "@remix-run/react";

/**
 * Links to this page with some query parameters changed: a value sets one, null or "" removes it.
 * The parameters in `drop` (one-off notices such as `terbit` after a post) never carry over.
 * With nothing left the link is the bare page.
 */
export function useSearchLink(drop: readonly string[] = []) {
  const [params] = useSearchParams();
  const { pathname } = useLocation();
  return (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const key of drop) next.delete(key);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    const search = next.toString();
    return search ? `?${search}` : pathname;
  };
}

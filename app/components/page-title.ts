// Browser tab titles in the visitor's language. A route's `meta` runs outside React (on the server
// and on client navigation), so it reads the language from the root loader's data and looks the
// words up in the same locale files the pages use.
import { asLanguage, resources, type Language } from "~/i18n";

export const SITE_NAME = "KIM Hackathon";

type Match = { id: string; data?: unknown };

/** The language the root loader chose for this request ("id" unless the visitor picked English). */
export function metaLanguage(matches: readonly Match[] | undefined): Language {
  const root = matches?.find((m) => m.id === "root")?.data as { lang?: string } | undefined;
  return asLanguage(root?.lang);
}

/** A translation for `meta`: `pageTitle.<key>` with `{{name}}` placeholders filled in. */
export function metaText(lang: Language, key: string, params: Record<string, unknown> = {}): string {
  const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], resources[lang].common.pageTitle);
  if (typeof value !== "string") throw new Error(`pageTitle.${key} has no ${lang} text`);
  return value.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ""));
}

/** "<translated page name> — KIM Hackathon" in the request's language. */
export function pageTitle(matches: readonly Match[] | undefined, key: string, params: Record<string, unknown> = {}): string {
  return `${metaText(metaLanguage(matches), key, params)} — ${SITE_NAME}`;
}

/** A loader's data from a parent route, e.g. the event of an organizer page. */
export function parentData<T>(matches: readonly Match[] | undefined, routeId: string): T | undefined {
  return matches?.find((m) => m.id === routeId)?.data as T | undefined;
}

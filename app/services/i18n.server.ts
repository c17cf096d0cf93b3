import { createCookie } from "@remix-run/node";
import { createInstance, type i18n as I18next } from "i18next";
import { initReactI18next } from "react-i18next";
import { RemixI18Next } from "remix-i18next/server";
import { asLanguage, i18nConfig, type Language } from "~/i18n";

export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

// Indonesian unless the visitor chose English: the browser's Accept-Language is deliberately
// ignored, since most KIM members' phones are set to English while they read Indonesian.
export const i18n = new RemixI18Next({
  detection: {
    supportedLanguages: i18nConfig.supportedLngs,
    fallbackLanguage: i18nConfig.fallbackLng,
    cookie: languageCookie,
    order: ["searchParams", "cookie"],
  },
  i18next: i18nConfig,
});

export async function getLanguage(request: Request): Promise<Language> {
  return asLanguage(await i18n.getLocale(request));
}

const instances = new Map<Language, Promise<I18next>>();

/**
 * One initialized i18next per language for the whole process. Nothing changes an instance's
 * language after it is initialized, so every request (loaders, actions and the rendered page) can
 * share it; creating and initializing one per call was a tenth of a signed-in page's CPU time.
 */
export function i18nextFor(language: Language): Promise<I18next> {
  let ready = instances.get(language);
  if (!ready) {
    const instance = createInstance();
    ready = instance
      .use(initReactI18next)
      .init({ ...i18nConfig, lng: language, ns: ["common"] })
      .then(() => rememberPlainLookups(instance));
    instances.set(language, ready);
  }
  return ready;
}

/** What `getFixedT` adds to every call; a call with nothing else is a plain lookup of a label. */
const FIXED_OPTIONS = new Set(["lng", "lngs", "ns", "keyPrefix"]);
/** Labels remembered per language at most: the app has about two thousand. */
const PLAIN_LOOKUPS = 10_000;

/**
 * Makes the instance look up each plain label once. A call without interpolation values, count
 * or context always gives the same text (the resources and the language never change after
 * init), but i18next walks the key path, the fallback languages and its interpolation and nesting
 * checks on every call, and a page makes hundreds of such calls. Calls with options go to i18next
 * as before.
 */
function rememberPlainLookups(instance: I18next): I18next {
  const translate = instance.t.bind(instance) as (key: unknown, options?: unknown) => unknown;
  const plain = new Map<string, string>();
  const t = (key: unknown, options?: unknown) => {
    if (typeof key !== "string" || (options !== undefined && (typeof options !== "object" || options === null))) return translate(key, options);
    const o = (options ?? {}) as Record<string, unknown>;
    for (const name in o) if (!FIXED_OPTIONS.has(name)) return translate(key, options);
    const cacheKey = `${String(o.lng)}|${String(o.lngs)}|${String(o.ns)}|${String(o.keyPrefix)}|${key}`;
    let text = plain.get(cacheKey);
    if (text === undefined) {
      const value = translate(key, options);
      if (typeof value !== "string" || plain.size >= PLAIN_LOOKUPS) return value;
      plain.set(cacheKey, (text = value));
    }
    return text;
  };
  instance.t = t as unknown as I18next["t"];
  return instance;
}

export async function tFor(language: Language) {
  return (await i18nextFor(language)).getFixedT(language, "common");
}

export async function getT(request: Request) {
  return tFor(await getLanguage(request));
}

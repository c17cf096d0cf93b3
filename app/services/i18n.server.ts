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
      .then(() => rememberLookups(instance));
    instances.set(language, ready);
  }
  return ready;
}

/** What `getFixedT` adds to every call; a call with nothing else is a plain lookup of a label. */
const FIXED_OPTIONS = new Set(["lng", "lngs", "ns", "keyPrefix"]);
/** Options i18next reads itself: a call with any of them always goes to i18next. */
const I18NEXT_OPTIONS =
  /^(?:count|context|ordinal|defaultValue.*|replace|returnObjects|returnDetails|joinArrays|postProcess|applyPostProcessor|interpolation|skipInterpolation|nest|nsSeparator|keySeparator|fallbackLng|missingInterpolationHandler|appendNamespaceToMissingKey|appendNamespaceToCIMode)$/;
/** Labels remembered per language at most: the app has about two thousand. */
const REMEMBERED = 10_000;

/** A label's text cut at its placeholders: texts at even positions, value names at odd ones. */
type Template = string[] | null;

/**
 * The label cut at its `{{name}}` placeholders, or null when it uses more of i18next than plain
 * values (formatting, nesting, unescaped or nested value names): such a label always goes to
 * i18next.
 */
function templateOf(text: string): Template {
  if (text.includes("$t(")) return null;
  const parts = text.split(/\{\{(.+?)\}\}/);
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i].trim();
    if (!/^\w+$/.test(name)) return null;
    parts[i] = name;
  }
  return parts;
}

/**
 * Makes the instance look up each label once. A label's text never changes after init (nor does
 * the language), but i18next walks the key path, the fallback languages and its interpolation and
 * nesting checks on every call, and a page makes hundreds of calls (a results page 250 for its
 * criterion means alone). A call without options gives the remembered text; a call whose options
 * are only values for the label's `{{name}}` placeholders (strings or numbers) gets them put in
 * as i18next would (values are not escaped in this app, nor interpolated again). Anything else
 * (count, context, a default value, a missing or non-text value, a label that formats or nests)
 * goes to i18next as before.
 */
function rememberLookups(instance: I18next): I18next {
  const translate = instance.t.bind(instance) as (key: unknown, options?: unknown) => unknown;
  const interpolation = instance.options.interpolation ?? {};
  const plainValues =
    interpolation.escapeValue === false &&
    !interpolation.alwaysFormat &&
    !interpolation.defaultVariables &&
    [interpolation.prefix, interpolation.prefixEscaped].every((p) => p === undefined || p === "{{") &&
    [interpolation.suffix, interpolation.suffixEscaped].every((p) => p === undefined || p === "}}");
  const templates = new Map<string, Template>();
  const t = (key: unknown, options?: unknown) => {
    if (typeof key !== "string" || (options !== undefined && (typeof options !== "object" || options === null))) return translate(key, options);
    const o = (options ?? {}) as Record<string, unknown>;
    let values = false;
    for (const name in o) {
      if (FIXED_OPTIONS.has(name)) continue;
      if (!plainValues || I18NEXT_OPTIONS.test(name)) return translate(key, options);
      values = true;
    }
    const cacheKey = `${String(o.lng)}|${String(o.lngs)}|${String(o.ns)}|${String(o.keyPrefix)}|${key}`;
    let template = templates.get(cacheKey);
    if (template === undefined) {
      const fixed: Record<string, unknown> = { skipInterpolation: true };
      for (const name of FIXED_OPTIONS) if (name in o) fixed[name] = o[name];
      const text = translate(key, fixed);
      if (typeof text !== "string" || templates.size >= REMEMBERED) return translate(key, options);
      templates.set(cacheKey, (template = templateOf(text)));
    }
    if (template === null) return translate(key, options);
    if (template.length === 1) return template[0];
    if (!values) return translate(key, options);
    let out = template[0];
    for (let i = 1; i < template.length; i += 2) {
      const value = o[template[i]];
      if (typeof value === "string") out += value;
      else if (typeof value === "number") out += String(value);
      else return translate(key, options);
      out += template[i + 1];
    }
    return out;
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

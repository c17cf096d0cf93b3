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
      .then(() => instance);
    instances.set(language, ready);
  }
  return ready;
}

export async function tFor(language: Language) {
  return (await i18nextFor(language)).getFixedT(language, "common");
}

export async function getT(request: Request) {
  return tFor(await getLanguage(request));
}

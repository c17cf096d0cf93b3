import { createCookie } from "@remix-run/node";
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

export async function getT(request: Request) {
  return i18n.getFixedT(await getLanguage(request), "common");
}

export async function tFor(language: Language) {
  return i18n.getFixedT(language, "common");
}

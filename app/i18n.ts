import en from "./locales/en.json";
import id from "./locales/id.json";

export const LANGUAGES = ["id", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

export const resources = { id: { common: id }, en: { common: en } } as const;

export const i18nConfig = {
  supportedLngs: [...LANGUAGES],
  fallbackLng: "id",
  defaultNS: "common",
  interpolation: { escapeValue: false },
  resources,
};

export function asLanguage(value: string | null | undefined): Language {
  return value === "en" ? "en" : "id";
}

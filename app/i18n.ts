import enAccount from "./locales/en/account.json";
import enCommon from "./locales/en/common.json";
import enEvent from "./locales/en/event.json";
import enJudging from "./locales/en/judging.json";
import enReminders from "./locales/en/reminders.json";
import enResults from "./locales/en/results.json";
import enStatistics from "./locales/en/statistics.json";
import enSubmission from "./locales/en/submission.json";
import enTeam from "./locales/en/team.json";
import idAccount from "./locales/id/account.json";
import idCommon from "./locales/id/common.json";
import idEvent from "./locales/id/event.json";
import idJudging from "./locales/id/judging.json";
import idReminders from "./locales/id/reminders.json";
import idResults from "./locales/id/results.json";
import idStatistics from "./locales/id/statistics.json";
import idSubmission from "./locales/id/submission.json";
import idTeam from "./locales/id/team.json";

export const LANGUAGES = ["id", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

// One namespace; each area keeps its keys in its own file under distinct top-level keys.
const id = { ...idCommon, ...idEvent, ...idTeam, ...idSubmission, ...idJudging, ...idResults, ...idAccount, ...idReminders, ...idStatistics };
const en = { ...enCommon, ...enEvent, ...enTeam, ...enSubmission, ...enJudging, ...enResults, ...enAccount, ...enReminders, ...enStatistics };

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

import { describe, expect, it } from "vitest";
import { resources } from "./i18n";
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

function keys(obj: unknown, prefix = ""): string[] {
  if (obj === null || typeof obj !== "object") return [prefix];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("locale files", () => {
  it("Indonesian and English have exactly the same keys", () => {
    expect(keys(resources.en.common).sort()).toEqual(keys(resources.id.common).sort());
  });

  it("no two area files claim the same top-level key (a later file would silently win)", () => {
    for (const files of [
      [idCommon, idEvent, idTeam, idSubmission, idJudging, idResults, idAccount, idReminders, idStatistics],
      [enCommon, enEvent, enTeam, enSubmission, enJudging, enResults, enAccount, enReminders, enStatistics],
    ]) {
      const seen = new Map<string, number>();
      files.forEach((f, i) => {
        for (const k of Object.keys(f)) {
          expect(seen.has(k), `top-level key "${k}" appears in two locale files`).toBe(false);
          seen.set(k, i);
        }
      });
    }
  });

  it("no value is empty", () => {
    for (const lang of ["id", "en"] as const) {
      const flat = keys(resources[lang].common);
      for (const k of flat) {
        const value = k.split(".").reduce<unknown>((o, part) => (o as Record<string, unknown>)[part], resources[lang].common);
        expect(typeof value === "string" && value.trim().length > 0, `${lang}:${k}`).toBe(true);
      }
    }
  });
});

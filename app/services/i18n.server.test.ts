import { describe, expect, it, vi } from "vitest";
import { i18nextFor, tFor } from "./i18n.server";

/** i18next's internal translator, which every lookup that is not remembered goes through. */
async function translator(language: "id" | "en") {
  return ((await i18nextFor(language)) as unknown as { translator: { translate: (...args: unknown[]) => unknown } }).translator;
}

describe("translations shared by the whole process", () => {
  it("looks up a plain label once per language and gives each language its own text", async () => {
    const lookups = vi.spyOn(await translator("id"), "translate");
    try {
      const t = await tFor("id");
      const first = t("judge.queueTitle");
      expect(first).toBe("Karya yang Anda nilai");
      expect(t("judge.queueTitle")).toBe(first);
      expect(lookups).toHaveBeenCalledTimes(1);
      expect((await tFor("en"))("judge.queueTitle")).toBe("Submissions you judge");
    } finally {
      lookups.mockRestore();
    }
  });

  it("hands calls with values, counts or other options to i18next every time", async () => {
    const lookups = vi.spyOn(await translator("id"), "translate");
    try {
      const t = await tFor("id");
      expect(t("judge.finalizedLeft", { count: 3 })).toBe("Masih ada 3 karya yang menunggu nilai Anda.");
      expect(t("judge.finalizedLeft", { count: 4 })).toBe("Masih ada 4 karya yang menunggu nilai Anda.");
      expect(t("judge.queueTitle", { lng: "en" })).toBe("Submissions you judge");
      expect(t("judge.queueTitle")).toBe("Karya yang Anda nilai");
      expect(lookups.mock.calls.length).toBeGreaterThanOrEqual(3);
    } finally {
      lookups.mockRestore();
    }
  });
});

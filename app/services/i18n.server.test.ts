import { describe, expect, it, vi } from "vitest";
import { createInstance } from "i18next";
import { i18nConfig, resources } from "~/i18n";
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

/** Every label of a language with its key, flattened as i18next reads them. */
function labels(tree: object, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [[prefix + k, v] as [string, string]] : labels(v as object, `${prefix}${k}.`)));
}

describe("labels with values", () => {
  it("give exactly what i18next gives, for every label of both languages", async () => {
    for (const language of ["id", "en"] as const) {
      const plain = createInstance();
      await plain.init({ ...i18nConfig, lng: language, ns: ["common"] });
      const expected = plain.getFixedT(language, "common");
      const t = await tFor(language);
      const all = labels(resources[language].common);
      expect(all.length).toBeGreaterThan(1000);
      let withValues = 0;
      for (const [key, text] of all) {
        const names = [...text.matchAll(/\{\{(.+?)\}\}/g)].map((m) => m[1].trim());
        if (names.length > 0) withValues++;
        // Text values with characters a replacement or the nesting could misread, then numbers.
        const asText = Object.fromEntries(names.map((n) => [n, `$& $1 $$ $t(x) ${n}`]));
        const asNumber = Object.fromEntries(names.map((n, i) => [n, i + 0.5]));
        for (const options of [undefined, asText, asNumber, asText]) expect(t(key, options as never), `${language} ${key}`).toBe(expected(key, options as never));
      }
      expect(withValues).toBeGreaterThan(100);
    }
  });

  it("looks a label up once; the values are put in without i18next", async () => {
    const lookups = vi.spyOn(await translator("id"), "translate");
    try {
      const t = await tFor("id");
      expect(t("results.window.mean", { name: "Dampak", value: "8,5", max: 10 })).toBe("Dampak 8,5/10");
      expect(lookups.mock.calls.length).toBeLessThanOrEqual(1);
      lookups.mockClear();
      expect(t("results.window.mean", { name: "Inovasi", value: "7,0", max: 10 })).toBe("Inovasi 7,0/10");
      expect(t("results.window.mean", { name: "Kelayakan", value: 9, max: 10 })).toBe("Kelayakan 9/10");
      expect(lookups).not.toHaveBeenCalled();
    } finally {
      lookups.mockRestore();
    }
  });

  it("puts a value in as it is, even one that reads like a placeholder", async () => {
    // i18next fills a repeated placeholder by searching the text again, so a value holding the
    // placeholder itself (a team named "{{column}}") would be filled into; here it is not.
    const t = await tFor("id");
    expect(t("import.issues.scientific", { column: "{{column}}", value: "1E+15" })).toMatch(/^\{\{column\}\} berisi 1E\+15: .* Format kolom \{\{column\}\} sebagai Teks/);
  });

  it("hands a call to i18next when a value is missing or not text, or the options are i18next's own", async () => {
    const lookups = vi.spyOn(await translator("id"), "translate");
    try {
      const t = await tFor("id");
      t("results.window.mean", { name: "Dampak", value: "8,5", max: 10 });
      lookups.mockClear();
      t("results.window.mean", { name: "Dampak", max: 10 });
      t("results.window.mean", { name: "Dampak", value: { a: 1 }, max: 10 } as never);
      t("results.window.mean", { name: "Dampak", value: "8,5", max: 10, context: "x" });
      t("results.window.mean", { name: "Dampak", value: "8,5", max: 10, defaultValue: "x" });
      expect(lookups).toHaveBeenCalledTimes(4);
    } finally {
      lookups.mockRestore();
    }
  });
});

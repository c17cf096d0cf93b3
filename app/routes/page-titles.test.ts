// Every page's tab title (and description) follows the chosen language: each route's `meta` is
// called for Indonesian and English, with data and without, and the words around the data must
// differ between the two. A title typed into a route in one language reads the same in both and fails.
import { readdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { metaLanguage, pageTitle, SITE_NAME } from "~/components/page-title";

type MetaArgs = { data: unknown; matches: { id: string; data: unknown }[]; params: Record<string, string>; location: unknown; error?: unknown };
type Descriptor = { title?: string; name?: string; content?: string };
type RouteModule = { meta?: (args: MetaArgs) => Descriptor[] };

const files = readdirSync(dirname(fileURLToPath(import.meta.url))).filter((f) => f.endsWith(".tsx"));
const modules: Record<string, RouteModule> = Object.fromEntries(await Promise.all(files.map(async (f) => [f, (await import(`./${f}`)) as RouteModule])));
const DATA = "«data»";

/** Stands for any loader data: every property is more data, and as text it reads «data». */
function anyData(): unknown {
  const target = () => undefined;
  const proxy: unknown = new Proxy(target, {
    get: (_, key) => (key === Symbol.toPrimitive ? () => DATA : key === "toString" || key === "valueOf" ? () => DATA : key === "then" ? undefined : proxy),
    has: () => true,
  });
  return proxy;
}

function metaFor(mod: RouteModule, lang: "id" | "en", data: unknown) {
  const matches = [
    { id: "root", data: { user: null, lang } },
    { id: "routes/kelola.$slug", data: data === undefined ? undefined : anyData() },
    { id: "routes/juri.$slug", data: data === undefined ? undefined : anyData() },
  ];
  return mod.meta!({ data, matches, params: { slug: "contoh" }, location: { pathname: "/" } });
}

/** The words a page adds around its data: what must be translated. */
const words = (text: string) =>
  text
    .split(DATA)
    .join(" ")
    .split(SITE_NAME)
    .join(" ")
    .replace(/[\s—–\-:·,()]+/g, " ")
    .trim();

const withMeta = Object.entries(modules).filter(([, mod]) => typeof mod.meta === "function");

describe("page titles in the chosen language", () => {
  it("finds the pages that set a title", () => {
    expect(withMeta.length).toBeGreaterThanOrEqual(36);
  });

  it.each(withMeta.map(([file]) => file))("%s: the title and description are not the same words in Indonesian and English", (file) => {
    const mod = modules[file];
    for (const data of [anyData(), undefined]) {
      const id = metaFor(mod, "id", data);
      const en = metaFor(mod, "en", data);
      const title = (d: Descriptor[]) => String(d.find((x) => x.title !== undefined)?.title ?? "");
      const description = (d: Descriptor[]) => String(d.find((x) => x.name === "description")?.content ?? "");
      expect(title(id), `${file} has a title`).not.toBe("");
      expect(title(en)).not.toMatch(/undefined|\[object|\{\{/);
      for (const pick of [title, description]) {
        const [a, b] = [words(pick(id)), words(pick(en))];
        if (a || b) expect(b, `${file}: "${pick(en)}" reads the same as "${pick(id)}"`).not.toBe(a);
      }
    }
  });

  it("the language comes from the root loader, Indonesian when it is unknown", () => {
    expect(metaLanguage([{ id: "root", data: { lang: "en" } }])).toBe("en");
    expect(metaLanguage([{ id: "root", data: undefined }])).toBe("id");
    expect(metaLanguage(undefined)).toBe("id");
    expect(pageTitle([{ id: "root", data: { lang: "en" } }], "signIn")).toBe("Sign in — KIM Hackathon");
    expect(pageTitle([{ id: "root", data: { lang: "id" } }], "signIn")).toBe("Masuk — KIM Hackathon");
    expect(pageTitle([{ id: "root", data: { lang: "en" } }], "eventResults", { event: "KIM Jatim 2026" })).toBe("KIM Jatim 2026 results — KIM Hackathon");
  });
});

// The layer rules in app/eslint.config.js, checked on small files placed in each layer's folder, so
// a change to the config cannot switch one off unnoticed.
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";

const root = fileURLToPath(new URL("..", import.meta.url));
const eslint = new ESLint({ cwd: root, overrideConfigFile: "app/eslint.config.js" });
const LAYER_RULES = new Set(["no-restricted-imports", "no-restricted-syntax"]);

/** The layer-rule messages ESLint gives for `code` saved at `filePath` (relative to the repository root). */
async function layerMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId !== null && LAYER_RULES.has(m.ruleId)).map((m) => m.message);
}

const use = (name: string) => `\nexport const used = ${name};\n`;

describe("domain stays pure", () => {
  const file = "app/domain/lint-probe.ts";

  it.each([
    ["a model", `import { getEventBySlug } from "~/models/event.server";${use("getEventBySlug")}`, /imports no models/],
    ["a model, relatively", `import { getEventBySlug } from "../models/event.server";${use("getEventBySlug")}`, /imports no models/],
    ["the database client", `import { db } from "~/services/db.server";${use("db")}`, /imports no services/],
    ["a route", `import { loader } from "~/routes/dasbor";${use("loader")}`, /imports no routes/],
    ["a component", `import { Countdown } from "~/components/countdown";${use("Countdown")}`, /imports no components/],
    ["Prisma", `import { Prisma } from "@prisma/client";${use("Prisma")}`, /no Prisma, no Remix/],
    ["the file system", `import { readFileSync } from "node:fs";${use("readFileSync")}`, /no clock, file, network/],
    ["the file system without the node: prefix", `import { readFile } from "fs/promises";${use("readFile")}`, /no clock, file, network/],
    ["timers", `import { setTimeout } from "node:timers/promises";${use("setTimeout")}`, /no clock, file, network/],
  ])("refuses an import of %s", async (_what, code, message) => {
    const messages = await layerMessages(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(message);
  });

  it.each([
    ["Date.now()", "export const at = Date.now();\n"],
    ["new Date()", "export const at = new Date();\n"],
    ["Date()", "export const at = Date();\n"],
    ["performance.now()", "export const at = performance.now();\n"],
  ])("refuses reading the clock with %s", async (_what, code) => {
    expect(await layerMessages(file, code)).toEqual([expect.stringMatching(/takes the time as an argument/)]);
  });

  it("accepts other domain modules and a date built from an argument", async () => {
    const code = `import { eventZone } from "./time";\nexport const at = (now: Date) => [new Date(now.getTime() + 1000), eventZone("Asia/Jakarta")];\n`;
    expect(await layerMessages(file, code)).toEqual([]);
  });

  it("leaves the domain's tests free to read the clock", async () => {
    expect(await layerMessages("app/domain/lint-probe.test.ts", "export const at = new Date();\n")).toEqual([]);
  });
});

describe("routes stay thin", () => {
  const file = "app/routes/kelola.$slug.lint-probe.tsx";

  it("refuses the database client", async () => {
    const messages = await layerMessages(file, `import { db } from "~/services/db.server";${use("db")}`);
    expect(messages).toEqual([expect.stringMatching(/Routes do not query the database/)]);
  });

  it.each([
    ["a sibling route", `import { action } from "./juri.$slug.nilai.$assignmentId.simpan";${use("action")}`],
    ["a route by alias", `import { loader } from "~/routes/dasbor";${use("loader")}`],
  ])("refuses importing %s", async (_what, code) => {
    expect(await layerMessages(file, code)).toEqual([expect.stringMatching(/does not import another route/)]);
  });

  it("accepts models, services other than the database client, and components", async () => {
    const code = [
      `import { listPools } from "~/models/structure.server";`,
      `import { notFound } from "~/services/guards.server";`,
      `import { FormAlert } from "~/components/forms";`,
      `export const used = [listPools, notFound, FormAlert];`,
      "",
    ].join("\n");
    expect(await layerMessages(file, code)).toEqual([]);
  });

  it("leaves route tests free to set up data with the database client", async () => {
    expect(await layerMessages("app/routes/lint-probe.test.ts", `import { db } from "~/services/db.server";${use("db")}`)).toEqual([]);
  });
});

describe("services are the edges", () => {
  const file = "app/services/lint-probe.server.ts";

  it.each([
    ["a value", `import { getEventBySlug } from "~/models/event.server";${use("getEventBySlug")}`],
    ["only a type", `import type { EventWithRounds } from "~/models/event.server";\nexport type E = EventWithRounds;\n`],
  ])("refuses importing %s from a model", async (_what, code) => {
    expect(await layerMessages(file, code)).toEqual([expect.stringMatching(/Services are infrastructure and do not import models/)]);
  });

  it("accepts other services and domain code", async () => {
    const code = `import { db } from "./db.server";\nimport { can } from "~/domain/permissions";${use("[db, can]")}`;
    expect(await layerMessages(file, code)).toEqual([]);
  });
});

describe("models sit below routes and components", () => {
  const file = "app/models/lint-probe.server.ts";

  it.each([
    ["a route", `import { loader } from "~/routes/dasbor";${use("loader")}`, /Models do not import routes/],
    ["a component", `import { FormAlert } from "~/components/forms";${use("FormAlert")}`, /Models do not import components/],
    ["the message maker", `import { msg } from "~/validation/message";${use("msg")}`, /the route makes the message/],
    ["a request", `export async function load(request: Request) {\n  return request.url;\n}\n`, /Models take plain values, not a Request/],
    ["form data", `export async function save(form: FormData) {\n  return form.get("x");\n}\n`, /Models take plain values, not a FormData/],
  ])("refuses %s", async (_what, code, message) => {
    expect(await layerMessages(file, code)).toEqual([expect.stringMatching(message)]);
  });

  it("lets the access module alone read the request", async () => {
    const code = `export async function guard(request: Request) {\n  return request.url;\n}\n`;
    expect(await layerMessages("app/models/event-guards.server.ts", code)).toEqual([]);
  });

  it("accepts services, other models and domain code", async () => {
    const code = `import { db } from "~/services/db.server";\nimport { listPools } from "./structure.server";\nimport { can } from "~/domain/permissions";\nimport type { Failure } from "~/validation/message";${use("[db, listPools, can]")}\nexport type F = Failure;\n`;
    expect(await layerMessages(file, code)).toEqual([]);
  });
});

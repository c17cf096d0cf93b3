import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { SERVER_NODE_FLAGS } from "./server-flags";

it("npm start runs the server with the same Node.js options as the tests and the benchmark", () => {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { scripts: Record<string, string> };
  const start = /\bnode (.*?)\s*build\/start\.js/.exec(pkg.scripts.start);
  expect(start?.[1]?.split(/\s+/).filter(Boolean)).toEqual([...SERVER_NODE_FLAGS]);
});

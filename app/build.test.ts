import { readFileSync } from "node:fs";
import { expect, it } from "vitest";

// V8 keeps the source of every script it runs. A source that is all Latin-1 is kept at one byte
// a character; a single character beyond it (an en dash in a comment, a dotless i in a regular
// expression) makes the whole server bundle two bytes a character: 1.7 MB more in every server
// process. The bundler escapes such characters in strings, not in comments or regular
// expressions; write those with \u escapes, or in ASCII.
it("the server bundle is ASCII, so each process keeps its source at one byte a character", () => {
  const source = readFileSync(new URL("../build/index.js", import.meta.url), "utf8");
  const lines = source.split("\n");
  const offending = lines.flatMap((line, i) => (/[^\x00-\x7f]/.test(line) ? [`${i + 1}: ${line.trim().slice(0, 120)}`] : []));
  expect(offending).toEqual([]);
});

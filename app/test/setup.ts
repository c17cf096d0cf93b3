// Runs in the worker before each test file: gives the file its own database copied from the
// migrated template, its own data folder, and turns console.error into a failure.
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, vi } from "vitest";
import { baseUrl, isPg, PG_PREFIX, PG_TEMPLATE, pgUrlFor, sqliteTemplate, testDataDir } from "./db-template";

const id = `${process.env.VITEST_POOL_ID ?? "0"}_${randomBytes(4).toString("hex")}`;
const url = baseUrl();
process.env.NODE_ENV = "test";
process.env.LOG_REQUESTS = "false";
process.env.QUERY_PLAN_CHECK = "on";
process.env.DATA_DIR = join(testDataDir, id);
mkdirSync(process.env.DATA_DIR, { recursive: true });

if (isPg(url)) {
  const { default: pg } = await import("pg");
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${PG_PREFIX}${id}" TEMPLATE "${PG_TEMPLATE}"`);
  await admin.end();
  process.env.DATABASE_URL = pgUrlFor(url, `${PG_PREFIX}${id}`);
} else {
  const file = join(testDataDir, `${id}.db`);
  copyFileSync(sqliteTemplate, file);
  process.env.DATABASE_URL = `file:${file}`;
}

let errorSpy: ReturnType<typeof vi.spyOn> | undefined;
beforeEach(() => {
  errorSpy = vi.spyOn(console, "error");
});
afterEach(() => {
  const calls = errorSpy?.mock.calls ?? [];
  errorSpy?.mockRestore();
  if (calls.length) throw new Error(`console.error was called during the test:\n${calls.map((c) => c.map(String).join(" ")).join("\n")}`);
});

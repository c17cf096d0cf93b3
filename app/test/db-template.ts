// Test databases: one migrated template per run, and a fresh copy of it for every test file.
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const rootDir = fileURLToPath(new URL("../..", import.meta.url));
export const testDataDir = join(rootDir, "data", "test");
export const sqliteTemplate = join(testDataDir, "template.db");
// TEST_DB_PREFIX keeps concurrent runs (several checkouts on one machine) off each other's databases.
const prefix = (process.env.TEST_DB_PREFIX ?? "kim").replace(/[^a-z0-9_]/g, "");
export const PG_TEMPLATE = `${prefix}_test_template`;
export const PG_PREFIX = `${prefix}_t_`;

export function baseUrl(): string {
  return process.env.DATABASE_URL ?? "";
}

export function isPg(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

export function pgUrlFor(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

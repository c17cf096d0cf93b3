// Test databases: one migrated template per run, and a fresh copy of it for every test file.
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const rootDir = fileURLToPath(new URL("../..", import.meta.url));
export const testDataDir = join(rootDir, "data", "test");
export const sqliteTemplate = join(testDataDir, "template.db");
export const PG_TEMPLATE = "kim_test_template";
export const PG_PREFIX = "kim_t_";

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

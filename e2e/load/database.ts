// A fresh, migrated database for one benchmark run: a new SQLite file, or a new PostgreSQL
// database (named with TEST_DB_PREFIX) on the server at PG_BENCH_URL, dropped afterwards.
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import pg from "pg";
import { migrate } from "../../prisma/scripts/migrate";

export type BenchDatabase = { kind: "sqlite" | "postgresql"; url: string; drop: () => Promise<void> };

/** Runs one statement on the PostgreSQL server at `url`, on a connection of its own (CREATE and DROP DATABASE need one outside any transaction). */
export async function onServer(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createDatabase(kind: "sqlite" | "postgresql", dir: string): Promise<BenchDatabase> {
  if (kind === "sqlite") {
    const url = `file:${join(dir, "kim.db")}`;
    await migrate(url);
    return { kind, url, drop: async () => {} };
  }
  const admin = process.env.PG_BENCH_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
  const prefix = (process.env.TEST_DB_PREFIX ?? "kim").replace(/[^a-z0-9_]/g, "");
  const name = `${prefix}_bench_${randomBytes(4).toString("hex")}`;
  const run = (sql: string) => onServer(admin, sql);
  await run(`CREATE DATABASE "${name}"`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  return { kind, url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

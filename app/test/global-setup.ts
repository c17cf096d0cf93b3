import { mkdirSync, rmSync } from "node:fs";
import { migrate } from "../../prisma/scripts/migrate.ts";
import { baseUrl, isPg, PG_PREFIX, PG_TEMPLATE, pgUrlFor, sqliteTemplate, testDataDir } from "./db-template";

async function pgAdmin<T>(url: string, fn: (q: (sql: string) => Promise<{ rows: Record<string, unknown>[] }>) => Promise<T>): Promise<T> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn((sql) => client.query(sql));
  } finally {
    await client.end();
  }
}

async function dropTestDatabases(url: string) {
  await pgAdmin(url, async (q) => {
    const { rows } = await q(`SELECT datname FROM pg_database WHERE datname LIKE '${PG_PREFIX}%' OR datname = '${PG_TEMPLATE}'`);
    for (const r of rows) await q(`DROP DATABASE IF EXISTS "${String(r.datname)}" WITH (FORCE)`);
  });
}

export default async function setup() {
  const url = baseUrl();
  rmSync(testDataDir, { recursive: true, force: true });
  mkdirSync(testDataDir, { recursive: true });
  if (isPg(url)) {
    await dropTestDatabases(url);
    await pgAdmin(url, (q) => q(`CREATE DATABASE "${PG_TEMPLATE}"`));
    await migrate(pgUrlFor(url, PG_TEMPLATE));
    return async () => dropTestDatabases(url);
  }
  await migrate(`file:${sqliteTemplate}`);
  return () => rmSync(testDataDir, { recursive: true, force: true });
}

// Applies pending migrations in order to the database named by DATABASE_URL (SQLite or
// PostgreSQL) and records them in `_prisma_migrations` exactly as Prisma Migrate does
// (checksum = sha256 of migration.sql), so `prisma migrate status` agrees on a connected machine.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { prismaDir } from "./variants.ts";

type Applied = { migration_name: string; checksum: string; finished_at: unknown; rolled_back_at: unknown };

export type MigrationFile = { name: string; sql: string; checksum: string };

export function providerOf(url: string): "sqlite" | "postgresql" {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(`DATABASE_URL must start with file: or postgres://, got "${url}"`);
}

export function sqlitePath(url: string, base = process.cwd()): string {
  const path = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return isAbsolute(path) ? path : resolve(base, path);
}

export function migrationFiles(provider: "sqlite" | "postgresql"): MigrationFile[] {
  const dir = join(prismaDir, "migrations", provider);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

function checkHistory(applied: Applied[], files: MigrationFile[]): MigrationFile[] {
  const byName = new Map(files.map((f) => [f.name, f]));
  for (const row of applied) {
    if (row.rolled_back_at) continue;
    const file = byName.get(row.migration_name);
    if (!file) throw new Error(`Migration ${row.migration_name} is applied but missing from prisma/migrations`);
    if (!row.finished_at) throw new Error(`Migration ${row.migration_name} failed earlier; fix the database by hand`);
    if (file.checksum !== row.checksum) throw new Error(`Migration ${row.migration_name} was edited after it was applied`);
  }
  const done = new Set(applied.filter((r) => !r.rolled_back_at).map((r) => r.migration_name));
  return files.filter((f) => !done.has(f.name));
}

async function migrateSqlite(url: string): Promise<string[]> {
  const { default: Database } = await import("better-sqlite3");
  const path = sqlitePath(url);
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: 10_000 });
  try {
    db.pragma("journal_mode = WAL");
    db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
      "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
      "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
      "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`);
    // Prisma's SQLite migrations rebuild a table to alter it (create new_X, copy, drop X, rename).
    // With foreign keys on, dropping X would cascade-delete every child row, and the
    // `PRAGMA foreign_keys=OFF` inside the script is ignored within a transaction — so keys are
    // switched off on the connection first and checked before commit instead.
    db.pragma("foreign_keys = OFF");
    // IMMEDIATE takes the write lock up front, so two processes starting together queue here.
    const run = db.transaction(() => {
      const applied = db.prepare(`SELECT * FROM "_prisma_migrations" ORDER BY started_at`).all() as Applied[];
      const pending = checkHistory(applied, migrationFiles("sqlite"));
      for (const m of pending) {
        const started = Date.now();
        db.exec(m.sql);
        db.prepare(`INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)`).run(
          randomUUID(),
          m.checksum,
          Date.now(),
          m.name,
          started,
        );
      }
      const broken = db.pragma("foreign_key_check") as unknown[];
      if (broken.length) throw new Error(`Migration would break ${broken.length} foreign key reference(s); nothing was applied`);
      return pending.map((m) => m.name);
    });
    try {
      return run.immediate();
    } finally {
      db.pragma("foreign_keys = ON");
    }
  } finally {
    db.close();
  }
}

async function migratePostgres(url: string): Promise<string[]> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // The same advisory lock key Prisma Migrate uses, so instances never migrate concurrently.
    await client.query("SELECT pg_advisory_lock(72707369)");
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const { rows } = await client.query<Applied>(`SELECT * FROM "_prisma_migrations" ORDER BY started_at`);
    const pending = checkHistory(rows, migrationFiles("postgresql"));
    for (const m of pending) {
      await client.query("BEGIN");
      try {
        const started = new Date();
        await client.query(m.sql);
        await client.query(`INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, $4, 1)`, [
          randomUUID(),
          m.checksum,
          m.name,
          started,
        ]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    }
    return pending.map((m) => m.name);
  } finally {
    await client.query("SELECT pg_advisory_unlock(72707369)").catch(() => undefined);
    await client.end();
  }
}

export async function migrate(url: string): Promise<string[]> {
  return providerOf(url) === "sqlite" ? migrateSqlite(url) : migratePostgres(url);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const url = process.env.DATABASE_URL ?? "file:./data/kim.db";
  migrate(url)
    .then((names) => {
      console.log(names.length ? `Applied ${names.length} migration(s): ${names.join(", ")}` : "Database is up to date.");
    })
    .catch((error: unknown) => {
      console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
}

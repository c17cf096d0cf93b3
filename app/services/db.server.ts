// The Prisma client for the database named by DATABASE_URL: SQLite through better-sqlite3 or
// PostgreSQL through pg. Both generated clients share one schema, so the SQLite client's types
// describe either.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PgClient } from "~/generated/pg/client";
import { PrismaClient as SqliteClient } from "~/generated/sqlite/client";
import { env } from "./env.server";

export type Db = SqliteClient;
export * from "~/generated/sqlite/enums";
export { Prisma } from "~/generated/sqlite/client";

export function isPostgres(url = env().DATABASE_URL): boolean {
  return !url.startsWith("file:");
}

function create(url: string): Db {
  if (isPostgres(url)) {
    const adapter = new PrismaPg({ connectionString: url, max: 10 });
    return new PgClient({ adapter }) as unknown as Db;
  }
  // busy timeout: a second writer waits instead of failing at once.
  const adapter = new PrismaBetterSQLite3({ url, timeout: 10_000 });
  const client = new SqliteClient({ adapter });
  return client;
}

const globalForDb = globalThis as unknown as { __db?: Db; __dbReady?: Promise<void> };

export const db: Db = (globalForDb.__db ??= create(env().DATABASE_URL));

// SQLite pragmas are per connection; the adapter holds a single connection per process.
async function prepare(): Promise<void> {
  if (isPostgres()) return;
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  await db.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
}
globalForDb.__dbReady ??= prepare();
export const dbReady = globalForDb.__dbReady;

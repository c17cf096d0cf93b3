// The Prisma client for the database named by DATABASE_URL: SQLite through better-sqlite3 or
// PostgreSQL through pg. Both generated clients share one schema, so the SQLite client's types
// describe either.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PgClient } from "~/generated/pg/client";
import { PrismaClient as SqliteClient } from "~/generated/sqlite/client";
import { env } from "./env.server";
import * as pgCompiler from "@prisma/client/runtime/query_compiler_bg.postgresql.mjs";
import * as sqliteCompiler from "@prisma/client/runtime/query_compiler_bg.sqlite.mjs";
import { reuseQueryPlans, type PlanStats } from "./query-plans.server";
import { reusePreparedStatements, type SqliteDatabase } from "./sqlite-statements.server";
import { noteStatement } from "./write-watch.server";
import { rawQueryOf, rowsOf, type RawResultSet } from "./raw-rows.server";

export type Db = SqliteClient;
export * from "~/generated/sqlite/enums";
import { Prisma } from "~/generated/sqlite/client";
export { Prisma };

export function isPostgres(url = env().DATABASE_URL): boolean {
  return !url.startsWith("file:");
}

/**
 * SQLite's own page cache for the connection, in KiB. better-sqlite3 is built with 16 MB; under
 * load each server process filled most of it, a copy of pages the operating system's file cache
 * holds anyway (and, unlike that cache, once per process). 4 MB keeps the indexes and rows every
 * page reads; the pages served as fast with it in the benchmark (README, Performance).
 */
export const SQLITE_CACHE_KIB = 4000;

// SQLite settings are per connection, so they are applied the moment the adapter opens its
// (single) connection, before Prisma can send any query or transaction. WAL mode is persistent
// and set by the migration runner; the busy timeout makes a second writer wait, not fail.
class SqliteAdapter extends PrismaBetterSQLite3 {
  async connect() {
    const adapter = await super.connect();
    reusePreparedStatements((adapter as unknown as { client: SqliteDatabase }).client);
    await adapter.executeRaw({ sql: "PRAGMA foreign_keys = ON", args: [], argTypes: [] });
    await adapter.executeRaw({ sql: `PRAGMA cache_size = -${SQLITE_CACHE_KIB}`, args: [], argTypes: [] });
    return (connection.current = noteWrites(adapter));
  }
}

class PgAdapter extends PrismaPg {
  async connect() {
    return (connection.current = noteWrites(await super.connect()));
  }
}

/**
 * The adapter connection Prisma opened last (the client opens it on its first query). Kept with
 * the client, once per process: a module reloaded in development reuses both.
 */
type Connection = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
const connection: { current: Connection | null } = ((globalThis as unknown as { __dbConnection?: { current: Connection | null } }).__dbConnection ??= { current: null });

type Queryable = { queryRaw(query: { sql: string }): Promise<unknown>; executeRaw(query: { sql: string }): Promise<unknown> };

/** Shows every statement, in or out of a transaction, to the write watch (write-watch.server.ts). */
function noteWrites<T extends Queryable & { startTransaction(...args: never[]): Promise<Queryable> }>(adapter: T): T {
  const note = <Q extends Queryable>(target: Q): Q => {
    const { queryRaw, executeRaw } = target;
    target.queryRaw = (query) => {
      noteStatement(query.sql);
      return queryRaw.call(target, query);
    };
    target.executeRaw = (query) => {
      noteStatement(query.sql);
      return executeRaw.call(target, query);
    };
    return target;
  };
  const { startTransaction } = adapter;
  adapter.startTransaction = (async (...args: never[]) => note(await startTransaction.apply(adapter, args))) as T["startTransaction"];
  return note(adapter);
}

// At a deadline a burst of submissions queues for the pool's connections (or, on SQLite, for
// the one writer). Prisma's defaults give a transaction 2 s to start and 5 s to finish, after
// which an acknowledged-looking click fails; waiting a little longer is what the user wants.
const transactionOptions = { maxWait: 15_000, timeout: 15_000 };

function create(url: string): Db {
  if (isPostgres(url)) {
    const adapter = new PgAdapter({ connectionString: url, max: 10 });
    return new PgClient({ adapter, transactionOptions }) as unknown as Db;
  }
  return new SqliteClient({ adapter: new SqliteAdapter({ url, timeout: 10_000 }), transactionOptions });
}

const globalForDb = globalThis as unknown as { __db?: Db; __queryPlans?: PlanStats };

// Query plans are kept by shape for both providers' compilers (query-plans.server.ts), once per process.
export const queryPlanStats: PlanStats = (globalForDb.__queryPlans ??= (() => {
  const options = { check: env().QUERY_PLAN_CHECK, stats: { hits: 0, compiled: 0, literal: 0 } };
  reuseQueryPlans(sqliteCompiler.QueryCompiler, options);
  reuseQueryPlans(pgCompiler.QueryCompiler, options);
  return options.stats;
})());

export const db: Db = (globalForDb.__db ??= create(env().DATABASE_URL));

/**
 * Rows of a read, as `db.$queryRaw` returns them, sent straight to the connection Prisma holds
 * (raw-rows.server.ts): a tenth of the cost per statement. Takes the same tagged template or
 * `Prisma.sql`; outside any transaction, like `db.$queryRaw` (a transaction's reads use `tx`).
 * What it cannot answer exactly as `$queryRaw` would, `$queryRaw` answers, and so does any error,
 * which then comes as Prisma reports it.
 */
export async function queryRows<T>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<T> {
  const sql = query instanceof Prisma.Sql ? query : Prisma.sql(query, ...values);
  const current = connection.current;
  const raw = current && rawQueryOf(sql, isPostgres());
  if (current && raw) {
    try {
      // The adapter's types say `dbType?: string`; the client itself sends null, as here.
      const rows = rowsOf((await current.queryRaw(raw as unknown as Parameters<Connection["queryRaw"]>[0])) as RawResultSet);
      if (rows) return rows as T;
    } catch {
      // Asked again below, so the error is Prisma's own.
    }
  }
  return db.$queryRaw<T>(sql);
}

/**
 * The rows of a read as tuples, `columns` in order, which the database sends as one JSON array
 * (one row, one string) instead of row by row. For a read of many small rows: the driver's cost
 * per row and per value is then paid once, and the JSON is parsed at once. `rest` is the query
 * from FROM on, without ORDER BY: the tuples come in no particular order. Columns must be text
 * or integers (a date, a decimal or a boolean would come out differently on the two databases;
 * cast them first).
 */
export async function queryTuples<T extends readonly unknown[]>(columns: Prisma.Sql, rest: Prisma.Sql): Promise<T[]> {
  const tuples = isPostgres() ? Prisma.sql`CAST(COALESCE(json_agg(json_build_array(${columns})), '[]') AS TEXT)` : Prisma.sql`json_group_array(json_array(${columns}))`;
  const [row] = await queryRows<{ tuples: string | null }[]>`SELECT ${tuples} AS "tuples" ${rest}`;
  return JSON.parse(row?.tuples ?? "[]") as T[];
}

/** Resolves once the database answers (the server waits for it before listening). */
export const dbReady: Promise<void> = db.$queryRawUnsafe("SELECT 1").then(() => undefined);

/**
 * Whether a write failed on a unique constraint, whichever way it was sent: Prisma's query builder
 * reports P2002; a statement sent as SQL reports P2010 with the driver adapter's error, whose kind
 * names the violation on SQLite and PostgreSQL alike.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2002") return true;
  const meta = error.meta as { driverAdapterError?: { cause?: { kind?: unknown } } } | undefined;
  return error.code === "P2010" && meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation";
}

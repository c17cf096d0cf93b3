// Prepared statements kept for reuse on the SQLite connection. Prisma's better-sqlite3 adapter
// prepares every statement anew and binds its parameters to it for good, so each query paid for
// SQLite parsing and planning the same SQL again: about a tenth of the server's time under a
// deadline burst. Prisma generates the same SQL text for the same query shape, so a bounded cache
// by text serves nearly every query from an already prepared statement; each use passes its own
// parameters instead of binding them to the shared statement.
import type BetterSqlite3 from "better-sqlite3";

export type SqliteDatabase = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement<unknown[]>;

/** Distinct SQL texts kept; `IN (?, ?, …)` lists of every length make the set open-ended. */
export const STATEMENT_CACHE_SIZE = 1000;

const columnsOf = new WeakMap<Statement, BetterSqlite3.ColumnDefinition[]>();

/**
 * One use of a shared statement with its own parameters, answering the calls the adapter makes
 * on a statement (`bind`, `reader`, `columns`, `raw().all()`, `run`), and `get`/`all`/`iterate`.
 */
class StatementUse {
  #raw = false;
  constructor(
    private readonly statement: Statement,
    private readonly args: unknown[] = [],
  ) {}

  get reader() {
    return this.statement.reader;
  }
  get source() {
    return this.statement.source;
  }
  bind(...args: unknown[]) {
    return new StatementUse(this.statement, args.length === 1 && Array.isArray(args[0]) ? args[0] : args);
  }
  columns() {
    // A prepared statement's result columns (names and declared types) are fixed: read them once.
    let columns = columnsOf.get(this.statement);
    if (!columns) columnsOf.set(this.statement, (columns = this.statement.columns()));
    return columns;
  }
  raw(on = true) {
    this.#raw = on;
    return this;
  }
  run(...args: unknown[]) {
    return this.statement.run(...this.params(args));
  }
  get(...args: unknown[]) {
    return this.mode().get(...this.params(args));
  }
  all(...args: unknown[]) {
    return this.mode().all(...this.params(args));
  }
  iterate(...args: unknown[]) {
    return this.mode().iterate(...this.params(args));
  }
  private mode() {
    // Raw mode is a setting of the shared statement: set it for this use every time.
    return this.statement.reader ? this.statement.raw(this.#raw) : this.statement;
  }
  private params(args: unknown[]) {
    return args.length ? args : this.args;
  }
}

/** Makes `database.prepare` answer from a least-recently-used cache of prepared statements. */
export function reusePreparedStatements(database: SqliteDatabase, size = STATEMENT_CACHE_SIZE): Map<string, Statement> {
  const prepare = database.prepare.bind(database) as (sql: string) => Statement;
  const cache = new Map<string, Statement>();
  database.prepare = ((sql: string) => {
    let statement = cache.get(sql);
    if (statement) {
      cache.delete(sql);
    } else {
      statement = prepare(sql);
      if (cache.size >= size) cache.delete(cache.keys().next().value as string);
    }
    cache.set(sql, statement);
    return new StatementUse(statement);
  }) as unknown as SqliteDatabase["prepare"];
  return cache;
}

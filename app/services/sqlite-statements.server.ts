// Prepared statements kept for reuse on the SQLite connection. Prisma's better-sqlite3 adapter
// prepares every statement anew and binds its parameters to it for good, so each query paid for
// SQLite parsing and planning the same SQL again: about a tenth of the server's time under a
// deadline burst. Prisma generates the same SQL text for the same query shape, so a bounded cache
// by text serves nearly every query from an already prepared statement; each use passes its own
// parameters instead of binding them to the shared statement.
//
// A LIMIT or OFFSET parameter defeats that: SQLite's planner reads its value, so binding a new
// value expires the statement and the next run parses and plans it again (measured: 126–171 µs a
// run for the announcements query, as much as a fresh prepare, against 5–7 µs with the value
// written in). Prisma writes `LIMIT ? OFFSET ?` into every findFirst and findMany, so each such
// use runs a statement with those integer values written into the text, itself kept in the cache.
import type BetterSqlite3 from "better-sqlite3";
import { RecentlyUsed } from "./recently-used.server";

export type SqliteDatabase = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement<unknown[]>;

/** Distinct SQL texts kept; `IN (?, ?, …)` lists of every length make the set open-ended. */
export const STATEMENT_CACHE_SIZE = 1000;

/**
 * A SQL text cut at the `?` placeholders that stand right after LIMIT or OFFSET: `pieces` has
 * one more entry than `at`, the positions (among all the text's `?` placeholders) of those values.
 */
export type LimitShape = { pieces: string[]; at: number[] };

const wordChar = /[A-Za-z0-9_$\u0080-\uffff]/;

/**
 * Finds the LIMIT and OFFSET placeholders of a SQL text, skipping quoted strings and names,
 * bracketed names and comments. Null when there are none, or when the text uses numbered or
 * named parameters (`?1`, `:a`, `@a`, `$a`), whose positions this does not follow.
 */
export function limitShape(sql: string): LimitShape | null {
  const pieces: string[] = [];
  const at: number[] = [];
  let placeholders = 0;
  let pieceStart = 0;
  let lastWord = ""; // the last significant token, upper-cased when a word, else the character
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i];
    if (c === "'" || c === '"' || c === "`") {
      const end = closingQuote(sql, i, c);
      if (end < 0) return null;
      i = end + 1;
      lastWord = c;
    } else if (c === "[") {
      const end = sql.indexOf("]", i + 1);
      if (end < 0) return null;
      i = end + 1;
      lastWord = c;
    } else if (c === "-" && sql[i + 1] === "-") {
      const end = sql.indexOf("\n", i + 2);
      i = end < 0 ? n : end + 1;
    } else if (c === "/" && sql[i + 1] === "*") {
      const end = sql.indexOf("*/", i + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === "?") {
      if (/[0-9]/.test(sql[i + 1] ?? "")) return null;
      if (lastWord === "LIMIT" || lastWord === "OFFSET") {
        pieces.push(sql.slice(pieceStart, i));
        at.push(placeholders);
        pieceStart = i + 1;
      }
      placeholders++;
      i++;
      lastWord = "?";
    } else if ((c === ":" || c === "@" || c === "$") && wordChar.test(sql[i + 1] ?? "")) {
      return null;
    } else if (wordChar.test(c)) {
      let end = i + 1;
      while (end < n && wordChar.test(sql[end])) end++;
      lastWord = sql.slice(i, end).toUpperCase();
      i = end;
    } else {
      if (!/\s/.test(c)) lastWord = c;
      i++;
    }
  }
  if (!at.length) return null;
  pieces.push(sql.slice(pieceStart));
  return { pieces, at };
}

/** Index of the quote closing the one at `start`; a doubled quote inside stands for itself. */
function closingQuote(sql: string, start: number, quote: string): number {
  let i = start + 1;
  for (;;) {
    const end = sql.indexOf(quote, i);
    if (end < 0 || sql[end + 1] !== quote) return end;
    i = end + 2;
  }
}

/** The value as SQL integer text, or null when it is not an integer that reads back exactly. */
function integerText(value: unknown): string | null {
  if (typeof value === "number") return Number.isSafeInteger(value) ? String(value) : null;
  if (typeof value === "bigint") return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? String(value) : null;
  return null;
}

/**
 * The text with the LIMIT/OFFSET values written in and the parameters left to bind, or null when
 * a value there is not a plain integer (it then stays a parameter, as SQLite would take it).
 */
export function withLimitsWritten(shape: LimitShape, params: readonly unknown[]): { sql: string; params: unknown[] } | null {
  let sql = shape.pieces[0];
  for (let k = 0; k < shape.at.length; k++) {
    const text = integerText(params[shape.at[k]]);
    if (text === null) return null;
    sql += text + shape.pieces[k + 1];
  }
  const written = new Set(shape.at);
  return { sql, params: params.filter((_, index) => !written.has(index)) };
}

/** better-sqlite3 takes an array argument as that many positional parameters. */
function positional(args: readonly unknown[]): unknown[] | null {
  const flat: unknown[] = [];
  for (const arg of args) {
    if (Array.isArray(arg)) flat.push(...arg);
    else if (arg !== null && typeof arg === "object" && !(arg instanceof Uint8Array)) return null;
    else flat.push(arg);
  }
  return flat;
}

const columnsOf = new WeakMap<Statement, BetterSqlite3.ColumnDefinition[]>();
const shapeOf = new WeakMap<Statement, LimitShape | null>();

type Prepare = (sql: string) => Statement;

/**
 * One use of a shared statement with its own parameters, answering the calls the adapter makes
 * on a statement (`bind`, `reader`, `columns`, `raw().all()`, `run`), and `get`/`all`/`iterate`.
 */
class StatementUse {
  #raw = false;
  constructor(
    private readonly statement: Statement,
    private readonly prepare: Prepare,
    private readonly args: unknown[] = [],
  ) {}

  get reader() {
    return this.statement.reader;
  }
  get source() {
    return this.statement.source;
  }
  bind(...args: unknown[]) {
    return new StatementUse(this.statement, this.prepare, args.length === 1 && Array.isArray(args[0]) ? args[0] : args);
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
    const [statement, params] = this.target(args);
    return statement.run(...params);
  }
  get(...args: unknown[]) {
    const [statement, params] = this.target(args);
    return this.mode(statement).get(...params);
  }
  all(...args: unknown[]) {
    const [statement, params] = this.target(args);
    return this.mode(statement).all(...params);
  }
  iterate(...args: unknown[]) {
    const [statement, params] = this.target(args);
    return this.mode(statement).iterate(...params);
  }
  private mode(statement: Statement) {
    // Raw mode is a setting of the shared statement: set it for this use every time.
    return statement.reader ? statement.raw(this.#raw) : statement;
  }
  /** The statement to run and its parameters: the one with LIMIT/OFFSET written in, when it has them. */
  private target(args: unknown[]): [Statement, unknown[]] {
    const params = args.length ? args : this.args;
    let shape = shapeOf.get(this.statement);
    if (shape === undefined) shapeOf.set(this.statement, (shape = limitShape(this.statement.source)));
    if (!shape) return [this.statement, params];
    const flat = positional(params);
    const written = flat && withLimitsWritten(shape, flat);
    if (!written) return [this.statement, params];
    return [this.prepare(written.sql), written.params];
  }
}

/** Makes `database.prepare` answer from a least-recently-used cache of prepared statements. */
export function reusePreparedStatements(database: SqliteDatabase, size = STATEMENT_CACHE_SIZE): Map<string, Statement> {
  const prepare = database.prepare.bind(database) as (sql: string) => Statement;
  const cache = new RecentlyUsed<string, Statement>(size);
  const cached: Prepare = (sql) => {
    let statement = cache.get(sql);
    if (!statement) cache.set(sql, (statement = prepare(sql)));
    return statement;
  };
  database.prepare = ((sql: string) => new StatementUse(cached(sql), cached)) as unknown as SqliteDatabase["prepare"];
  return cache;
}

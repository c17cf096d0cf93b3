// Reading rows with SQL straight through the Prisma driver adapter, for the statements every page
// sends. `db.$queryRaw` costs about 120 µs a statement on top of the database's own work (the
// client's request pipeline: query plan, interpreter, tracing hooks, then each value serialized
// into a tagged form and parsed back), as much as SQLite needs for the statement itself; a
// signed-in page sends five to eight. The adapter is the one Prisma holds (same connection, same
// argument and row mapping, same statement counting); this module only does what the client would
// do around it, with the same results: the same argument types for the same values, and each
// column's values turned into the same JavaScript values ($queryRaw's rules, by column type).
//
// Anything it does not reproduce exactly goes to `$queryRaw` instead: statements that are not
// plain reads, argument values other than strings, finite numbers, booleans, null and valid dates,
// and result columns of types it does not convert (bytes, times, arrays, JSON).
import { Prisma } from "~/generated/sqlite/client";

/** An argument's type as Prisma's query compiler describes it to the adapter. */
export type RawArgType = { arity: "scalar"; scalarType: "string" | "int" | "float" | "boolean" | "datetime" | "unknown"; dbType: null };

export type RawQuery = { sql: string; args: unknown[]; argTypes: RawArgType[] };

/** What a driver adapter answers: column names and types, and rows of adapter-mapped values. */
export type RawResultSet = { columnNames: string[]; columnTypes: number[]; rows: unknown[][] };

// The adapters' column types (ColumnTypeEnum of @prisma/driver-adapter-utils) this module converts.
export const Column = {
  Int32: 0,
  Int64: 1,
  Float: 2,
  Double: 3,
  Numeric: 4,
  Boolean: 5,
  Character: 6,
  Text: 7,
  Date: 8,
  DateTime: 10,
  Enum: 12,
  Uuid: 15,
  UnknownNumber: 128,
} as const;

const convertible = new Set<number>(Object.values(Column));

const readStatement = /^\s*(SELECT|WITH)\b/i;
const writeWord = /\b(INSERT|UPDATE|DELETE|REPLACE|RETURNING)\b/i;

function argType(value: unknown): RawArgType["scalarType"] | null {
  if (value === null) return "unknown";
  switch (typeof value) {
    case "string":
      return "string";
    case "number":
      return Number.isFinite(value) ? (Number.isInteger(value) ? "int" : "float") : null;
    case "boolean":
      return "boolean";
    case "object":
      return value instanceof Date && !Number.isNaN(value.getTime()) ? "datetime" : null;
    default:
      return null;
  }
}

/**
 * The statement and arguments `$queryRaw` would hand the adapter for this SQL, or null when this
 * path does not take it. PostgreSQL gets `$1`-numbered placeholders, SQLite `?`.
 */
export function rawQueryOf(query: Prisma.Sql, postgres: boolean): RawQuery | null {
  const sql = postgres ? query.text : query.sql;
  if (!readStatement.test(sql) || writeWord.test(sql)) return null;
  const args: unknown[] = [];
  const argTypes: RawArgType[] = [];
  for (const value of query.values) {
    const scalarType = argType(value);
    if (scalarType === null) return null;
    args.push(value instanceof Date ? value.toJSON() : value);
    argTypes.push({ arity: "scalar", scalarType, dbType: null });
  }
  return { sql, args, argTypes };
}

function columnValue(value: unknown, type: number): unknown {
  if (value === null) return null;
  switch (type) {
    case Column.Int32:
      return typeof value === "string" ? Math.trunc(Number(value)) : Math.trunc(value as number);
    case Column.Int64:
      return typeof value === "number" ? BigInt(Math.trunc(value)) : BigInt(value as string);
    case Column.Numeric:
      return new Prisma.Decimal(value as string | number);
    case Column.Boolean:
      return typeof value === "boolean" ? value : typeof value === "string" ? value === "true" || value === "1" : value === 1;
    case Column.Date:
    case Column.DateTime:
      return new Date(value as string);
    default:
      return value;
  }
}

/** The rows as `$queryRaw` returns them, or null when a column has a type this does not convert. */
export function rowsOf(result: RawResultSet): Record<string, unknown>[] | null {
  const { columnNames, columnTypes } = result;
  if (!columnTypes.every((t) => convertible.has(t))) return null;
  return result.rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < row.length; i++) out[columnNames[i]] = columnValue(row[i], columnTypes[i]);
    return out;
  });
}

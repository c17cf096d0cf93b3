// Counts the SQL statements that reach the database driver (better-sqlite3 or pg), below Prisma
// and its adapters, so nothing a page does escapes the count: client queries, raw queries,
// transaction BEGIN/COMMIT alike.
import Database from "better-sqlite3";
import pg from "pg";

type Recorder = { sql: string[] };
let active: Recorder | null = null;

function record(sql: unknown) {
  if (!active) return;
  const text = typeof sql === "string" ? sql : typeof sql === "object" && sql && "text" in sql ? String((sql as { text: unknown }).text) : String(sql);
  active.sql.push(text.replace(/\s+/g, " ").trim());
}

const patched = globalThis as unknown as { __statementCounter?: boolean };
if (!patched.__statementCounter) {
  patched.__statementCounter = true;
  // A statement counts each time it runs: the app keeps prepared statements for reuse
  // (services/sqlite-statements.server.ts), so counting prepares would miss repeated queries.
  const probe = new Database(":memory:");
  const statementProto = Object.getPrototypeOf(probe.prepare("SELECT 1")) as Record<"run" | "get" | "all" | "iterate", (this: { source: string }, ...args: unknown[]) => unknown>;
  probe.close();
  for (const method of ["run", "get", "all", "iterate"] as const) {
    const original = statementProto[method];
    statementProto[method] = function (this: { source: string }, ...args: unknown[]) {
      record(this.source);
      return original.apply(this, args);
    };
  }
  const databaseProto = Database.prototype as unknown as Record<"exec", (this: unknown, sql: string) => unknown>;
  const exec = databaseProto.exec;
  databaseProto.exec = function (this: unknown, sql: string) {
    record(sql);
    return exec.call(this, sql);
  };
  const clientProto = pg.Client.prototype as unknown as { query: (this: unknown, ...args: unknown[]) => unknown };
  const query = clientProto.query;
  clientProto.query = function (this: unknown, ...args: unknown[]) {
    record(args[0]);
    return query.apply(this, args);
  };
}

/** Runs `fn` and returns what it returned with every SQL statement it sent, in order. */
export async function recordStatements<T>(fn: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  if (active) throw new Error("recordStatements does not nest");
  const recorder: Recorder = { sql: [] };
  active = recorder;
  try {
    const result = await fn();
    return { result, statements: recorder.sql };
  } finally {
    active = null;
  }
}

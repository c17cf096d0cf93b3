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
  const proto = Database.prototype as unknown as Record<"prepare" | "exec", (this: unknown, sql: string) => unknown>;
  for (const method of ["prepare", "exec"] as const) {
    const original = proto[method];
    proto[method] = function (this: unknown, sql: string) {
      record(sql);
      return original.call(this, sql);
    };
  }
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

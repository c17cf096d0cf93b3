// A hash of every table's rows, read around the app's own connection: cheap enough to take
// before and after each of a thousand requests, exact enough to see any row that changed.
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import { isPg } from "./db-template";

const sha = (text: string) => createHash("sha256").update(text).digest("hex");

function sqliteFile(url: string): string {
  return url.replace(/^file:/, "");
}

// One read-only connection per file for the whole test file: opening one costs more than a read.
const connections = new Map<string, Database.Database>();

function sqliteFingerprint(file: string, except: string[]): Record<string, string> {
  let conn = connections.get(file);
  if (!conn) {
    conn = new Database(file, { readonly: true, fileMustExist: true });
    connections.set(file, conn);
  }
  {
    const tables = conn
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all()
      .map((r) => (r as { name: string }).name)
      .filter((t) => !except.includes(t));
    const out: Record<string, string> = {};
    for (const t of tables) {
      const rows = conn.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[][];
      out[t] = sha(
        rows
          .map((r) => JSON.stringify(r, (_k, v) => (typeof v === "bigint" ? String(v) : Buffer.isBuffer(v) ? v.toString("hex") : v)))
          .sort()
          .join("\n"),
      );
    }
    return out;
  }
}

/** Closes the read-only connections (a file about to be replaced or deleted). */
export function closeFingerprintConnections() {
  for (const conn of connections.values()) conn.close();
  connections.clear();
}

async function pgFingerprint(url: string, except: string[]): Promise<Record<string, string>> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name");
    const tables = rows.map((r) => r.table_name).filter((t) => !except.includes(t));
    const columns = tables.map((t, i) => `(SELECT md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) FROM "${t}" x) AS c${i}`);
    const {
      rows: [hashes],
    } = await client.query<Record<string, string>>(`SELECT ${columns.join(", ")}`);
    return Object.fromEntries(tables.map((t, i) => [t, String(hashes?.[`c${i}`])]));
  } finally {
    await client.end();
  }
}

/** Table name → hash of its rows (order-independent), for the database at `url`. */
export async function databaseFingerprint(opts: { url?: string; except?: string[] } = {}): Promise<Record<string, string>> {
  const url = opts.url ?? process.env.DATABASE_URL ?? "";
  const except = opts.except ?? [];
  return isPg(url) ? pgFingerprint(url, except) : sqliteFingerprint(sqliteFile(url), except);
}

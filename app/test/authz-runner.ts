// Plumbing for the authorization matrix: finds every route module, turns a file name into its
// URL, calls a loader or action as Remix does, and fingerprints the database so a refused write
// can be shown to have written nothing.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { db } from "~/services/db.server";
import { BASE } from "./request";
import { rootDir } from "./db-template";

export const routesDir = join(rootDir, "app", "routes");

/** Every route module, enumerated when the test runs (tests excluded). */
export function routeFiles(): { route: string; file: string }[] {
  return readdirSync(routesDir)
    .filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => ({ route: f.replace(/\.tsx?$/, ""), file: join(routesDir, f) }))
    .sort((x, y) => x.route.localeCompare(y.route));
}

/** `kelola.$slug.tim_.$teamId` → `/kelola/<slug>/tim/<teamId>` (Remix flat-routes naming). */
export function pathOf(route: string, params: Record<string, string>): string {
  const segments = route
    .replace(/\[\.\]/g, "\u0000")
    .split(".")
    .filter((s) => s !== "_index" && !s.startsWith("_"))
    .map((s) => s.replace(/_$/, "").replace(/\u0000/g, "."))
    .map((s) => (s.startsWith("$") ? encodeURIComponent(params[s.slice(1).replace(/\..*$/, "")] ?? "") + s.replace(/^\$[^.]*/, "") : s));
  return `/${segments.join("/")}`;
}

export function paramNames(route: string): string[] {
  return [...route.replace(/\[\.\]/g, "\u0000").matchAll(/\$([A-Za-z]+)/g)].map((m) => m[1]!);
}

export type Body = Record<string, string | string[]>;

export function buildRequest(method: "GET" | "POST", path: string, cookie: string | undefined, body: Body = {}): Request {
  const headers = new Headers({ "X-Client-IP": `10.9.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}` });
  if (cookie) headers.set("Cookie", cookie);
  if (method === "GET") return new Request(`${BASE}${path}`, { headers });
  headers.set("Content-Type", "application/x-www-form-urlencoded");
  headers.set("Origin", BASE);
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(body)) for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
  return new Request(`${BASE}${path}`, { method, headers, body: form.toString() });
}

export type Outcome = { status: number; location: string | null; text: string };

async function outcomeOf(result: unknown): Promise<Outcome> {
  if (result instanceof Response) {
    // An event stream never ends; its status and headers are the answer.
    if (result.headers.get("Content-Type")?.includes("text/event-stream")) {
      await result.body?.cancel();
      return { status: result.status, location: null, text: "" };
    }
    const bytes = new Uint8Array(await result.arrayBuffer());
    return { status: result.status, location: result.headers.get("Location"), text: new TextDecoder().decode(bytes) };
  }
  if (result && typeof result === "object" && (result as { type?: string }).type === "DataWithResponseInit") {
    const r = result as { data: unknown; init: ResponseInit | null };
    return { status: r.init?.status ?? 200, location: new Headers(r.init?.headers).get("Location"), text: JSON.stringify(r.data) ?? "" };
  }
  return { status: 200, location: null, text: JSON.stringify(result) ?? "" };
}

/** Runs a loader/action; a thrown Response is the answer, as in Remix. */
export async function invoke(fn: () => Promise<unknown>): Promise<Outcome> {
  try {
    return await outcomeOf(await fn());
  } catch (e) {
    if (e instanceof Response) return outcomeOf(e);
    throw e;
  }
}

// Sessions are refreshed by reads and rate-limit counters count refusals on purpose: neither is
// a write the actor was refused.
const UNWATCHED = new Set(["Session", "RateLimiterFlexible", "_prisma_migrations"]);
let snapshotSql: string | null = null;

/** One statement that returns every watched table's rows as text, one column per table. */
async function snapshotQuery(): Promise<string> {
  if (snapshotSql) return snapshotSql;
  const pg = /^postgres/.test(process.env.DATABASE_URL ?? "");
  const names = (
    pg
      ? await db.$queryRawUnsafe<{ name: string }[]>(`SELECT tablename::text AS name FROM pg_tables WHERE schemaname = current_schema()`)
      : await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
  )
    .map((r) => r.name)
    .filter((n) => !UNWATCHED.has(n))
    .sort();
  const columns: string[] = [];
  for (const t of names) {
    if (pg) {
      columns.push(`(SELECT string_agg(x::text, '|' ORDER BY x::text) FROM "${t}" x) AS "${t}"`);
    } else {
      const cols = await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM pragma_table_info('${t}')`);
      const row = cols.map((c) => `quote("${c.name}")`).join(" || ',' || ");
      columns.push(`(SELECT group_concat(r, '|') FROM (SELECT ${row} AS r FROM "${t}" ORDER BY 1)) AS "${t}"`);
    }
  }
  snapshotSql = `SELECT ${columns.join(", ")}`;
  return snapshotSql;
}

/** Every watched row of every table, read in one statement. */
export async function fingerprint(): Promise<Map<string, string>> {
  const [row] = await db.$queryRawUnsafe<Record<string, string | null>[]>(await snapshotQuery());
  return new Map(Object.entries(row ?? {}).map(([t, v]) => [t, v ?? ""]));
}

export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after.keys()].filter((t) => before.get(t) !== after.get(t));
}

// Backup of a deployment's data, and its restore into an empty one.
//   npm run db:backup [-- <folder>]     default ./backups/kim-<UTC time>
//   npm run db:restore -- <folder>      into DATA_DIR / DATABASE_URL (and the S3 bucket), which must not hold data yet
// SQLite: the database is copied with SQLite's backup API from a read snapshot, so the server keeps
// writing meanwhile. PostgreSQL: the database is pg_dump's (README, Operations); this copies the
// files. Uploads — in DATA_DIR or in S3-compatible object storage — are written once under fresh
// random keys and never changed, so copying them after the database gives every file the copied
// rows refer to.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import Database from "better-sqlite3";
import { parseEnv, type S3Settings } from "../../app/services/env.server";
import { isStorageKey } from "../../app/services/storage.server";

const MANIFEST = "manifest.json";
const DB_FILE = "kim.db";
const FILES_DIR = "files";
const OBJECTS_DIR = "objects";
const UPLOADS = "uploads";

/**
 * `database`: the SQLite copy's hash, null when the database is PostgreSQL (dumped apart).
 * `files`: DATA_DIR's files by relative path; `objects`: the bucket's files by storage key.
 */
type Manifest = { format: 1; createdAt: string; database: string | null; files: Record<string, string>; objects?: Record<string, string> };

export function sqlitePath(url: string): string {
  if (!url.startsWith("file:")) throw new Error(`not a SQLite URL: ${url}`);
  return resolve(url.slice("file:".length));
}

const isSqlite = (url: string) => url.startsWith("file:");

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function walk(dir: string, skip: (path: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((f) => join(dir, f))
    .filter((f) => !skip(f) && statSync(f).isFile())
    .sort();
}

async function bucket(settings: S3Settings) {
  const { s3Store } = await import("../../app/services/storage-s3.server");
  return s3Store(settings);
}

/** A file of DATA_DIR/uploads as its storage key, or null for anything else in DATA_DIR. */
function uploadKey(rel: string): string | null {
  const parts = rel.split(sep);
  if (parts[0] !== UPLOADS) return null;
  const key = parts.slice(1).join("/");
  return isStorageKey(key) ? key : null;
}

export async function backup(opts: { databaseUrl: string; dataDir: string; dest: string; s3?: S3Settings }): Promise<Manifest> {
  const source = isSqlite(opts.databaseUrl) ? sqlitePath(opts.databaseUrl) : null;
  const dataDir = resolve(opts.dataDir);
  const dest = resolve(opts.dest);
  if (existsSync(dest) && readdirSync(dest).length) throw new Error(`${dest} is not empty`);
  mkdirSync(join(dest, FILES_DIR), { recursive: true });

  let database: string | null = null;
  if (source) {
    const db = new Database(source, { readonly: true, fileMustExist: true });
    try {
      // After the first step, copy everything left in one step: a step holds one read snapshot, so
      // it cannot be restarted by the server's writes half-way.
      await db.backup(join(dest, DB_FILE), { progress: () => 2 ** 30 });
    } finally {
      db.close();
    }
    const check = new Database(join(dest, DB_FILE), { readonly: true });
    const integrity = check.pragma("integrity_check", { simple: true });
    check.close();
    if (integrity !== "ok") throw new Error(`the copied database fails its integrity check: ${String(integrity)}`);
    database = sha256(readFileSync(join(dest, DB_FILE)));
  }

  const isDatabaseFile = (f: string) => (source !== null && (f === source || f.startsWith(`${source}-`))) || f.startsWith(dest);
  const files: Record<string, string> = {};
  for (const file of walk(dataDir, isDatabaseFile)) {
    const rel = relative(dataDir, file);
    const target = join(dest, FILES_DIR, rel);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file, target);
    files[rel] = sha256(readFileSync(target));
  }

  const manifest: Manifest = { format: 1, createdAt: new Date().toISOString(), database, files };
  if (opts.s3) {
    const store = await bucket(opts.s3);
    const objects: Record<string, string> = {};
    for await (const key of store.list()) {
      // Only what the app stored: its keys are safe paths. A file deleted since the listing is not in the copied rows either.
      if (!isStorageKey(key)) continue;
      const bytes = await store.get(key);
      if (!bytes) continue;
      const target = join(dest, OBJECTS_DIR, ...key.split("/"));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, bytes);
      objects[key] = sha256(bytes);
    }
    manifest.objects = objects;
  }
  writeFileSync(join(dest, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/**
 * Puts the backup back: the SQLite database (a PostgreSQL one comes from pg_restore), the data
 * folder, and the stored files into the bucket when S3 is configured or DATA_DIR/uploads when not —
 * so a restore also moves files between a folder and object storage.
 */
export async function restore(opts: { databaseUrl: string; dataDir: string; from: string; s3?: S3Settings }): Promise<Manifest> {
  const target = isSqlite(opts.databaseUrl) ? sqlitePath(opts.databaseUrl) : null;
  const dataDir = resolve(opts.dataDir);
  const from = resolve(opts.from);
  const manifest = JSON.parse(readFileSync(join(from, MANIFEST), "utf8")) as Manifest;
  if (target && manifest.database === null) throw new Error("this backup holds no database (it was taken on PostgreSQL): restore its dump with pg_restore into a PostgreSQL DATABASE_URL");
  if (!target && manifest.database !== null) throw new Error("this backup holds a SQLite database: restore it with a DATABASE_URL=file:… that does not exist yet");
  if (existsSync(dataDir) && readdirSync(dataDir).length) throw new Error(`${dataDir} is not empty: restore only into an empty data folder`);
  if (target && existsSync(target)) throw new Error(`${target} already exists: restore only into an empty data folder`);
  const store = opts.s3 ? await bucket(opts.s3) : null;
  if (store && !(await store.list().next()).done) throw new Error(`the bucket ${opts.s3?.bucket} is not empty under S3_PREFIX "${opts.s3?.prefix}": restore only into an empty bucket or prefix`);

  if (manifest.database !== null && sha256(readFileSync(join(from, DB_FILE))) !== manifest.database) throw new Error("the backup's database does not match its manifest");
  for (const [rel, hash] of Object.entries(manifest.files)) {
    if (sha256(readFileSync(join(from, FILES_DIR, rel))) !== hash) throw new Error(`the backup's file ${rel} does not match its manifest`);
  }
  const objects = manifest.objects ?? {};
  for (const [key, hash] of Object.entries(objects)) {
    if (!isStorageKey(key) || sha256(readFileSync(join(from, OBJECTS_DIR, ...key.split("/")))) !== hash) throw new Error(`the backup's stored file ${key} does not match its manifest`);
  }

  mkdirSync(dataDir, { recursive: true });
  const toDisk = (source: string, rel: string) => {
    const dest = join(dataDir, rel);
    mkdirSync(dirname(dest), { recursive: true });
    copyFileSync(source, dest);
  };
  for (const rel of Object.keys(manifest.files)) {
    const key = uploadKey(rel);
    if (store && key) await store.put(key, readFileSync(join(from, FILES_DIR, rel)));
    else toDisk(join(from, FILES_DIR, rel), rel);
  }
  for (const key of Object.keys(objects)) {
    const source = join(from, OBJECTS_DIR, ...key.split("/"));
    if (store) await store.put(key, readFileSync(source));
    else toDisk(source, join(UPLOADS, ...key.split("/")));
  }
  if (target) {
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(from, DB_FILE), target);
  }
  return manifest;
}

const [command, folder] = process.argv.slice(2);
if (command === "backup" || command === "restore") {
  const databaseUrl = process.env.DATABASE_URL ?? "file:./data/kim.db";
  const dataDir = process.env.DATA_DIR ?? "./data";
  try {
    const s3 = parseEnv(process.env).S3;
    const where = s3 ? ` dan bucket ${s3.bucket}${s3.prefix ? `/${s3.prefix}` : ""}` : "";
    if (command === "backup") {
      const dest = folder ?? join("backups", `kim-${new Date().toISOString().replace(/[:.]/g, "-")}`);
      const m = await backup({ databaseUrl, dataDir, dest, s3 });
      const parts = [m.database ? "basis data" : "tanpa basis data (PostgreSQL: pg_dump)", `${Object.keys(m.files).length} berkas`];
      if (m.objects) parts.push(`${Object.keys(m.objects).length} berkas dari penyimpanan objek`);
      console.log(`Cadangan dibuat di ${resolve(dest)} (${parts.join(" + ")}).`);
    } else {
      if (!folder) throw new Error("usage: npm run db:restore -- <backup folder>");
      const m = await restore({ databaseUrl, dataDir, from: folder, s3 });
      console.log(`Cadangan ${m.createdAt} dipulihkan ke ${resolve(dataDir)}${where}.`);
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

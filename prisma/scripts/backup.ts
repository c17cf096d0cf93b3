// Online backup of a SQLite deployment, and its restore into an empty data folder.
//   npm run db:backup [-- <folder>]     default ./backups/kim-<UTC time>
//   npm run db:restore -- <folder>      into DATA_DIR / DATABASE_URL, which must not hold data yet
// The database is copied with SQLite's backup API from a read snapshot, so the server keeps
// writing meanwhile; uploads are written once under fresh random keys and never changed, so
// copying them after the database gives every file the copied rows refer to.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import Database from "better-sqlite3";

const MANIFEST = "manifest.json";
const DB_FILE = "kim.db";
const FILES_DIR = "files";

type Manifest = { format: 1; createdAt: string; database: string; files: Record<string, string> };

export function sqlitePath(url: string): string {
  if (!url.startsWith("file:")) throw new Error("db:backup/db:restore handle SQLite (DATABASE_URL=file:…). For PostgreSQL use pg_dump/pg_restore (README, Operations).");
  return resolve(url.slice("file:".length));
}

function sha256(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

function walk(dir: string, skip: (path: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((f) => join(dir, f))
    .filter((f) => !skip(f) && statSync(f).isFile())
    .sort();
}

export async function backup(opts: { databaseUrl: string; dataDir: string; dest: string }): Promise<Manifest> {
  const source = sqlitePath(opts.databaseUrl);
  const dataDir = resolve(opts.dataDir);
  const dest = resolve(opts.dest);
  if (existsSync(dest) && readdirSync(dest).length) throw new Error(`${dest} is not empty`);
  mkdirSync(join(dest, FILES_DIR), { recursive: true });

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

  const isDatabaseFile = (f: string) => f === source || f.startsWith(`${source}-`) || f.startsWith(dest);
  const files: Record<string, string> = {};
  for (const file of walk(dataDir, isDatabaseFile)) {
    const rel = relative(dataDir, file);
    const target = join(dest, FILES_DIR, rel);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file, target);
    files[rel] = sha256(target);
  }
  const manifest: Manifest = { format: 1, createdAt: new Date().toISOString(), database: sha256(join(dest, DB_FILE)), files };
  writeFileSync(join(dest, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

export function restore(opts: { databaseUrl: string; dataDir: string; from: string }): Manifest {
  const target = sqlitePath(opts.databaseUrl);
  const dataDir = resolve(opts.dataDir);
  const from = resolve(opts.from);
  const manifest = JSON.parse(readFileSync(join(from, MANIFEST), "utf8")) as Manifest;
  if (existsSync(dataDir) && readdirSync(dataDir).length) throw new Error(`${dataDir} is not empty: restore only into an empty data folder`);
  if (existsSync(target)) throw new Error(`${target} already exists: restore only into an empty data folder`);
  if (sha256(join(from, DB_FILE)) !== manifest.database) throw new Error("the backup's database does not match its manifest");
  for (const [rel, hash] of Object.entries(manifest.files)) {
    if (sha256(join(from, FILES_DIR, rel)) !== hash) throw new Error(`the backup's file ${rel} does not match its manifest`);
  }
  mkdirSync(dataDir, { recursive: true });
  for (const rel of Object.keys(manifest.files)) {
    const dest = join(dataDir, rel);
    mkdirSync(dirname(dest), { recursive: true });
    copyFileSync(join(from, FILES_DIR, rel), dest);
  }
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(join(from, DB_FILE), target);
  return manifest;
}

const [command, folder] = process.argv.slice(2);
if (command === "backup" || command === "restore") {
  const databaseUrl = process.env.DATABASE_URL ?? "file:./data/kim.db";
  const dataDir = process.env.DATA_DIR ?? "./data";
  try {
    if (command === "backup") {
      const dest = folder ?? join("backups", `kim-${new Date().toISOString().replace(/[:.]/g, "-")}`);
      const m = await backup({ databaseUrl, dataDir, dest });
      console.log(`Cadangan dibuat di ${resolve(dest)} (basis data + ${Object.keys(m.files).length} berkas).`);
    } else {
      if (!folder) throw new Error("usage: npm run db:restore -- <backup folder>");
      const m = restore({ databaseUrl, dataDir, from: folder });
      console.log(`Cadangan ${m.createdAt} dipulihkan ke ${resolve(dataDir)}.`);
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

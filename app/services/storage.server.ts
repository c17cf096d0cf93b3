// File storage outside public/, addressed by opaque keys (`attachments/<random>`): a local folder
// by default (DATA_DIR/uploads), or an S3-compatible bucket when S3_BUCKET is set (several
// instances then share the files without a shared folder). Files are served only through routes
// that check who may see them.
import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { Readable } from "node:stream";
import { env, type Env } from "./env.server";

/** A stored file read as it is sent, so a large download is never held in memory whole. */
export type FileStream = { stream: ReadableStream<Uint8Array>; size: number };

/** Where the bytes live. Keys reaching a store have been checked. */
export type FileStore = {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** null when nothing is stored under the key. */
  get(key: string): Promise<Buffer | null>;
  open(key: string): Promise<FileStream | null>;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Throws when the store cannot be used (readiness). */
  check(): Promise<void>;
};

const KEY = /^[a-z0-9-]+\/[A-Za-z0-9_-]{20,}$/;

/** A key as putFile makes them (`folder/random`): safe as a relative path and as an object name. */
export function isStorageKey(key: string): boolean {
  return KEY.test(key);
}

function checked(key: string): string {
  if (!KEY.test(key)) throw new Error(`invalid storage key: ${key}`);
  return key;
}

function localStore(dataDir: string): FileStore {
  const root = resolve(dataDir, "uploads");
  const pathOf = (key: string) => join(root, key);
  return {
    async put(key, bytes) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, bytes, { flag: "wx" });
    },
    async get(key) {
      try {
        return await readFile(pathOf(key));
      } catch {
        return null;
      }
    },
    async open(key) {
      try {
        const { size } = await stat(pathOf(key));
        return { size, stream: Readable.toWeb(createReadStream(pathOf(key))) as ReadableStream<Uint8Array> };
      } catch {
        return null;
      }
    },
    async exists(key) {
      try {
        await stat(pathOf(key));
        return true;
      } catch {
        return false;
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
    // Writes, reads back and removes a small file: the same path every upload and download takes.
    async check() {
      const key = `readiness/${randomBytes(24).toString("base64url")}`;
      const probe = randomBytes(16);
      try {
        await this.put(key, probe);
        const back = await this.get(key);
        if (!back?.equals(probe)) throw new Error(`the file written to ${root} did not read back`);
      } finally {
        await this.delete(key).catch(() => undefined);
      }
    },
  };
}

// One store per parsed environment (tests change the settings at run time; production parses once).
let current: { env: Env; store: Promise<FileStore> } | undefined;

/** The store the settings choose; the S3 client is loaded only when a bucket is configured. */
export function fileStore(): Promise<FileStore> {
  const settings = env();
  if (current?.env !== settings) {
    const s3 = settings.S3;
    current = { env: settings, store: s3 ? import("./storage-s3.server").then((m) => m.s3Store(s3)) : Promise.resolve(localStore(settings.DATA_DIR)) };
  }
  return current.store;
}

export type Stored = { key: string; size: number; sha256: string };

/** Writes the bytes under a new random key in `folder` (e.g. "attachments"). */
export async function putFile(folder: string, bytes: Uint8Array): Promise<Stored> {
  const key = checked(`${folder}/${randomBytes(24).toString("base64url")}`);
  await (await fileStore()).put(key, bytes);
  return { key, size: bytes.byteLength, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** The file's bytes, or null when the key is malformed or nothing is stored under it. */
export async function getFile(key: string): Promise<Buffer | null> {
  if (!KEY.test(key)) return null;
  return (await fileStore()).get(key);
}

/** The file as a stream with its size (for downloads), or null like getFile. */
export async function openFile(key: string): Promise<FileStream | null> {
  if (!KEY.test(key)) return null;
  return (await fileStore()).open(key);
}

export async function fileExists(key: string): Promise<boolean> {
  if (!KEY.test(key)) return false;
  return (await fileStore()).exists(key);
}

export async function deleteFile(key: string): Promise<void> {
  await (await fileStore()).delete(checked(key));
}

/** A download response: never rendered inline, never sniffed. Takes bytes or a stored file's stream. */
export function fileResponse(file: Buffer | FileStream, opts: { filename: string; mime: string; inline?: boolean }): Response {
  const safeName = opts.filename.replace(/[^\w.\- ()]/g, "_").slice(0, 150) || "berkas";
  const [body, size] = Buffer.isBuffer(file) ? [new Uint8Array(file), file.byteLength] : [file.stream, file.size];
  return new Response(body, {
    headers: {
      "Content-Type": opts.mime,
      "Content-Length": String(size),
      "Content-Disposition": `${opts.inline ? "inline" : "attachment"}; filename="${safeName}"; filename*=UTF-8''${encodeURIComponent(opts.filename)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, max-age=0, must-revalidate",
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    },
  });
}

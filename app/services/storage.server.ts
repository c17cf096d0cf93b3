// File storage outside public/: a local folder by default (DATA_DIR/uploads), addressed by
// opaque keys. Files are served only through routes that check who may see them.
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { env } from "./env.server";

function root(): string {
  return resolve(env().DATA_DIR, "uploads");
}

function pathOf(key: string): string {
  if (!/^[a-z0-9-]+\/[A-Za-z0-9_-]{20,}$/.test(key)) throw new Error(`invalid storage key: ${key}`);
  return join(root(), key);
}

export type Stored = { key: string; size: number; sha256: string };

/** Writes the bytes under a new random key in `folder` (e.g. "attachments"). */
export async function putFile(folder: string, bytes: Uint8Array): Promise<Stored> {
  const key = `${folder}/${randomBytes(24).toString("base64url")}`;
  const path = pathOf(key);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, bytes, { flag: "wx" });
  return { key, size: bytes.byteLength, sha256: createHash("sha256").update(bytes).digest("hex") };
}

export async function getFile(key: string): Promise<Buffer | null> {
  try {
    return await readFile(pathOf(key));
  } catch {
    return null;
  }
}

export async function fileExists(key: string): Promise<boolean> {
  try {
    await stat(pathOf(key));
    return true;
  } catch {
    return false;
  }
}

export async function deleteFile(key: string): Promise<void> {
  await rm(pathOf(key), { force: true });
}

/** A download response: never rendered inline, never sniffed. */
export function fileResponse(bytes: Buffer, opts: { filename: string; mime: string; inline?: boolean }): Response {
  const safeName = opts.filename.replace(/[^\w.\- ()]/g, "_").slice(0, 150) || "berkas";
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": opts.mime,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": `${opts.inline ? "inline" : "attachment"}; filename="${safeName}"; filename*=UTF-8''${encodeURIComponent(opts.filename)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, max-age=0, must-revalidate",
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    },
  });
}

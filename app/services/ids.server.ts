import { createHash, randomBytes } from "node:crypto";
import { CODE_BYTES, certificateCodeFrom } from "~/domain/certificate-code";

const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let taken = 0;

/**
 * `bytes` random bytes from the system's generator, taken from a pool it fills 4 KB at a time:
 * one call serves some hundreds of nonces and row ids, where a call per value cost more than the
 * value's use. Each byte is handed out once. For small values made on every request; a secret
 * kept for long (a session token, a verification code) draws its own (`randomToken`).
 */
export function pooledRandomBytes(bytes: number): Buffer {
  if (bytes > POOL_BYTES) return randomBytes(bytes);
  if (taken + bytes > pool.length) {
    pool = randomBytes(POOL_BYTES);
    taken = 0;
  }
  // A copy, so that a value kept does not keep the whole pool in memory.
  return Buffer.from(pool.subarray(taken, (taken += bytes)));
}

/** A URL-safe secret with `bytes` bytes of entropy. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** A certificate's verification code: 80 random bits people can type (see domain/certificate-code). */
export function certificateCode(): string {
  return certificateCodeFrom(randomBytes(CODE_BYTES));
}

/** Short, unambiguous code for people to type (no 0/O/1/I/L). */
export function shortCode(length = 8): string {
  const alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  const bytes = randomBytes(length);
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[bytes[i] % alphabet.length];
  return out;
}

export function sha256(input: string | Uint8Array): string {
  return createHash("sha256").update(input).digest("hex");
}

let counter = 0;

/**
 * A row id for a row written with raw SQL, shaped like the ids Prisma gives the same tables
 * (`@default(cuid())`): "c", the time in milliseconds, a per-process counter and random, 25
 * characters of [0-9a-z]. Ids made later sort after earlier ones (to the millisecond, and within a
 * millisecond by the counter), which is what listings that break ties by id rely on.
 */
export function rowId(now = Date.now()): string {
  counter = (counter + 1) % 36 ** 4;
  const random = pooledRandomBytes(8).readBigUInt64BE().toString(36).padStart(13, "0").slice(-12);
  return `c${now.toString(36).padStart(8, "0")}${counter.toString(36).padStart(4, "0")}${random}`;
}

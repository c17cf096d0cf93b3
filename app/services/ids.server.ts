import { createHash, randomBytes } from "node:crypto";
import { CODE_BYTES, certificateCodeFrom } from "~/domain/certificate-code";

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

// The key a session is stored under: SHA-256 of the id in the cookie. Anything that writes or
// looks up Session rows directly (test fixtures, benchmarks) goes through this.
import { createHash } from "node:crypto";

export function sessionKey(sessionId: string): string {
  return createHash("sha256").update(sessionId).digest("hex");
}

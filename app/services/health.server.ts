// Liveness (/healthz: the process answers and reaches its database) and readiness (/readyz: this
// instance should receive traffic — database and file storage both work and it is not draining).
import { randomBytes } from "node:crypto";
import { db } from "./db.server";
import { deleteFile, getFile, putFile } from "./storage.server";

export type Health = { status: "ok" | "error"; database: "ok" | "unreachable"; latencyMs?: number };

/** One round trip to the database. */
export async function checkHealth(): Promise<Health> {
  const started = performance.now();
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return { status: "ok", database: "ok", latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    console.error("healthz: database check failed", error);
    return { status: "error", database: "unreachable" };
  }
}

export type Readiness = Health & { storage: "ok" | "unavailable"; draining: boolean };

/** Writes, reads back and removes a small file: the same path every upload and download takes. */
async function checkStorage(): Promise<"ok" | "unavailable"> {
  const probe = randomBytes(16);
  let key: string | null = null;
  try {
    key = (await putFile("readiness", probe)).key;
    const back = await getFile(key);
    return back && back.equals(probe) ? "ok" : "unavailable";
  } catch (error) {
    console.error("readyz: storage check failed", error);
    return "unavailable";
  } finally {
    if (key) await deleteFile(key).catch(() => undefined);
  }
}

/** Ready when the database and storage work and the instance is not shutting down. */
export async function checkReadiness(draining: boolean): Promise<Readiness> {
  const [health, storage] = await Promise.all([checkHealth(), checkStorage()]);
  const ok = health.status === "ok" && storage === "ok" && !draining;
  return { ...health, status: ok ? "ok" : "error", storage, draining };
}

// Liveness (/healthz: the process answers and reaches its database) and readiness (/readyz: this
// instance should receive traffic — database and file storage both work and it is not draining).
import { db } from "./db.server";
import { fileStore } from "./storage.server";

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

/** Local folder: a small file written, read back and removed. Object storage: the bucket answers. */
async function checkStorage(): Promise<"ok" | "unavailable"> {
  try {
    await (await fileStore()).check();
    return "ok";
  } catch (error) {
    console.error("readyz: storage check failed", error);
    return "unavailable";
  }
}

/** Ready when the database and storage work and the instance is not shutting down. */
export async function checkReadiness(draining: boolean): Promise<Readiness> {
  const [health, storage] = await Promise.all([checkHealth(), checkStorage()]);
  const ok = health.status === "ok" && storage === "ok" && !draining;
  return { ...health, status: ok ? "ok" : "error", storage, draining };
}

import { db } from "./db.server";

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

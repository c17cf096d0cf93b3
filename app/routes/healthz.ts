import { db } from "~/services/db.server";

export async function loader() {
  const started = performance.now();
  try {
    await db.$queryRawUnsafe("SELECT 1");
    const ms = Math.round((performance.now() - started) * 10) / 10;
    return Response.json({ status: "ok", database: "ok", latencyMs: ms }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    console.error("healthz: database check failed", error);
    return Response.json({ status: "error", database: "unreachable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}

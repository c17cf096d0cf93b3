import { describe, expect, it } from "vitest";
import { checkHealth } from "./health.server";

describe("health check", () => {
  it("reports the database as reachable with its latency", async () => {
    const health = await checkHealth();
    expect(health).toMatchObject({ status: "ok", database: "ok" });
    expect(health.latencyMs).toBeGreaterThanOrEqual(0);
  });
});

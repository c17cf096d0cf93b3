import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "./env.server";
import { checkHealth, checkReadiness } from "./health.server";

describe("health check", () => {
  it("reports the database as reachable with its latency", async () => {
    const health = await checkHealth();
    expect(health).toMatchObject({ status: "ok", database: "ok" });
    expect(health.latencyMs).toBeGreaterThanOrEqual(0);
  });
});

describe("readiness", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    resetEnvCache();
  });

  it("is ready when the database and file storage both work", async () => {
    expect(await checkReadiness(false)).toMatchObject({ status: "ok", database: "ok", storage: "ok", draining: false });
  });

  it("is not ready while draining, though everything still works", async () => {
    expect(await checkReadiness(true)).toMatchObject({ status: "error", database: "ok", storage: "ok", draining: true });
  });

  it("is not ready when files cannot be stored", async () => {
    // A data folder that is a file: nothing can be written under it.
    const blocked = join(process.env.DATA_DIR ?? "", "not-a-folder");
    writeFileSync(blocked, "x");
    vi.stubEnv("DATA_DIR", blocked);
    resetEnvCache();
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const ready = await checkReadiness(false);
    expect(ready).toMatchObject({ status: "error", database: "ok", storage: "unavailable" });
    expect(errors).toHaveBeenCalled();
  });
});

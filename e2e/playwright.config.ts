import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig, devices } from "@playwright/test";
import { SERVER_NODE_FLAGS } from "../app/server-flags";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const rootDir = fileURLToPath(new URL("..", import.meta.url));
const E2E_DIR = `./data/e2e-${PORT}`;
// E2E_DATABASE_URL (a PostgreSQL database whose name contains "e2e") runs the same suite on
// PostgreSQL: that database is emptied before the server starts (fresh-database.ts).
const PG_URL = process.env.E2E_DATABASE_URL;
export const E2E_DB = PG_URL ?? `file:${E2E_DIR}/kim.db`;

// Debian's Chromium when present (no browser download is possible on our machines).
const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

export default defineConfig({
  testDir: ".",
  testMatch: "**/*.spec.ts",
  outputDir: "results",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  // Every step waits for a condition; these budgets only bound how long a condition may take on
  // a loaded machine (a shared 2-core CI box takes several times longer than a laptop).
  timeout: 180_000,
  expect: { timeout: 20_000 },
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: "id-ID",
    timezoneId: "Asia/Jakarta",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [{ name: "desktop", use: { ...devices["Desktop Chrome"], executablePath } as never }],
  // The server as `npm start` runs it: the supervisor and two workers, so every step may be
  // answered by either (what one worker writes or caches, the other must show).
  webServer: {
    command: `rm -rf ${E2E_DIR} && ${PG_URL ? "tsx e2e/fresh-database.ts && " : ""}tsx prisma/scripts/setup.ts && node ${SERVER_NODE_FLAGS.join(" ")} build/start.js`,
    cwd: rootDir,
    url: `http://localhost:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      NODE_ENV: "production",
      PORT: String(PORT),
      APP_URL: `http://localhost:${PORT}`,
      DATABASE_URL: E2E_DB,
      DATA_DIR: E2E_DIR,
      LOG_REQUESTS: "false",
      QUERY_PLAN_CHECK: "on",
      WEB_CONCURRENCY: "2",
    },
  },
});

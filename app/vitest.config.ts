import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const appDir = fileURLToPath(new URL(".", import.meta.url));
const rootDir = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  root: rootDir,
  resolve: { alias: { "~": appDir } },
  test: {
    include: ["app/**/*.test.{ts,tsx}", "prisma/**/*.test.ts"],
    globals: true,
    environment: "node",
    pool: "forks",
    globalSetup: ["app/test/global-setup.ts"],
    setupFiles: ["app/test/setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

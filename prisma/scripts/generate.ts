// Generates the Prisma client for both providers (app/generated/sqlite and app/generated/pg).
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { PROVIDERS, prismaDir, readSchema, writeVariant } from "./variants.ts";

const source = readSchema();
for (const provider of PROVIDERS) {
  const file = writeVariant(source, provider);
  execFileSync(process.execPath, [join(prismaDir, "..", "node_modules", "prisma", "build", "index.js"), "generate", "--no-hints", "--config", join(prismaDir, "prisma.config.ts")], {
    stdio: "inherit",
    env: {
      ...process.env,
      // The CLI resolves the datasource url even to generate; any value of the right shape does.
      DATABASE_URL: provider === "sqlite" ? "file:./generate.db" : "postgresql://localhost/generate",
      PRISMA_SCHEMA_PATH: file,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
  });
}

// npm run db:status — Prisma's own view of the migrations applied to DATABASE_URL, as a check
// that the project's runner records them the way Prisma does.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { providerOf } from "./migrate.ts";
import { prismaDir, readSchema, writeVariant } from "./variants.ts";

const url = process.env.DATABASE_URL ?? "file:./data/kim.db";
const provider = providerOf(url);
const absolute = provider === "sqlite" ? `file:${join(process.cwd(), url.replace(/^file:/, "")).replace(/^\/\//, "/")}` : url;
const schema = writeVariant(readSchema(), provider);
execFileSync(process.execPath, [join(prismaDir, "..", "node_modules", "prisma", "build", "index.js"), "migrate", "status", "--config", join(prismaDir, "prisma.config.ts")], {
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: url.startsWith("file:/") ? url : absolute, PRISMA_SCHEMA_PATH: schema, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});

// Prisma CLI configuration. The JS/WASM schema engine is selected so the CLI never downloads a
// native engine (see README, Decisions). Paths are relative to this folder. The adapter must
// match the provider of the schema in use, so it follows DATABASE_URL.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL ?? "file:../data/kim.db";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: process.env.PRISMA_SCHEMA_PATH ?? "schema.prisma",
  // Lets `prisma migrate status` on a connected machine read the folder of the provider in use.
  migrations: { path: url.startsWith("file:") ? "migrations/sqlite" : "migrations/postgresql" },
  adapter: async () => (url.startsWith("file:") ? new PrismaBetterSQLite3({ url }) : new PrismaPg({ connectionString: url })),
});

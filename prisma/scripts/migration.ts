// npm run db:migration -- <name>
// Produces the SQL of one new migration for every provider with `prisma migrate diff`, between the
// schema as of the last migration (kept as migrations/schema.snapshot.prisma) and schema.prisma.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PROVIDERS, prismaDir, readSchema, writeVariant } from "./variants.ts";

const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name>   (lowercase letters, digits and _)");
  process.exit(1);
}

const migrationsDir = join(prismaDir, "migrations");
const snapshotFile = join(migrationsDir, "schema.snapshot.prisma");
const current = readSchema();
const previous = existsSync(snapshotFile) ? readFileSync(snapshotFile, "utf8") : null;
if (previous === current) {
  console.log("schema.prisma has not changed since the last migration; nothing to do.");
  process.exit(0);
}

const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const folder = `${stamp}_${name}`;

for (const provider of PROVIDERS) {
  const to = writeVariant(current, provider, `${provider}.to`);
  const from = previous === null ? ["--from-empty"] : ["--from-schema-datamodel", writeVariant(previous, provider, `${provider}.from`)];
  const sql = execFileSync(
    process.execPath,
    [join(prismaDir, "..", "node_modules", "prisma", "build", "index.js"), "migrate", "diff", ...from, "--to-schema-datamodel", to, "--script", "--config", join(prismaDir, "prisma.config.ts")],
    {
      encoding: "utf8",
      env: {
        ...process.env,
        // The PostgreSQL adapter opens a connection even for a datamodel-to-datamodel diff; nothing
        // is written to that database.
        DATABASE_URL: provider === "sqlite" ? "file:./diff.db" : (process.env.MIGRATION_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres"),
        PRISMA_SCHEMA_PATH: to,
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
      },
    },
  );
  const dir = join(migrationsDir, provider, folder);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "migration.sql"), sql);
  const lock = join(migrationsDir, provider, "migration_lock.toml");
  if (!existsSync(lock)) writeFileSync(lock, `provider = "${provider}"\n`);
  console.log(`wrote ${provider}/${folder}/migration.sql`);
}
writeFileSync(snapshotFile, current);

// Run before the server starts: apply pending migrations, seed the demo on an empty database,
// promote ADMIN_EMAIL, and show the demo accounts.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { migrate } from "./migrate.ts";

const url = process.env.DATABASE_URL ?? "file:./data/kim.db";
const applied = await migrate(url);
if (applied.length) console.log(`Migrasi diterapkan: ${applied.join(", ")}`);

const { db, dbReady } = await import("../../app/services/db.server");
const { env } = await import("../../app/services/env.server");
const { seedDemo, formatCredentials, saveCredentials } = await import("../seed");
await dbReady;
const dataDir = env().DATA_DIR;
const credsFile = join(resolve(dataDir), "demo-credentials.txt");

if ((await db.user.count()) === 0 && process.env.SEED_DEMO !== "false") {
  const creds = await seedDemo(db, new Date(), env().ADMIN_EMAIL);
  saveCredentials(dataDir, creds);
  console.log("\nData demo dibuat.\n" + formatCredentials(creds));
} else if (existsSync(credsFile)) {
  console.log(`\n${readFileSync(credsFile, "utf8")}`);
}

const adminEmail = env().ADMIN_EMAIL;
if (adminEmail) {
  const promoted = await db.user.updateMany({ where: { email: adminEmail.toLowerCase(), isAdmin: false }, data: { isAdmin: true } });
  if (promoted.count) console.log(`${adminEmail} kini admin platform.`);
}
await db.$disconnect();

// Run before the server starts: apply pending migrations, seed the demo on an empty database,
// promote ADMIN_EMAIL (once its owner has confirmed the address), and show the demo accounts.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { migrate } from "./migrate.ts";

const url = process.env.DATABASE_URL ?? "file:./data/kim.db";
const applied = await migrate(url);
if (applied.length) console.log(`Migrasi diterapkan: ${applied.join(", ")}`);

const { db, dbReady } = await import("../../app/services/db.server");
const { env } = await import("../../app/services/env.server");
const { seedDemo, formatCredentials, saveCredentials } = await import("../seed");
const { promoteAdmin } = await import("../../app/models/user.server");
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
  const outcome = await promoteAdmin(adminEmail);
  if (outcome === "promoted") console.log(`${adminEmail} kini admin platform.`);
  if (outcome === "unverified") {
    console.log(
      `${adminEmail} belum dikonfirmasi: masuk dengan akun itu, konfirmasi emailnya di /akun/verifikasi, lalu mulai ulang. (ADMIN_EMAIL is not confirmed yet: confirm it at /akun/verifikasi, then restart.)`,
    );
  }
  if (outcome === "missing") console.log(`${adminEmail} belum punya akun: daftar di /daftar, konfirmasi emailnya, lalu mulai ulang.`);
}
await db.$disconnect();

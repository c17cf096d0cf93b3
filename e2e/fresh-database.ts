// Before the browser suite runs against PostgreSQL (E2E_DATABASE_URL): the database it names is
// dropped and created again, so every run starts from an empty database as the SQLite run does
// from a new file. Only a database whose name says it is for these tests is touched.
import { onServer } from "./load/database";

const url = new URL(process.env.E2E_DATABASE_URL ?? "");
const name = decodeURIComponent(url.pathname.slice(1));
if (!/^[a-z0-9_]*e2e[a-z0-9_]*$/.test(name)) {
  console.error(`E2E_DATABASE_URL must name a database for the browser tests (its name containing "e2e"), not "${name}"`);
  process.exit(1);
}
const admin = new URL(url);
admin.pathname = "/postgres";
await onServer(admin.toString(), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
await onServer(admin.toString(), `CREATE DATABASE "${name}"`);

// The production entry point (`npm start`): WEB_CONCURRENCY server processes behind one port,
// one per core when unset (services/supervisor.server.ts). With one, the server runs in this
// process, with no supervisor. Built to build/start.js beside the server build (build/index.js).
import { fileURLToPath } from "node:url";
import { supervise, workerCount } from "./services/supervisor.server";

const server = new URL("./index.js", import.meta.url);
const workers = workerCount(process.env.WEB_CONCURRENCY);
if (!workers.ok) {
  console.error(workers.message);
  process.exit(1);
}
if (workers.count === 1) await import(server.href);
else supervise({ exec: fileURLToPath(server), count: workers.count });

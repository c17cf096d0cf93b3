// A supervisor over fixture workers (worker.ts), for supervisor.server.test.ts: the real
// supervisor and change feed, without the whole server. Usage: node --import tsx primary.ts <count>
import { fileURLToPath } from "node:url";
import { supervise } from "~/services/supervisor.server";

supervise({ exec: fileURLToPath(new URL("./worker.ts", import.meta.url)), count: Number(process.argv[2] ?? 2) });

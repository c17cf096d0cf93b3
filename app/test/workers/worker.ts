// A fixture worker of primary.ts: it joins the workers' change feed, prints every notice it gets
// ("<slot> got <topic>"), and on GET /announce?topic=… announces one (answering with its slot).
// GET /exit makes the worker that takes it exit with code 5; WORKER_FAIL=start makes every worker
// exit with code 3 before listening. On SIGTERM it stops as the server does.
import { createServer } from "node:http";
import { announce, feedState, onChange, startWorkerFeed } from "~/services/change-feed.server";
import { leaveSupervisor } from "~/services/supervisor.server";

const slot = process.env.WORKER_SLOT ?? "?";
if (process.env.WORKER_FAIL === "start") process.exit(3);
startWorkerFeed();
onChange((topic) => process.stdout.write(`${slot} got ${topic}\n`));
const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://x");
  if (url.pathname === "/announce") announce(url.searchParams.get("topic") ?? "");
  res.setHeader("Connection", "close");
  res.end(JSON.stringify({ slot, feed: feedState(), scheduler: process.env.SCHEDULER ?? "on", arenas: process.env.MALLOC_ARENA_MAX ?? "" }));
  if (url.pathname === "/exit") setImmediate(() => process.exit(5));
}).listen(Number(process.env.PORT));
// As the server does (shutdown.server.ts): take no new connections, finish the open ones, exit.
process.on("SIGTERM", () => server.close(() => void leaveSupervisor().then(() => process.exit(0))));

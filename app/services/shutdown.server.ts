// Orderly stop on SIGTERM/SIGINT: take no new connections, let the requests in flight finish,
// then close the database (SQLite checkpoints its WAL on the last close) and exit. Long-lived
// streams and stuck clients are cut after `graceMs` so a deploy never hangs.
import type { Server } from "node:http";
import { leaveSupervisor } from "./supervisor.server";

let stopping = false;

/** True from the first SIGTERM/SIGINT on: /readyz then answers 503 so a load balancer stops sending traffic. */
export function isDraining(): boolean {
  return stopping;
}

export function drainOnSignals(server: Server, closeDatabase: () => Promise<void>, graceMs = 20_000) {
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} diterima: menyelesaikan permintaan yang berjalan…`);
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    force.unref();
    // A keep-alive socket becomes idle when its last response is sent: close it then, not after
    // the keep-alive timeout.
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    server.close(() => {
      clearTimeout(force);
      clearInterval(idle);
      // Under `npm start`'s supervisor, a connection handed over just before the close is given back first.
      leaveSupervisor()
        .then(closeDatabase)
        .then(() => {
          console.log("Basis data ditutup, server berhenti.");
          process.exit(0);
        })
        .catch((error: unknown) => {
          console.error(error);
          process.exit(1);
        });
    });
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

// `npm start` on one machine: one server process per core (up to four unless WEB_CONCURRENCY says
// otherwise) behind one port. A Node.js process runs its JavaScript on one thread, so a single
// process leaves the other cores idle however busy the site is. The supervisor forks the workers
// (each the whole server, build/index.js), takes the connections and hands them to the workers in
// turn (node:cluster), and keeps them running:
//
// - a worker that dies is started again (at once the first time, then with a growing pause, so a
//   worker that cannot start does not spin);
// - if no worker ever came up (a bad setting, a database that cannot be opened) the supervisor
//   stops the others and exits with the worker's code, as a single process would;
// - SIGTERM or SIGINT drains every worker (each finishes its requests, see shutdown.server.ts)
//   and exits when the last one has;
// - SIGHUP replaces the workers one at a time with fresh ones (a new build after `npm run build`),
//   each new one listening before the old one is drained, so the site never stops answering;
// - a change notice from one worker (change-feed.server.ts) is passed to the others, so a page one
//   worker cached is dropped by all when another takes the write.
//
// Everything workers must share already lives in the database or the data folder (README,
// Deployment), as for several instances. This module imports nothing but Node.js itself: the
// supervisor stays a small process.
import cluster, { type Worker } from "node:cluster";
import { availableParallelism } from "node:os";

/** The message a worker sends (and receives) for a change notice. */
export const CHANGE_MESSAGE = "kim:change";

export type ChangeMessage = { type: typeof CHANGE_MESSAGE; topic: string };

/** Whether a message between supervisor and worker is of this type. */
function isMessage(message: unknown, type: string): message is { type: string } {
  return typeof message === "object" && message !== null && (message as { type?: unknown }).type === type;
}

export function isChangeMessage(message: unknown): message is ChangeMessage {
  return isMessage(message, CHANGE_MESSAGE) && typeof (message as ChangeMessage).topic === "string";
}

/** A worker whose servers are closed says so; the supervisor answers with the same message. */
const LEAVING_MESSAGE = "kim:leaving";

/**
 * In a worker whose servers are closed, before it exits: resolves once the supervisor has answered.
 * Node.js hands each new connection to a worker by a message; one sent just before the supervisor
 * learnt that this worker's server closed is still on its way, and the worker must be alive to
 * hand it back (the supervisor then gives it to another worker). Messages keep their order on the
 * channel, so once the answer is here no connection is still coming. Resolves at once outside a
 * supervisor, and after `timeoutMs` if the supervisor does not answer.
 */
export function leaveSupervisor(timeoutMs = 2000): Promise<void> {
  if (!cluster.isWorker || !process.connected || !process.send) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      process.off("message", onMessage);
      resolve();
    };
    const onMessage = (message: unknown) => {
      if (isMessage(message, LEAVING_MESSAGE)) done();
    };
    const timer = setTimeout(done, timeoutMs);
    process.on("message", onMessage);
    process.send?.({ type: LEAVING_MESSAGE });
  });
}

/**
 * glibc's malloc gives each thread that allocates at the same time as another an arena of its own,
 * up to eight per core, and keeps what is freed in each for reuse. A server process has a dozen
 * threads (V8's compilers and collector, libuv's pool); with two arenas instead, a worker under
 * load holds about 10 MB less (README, Performance). Set for the workers unless
 * MALLOC_ARENA_MAX is already set.
 */
export const WORKER_MALLOC_ARENAS = "2";

export const MAX_WORKERS = 64;
/**
 * Unset, one worker per core up to this many: each worker holds its own memory (about 200 MB
 * under load), and on SQLite more of them only queue for the one writer. More on a larger machine
 * by setting WEB_CONCURRENCY.
 */
export const DEFAULT_MAX_WORKERS = 4;

/** WEB_CONCURRENCY: how many server processes; one per core (at most DEFAULT_MAX_WORKERS) when unset. */
export function workerCount(raw: string | undefined, cores = availableParallelism()): { ok: true; count: number } | { ok: false; message: string } {
  if (raw === undefined || raw.trim() === "") return { ok: true, count: Math.max(1, Math.min(cores, DEFAULT_MAX_WORKERS)) };
  const n = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim()) || n < 1 || n > MAX_WORKERS) {
    return {
      ok: false,
      message: `Invalid environment configuration:\n  WEB_CONCURRENCY: must be a whole number from 1 to ${MAX_WORKERS} (server processes; unset: one per core up to ${DEFAULT_MAX_WORKERS}, here ${Math.max(1, Math.min(cores, DEFAULT_MAX_WORKERS))})`,
    };
  }
  return { ok: true, count: n };
}

/** The pause before starting a worker again after `crashes` deaths in a row. */
export function restartDelayMs(crashes: number): number {
  return crashes <= 1 ? 0 : Math.min(30_000, 500 * 2 ** (crashes - 2));
}

/** A worker that stayed up this long is healthy again: its next death starts the count anew. */
const HEALTHY_AFTER_MS = 30_000;

export type SupervisorOptions = {
  /** The worker's script (build/index.js). */
  exec: string;
  count: number;
  log?: (line: string) => void;
};

export function supervise({ exec, count, log = (line) => console.log(line) }: SupervisorOptions): void {
  cluster.setupPrimary({ exec });
  // The worker in each slot; slot 0 runs the scheduled jobs (the others would only find them
  // claimed, see scheduler.server.ts).
  const slots: (Worker | undefined)[] = new Array(count).fill(undefined);
  const crashes: number[] = new Array(count).fill(0);
  const listening = new WeakSet<Worker>();
  const retired = new WeakSet<Worker>();
  // A replacement started by SIGHUP, until it listens: if it dies first, the reload handles it.
  const trial = new WeakSet<Worker>();
  let everUp = false;
  let stopping = false;
  let reloading = false;
  let exitCode = 0;

  const alive = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());

  const fork = (slot: number): Worker => {
    const env: Record<string, string> = { WORKER_SLOT: String(slot + 1), MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX || WORKER_MALLOC_ARENAS };
    if (slot > 0) env.SCHEDULER = "off";
    const worker = cluster.fork(env);
    const started = Date.now();
    worker.on("listening", () => {
      listening.add(worker);
      everUp = true;
    });
    worker.on("message", (message: unknown) => {
      if (isMessage(message, LEAVING_MESSAGE)) {
        if (worker.isConnected()) worker.send({ type: LEAVING_MESSAGE });
        return;
      }
      if (!isChangeMessage(message)) return;
      for (const other of alive()) if (other !== worker && other.isConnected()) other.send(message);
    });
    worker.on("exit", (code, signal) => {
      if (trial.has(worker) && !stopping) return;
      if (retired.has(worker) || stopping) {
        if (code) exitCode = exitCode || code;
        if (stopping && alive().length === 0) process.exit(exitCode);
        return;
      }
      if (slots[slot] === worker) slots[slot] = undefined;
      const how = signal ? `sinyal ${signal}` : `kode ${code}`;
      if (!everUp) {
        log(`Proses server ${slot + 1} berhenti sebelum siap (${how}); server tidak dapat dimulai.`);
        stopAll(code || 1);
        return;
      }
      crashes[slot] = Date.now() - started >= HEALTHY_AFTER_MS ? 1 : crashes[slot] + 1;
      const delay = restartDelayMs(crashes[slot]);
      log(`Proses server ${slot + 1} berhenti (${how}); dimulai lagi${delay ? ` dalam ${Math.round(delay / 1000)} detik` : ""}.`);
      setTimeout(() => {
        if (!stopping && !slots[slot]) slots[slot] = fork(slot);
      }, delay);
    });
    return worker;
  };

  const stopAll = (code: number) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    const workers = alive();
    if (workers.length === 0) process.exit(exitCode);
    for (const worker of workers) worker.process.kill("SIGTERM");
  };

  /** Resolves true once `worker` listens, false if it dies first. */
  const ready = (worker: Worker) =>
    new Promise<boolean>((resolve) => {
      if (listening.has(worker)) return resolve(true);
      worker.once("listening", () => resolve(true));
      worker.once("exit", () => resolve(false));
    });

  const reload = async () => {
    if (reloading || stopping) return;
    reloading = true;
    log(`SIGHUP diterima: mengganti ${count} proses server satu per satu…`);
    try {
      for (let slot = 0; slot < count && !stopping; slot++) {
        const old = slots[slot];
        if (old) retired.add(old);
        const next = fork(slot);
        trial.add(next);
        slots[slot] = next;
        const up = await ready(next);
        trial.delete(next);
        if (!up) {
          log(`Proses server ${slot + 1} yang baru tidak dapat dimulai; penggantian dihentikan.`);
          if (old && !old.isDead()) {
            // The old one keeps serving in its slot.
            retired.delete(old);
            slots[slot] = old;
          } else {
            slots[slot] = undefined;
            if (!stopping) slots[slot] = fork(slot);
          }
          return;
        }
        old?.process.kill("SIGTERM");
      }
      log("Semua proses server sudah diganti.");
    } finally {
      reloading = false;
    }
  };

  process.on("SIGTERM", () => stopAll(0));
  process.on("SIGINT", () => stopAll(0));
  process.on("SIGHUP", () => void reload());

  for (let slot = 0; slot < count; slot++) slots[slot] = fork(slot);
  log(`KIM Hackathon: ${count} proses server (WEB_CONCURRENCY).`);
}

// Change notices between app instances. When a write changes what an event's pages or live results
// show, the instance that took the write announces the event's topic ("event:<slug>"); listeners
// on every instance then drop cached copies and wake live streams at once instead of waiting for
// their next poll.
//
// Within one process a notice goes straight to the listeners. With PostgreSQL the feed also
// carries notices to the other instances over LISTEN/NOTIFY on one dedicated connection per
// instance (the database every instance already shares; no extra service to run). On SQLite,
// which scale-out does not use, the server processes `npm start` runs on one machine pass notices
// to each other through their supervisor (supervisor.server.ts); a server started on its own
// keeps them in the process, and the pollers remain the safety net.
import cluster from "node:cluster";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { CHANGE_MESSAGE, isChangeMessage, type ChangeMessage } from "./supervisor.server";

export const CHANNEL = "kim_change";
/** Notices of one topic announced within this window go out as one. */
const COALESCE_MS = 20;
/** Upper bound of a NOTIFY payload in PostgreSQL is 8000 bytes; topics are short. */
const MAX_TOPIC = 200;

export type ChangeListener = (topic: string, at: number) => void;

export type FeedState = "local" | "workers" | "connected" | "connecting";

const listeners = new Set<ChangeListener>();
const instance = randomBytes(6).toString("hex");

let remote: RemoteFeed | null = null;

/** The topic that names one event's public pages and results. */
export function eventTopic(slug: string): string {
  return `event:${slug}`;
}

/** Calls `listener` for every notice, from this instance or (with PostgreSQL) any other. Returns the unsubscribe. */
export function onChange(listener: ChangeListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function deliver(topic: string) {
  const at = Date.now();
  for (const listener of [...listeners]) {
    try {
      listener(topic, at);
    } catch (error) {
      console.error("Pemberitahuan perubahan gagal diproses:", error);
    }
  }
}

/** Announces that what `topic` names has changed: here at once, elsewhere as soon as the database passes it on. */
export function announce(topic: string): void {
  if (!topic || topic.length > MAX_TOPIC) return;
  deliver(topic);
  remote?.send(topic);
}

/** "local" without a cross-process channel, "workers" between the processes of one supervisor; otherwise whether the database connection is up. */
export function feedState(): FeedState {
  return remote ? remote.state() : "local";
}

type RemoteFeed = { send: (topic: string) => void; state: () => FeedState; stop: () => Promise<void> };

/**
 * Connects this instance to the others through PostgreSQL (LISTEN on one connection of its own).
 * A lost connection is re-established with a growing pause; notices announced meanwhile reach this
 * instance's listeners only, and the pollers catch up the rest.
 */
export function startChangeFeed(connectionString: string, options: { onError?: (error: unknown) => void } = {}): () => Promise<void> {
  const onError = options.onError ?? ((error: unknown) => console.error("Saluran pemberitahuan perubahan terputus:", error));
  let client: pg.Client | null = null;
  let connected = false;
  let stopped = false;
  let retryMs = 500;
  let retry: NodeJS.Timeout | undefined;
  const pending = new Set<string>();
  let flushTimer: NodeJS.Timeout | undefined;
  // One query at a time on the connection: notices queue behind the one in flight.
  let chain: Promise<unknown> = Promise.resolve();

  const connect = () => {
    if (stopped) return;
    const c = new pg.Client({ connectionString, application_name: "kim-change-feed" });
    client = c;
    c.on("notification", (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      const space = message.payload.indexOf(" ");
      if (space < 0 || message.payload.slice(0, space) === instance) return;
      deliver(message.payload.slice(space + 1));
    });
    c.on("error", (error) => {
      if (!stopped) onError(error);
      drop(c);
    });
    c.on("end", () => drop(c));
    c.connect()
      .then(() => c.query(`LISTEN ${CHANNEL}`))
      .then(() => {
        if (client !== c) return;
        connected = true;
        retryMs = 500;
        // Something may have changed while the connection was down: every listener re-checks.
        deliver("*");
      })
      .catch((error: unknown) => {
        if (!stopped) onError(error);
        drop(c);
      });
  };

  const drop = (c: pg.Client) => {
    if (client !== c) return;
    client = null;
    connected = false;
    c.removeAllListeners("notification");
    void c.end().catch(() => undefined);
    if (stopped) return;
    retry = setTimeout(connect, retryMs);
    retry.unref();
    retryMs = Math.min(retryMs * 2, 15_000);
  };

  const flush = () => {
    flushTimer = undefined;
    const topics = [...pending];
    pending.clear();
    const c = client;
    if (!c || !connected || topics.length === 0) return;
    const payloads = topics.map((t) => `${instance} ${t}`);
    chain = chain.then(() => c.query("SELECT pg_notify($1, p) FROM unnest($2::text[]) AS p", [CHANNEL, payloads])).catch((error: unknown) => onError(error));
  };

  remote = {
    send(topic) {
      if (!connected) return;
      pending.add(topic);
      flushTimer ??= setTimeout(flush, COALESCE_MS);
    },
    state: () => (connected ? "connected" : "connecting"),
    async stop() {
      stopped = true;
      clearTimeout(retry);
      if (flushTimer) {
        clearTimeout(flushTimer);
        flush();
      }
      await chain;
      const c = client;
      client = null;
      connected = false;
      if (c) await c.end().catch(() => undefined);
    },
  };
  connect();
  const feed = remote;
  return async () => {
    await feed.stop();
    if (remote === feed) remote = null;
  };
}

/**
 * In a worker of `npm start` (supervisor.server.ts): notices go to the other workers through the
 * supervisor, and theirs come back the same way. Returns nothing in a process of its own.
 */
export function startWorkerFeed(): (() => Promise<void>) | undefined {
  if (!cluster.isWorker || !process.send) return undefined;
  const onMessage = (message: unknown) => {
    if (isChangeMessage(message) && message.topic.length <= MAX_TOPIC) deliver(message.topic);
  };
  process.on("message", onMessage);
  const feed: RemoteFeed = {
    send(topic) {
      // A supervisor that is gone takes its workers with it; until then nothing is lost.
      if (process.connected) process.send?.({ type: CHANGE_MESSAGE, topic } satisfies ChangeMessage);
    },
    state: () => "workers",
    async stop() {
      process.off("message", onMessage);
    },
  };
  remote = feed;
  return async () => {
    await feed.stop();
    if (remote === feed) remote = null;
  };
}

// The production server (build/index.js, or build/start.js with its workers) as a child process
// for tests that need the real thing: a kill, a restart, a signal. It uses the test file's own
// database and data folder.
import { spawn, type ChildProcess } from "node:child_process";
import { request } from "node:http";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { SERVER_NODE_FLAGS } from "~/server-flags";
import { rootDir } from "./db-template";

export type ServerProcess = { url: string; child: ChildProcess; output: () => string; exited: Promise<number | null> };

/** A port nothing listens on right now (the system picks it), so concurrent runs never collide. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}

/**
 * Starts build/index.js (or `file`, e.g. start.js, `npm start`'s supervisor) on `port` (a free
 * one when not given) and waits until /healthz answers. `env` overrides settings, e.g. one
 * APP_URL shared by several instances behind one address.
 */
export async function startServer(port?: number, env: Record<string, string> = {}, file: "index.js" | "start.js" = "index.js"): Promise<ServerProcess> {
  port ??= await freePort();
  const entry = join(rootDir, "build", file);
  if (!existsSync(entry)) throw new Error(`build/${file} is missing: run \`npm run build\` first (npm test and npm run test:pg do)`);
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, entry], {
    cwd: rootDir,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      APP_URL: url,
      LOG_REQUESTS: "false",
      SEED_DEMO: "false",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (log += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  let gone = false;
  void exited.then(() => (gone = true));
  for (;;) {
    if (gone) throw new Error(`the server exited while starting:\n${log}`);
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, child, output: () => log, exited };
}

/**
 * Polls until `check` gives something truthy and returns it (each look is a real request or a
 * read; nothing is timed); fails naming `what` after `timeoutMs`.
 */
export async function eventually<T>(check: () => T | Promise<T>, what: string, timeoutMs = 25_000, pauseMs = 100): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`never happened: ${what}`);
    await new Promise((r) => setTimeout(r, pauseMs));
  }
}

export type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/**
 * One request on a connection of its own: under `npm start`'s supervisor each new connection goes
 * to the next worker. Null when it fails or gets no answer within 15 s (a hang counts as no answer).
 */
export function onNewConnection(base: string, path: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Answer | null> {
  const url = new URL(base);
  return new Promise((resolve) => {
    const req = request({ host: url.hostname, port: url.port, path, method: init.method ?? "GET", agent: false, headers: init.headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on("error", () => resolve(null));
    });
    req.on("error", () => resolve(null));
    req.setTimeout(15_000, () => req.destroy());
    req.end(init.body);
  });
}

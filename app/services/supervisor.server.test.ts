// The supervisor behind `npm start` (supervisor.server.ts), run for real over fixture workers
// (app/test/workers): notices between workers, a dead worker replaced, SIGHUP's rolling
// replacement, SIGTERM, and a server that cannot start. The whole server under it is tested in
// server.workers.test.ts.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { rootDir } from "~/test/db-template";
import { eventually as until, freePort, onNewConnection } from "~/test/server-process";
import { restartDelayMs, workerCount } from "./supervisor.server";

describe("WEB_CONCURRENCY", () => {
  it("is one process per core, at most four, when unset or empty", () => {
    expect(workerCount(undefined, 1)).toEqual({ ok: true, count: 1 });
    expect(workerCount(" ", 2)).toEqual({ ok: true, count: 2 });
    expect(workerCount(undefined, 4)).toEqual({ ok: true, count: 4 });
    expect(workerCount(undefined, 200)).toEqual({ ok: true, count: 4 });
  });

  it("takes a whole number from 1 to 64", () => {
    expect(workerCount("1", 8)).toEqual({ ok: true, count: 1 });
    expect(workerCount(" 3 ", 8)).toEqual({ ok: true, count: 3 });
    expect(workerCount("64", 2)).toEqual({ ok: true, count: 64 });
    expect(workerCount("8", 32)).toEqual({ ok: true, count: 8 });
  });

  it.each(["0", "65", "-1", "1.5", "2x", "dua", "1e1"])("refuses %j with a message naming the setting", (raw) => {
    const result = workerCount(raw, 4);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/WEB_CONCURRENCY: must be a whole number from 1 to 64/);
  });
});

it("starts a dead worker again at once the first time, then with a pause that grows to at most 30 s", () => {
  expect(restartDelayMs(1)).toBe(0);
  expect(restartDelayMs(2)).toBe(500);
  expect(restartDelayMs(3)).toBe(1000);
  expect(restartDelayMs(5)).toBe(4000);
  expect(restartDelayMs(20)).toBe(30_000);
});

type Supervisor = { child: ChildProcess; port: number; output: () => string; exited: Promise<number | null> };
const running: Supervisor[] = [];

afterEach(async () => {
  for (const s of running.splice(0)) {
    if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill("SIGKILL");
    for (const pid of workersOf(s)) process.kill(pid, "SIGKILL");
  }
});

async function startSupervisor(env: Record<string, string> = {}, count = 2): Promise<Supervisor> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", join(rootDir, "app/test/workers/primary.ts"), String(count)], {
    cwd: rootDir,
    env: { ...process.env, PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (log += d.toString()));
  // "close", not "exit": the output is all here by then.
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  const s = { child, port, output: () => log, exited };
  running.push(s);
  return s;
}

/** The worker processes under the supervisor right now. */
function workersOf(s: Supervisor): number[] {
  try {
    return readFileSync(`/proc/${s.child.pid}/task/${s.child.pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

type Answer = { slot: string; feed: string; scheduler: string; arenas: string };

/** One request on a connection of its own, so that the next one may go to another worker. */
async function ask(s: Supervisor, path: string): Promise<Answer | null> {
  const answer = await onNewConnection(`http://127.0.0.1:${s.port}`, path);
  return answer && (JSON.parse(answer.body) as Answer);
}

/** Asks until every one of `count` slots has answered; returns the answers by slot. */
async function everySlot(s: Supervisor, count = 2, path = "/") {
  const seen = new Map<string, Answer>();
  await until(async () => {
    const answer = await ask(s, path);
    if (answer) seen.set(answer.slot, answer);
    return seen.size === count;
  }, `all ${count} workers answering`);
  return seen;
}

const count = (text: string, line: string) => text.split("\n").filter((l) => l === line).length;

describe("the supervisor", () => {
  it("runs its workers behind one port; a notice announced in one reaches every other once, and its own once", async () => {
    const s = await startSupervisor();
    const slots = await everySlot(s);
    expect(slots.get("1")).toMatchObject({ feed: "workers", scheduler: "on" });
    // Only the first worker runs the scheduled jobs.
    expect(slots.get("2")).toMatchObject({ feed: "workers", scheduler: "off" });
    const announcedBy = new Map<string, string>();
    let n = 0;
    await until(async () => {
      const topic = `event:t-${++n}`;
      const answer = await ask(s, `/announce?topic=${topic}`);
      if (answer) announcedBy.set(topic, answer.slot);
      return new Set(announcedBy.values()).size === 2;
    }, "both workers announcing");
    for (const topic of announcedBy.keys()) {
      await until(() => count(s.output(), `1 got ${topic}`) >= 1 && count(s.output(), `2 got ${topic}`) >= 1, `${topic} reaching both`);
    }
    // Nothing echoes: announce the last once more and wait for it, then count the rest.
    const last = `event:t-${++n}`;
    await until(async () => (await ask(s, `/announce?topic=${last}`)) !== null, "the last notice sent");
    await until(() => count(s.output(), `1 got ${last}`) === 1 && count(s.output(), `2 got ${last}`) === 1, "the last notice reaching both");
    for (const topic of announcedBy.keys()) {
      expect(count(s.output(), `1 got ${topic}`), topic).toBe(1);
      expect(count(s.output(), `2 got ${topic}`), topic).toBe(1);
    }
  });

  it("starts its workers with two malloc arenas each, unless MALLOC_ARENA_MAX says otherwise", async () => {
    const unset = await everySlot(await startSupervisor({ MALLOC_ARENA_MAX: "" }));
    expect([...unset.values()].map((a) => a.arenas)).toEqual(["2", "2"]);
    const set = await everySlot(await startSupervisor({ MALLOC_ARENA_MAX: "4" }));
    expect([...set.values()].map((a) => a.arenas)).toEqual(["4", "4"]);
  });

  it("starts a worker that died again, in the same slot, and the site keeps answering", async () => {
    const s = await startSupervisor();
    await everySlot(s);
    const before = workersOf(s);
    expect(before).toHaveLength(2);
    const died = await until(() => ask(s, "/exit"), "a worker answering /exit");
    await until(() => /Proses server \d berhenti \(kode 5\); dimulai lagi\./.test(s.output()), "the restart logged");
    await until(() => workersOf(s).length === 2 && workersOf(s).some((pid) => !before.includes(pid)), "a new worker process");
    const slots = await everySlot(s);
    expect([...slots.keys()].sort()).toEqual(["1", "2"]);
    expect(slots.get(died.slot)?.scheduler).toBe(died.slot === "1" ? "on" : "off");
  });

  it("on SIGHUP replaces every worker one at a time, answering throughout", async () => {
    const s = await startSupervisor();
    await everySlot(s);
    const before = workersOf(s);
    let failed = 0;
    let answered = 0;
    let reloading = true;
    const traffic = (async () => {
      while (reloading) {
        if (await ask(s, "/")) answered++;
        else failed++;
      }
    })();
    s.child.kill("SIGHUP");
    await until(() => s.output().includes("Semua proses server sudah diganti."), "the reload finishing");
    await until(() => workersOf(s).length === 2 && workersOf(s).every((pid) => !before.includes(pid)), "only new workers left");
    reloading = false;
    await traffic;
    expect(failed).toBe(0);
    expect(answered).toBeGreaterThan(0);
    expect([...(await everySlot(s)).keys()].sort()).toEqual(["1", "2"]);
  });

  it("on SIGTERM stops every worker and exits with 0", async () => {
    const s = await startSupervisor();
    await everySlot(s);
    const pids = workersOf(s);
    s.child.kill("SIGTERM");
    expect(await s.exited).toBe(0);
    const gone = (pid: number) => {
      try {
        process.kill(pid, 0);
        return false;
      } catch {
        return true;
      }
    };
    await until(() => pids.every(gone), "the workers gone");
  });

  it("exits with the worker's code when no worker could start, without trying again and again", async () => {
    const s = await startSupervisor({ WORKER_FAIL: "start" });
    expect(await s.exited).toBe(3);
    expect(s.output()).toMatch(/Proses server \d berhenti sebelum siap \(kode 3\); server tidak dapat dimulai\./);
    expect(s.output()).not.toMatch(/dimulai lagi/);
  });
});

// `npm start` as it runs in production: build/start.js with two workers behind one port (the
// supervisor itself is tested over fixture workers in supervisor.server.test.ts). Both workers
// answer, only the first runs the scheduled jobs, change notices pass between them, a public page
// cached by one shows a change written through the other, SIGHUP replaces both without a request
// going unanswered, and SIGTERM stops them in order. Runs on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEvent, organizerOf } from "~/test/teams";
import { eventually, onNewConnection, startServer, type ServerProcess } from "~/test/server-process";

const APP_URL = "http://kim-hackathon.test";
const HOST = new URL(APP_URL).host;
let s: ServerProcess;

/** One request on a connection of its own: the supervisor hands each new connection to the next worker. */
function fresh(path: string, init: { method?: string; body?: string; cookie?: string } = {}) {
  return onNewConnection(s.url, path, {
    method: init.method,
    body: init.body,
    headers: {
      "X-Forwarded-Host": HOST,
      ...(init.body !== undefined ? { Origin: APP_URL, "Content-Type": "application/x-www-form-urlencoded" } : {}),
      ...(init.cookie ? { Cookie: init.cookie } : {}),
    },
  });
}

/** How many workers have said they drained since the output was `since` long. */
const drainedSince = (since: number) =>
  (
    s
      .output()
      .slice(since)
      .match(/Basis data ditutup, server berhenti\./g) ?? []
  ).length;

type Ready = { status: string; changes: string; jobs: unknown; worker: number };

async function bothWorkers(): Promise<Map<number, Ready>> {
  const seen = new Map<number, Ready>();
  await eventually(
    async () => {
      const answer = await fresh("/readyz");
      if (answer?.status === 200) {
        const ready = JSON.parse(answer.body) as Ready;
        seen.set(ready.worker, ready);
      }
      return seen.size === 2;
    },
    "both workers answering /readyz",
    30_000,
  );
  return seen;
}

describe("npm start with two workers", { timeout: 120_000 }, () => {
  beforeAll(async () => {
    s = await startServer(undefined, { APP_URL, WEB_CONCURRENCY: "2" }, "start.js");
  }, 120_000);
  afterAll(async () => {
    if (s && s.child.exitCode === null) {
      s.child.kill("SIGTERM");
      await s.exited;
    }
  });

  it("both workers answer; the first runs the scheduled jobs; notices pass between them", async () => {
    const workers = await bothWorkers();
    const first = workers.get(1);
    const second = workers.get(2);
    expect(first?.status).toBe("ok");
    // PostgreSQL's own feed carries notices between all processes; it may still be connecting.
    expect(first?.changes).toMatch(process.env.DATABASE_URL?.startsWith("postgres") ? /^(connected|connecting)$/ : /^workers$/);
    expect(first?.jobs).not.toBe("off");
    expect(second?.jobs).toBe("off");
  });

  it("a public page cached by one worker shows a change written through the other", async () => {
    const ev = await makeEvent();
    const organizer = await organizerOf(ev.id);
    const page = `/acara/${ev.slug}`;
    // Each worker renders it once and then serves it from its cache.
    let hits = 0;
    await eventually(
      async () => {
        const answer = await fresh(page);
        hits = answer?.headers["x-cache"] === "HIT" ? hits + 1 : 0;
        return hits >= 2;
      },
      "the page cached by both workers",
      30_000,
    );
    const question = `Apakah ada sesi daring ${Date.now()}?`;
    const body = new URLSearchParams({ intent: "faq-add", question, answer: "Ya, lewat Zoom." }).toString();
    expect((await fresh(`/kelola/${ev.slug}/pengaturan`, { method: "POST", body, cookie: organizer.cookie }))?.status).toBe(302);
    let shown = 0;
    await eventually(
      async () => {
        shown = (await fresh(page))?.body.includes(question) ? shown + 1 : 0;
        return shown >= 2;
      },
      "the new question on both workers",
      30_000,
    );
  });

  it("SIGHUP replaces both workers one at a time without a request going unanswered", async () => {
    let reloading = true;
    let failed = 0;
    let answered = 0;
    const traffic = (async () => {
      while (reloading) {
        const answer = await fresh("/masuk");
        if (answer?.status === 200) answered++;
        else failed++;
      }
    })();
    const before = s.output().length;
    s.child.kill("SIGHUP");
    await eventually(() => s.output().slice(before).includes("Semua proses server sudah diganti.") && drainedSince(before) === 2, "the reload finishing, both old workers drained", 30_000);
    reloading = false;
    await traffic;
    expect(failed).toBe(0);
    expect(answered).toBeGreaterThan(0);
    await bothWorkers();
  });

  it("SIGTERM drains both workers and exits with 0", async () => {
    const before = s.output().length;
    s.child.kill("SIGTERM");
    expect(await s.exited).toBe(0);
    // The output can arrive after the exit.
    await eventually(() => drainedSince(before) === 2, "both workers drained", 30_000);
  });
});

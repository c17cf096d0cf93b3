// npm run bench — the performance targets of a national-size event, measured outside the test
// suite: generate the event into a fresh database, start the production build, load each page
// beside its ceiling, save scores, submit at the deadline, and write results.json/results.md.
// Flags: --teams 2000 --judges 60 --k 5 --burst 1000 --clients 100 --seconds 8 --connections 50
// --save-rate 50 --slices 2 --first-wave 2 --port 3300 --ceiling-port 3301 --bare-port 3302 --pg (PostgreSQL from PG_BENCH_URL) --smoke
// (a small event and short runs, to check the instrument itself) --instances 2 (that many app
// instances on ports port, port+2, …, sharing the database and data folder; connections, judges
// and clients are spread over them as a load balancer would) --workers N (server processes per
// instance, as WEB_CONCURRENCY for `npm start`; default: one per core, as `npm start` runs).
import { spawn, execSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, openSync, readdirSync, rmSync, statSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { domainBenchmarks } from "./domain";
import { fetchPage, measurePage, settle, startCeiling, type Page, type PageResult, type Snapshot } from "./pages";
import { write, type Run } from "./report";
import { buildBare, startBare } from "./bare";
import { createDatabase, type BenchDatabase } from "./database";
import { groupOf, groupSum, peakOf, residentTogether } from "./memory";
import { SERVER_NODE_FLAGS } from "../../app/server-flags";
import { workerCount } from "../../app/services/supervisor.server";
import { eventually, onNewConnection } from "../../app/test/server-process";
import type { SaveStats } from "./writes";

const root = fileURLToPath(new URL("../..", import.meta.url));
const started = performance.now();

const { values: flags } = parseArgs({
  options: {
    teams: { type: "string" },
    judges: { type: "string" },
    k: { type: "string" },
    burst: { type: "string" },
    clients: { type: "string" },
    seconds: { type: "string" },
    connections: { type: "string" },
    "save-rate": { type: "string" },
    port: { type: "string" },
    "ceiling-port": { type: "string" },
    "bare-port": { type: "string" },
    pg: { type: "boolean", default: false },
    slices: { type: "string" },
    "first-wave": { type: "string" },
    smoke: { type: "boolean", default: false },
    instances: { type: "string" },
    workers: { type: "string" },
  },
});
const num = (v: string | undefined, full: number, smoke: number) => (v === undefined ? (flags.smoke ? smoke : full) : Number(v));
const size = { teams: num(flags.teams, 2000, 120), judges: num(flags.judges, 60, 12), k: num(flags.k, 5, 3), burstTeams: num(flags.burst, 1000, 100) };
const options = { connections: num(flags.connections, 50, 10), seconds: num(flags.seconds, 8, 2), saveRate: num(flags["save-rate"], 50, 10), clients: num(flags.clients, 100, 10) };
const slices = Math.max(1, Number(flags.slices ?? 2));
// Seconds of each page's first wave at full concurrency, before its measured run (see measurePage).
const firstWaveSeconds = Math.max(0, num(flags["first-wave"], 2, 1));
const port = Number(flags.port ?? process.env.BENCH_PORT ?? 3300);
const ceilingPort = Number(flags["ceiling-port"] ?? port + 1);
const instances = Math.max(1, Number(flags.instances ?? 1));
const ports = Array.from({ length: instances }, (_, i) => port + 2 * i);
// Each instance is `npm start`: a supervisor and its workers (WEB_CONCURRENCY). The ceiling and the
// bare Remix page run as many processes, so every side of a comparison has the machine's cores.
const workersFlag = workerCount(flags.workers);
if (!workersFlag.ok) throw new Error(workersFlag.message);
const workers = workersFlag.count;
const bases = ports.map((p) => `http://127.0.0.1:${p}`);
// The bare Remix page (bare.ts) listens on the next port after the instances'.
const barePort = Number(flags["bare-port"] ?? port + 2 * instances);
const bareBase = `http://127.0.0.1:${barePort}`;
const appUrl = bases[0];
const log = (msg: string) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${msg}`);

/** Builds when the server build is missing or older than a source file. */
function buildIfNeeded(): number {
  const out = join(root, "build", "index.js");
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
      if (e.name === "generated") return m;
      const p = join(dir, e.name);
      return Math.max(m, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
    }, 0);
  if (existsSync(out) && existsSync(join(root, "build", "start.js")) && statSync(out).mtimeMs >= newest(join(root, "app"))) return 0;
  const t0 = performance.now();
  log("building the production server");
  execSync("npm run build", { cwd: root, stdio: "inherit" });
  return (performance.now() - t0) / 1000;
}

async function waitForHealth(url: string, server: ChildProcess) {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not answer at ${url}`);
}

/** Waits until every worker of the instance at `base` has answered /readyz (each on a connection of its own, which the supervisor hands to its next worker). */
async function waitForWorkers(base: string) {
  if (workers === 1) return;
  const seen = new Set<number>();
  await eventually(
    async () => {
      const answer = await onNewConnection(base, "/readyz");
      const worker = answer && (JSON.parse(answer.body) as { worker?: number }).worker;
      if (worker) seen.add(worker);
      return seen.size === workers;
    },
    `all ${workers} workers answering at ${base}`,
    60_000,
    200,
  );
}

async function stop(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

const domain = domainBenchmarks();
log(`domain benchmarks: ${domain.map((d) => `${d.key} ${d.value.toFixed(0)} ${d.unit}`).join(", ")}`);
const buildSeconds = buildIfNeeded();

const dataDir = join(root, "data", `bench-${flags.pg ? "pg" : "sqlite"}${instances > 1 ? `-${instances}x` : ""}`);
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });
let database: BenchDatabase | undefined;
let servers: ChildProcess[] = [];
let ceiling: ChildProcess | undefined;
let bare: ChildProcess | undefined;
let exitCode = 1;
try {
  const genStart = performance.now();
  database = await createDatabase(flags.pg ? "postgresql" : "sqlite", dataDir);
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", PORT: String(port), APP_URL: appUrl, DATABASE_URL: database.url, DATA_DIR: dataDir, LOG_REQUESTS: "false" };
  // The app's modules read the environment when first imported: set it before loading them.
  Object.assign(process.env, { DATABASE_URL: database.url, DATA_DIR: dataDir, APP_URL: appUrl });
  const { db } = await import("../../app/services/db.server");
  const { generate } = await import("./generate");
  const { signIn } = await import("./sign-in");
  log(`generating ${size.teams} teams × ${size.k} judges (${size.judges} judges) on ${database.kind}`);
  const now = new Date();
  const g = await generate(db, size, now, (step) => log(`generated: ${step}`));
  const loads = await db.assignment.groupBy({ by: ["judgeId"], where: { roundId: g.live.roundId }, _count: { _all: true } });
  const busiest = loads.sort((a, b) => b._count._all - a._count._all)[0];
  const saveJudges = g.openAssignments.slice(0, Math.min(options.connections, g.openAssignments.length));
  log("signing in");
  const cookies = await signIn([g.participantId, g.organizerId, ...g.judgeIds, ...g.burst.teams.map((t) => t.captainId)]);
  const generationSeconds = (performance.now() - genStart) / 1000;
  log(`generated in ${generationSeconds.toFixed(1)} s; busiest judge has ${busiest._count._all} assignments`);

  // The servers' own output (aborted renders under overload, for instance) goes to a file each.
  servers = ports.map((p, i) => {
    const serverLog = openSync(join(dataDir, i === 0 ? "server.log" : `server-${i + 1}.log`), "w");
    return spawn(process.execPath, [...SERVER_NODE_FLAGS, "build/start.js"], {
      cwd: root,
      env: { ...env, PORT: String(p), WEB_CONCURRENCY: String(workers) },
      stdio: ["ignore", serverLog, serverLog],
    });
  });
  const pids = servers.map((s) => s.pid ?? 0);
  // An instance's memory is what its processes (supervisor and workers) hold together at one
  // moment, each physical page once (memory.ts); with one process, its own peak as the kernel
  // records it. With several instances the figure is the largest instance's, each having its own
  // memory target. Sampled twice a second: reading the page tables of every process takes about
  // 10 ms.
  let peakTogether = 0;
  let exact = true;
  // Where the memory goes: the peak seen during each part of the run.
  let phase = "start";
  const rssByPhase: Record<string, number> = {};
  const sampler = setInterval(() => {
    const now = pids.map((pid) => residentTogether(groupOf(pid)));
    exact &&= now.every((m) => m.exact);
    const mb = Math.max(...now.map((m) => m.mb));
    peakTogether = Math.max(peakTogether, mb);
    rssByPhase[phase] = Math.max(rssByPhase[phase] ?? 0, mb);
  }, 500);
  await Promise.all(servers.map((s, i) => waitForHealth(`${bases[i]}/healthz`, s)));
  await Promise.all(bases.map(waitForWorkers));
  log(`${instances > 1 ? `${instances} servers are up` : "server is up"}, ${workers} worker${workers > 1 ? "s" : ""} each`);
  log("building and starting the bare Remix page");
  bare = startBare(root, buildBare(root, join(dataDir, "bare-remix")), barePort, workers);
  await waitForHealth(`${bareBase}/`, bare);

  const quiet = async () => {
    const settled = await Promise.all(pids.flatMap(groupOf).map((pid) => settle(pid)));
    if (!settled.every(Boolean)) log("a server was still busy after 15 s; going on");
  };
  const slug = g.live.slug;
  const busiestOpen = g.openAssignments.find((o) => o.judgeId === busiest.judgeId)?.assignmentId ?? "";
  const participant = cookies.get(g.participantId);
  const judgeCookie = cookies.get(busiest.judgeId);
  const pages: Page[] = [
    { key: "event-participant", what: "Event page, signed-in participant", path: `/acara/${slug}`, cookie: participant, signedIn: true },
    { key: "judge-queue", what: `Judge queue (${busiest._count._all} assignments)`, path: `/juri/${slug}`, cookie: judgeCookie, signedIn: true },
    { key: "scoring", what: "Scoring page", path: `/juri/${slug}/nilai/${busiestOpen}`, cookie: judgeCookie, signedIn: true },
    { key: "dashboard", what: "Dashboard, signed-in participant", path: "/dasbor", cookie: participant, signedIn: true },
    { key: "event-anonymous", what: "Event page, anonymous", path: `/acara/${slug}`, signedIn: false },
    { key: "leaderboard", what: `Public leaderboard, published ${size.teams.toLocaleString("en-US")}-row event`, path: `/acara/${g.published.slug}/hasil`, signedIn: false },
    // What a page costs before it reads or shows anything of an event: the sign-in page reads
    // nothing (no session, no database) and is never cached, so it is the framework's own cost
    // of a small page, the floor under every signed-in page above.
    { key: "floor", what: "Sign-in page, anonymous: reads nothing, the framework's floor", path: "/masuk", signedIn: false, reference: true },
    // Below that floor: the framework alone, with nothing of the product (bare.ts), in its own
    // process on the same machine, beside its own ceiling like every page.
    { key: "bare-remix", what: "Bare Remix page: one loader that reads nothing; no session, database, layout or middleware", path: "/", signedIn: false, reference: true },
    { key: "results", what: `Organizer results, ${size.teams.toLocaleString("en-US")} × ${size.k}`, path: `/kelola/${slug}/hasil`, cookie: cookies.get(g.organizerId), signedIn: true },
  ];
  const snapshots: Snapshot[] = [];
  const skipped: Run["skipped"] = [];
  const basesOf = (page: Page) => (page.key === "bare-remix" ? [bareBase] : bases);
  for (const page of pages) {
    const snap = await fetchPage(basesOf(page)[0], page);
    if (snap.status === 200) snapshots.push(snap);
    else skipped.push({ key: page.key, what: page.what, status: snap.status });
  }
  ceiling = await startCeiling(root, dataDir, ceilingPort, snapshots, workers);
  const ceilingUrl = `http://127.0.0.1:${ceilingPort}`;

  const measured: PageResult[] = [];
  // The organizer's results page goes last: at this size its renders can outlive the
  // measurement and would otherwise be counted against the writes.
  for (const snap of snapshots.filter((s) => s.page.key !== "results")) {
    log(`measuring ${snap.page.what}`);
    phase = snap.page.key;
    const settleBare = async () => void (await Promise.all(groupOf(bare?.pid ?? 0).map((pid) => settle(pid))));
    measured.push(await measurePage(basesOf(snap.page), ceilingUrl, snap, { ...options, slices, warmup: 5, firstWaveSeconds, settle: snap.page.key === "bare-remix" ? settleBare : quiet }));
  }

  const w = await import("./writes");
  const criteria = await db.criterion.findMany({ where: { roundId: g.live.roundId }, select: { id: true, scaleMin: true, scaleMax: true } });
  const judges = saveJudges.map((o) => ({ ...o, cookie: cookies.get(o.judgeId) ?? "" }));
  const state = await w.initialState(db, judges);
  const saveRun = { bases, origin: appUrl, slug, judges, criteria, state, seconds: options.seconds };
  phase = "saves";
  // As with the pages: the first seconds of a path the process has not run yet (compiling it,
  // growing its heap) are measured and kept beside the result, and the saturation figure is the
  // saving in steady state that follows.
  let firstWave: SaveStats | undefined;
  if (firstWaveSeconds > 0) {
    log(`score saves, first wave (${firstWaveSeconds} s, not counted)`);
    firstWave = await w.savesBackToBack({ ...saveRun, seconds: firstWaveSeconds });
    await quiet();
  }
  log(`score saves, ${judges.length} judges back to back`);
  const backToBack = await w.savesBackToBack(saveRun);
  await quiet();
  log(`score saves at ${options.saveRate}/s`);
  const steady = { ...(await w.savesAtRate({ ...saveRun, perSecond: options.saveRate })), rate: options.saveRate };
  const lostSaves = await w.lostSaves(db, state);

  await quiet();
  const windowSeconds = 60;
  await db.event.update({ where: { id: g.burst.eventId }, data: { submissionClosesAt: new Date(Date.now() + windowSeconds * 1000) } });
  phase = "burst";
  log(`deadline burst: ${g.burst.teams.length} submissions from ${options.clients} clients, deadline in ${windowSeconds} s`);
  const burst = await w.deadlineBurst({
    bases,
    origin: appUrl,
    captains: g.burst.teams.map((t) => ({ teamId: t.teamId, cookie: cookies.get(t.captainId) ?? "" })),
    clients: options.clients,
    trackId: g.burst.trackId,
    windowSeconds,
  });
  burst.stats.lost = await w.lostSubmissions(db, burst.acked);

  const results = snapshots.find((s) => s.page.key === "results");
  await quiet();
  if (results) {
    log(`measuring ${results.page.what}`);
    phase = results.page.key;
    // Measured as every other page is; the three requests timed alone come first.
    measured.push(await measurePage(bases, ceilingUrl, results, { ...options, slices, warmup: 0, firstWaveSeconds, single: 3, settle: quiet }));
  }
  clearInterval(sampler);
  // Each process's own peak (VmHWM), added up: more than the instance held at any one moment (the
  // peaks came at different times, and the pages the processes share count once for each).
  const peaksAddedUp = Math.max(...pids.map((pid) => groupSum(pid, peakOf)));
  const peakRss = workers > 1 ? peakTogether : Math.max(peakTogether, peaksAddedUp);

  const run: Run = {
    database: database.kind,
    ...(instances > 1 ? { instances } : {}),
    workers,
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? "cpu", memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
    size,
    options,
    timings: { buildSeconds, generationSeconds, totalSeconds: (performance.now() - started) / 1000 },
    domain,
    pages: measured,
    skipped,
    saves: { judges: judges.length, firstWave, backToBack, steady, lost: lostSaves },
    burst: burst.stats,
    peakRssMb: peakRss,
    ...(workers > 1 ? { peakRssAddedUpMb: peaksAddedUp, memoryExact: exact } : {}),
    rssByPhaseMb: rssByPhase,
  };
  await db.$disconnect();
  const { checks } = await import("./report");
  // A smoke run checks the instrument on a small event: its figures go to data/, never over the
  // recorded full-size results.
  const out = flags.smoke ? { dir: join(root, "data"), name: "bench-smoke" } : { dir: join(root, "e2e", "load"), name: "results" };
  const md = write(join(out.dir, `${out.name}.json`), join(out.dir, `${out.name}.md`), run);
  console.log(md);
  exitCode = checks(run).every((c) => c.met) ? 0 : 1;
  log(`done in ${run.timings.totalSeconds.toFixed(0)} s; server output in ${join(dataDir, "server.log")}`);
} finally {
  await Promise.all(servers.map((s) => stop(s)));
  await stop(ceiling);
  await stop(bare);
  await database?.drop();
}
process.exit(exitCode);

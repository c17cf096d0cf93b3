// Page throughput beside its ceiling: each page is fetched once with its cookie, the bytes are
// handed to the ceiling server, then autocannon loads the app and the ceiling back to back.
// No Accept-Encoding is sent, so both answer uncompressed and the byte counts are the same.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import autocannon from "autocannon";

/** `reference`: measured for comparison only, with no target of its own (the framework's floor). */
export type Page = { key: string; what: string; path: string; cookie?: string; signedIn: boolean; reference?: boolean };

export type Load = { rps: number; p50: number; p99: number; completed: number; errors: number; timeouts: number; non2xx: number };

export type PageResult = Page & {
  bytes: number;
  app: Load;
  ceiling: Load;
  percent: number;
  single?: { medianMs: number; maxMs: number; runs: number };
  /** The first seconds at full concurrency, before the measured run: the page's first wave, not counted. */
  firstWave?: Load;
};

export type Snapshot = { page: Page; status: number; body: Buffer; contentType: string };

export async function fetchPage(base: string, page: Page): Promise<Snapshot> {
  const res = await fetch(base + page.path, { headers: headersOf(page), redirect: "manual" });
  const body = Buffer.from(await res.arrayBuffer());
  return { page, status: res.status, body, contentType: res.headers.get("content-type") ?? "text/html; charset=utf-8" };
}

function headersOf(page: Page): Record<string, string> {
  return page.cookie ? { cookie: page.cookie } : {};
}

/** Waits until the process is nearly idle (requests left over from a load run are done). */
export async function settle(pid: number, timeoutMs = 15_000): Promise<boolean> {
  const ticks = () => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      return Number(fields[11]) + Number(fields[12]);
    } catch {
      return 0;
    }
  };
  const until = Date.now() + timeoutMs;
  let last = ticks();
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, 300));
    const now = ticks();
    // Under 10 % of one core over 300 ms (clock ticks are 1/100 s).
    if (now - last <= 3) return true;
    last = now;
  }
  return false;
}

/** Starts the ceiling server for the given snapshots, in `processes` processes; resolves once it listens. */
export async function startCeiling(root: string, dir: string, port: number, snapshots: Snapshot[], processes = 1): Promise<ChildProcess> {
  const manifest = snapshots.map((s) => {
    const file = join(dir, `ceiling-${s.page.key}.html`);
    writeFileSync(file, s.body);
    return { path: `/${s.page.key}`, file, contentType: s.contentType };
  });
  const manifestFile = join(dir, "ceiling.json");
  writeFileSync(manifestFile, JSON.stringify(manifest));
  const child = spawn(process.execPath, ["--import", "tsx", "e2e/load/ceiling.ts", String(port), manifestFile, String(processes)], { cwd: root, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`ceiling server exited (${code})`)));
  });
  return child;
}

export async function load(url: string, opts: { connections: number; seconds: number; headers?: Record<string, string> }): Promise<Load> {
  const r = await autocannon({ url, connections: opts.connections, duration: opts.seconds, timeout: Math.max(10, opts.seconds * 2), headers: opts.headers });
  const completed = r["2xx"] ?? 0;
  return {
    rps: completed / (r.duration || opts.seconds),
    // With nothing completed autocannon reports 0 ms; that is not a latency.
    p50: completed > 0 ? r.latency.p50 : Number.NaN,
    p99: completed > 0 ? r.latency.p99 : Number.NaN,
    completed,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
  };
}

/** A few sequential requests first, so the measured run does not include the first compilations. */
async function warm(url: string, headers: Record<string, string>, n: number) {
  for (let i = 0; i < n; i++) await (await fetch(url, { headers, redirect: "manual" })).arrayBuffer();
}

export async function singleLatency(url: string, headers: Record<string, string>, runs: number) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await (await fetch(url, { headers, redirect: "manual" })).arrayBuffer();
    times.push(performance.now() - t0);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(sorted.length / 2)], maxMs: sorted[sorted.length - 1], runs };
}

/**
 * One load run spread over several instances, as a load balancer spreads connections: each
 * instance gets its share of the connections, all at once; their sum is the run.
 */
export async function loadSpread(bases: string[], path: string, opts: { connections: number; seconds: number; headers?: Record<string, string> }): Promise<Load> {
  if (bases.length === 1) return load(bases[0] + path, opts);
  const shares = bases.map((_, i) => Math.floor(opts.connections / bases.length) + (i < opts.connections % bases.length ? 1 : 0));
  const parts = await Promise.all(bases.map((base, i) => load(base + path, { ...opts, connections: Math.max(1, shares[i]) })));
  const completed = parts.reduce((n, p) => n + p.completed, 0);
  const finite = parts.filter((p) => Number.isFinite(p.p50));
  return {
    rps: parts.reduce((n, p) => n + p.rps, 0),
    p50: finite.length && completed ? finite.reduce((n, p) => n + p.p50 * p.completed, 0) / completed : Number.NaN,
    p99: finite.length ? Math.max(...finite.map((p) => p.p99)) : Number.NaN,
    completed,
    errors: parts.reduce((n, p) => n + p.errors, 0),
    timeouts: parts.reduce((n, p) => n + p.timeouts, 0),
    non2xx: parts.reduce((n, p) => n + p.non2xx, 0),
  };
}

/** Slices of one load run taken apart by time; their sum is the run. A p99 is the worst slice's. */
function combine(parts: Load[], seconds: number): Load {
  const completed = parts.reduce((n, p) => n + p.completed, 0);
  const finite = (xs: number[]) => xs.filter((x) => Number.isFinite(x));
  const p50s = finite(parts.map((p) => p.p50));
  const p99s = finite(parts.map((p) => p.p99));
  return {
    rps: completed / seconds,
    p50: p50s.length ? p50s.reduce((a, b) => a + b, 0) / p50s.length : Number.NaN,
    p99: p99s.length ? Math.max(...p99s) : Number.NaN,
    completed,
    errors: parts.reduce((n, p) => n + p.errors, 0),
    timeouts: parts.reduce((n, p) => n + p.timeouts, 0),
    non2xx: parts.reduce((n, p) => n + p.non2xx, 0),
  };
}

/**
 * The app and its ceiling in alternating slices, so that other work on a shared machine weighs
 * on both alike. The ceiling goes first in each slice, and the server settles after each app
 * slice: requests still being rendered when a run ends would otherwise be charged to the ceiling.
 *
 * Before the slices, the page takes its first wave: `firstWaveSeconds` at full concurrency, so
 * that what the slices measure is the page in steady state (compiled, its heap grown to carry
 * that many renders at once) and not the first seconds of a cold process. The first wave is
 * kept beside the result, not counted in it.
 */
export async function measurePage(
  appBases: string[],
  ceilingBase: string,
  snap: Snapshot,
  opts: { connections: number; seconds: number; slices: number; warmup: number; firstWaveSeconds: number; single?: number; settle: () => Promise<void> },
): Promise<PageResult> {
  const { page } = snap;
  const headers = headersOf(page);
  const single = opts.single ? await singleLatency(appBases[0] + page.path, headers, opts.single) : undefined;
  for (const base of appBases) await warm(base + page.path, headers, opts.warmup);
  const firstWave = opts.firstWaveSeconds > 0 ? await loadSpread(appBases, page.path, { connections: opts.connections, seconds: opts.firstWaveSeconds, headers }) : undefined;
  if (firstWave) await opts.settle();
  const slice = opts.seconds / opts.slices;
  const apps: Load[] = [];
  const ceilings: Load[] = [];
  for (let i = 0; i < opts.slices; i++) {
    ceilings.push(await load(`${ceilingBase}/${page.key}`, { connections: opts.connections, seconds: slice }));
    apps.push(await loadSpread(appBases, page.path, { connections: opts.connections, seconds: slice, headers }));
    await opts.settle();
  }
  const app = combine(apps, opts.seconds);
  const ceiling = combine(ceilings, opts.seconds);
  return { ...page, bytes: snap.body.length, app, ceiling, percent: ceiling.rps > 0 ? (100 * app.rps) / ceiling.rps : 0, single, firstWave };
}

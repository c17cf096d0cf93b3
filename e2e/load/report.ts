// The targets of the performance issue, checked against a run, and the two outputs: results.json
// (one section per database, so a SQLite and a PostgreSQL run sit side by side) and results.md.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { DomainResult } from "./domain";
import type { PageResult } from "./pages";
import type { BurstStats, SaveStats } from "./writes";

export type Database = "sqlite" | "postgresql";

export type Run = {
  database: Database;
  /** App instances behind the load (absent in runs of one). */
  instances?: number;
  /** Server processes per instance under `npm start`'s supervisor (absent in runs before it: one). */
  workers?: number;
  date: string;
  machine: { cpus: number; model: string; memoryGiB: number; node: string };
  size: { teams: number; judges: number; k: number; burstTeams: number };
  options: { connections: number; seconds: number; saveRate: number; clients: number };
  timings: { buildSeconds: number; generationSeconds: number; totalSeconds: number };
  domain: DomainResult[];
  pages: PageResult[];
  skipped: { key: string; what: string; status: number }[];
  saves: { judges: number; firstWave?: SaveStats; backToBack: SaveStats; steady: SaveStats & { rate: number }; lost: number };
  burst: BurstStats;
  peakRssMb: number;
  /** With workers: each process's own peak (VmHWM) added up, for the record beside peakRssMb. */
  peakRssAddedUpMb?: number;
  /** With workers: whether peakRssMb counted each physical page once (false: the processes' RSS added up). */
  memoryExact?: boolean;
  /** Runs before memoryExact: the largest sum of the processes' proportional set sizes, sampled once a second. */
  peakPssMb?: number;
  /** The peak RSS seen in each part of the run (page key, "saves", "burst"). */
  rssByPhaseMb?: Record<string, number>;
};

export type Check = { key: string; what: string; target: string; figure: string; met: boolean };

// JSON turns NaN (nothing completed) into null: neither is a latency that can meet a target.
const ms = (x: number | null) => (typeof x === "number" && Number.isFinite(x) ? `${Math.round(x)} ms` : "none completed");

/** Where the burst's slow answers were: each client's first submission, sent all at once, or the rest. */
const burstSplit = (u: Run["burst"]) =>
  u.split && u.split.first.count > 0 && u.split.rest.count > 0
    ? `; the ${int(u.split.first.count)} first submissions, one per client sent together: p50 ${ms(u.split.first.p50)}, p99 ${ms(u.split.first.p99)}; the other ${int(u.split.rest.count)}: p50 ${ms(u.split.rest.p50)}, p99 ${ms(u.split.rest.p99)}`
    : "";
const within = (x: number | null | undefined, limit: number) => typeof x === "number" && Number.isFinite(x) && x <= limit;
const int = (x: number) => Math.round(x).toLocaleString("en-US");
const pct = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(0)} %`;

export function checks(run: Run): Check[] {
  const out: Check[] = [];
  for (const d of run.domain) out.push({ key: d.key, what: d.what, target: `< ${int(d.limit)} ${d.unit}`, figure: `${d.value.toFixed(d.unit === "MB" ? 1 : 0)} ${d.unit}`, met: d.value < d.limit });
  for (const p of run.pages) {
    if (p.reference) continue;
    const ratio = p.signedIn ? 3 : 25;
    out.push({
      key: `${p.key}.ceiling`,
      what: `${p.what}: share of ceiling`,
      target: `≥ ${ratio} %`,
      figure: `${pct(p.percent)} (${int(p.app.rps)} of ${int(p.ceiling.rps)} req/s)`,
      met: p.percent >= ratio,
    });
    if (p.signedIn) out.push({ key: `${p.key}.p99`, what: `${p.what}: p99 at ${run.options.connections} connections`, target: "≤ 1,000 ms", figure: ms(p.app.p99), met: within(p.app.p99, 1000) });
    if (p.key === "results") {
      out.push({
        key: "results.single",
        what: `${p.what}: one request alone (median of ${p.single?.runs ?? 0})`,
        target: "≤ 300 ms",
        figure: ms(p.single?.medianMs ?? null),
        met: within(p.single?.medianMs, 300),
      });
      out.push({ key: "results.html", what: `${p.what}: HTML size`, target: "≤ 500 KB", figure: `${int(p.bytes / 1000)} KB`, met: p.bytes <= 500_000 });
      out.push({ key: "results.rps", what: `${p.what}: throughput at ${run.options.connections} connections`, target: "≥ 10 req/s", figure: `${p.app.rps.toFixed(1)} req/s`, met: p.app.rps >= 10 });
    }
  }
  for (const s of run.skipped) out.push({ key: `${s.key}.ceiling`, what: `${s.what}: page answered`, target: "status 200", figure: `status ${s.status}`, met: false });
  const { firstWave: f, backToBack: b, steady: s } = run.saves;
  const wave = f ? `; first wave, not counted: ${int(f.perSecond)} saves/s over ${f.seconds.toFixed(1)} s, p99 ${ms(f.p99)}, ${f.errors} errors` : "";
  out.push({
    key: "saves.saturation",
    what: `Score saves, ${run.saves.judges} judges back to back`,
    target: "≥ 300 saves/s",
    figure: `${int(b.perSecond)} saves/s (p50 ${ms(b.p50)}, p99 ${ms(b.p99)}, ${b.errors} errors${wave})`,
    met: b.perSecond >= 300,
  });
  out.push({
    key: "saves.steady",
    what: `Score saves at a steady ${s.rate}/s from ${run.saves.judges} judges: p99`,
    target: "≤ 50 ms",
    figure: `${ms(s.p99)} (p50 ${ms(s.p50)}, ${s.perSecond.toFixed(1)} saves/s done, ${s.errors} errors, ${s.unsent ?? 0} not sent in time)`,
    met: within(s.p99, 50) && s.errors === 0 && !s.unsent,
  });
  out.push({
    key: "saves.lost",
    what: `Score saves: acknowledged (${(f?.saves ?? 0) + b.saves + s.saves}) but not in the database`,
    target: "0",
    figure: String(run.saves.lost),
    met: run.saves.lost === 0,
  });
  const u = run.burst;
  out.push({
    key: "burst.errors",
    what: `Deadline burst, ${int(u.submissions)} submissions from ${u.clients} clients: errors`,
    target: "0",
    figure: `${u.errors} (${Object.entries(u.statuses)
      .map(([k, v]) => `${v} × ${k}`)
      .join(", ")}; ${u.seconds.toFixed(1)} s from the first request to the last answer, deadline at ${u.windowSeconds} s)`,
    met: u.errors === 0,
  });
  out.push({ key: "burst.p99", what: "Deadline burst: p99", target: "≤ 500 ms", figure: `${ms(u.p99)} (p50 ${ms(u.p50)}${burstSplit(u)})`, met: within(u.p99, 500) });
  out.push({ key: "burst.lost", what: "Deadline burst: acknowledged but not in the database", target: "0", figure: String(u.lost ?? 0), met: (u.lost ?? 0) === 0 });
  out.push({
    key: "rss",
    what: `Server peak RSS over the whole run${rssScope(run)}`,
    target: "≤ 300 MB",
    figure: `${int(run.peakRssMb)} MB${memoryNote(run)}`,
    met: run.peakRssMb > 0 && run.peakRssMb <= 300,
  });
  return out;
}

/** Whose memory the RSS figure is: an instance's supervisor and workers together, the largest instance's. */
function rssScope(run: Pick<Run, "instances" | "workers" | "memoryExact">): string {
  const workers = run.workers ?? 1;
  const together = run.memoryExact === undefined ? "each one's peak added up" : run.memoryExact ? "each page in memory counted once" : "their RSS added up";
  const group = workers > 1 ? `supervisor and ${workers} workers together, ${together}` : "";
  const instances = (run.instances ?? 1) > 1 ? "largest instance" : "";
  const parts = [instances, group].filter(Boolean);
  return parts.length ? ` (${parts.join("; ")})` : "";
}

/** Beside the figure: with workers, what the processes' own peaks add up to (or, in older runs, their proportional set sizes). */
function memoryNote(run: Pick<Run, "peakRssAddedUpMb" | "peakPssMb">): string {
  if (run.peakRssAddedUpMb) return ` (each process's own peak added up: ${int(run.peakRssAddedUpMb)} MB)`;
  if (run.peakPssMb) return ` (shared pages counted once: at most ${int(run.peakPssMb)} MB, the processes' proportional set sizes added up, sampled once a second)`;
  return "";
}

type Results = Record<string, Run>;

/** A run's section in results.json: the database, how many instances and how many workers each, when more than one. */
export function runKey(run: Pick<Run, "database" | "instances" | "workers">): string {
  return `${run.database}${(run.instances ?? 1) > 1 ? `-${run.instances}x` : ""}${(run.workers ?? 1) > 1 ? `-${run.workers}w` : ""}`;
}

function label(r: Run): string {
  const db = r.database === "sqlite" ? "SQLite" : "PostgreSQL";
  const instances = (r.instances ?? 1) > 1 ? `, ${r.instances} instances` : "";
  return `${db}${instances}, ${(r.workers ?? 1) > 1 ? `${r.workers} workers` : "1 process"}`;
}

export function readResults(file: string): Results {
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Results;
  } catch {
    return {};
  }
}

function machineLine(r: Run) {
  return `${label(r)}: ${r.date.slice(0, 16).replace("T", " ")} UTC, ${r.machine.cpus} × ${r.machine.model}, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}; ${int(r.size.teams)} teams × ${r.size.k} judges each (${r.size.judges} judges), ${r.options.connections} connections, ${r.options.seconds} s per measurement; generation ${r.timings.generationSeconds.toFixed(0)} s, whole run ${r.timings.totalSeconds.toFixed(0)} s.`;
}

/** The markdown table: targets with the SQLite figure and, beside it, PostgreSQL with one instance and with more. */
export function markdown(results: Results): string {
  const order = (key: string) => (key.startsWith("sqlite") ? 0 : 1) * 10 + (key.includes("x") ? 2 : 0) + (key.endsWith("w") ? 0 : 1);
  const runs = Object.keys(results)
    .sort((a, b) => order(a) - order(b) || a.localeCompare(b))
    .map((k) => results[k] as Run);
  const perRun = runs.map((r) => new Map(checks(r).map((c) => [c.key, c])));
  const keys: { key: string; what: string; target: string }[] = [];
  for (const m of perRun) for (const c of m.values()) if (!keys.some((k) => k.key === c.key)) keys.push(c);
  const head = runs.map(label);
  const lines = [
    "# Benchmark results",
    "",
    "`npm run bench` (add `--pg` for PostgreSQL, `--instances 2` for two app instances sharing the load, `--workers N` for N server processes per instance;",
    "by default one per core, as `npm start` runs). Ceiling: a bare `node:http` server answering with the very bytes the app sent for that page",
    "(same content-type, uncompressed on both sides), in as many processes as the app has workers, measured in the same run.",
    "",
    ...runs.map((r) => `- ${machineLine(r)}`),
    "",
    `| what | target | ${head.map((h) => `${h} | met | `).join("")}`,
    `| --- | --- | ${head.map(() => "--- | --- | ").join("")}`,
    ...keys.map(
      (k) =>
        `| ${k.what} | ${k.target} | ${perRun
          .map((m) => {
            const c = m.get(k.key);
            return c ? `${c.figure} | ${c.met ? "met" : "**missed**"} | ` : "— | | ";
          })
          .join("")}`,
    ),
    "",
  ];
  for (const r of runs) {
    lines.push(
      `## Pages on ${label(r)}`,
      "",
      "| page | HTML | app req/s | p50 | p99 | ceiling req/s | ceiling p99 | % of ceiling | first wave (not counted): req/s, p99 |",
      "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    );
    for (const p of r.pages) {
      const wave = p.firstWave ? `${p.firstWave.rps.toFixed(1)}, ${ms(p.firstWave.p99)}` : "—";
      lines.push(
        `| ${p.what}${p.reference ? " — reference, no target" : ""} | ${int(p.bytes / 1000)} KB | ${p.app.rps.toFixed(1)} | ${ms(p.app.p50)} | ${ms(p.app.p99)} | ${int(p.ceiling.rps)} | ${ms(p.ceiling.p99)} | ${pct(p.percent)} | ${wave} |`,
      );
    }
    lines.push("");
    if (r.rssByPhaseMb) {
      lines.push(
        `Peak RSS by part of the run: ${Object.entries(r.rssByPhaseMb)
          .map(([k, v]) => `${k} ${int(v)} MB`)
          .join(", ")}.`,
        "",
      );
    }
  }
  return lines.map((l) => l.trimEnd()).join("\n");
}

export function write(jsonFile: string, mdFile: string, run: Run) {
  const results = { ...readResults(jsonFile), [runKey(run)]: run };
  writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`);
  const md = markdown(results);
  writeFileSync(mdFile, md);
  return md;
}

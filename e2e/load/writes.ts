// Writes under load, through the same endpoints the pages use: score saves (the scoring page's
// autosave endpoint) and the deadline burst (the submit action of the team's project page).
// Every acknowledged write is remembered so the database can be checked for it afterwards.
import type { Db } from "../../app/services/db.server";

export type Judge = { judgeId: string; assignmentId: string; cookie: string };

type Ack = { assignmentId: string; version: number; scores: Record<string, number>; comment: string };

export type SaveStats = { saves: number; perSecond: number; p50: number; p99: number; errors: number; seconds: number; unsent?: number };

export type SaveState = { versions: Map<string, number>; acks: Ack[] };

function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

export async function initialState(db: Db, judges: Judge[]): Promise<SaveState> {
  const rows = await db.judgment.findMany({ where: { assignmentId: { in: judges.map((j) => j.assignmentId) } }, select: { assignmentId: true, version: true } });
  return { versions: new Map(rows.map((r) => [r.assignmentId, r.version])), acks: [] };
}

async function saveOnce(base: string, origin: string, slug: string, judge: Judge, criteria: { id: string; scaleMin: number; scaleMax: number }[], state: SaveState, n: number) {
  const version = state.versions.get(judge.assignmentId) ?? 0;
  const scores = Object.fromEntries(criteria.map((c, i) => [c.id, c.scaleMin + ((n + i) % (c.scaleMax - c.scaleMin + 1))]));
  const comment = `Catatan juri, simpanan ke-${n}.`;
  const body = new URLSearchParams({ intent: "save", version: String(version), comment, privateNote: "" });
  for (const [id, value] of Object.entries(scores)) body.set(`score.${id}`, String(value));
  const res = await fetch(`${base}/juri/${slug}/nilai/${judge.assignmentId}/simpan`, {
    method: "POST",
    headers: { cookie: judge.cookie, origin, "x-forwarded-host": new URL(origin).host, "content-type": "application/x-www-form-urlencoded" },
    body,
  });
  const reply = (await res.json().catch(() => null)) as { ok?: boolean; version?: number; current?: { version: number } } | null;
  if (res.status === 200 && reply?.ok && typeof reply.version === "number") {
    state.versions.set(judge.assignmentId, reply.version);
    state.acks.push({ assignmentId: judge.assignmentId, version: reply.version, scores, comment });
    return true;
  }
  // A stale reply carries the stored version; the next save starts from it.
  if (reply?.current) state.versions.set(judge.assignmentId, reply.current.version);
  return false;
}

/** `bases`: the instances behind the load balancer; judge j always reaches bases[j % n]. */
type SaveRun = { bases: string[]; origin: string; slug: string; judges: Judge[]; criteria: { id: string; scaleMin: number; scaleMax: number }[]; state: SaveState; seconds: number };

/** Every judge saves again the moment the previous save is answered. */
export async function savesBackToBack(run: SaveRun): Promise<SaveStats> {
  const latencies: number[] = [];
  let errors = 0;
  let n = 0;
  const start = performance.now();
  const until = start + run.seconds * 1000;
  await Promise.all(
    run.judges.map(async (judge, j) => {
      while (performance.now() < until) {
        const t0 = performance.now();
        const ok = await saveOnce(run.bases[j % run.bases.length], run.origin, run.slug, judge, run.criteria, run.state, n++).catch(() => false);
        if (ok) latencies.push(performance.now() - t0);
        else errors++;
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  return { saves: latencies.length, perSecond: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors, seconds };
}

/**
 * A steady total rate spread evenly over the judges. Latency counts from the moment a save was
 * due, so a judge whose previous save was answered late is charged for the wait (no coordinated
 * omission).
 */
export async function savesAtRate(run: SaveRun & { perSecond: number }): Promise<SaveStats> {
  const latencies: number[] = [];
  let errors = 0;
  let unsent = 0;
  let n = 0;
  const interval = (1000 * run.judges.length) / run.perSecond;
  const start = performance.now() + 50;
  const until = start + run.seconds * 1000;
  await Promise.all(
    run.judges.map(async (judge, j) => {
      for (let due = start + (j * interval) / run.judges.length; due < until; due += interval) {
        // Saves that fall due after the run's end are not sent: they are counted, not timed.
        if (performance.now() >= until) {
          unsent++;
          continue;
        }
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const ok = await saveOnce(run.bases[j % run.bases.length], run.origin, run.slug, judge, run.criteria, run.state, n++).catch(() => false);
        if (ok) latencies.push(performance.now() - due);
        else errors++;
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  return { saves: latencies.length, perSecond: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors, seconds, unsent };
}

/**
 * Acknowledged saves missing from the database: the judgment must hold the last acknowledged
 * version with its values, and every acknowledged version must have its audit record.
 */
export async function lostSaves(db: Db, state: SaveState): Promise<number> {
  const ids = [...new Set(state.acks.map((a) => a.assignmentId))];
  const judgments = await db.judgment.findMany({ where: { assignmentId: { in: ids } }, include: { scores: true } });
  const byAssignment = new Map(judgments.map((j) => [j.assignmentId, j]));
  const audits = await db.auditLog.findMany({ where: { entity: "judgment", entityId: { in: judgments.map((j) => j.id) } }, select: { entityId: true, after: true } });
  const audited = new Set<string>();
  for (const a of audits) {
    try {
      const after = JSON.parse(a.after ?? "null") as { version?: number; scores?: Record<string, number> } | null;
      if (after?.version !== undefined) audited.add(`${a.entityId}|${after.version}|${JSON.stringify(sorted(after.scores ?? {}))}`);
    } catch {
      // An unreadable audit record proves nothing; the save it stood for counts as lost.
    }
  }
  const last = new Map<string, Ack>();
  for (const ack of state.acks) if ((last.get(ack.assignmentId)?.version ?? -1) < ack.version) last.set(ack.assignmentId, ack);
  let lost = 0;
  for (const ack of state.acks) {
    const j = byAssignment.get(ack.assignmentId);
    if (!j || !audited.has(`${j.id}|${ack.version}|${JSON.stringify(sorted(ack.scores))}`)) lost++;
  }
  for (const [assignmentId, ack] of last) {
    const j = byAssignment.get(assignmentId);
    const stored = j ? Object.fromEntries(j.scores.map((s) => [s.criterionId, s.value])) : null;
    if (!j || j.version !== ack.version || j.comment !== ack.comment || JSON.stringify(sorted(stored ?? {})) !== JSON.stringify(sorted(ack.scores))) lost++;
  }
  return lost;
}

function sorted(o: Record<string, number>) {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
}

export type Captain = { teamId: string; cookie: string };

export type BurstStats = {
  submissions: number;
  clients: number;
  acknowledged: number;
  errors: number;
  p50: number;
  p99: number;
  seconds: number;
  windowSeconds: number;
  lost?: number;
  statuses: Record<string, number>;
  /**
   * The same latencies split in two: each client's first submission (all sent together at the
   * start, onto a submit path the server has not run before) and all the others. Reported beside
   * the burst's p99, which counts every submission.
   */
  split?: { first: { count: number; p50: number; p99: number }; rest: { count: number; p50: number; p99: number } };
};

/** Each client submits the project of each of its teams in turn, all clients at once. */
export async function deadlineBurst(run: { bases: string[]; origin: string; captains: Captain[]; clients: number; trackId: string; windowSeconds: number }) {
  const latencies: number[] = [];
  const firsts: number[] = [];
  const others: number[] = [];
  const statuses: Record<string, number> = {};
  const acked: { teamId: string; title: string }[] = [];
  const start = performance.now();
  const deadline = start + run.windowSeconds * 1000;
  const queues = Array.from({ length: run.clients }, (_, c) => run.captains.filter((_, i) => i % run.clients === c));
  await Promise.all(
    queues.map(async (queue, c) => {
      const base = run.bases[c % run.bases.length];
      for (const [position, captain] of queue.entries()) {
        // Past the deadline the page refuses a submission; a client does not start one then.
        if (performance.now() >= deadline) {
          statuses.unsent = (statuses.unsent ?? 0) + 1;
          continue;
        }
        const title = `Karya tenggat ${captain.teamId.slice(0, 8)}`;
        const body = new URLSearchParams({
          intent: "submit",
          title,
          tagline: "Dikirim di menit terakhir",
          description: "## Karya\nDikirim tepat sebelum tenggat.",
          trackId: run.trackId,
          repoUrl: "https://github.com/kim-hackathon/tenggat",
          confirm: "on",
        });
        const t0 = performance.now();
        try {
          const res = await fetch(`${base}/tim/${captain.teamId}/karya`, {
            method: "POST",
            // As behind a load balancer, every instance is told the public host the client used.
            headers: { cookie: captain.cookie, origin: run.origin, "x-forwarded-host": new URL(run.origin).host, "content-type": "application/x-www-form-urlencoded" },
            body,
            redirect: "manual",
          });
          await res.arrayBuffer();
          const latency = performance.now() - t0;
          latencies.push(latency);
          (position === 0 ? firsts : others).push(latency);
          const ok = res.status === 302 && (res.headers.get("location") ?? "").includes("terkirim=1");
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          if (ok) acked.push({ teamId: captain.teamId, title });
        } catch {
          statuses.network = (statuses.network ?? 0) + 1;
        }
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const stats: BurstStats = {
    submissions: run.captains.length,
    clients: run.clients,
    acknowledged: acked.length,
    errors: run.captains.length - acked.length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    seconds,
    windowSeconds: run.windowSeconds,
    statuses,
    split: {
      first: { count: firsts.length, p50: percentile(firsts, 50), p99: percentile(firsts, 99) },
      rest: { count: others.length, p50: percentile(others, 50), p99: percentile(others, 99) },
    },
  };
  return { stats, acked };
}

/** Acknowledged submissions that are not stored as submitted with their title and a revision. */
export async function lostSubmissions(db: Db, acked: { teamId: string; title: string }[]): Promise<number> {
  const rows = await db.submission.findMany({ where: { teamId: { in: acked.map((a) => a.teamId) } }, select: { teamId: true, title: true, status: true, _count: { select: { revisions: true } } } });
  const byTeam = new Map(rows.map((r) => [r.teamId, r]));
  return acked.filter((a) => {
    const s = byTeam.get(a.teamId);
    return !s || s.status !== "SUBMITTED" || s.title !== a.title || s._count.revisions < 1;
  }).length;
}

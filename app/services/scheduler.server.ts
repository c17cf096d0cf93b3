// The in-process timer that drives scheduled work. Each job is a function of `now` that finds what
// is due and does it; making a unit of work happen once across several instances is the job's
// business (it claims the unit in the database, see app/models/scheduled-run.server.ts), so every
// instance may run the same ticks safely.

export type ScheduledJob = {
  /** Short name used in logs and in claim keys. */
  name: string;
  /** How often the job looks for due work. */
  everyMs: number;
  run: (now: Date) => Promise<void>;
};

export type Scheduler = {
  /** Runs every job once at `now` (tests and the first tick), one after another. */
  tick: (now?: Date) => Promise<void>;
  /** When each job last finished a run on this instance (ISO time), for the readiness report. */
  lastRuns: () => Record<string, string>;
  /** Stops the timers and waits for runs in flight. */
  stop: () => Promise<void>;
};

type Options = {
  clock?: () => Date;
  onError?: (job: string, error: unknown) => void;
  /** Delay before the first tick, so a starting server answers first. */
  firstTickMs?: number;
};

export function startScheduler(jobs: ScheduledJob[], options: Options = {}): Scheduler {
  const clock = options.clock ?? (() => new Date());
  const onError = options.onError ?? ((job, error) => console.error(`Tugas terjadwal "${job}" gagal:`, error));
  const running = new Map<string, Promise<void>>();
  const finished = new Map<string, Date>();
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;

  // A job never overlaps itself in one process: a tick that finds the previous run still going skips.
  const runJob = (job: ScheduledJob, now: Date) => {
    if (stopped || running.has(job.name)) return running.get(job.name) ?? Promise.resolve();
    const run = job
      .run(now)
      .catch((error: unknown) => onError(job.name, error))
      .finally(() => {
        running.delete(job.name);
        finished.set(job.name, new Date());
      });
    running.set(job.name, run);
    return run;
  };

  const tick = async (now = clock()) => {
    for (const job of jobs) await runJob(job, now);
  };

  const first = setTimeout(() => {
    for (const job of jobs) {
      void runJob(job, clock());
      const timer = setInterval(() => void runJob(job, clock()), job.everyMs);
      timer.unref();
      timers.push(timer);
    }
  }, options.firstTickMs ?? 5_000);
  first.unref();

  return {
    tick,
    lastRuns: () => Object.fromEntries([...finished].map(([name, at]) => [name, at.toISOString()])),
    stop: async () => {
      stopped = true;
      clearTimeout(first);
      for (const timer of timers) clearInterval(timer);
      await Promise.all(running.values());
    },
  };
}

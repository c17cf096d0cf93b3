// Claims on units of scheduled work, shared by every app instance through the database: the first
// instance to insert a unit's key does the work, the others see the key taken and skip it.
import { db, isUniqueViolation } from "~/services/db.server";

/** A claim older than this with no finish is taken to belong to an instance that died. */
export const STALE_CLAIM_MS = 15 * 60_000;

/**
 * Claims the unit `key` of `job` at `now`. True when this caller is the one to do it: the key was
 * free, or its earlier claim was left unfinished for longer than `staleMs`.
 */
export async function claimRun(key: string, job: string, now: Date, staleMs = STALE_CLAIM_MS): Promise<boolean> {
  try {
    await db.scheduledRun.create({ data: { key, job, claimedAt: now } });
    return true;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const taken = await db.scheduledRun.updateMany({
    where: { key, finishedAt: null, claimedAt: { lt: new Date(now.getTime() - staleMs) } },
    data: { claimedAt: now },
  });
  return taken.count === 1;
}

/** Records that the unit is done, with a short outcome for the organizer's list. */
export async function finishRun(key: string, now: Date, outcome: string) {
  await db.scheduledRun.update({ where: { key }, data: { finishedAt: now, outcome: outcome.slice(0, 200) } });
}

/** Gives the unit back (its work failed before anything was sent or written), so a later tick retries it. */
export async function releaseRun(key: string) {
  await db.scheduledRun.deleteMany({ where: { key, finishedAt: null } });
}

/**
 * Runs `work` once for the unit `key` across all instances: claims it, runs it, records the
 * outcome. Returns undefined when another caller has (or had) the unit. A failing unit is given
 * back and the error rethrown.
 */
export async function runOnce<T>(key: string, job: string, now: Date, work: () => Promise<{ outcome: string; value: T }>) {
  if (!(await claimRun(key, job, now))) return undefined;
  try {
    const { outcome, value } = await work();
    await finishRun(key, now, outcome);
    return { value };
  } catch (error) {
    await releaseRun(key);
    throw error;
  }
}

/** The units of a job whose key starts with `prefix` (e.g. one event's reminders), newest first. */
export function listRuns(prefix: string, take = 200) {
  return db.scheduledRun.findMany({ where: { key: { startsWith: prefix } }, orderBy: { claimedAt: "desc" }, take });
}

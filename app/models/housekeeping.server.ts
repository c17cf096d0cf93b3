// Hourly clean-up of rows that have expired: sessions, used or expired links and device tokens,
// rate-limit counters, and the claims of past clean-ups. Nothing here is needed once expired; the
// reads already ignore it, so this only keeps the tables small.
import { db } from "~/services/db.server";
import { runOnce } from "./scheduled-run.server";

const HOUR_MS = 3_600_000;
/** Used and expired links are kept a week (an old link still says "expired", not "unknown"), then dropped. */
const USED_TOKEN_KEEP_MS = 7 * 24 * HOUR_MS;

/** The claim key of the clean-up covering the hour `now` falls in (UTC). */
export function housekeepingKey(now: Date) {
  return `housekeeping:${new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS).toISOString()}`;
}

export async function removeExpired(now: Date) {
  const weekAgo = new Date(now.getTime() - USED_TOKEN_KEEP_MS);
  const [sessions, tokens, counters, runs] = await Promise.all([
    db.session.deleteMany({ where: { expiresAt: { lt: now } } }),
    db.userToken.deleteMany({
      where: { OR: [{ expiresAt: { lt: weekAgo } }, { usedAt: { lt: weekAgo } }] },
    }),
    db.rateLimiterFlexible.deleteMany({ where: { expire: { lt: now } } }),
    db.scheduledRun.deleteMany({ where: { job: "housekeeping", claimedAt: { lt: weekAgo } } }),
  ]);
  return { sessions: sessions.count, tokens: tokens.count, counters: counters.count, runs: runs.count };
}

/** Runs the clean-up of `now`'s hour unless some instance already has. */
export async function housekeeping(now: Date) {
  return runOnce(housekeepingKey(now), "housekeeping", now, async () => {
    const removed = await removeExpired(now);
    return { outcome: `${removed.sessions} sesi, ${removed.tokens} tautan, ${removed.counters} penghitung`, value: removed };
  });
}

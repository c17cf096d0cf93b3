import { describe, expect, it, vi } from "vitest";
import { createUser } from "../../prisma/seed-utils";
import { db } from "~/services/db.server";
import { startScheduler } from "~/services/scheduler.server";
import { housekeeping, housekeepingKey } from "./housekeeping.server";
import { claimRun, listRuns, runOnce, STALE_CLAIM_MS } from "./scheduled-run.server";

const T0 = new Date("2026-08-17T03:00:00.000Z");

describe("scheduled work claims", () => {
  it("gives a unit to exactly one of many concurrent claimants", async () => {
    const claims = await Promise.all(Array.from({ length: 8 }, () => claimRun("test:race", "test", T0)));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it("does the work once, records the outcome, and skips later callers", async () => {
    const work = vi.fn(async () => ({ outcome: "3 email", value: 3 }));
    const first = await runOnce("test:once", "test", T0, work);
    const second = await runOnce("test:once", "test", new Date(T0.getTime() + 60_000), work);
    expect(first).toEqual({ value: 3 });
    expect(second).toBeUndefined();
    expect(work).toHaveBeenCalledTimes(1);
    const [row] = await listRuns("test:once");
    expect(row).toMatchObject({ job: "test", outcome: "3 email", finishedAt: T0 });
  });

  it("gives a failed unit back so a later tick retries it", async () => {
    await expect(runOnce("test:fail", "test", T0, () => Promise.reject(new Error("smtp down")))).rejects.toThrow("smtp down");
    const retried = await runOnce("test:fail", "test", T0, async () => ({ outcome: "ok", value: 1 }));
    expect(retried).toEqual({ value: 1 });
  });

  it("takes over a claim left unfinished only once it is stale", async () => {
    expect(await claimRun("test:stale", "test", T0)).toBe(true);
    expect(await claimRun("test:stale", "test", new Date(T0.getTime() + STALE_CLAIM_MS))).toBe(false);
    expect(await claimRun("test:stale", "test", new Date(T0.getTime() + STALE_CLAIM_MS + 1))).toBe(true);
  });
});

describe("housekeeping", () => {
  it("removes expired sessions, week-old links and lapsed counters once per hour", async () => {
    const user = await createUser(db, { email: `hk-${Date.now()}@example.id`, name: "Rapi", password: "sandi-rapi-123" });
    const day = 864e5;
    await db.session.createMany({
      data: [
        { id: "hk-expired", userId: user.id, expiresAt: new Date(T0.getTime() - 1) },
        { id: "hk-live", userId: user.id, expiresAt: new Date(T0.getTime() + day) },
      ],
    });
    await db.userToken.createMany({
      data: [
        { userId: user.id, purpose: "PASSWORD_RESET", tokenHash: "hk-old", expiresAt: new Date(T0.getTime() - 8 * day) },
        { userId: user.id, purpose: "PASSWORD_RESET", tokenHash: "hk-recent", expiresAt: new Date(T0.getTime() - day) },
        { userId: user.id, purpose: "EMAIL_VERIFY", tokenHash: "hk-used", usedAt: new Date(T0.getTime() - 8 * day), expiresAt: new Date(T0.getTime() + day) },
      ],
    });
    await db.rateLimiterFlexible.createMany({
      data: [
        { key: "hk:lapsed", points: 3, expire: new Date(T0.getTime() - 1) },
        { key: "hk:live", points: 3, expire: new Date(T0.getTime() + 60_000) },
      ],
    });

    const done = await housekeeping(T0);
    expect(done?.value).toMatchObject({ sessions: 1, tokens: 2, counters: 1 });
    expect((await db.session.findMany({ where: { userId: user.id } })).map((s) => s.id)).toEqual(["hk-live"]);
    expect((await db.userToken.findMany({ where: { userId: user.id } })).map((t) => t.tokenHash)).toEqual(["hk-recent"]);
    expect(await db.rateLimiterFlexible.findUnique({ where: { key: "hk:live" } })).not.toBeNull();

    // The same hour again, from this or another instance: nothing to do.
    expect(await housekeeping(new Date(T0.getTime() + 59 * 60_000))).toBeUndefined();
    expect(housekeepingKey(new Date(T0.getTime() + 3_599_999))).toBe(housekeepingKey(T0));
    expect(housekeepingKey(new Date(T0.getTime() + 3_600_000))).not.toBe(housekeepingKey(T0));
  });
});

describe("scheduler", () => {
  it("runs each job at the injected time and never overlaps a job with itself", async () => {
    let release!: () => void;
    const seen: string[] = [];
    const slow = {
      name: "slow",
      everyMs: 60_000,
      run: (now: Date) => {
        seen.push(now.toISOString());
        return new Promise<void>((resolve) => (release = resolve));
      },
    };
    const scheduler = startScheduler([slow], { clock: () => T0, firstTickMs: 3_600_000 });
    const first = scheduler.tick();
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    const second = scheduler.tick(new Date(T0.getTime() + 1));
    release();
    await Promise.all([first, second]);
    expect(seen).toEqual([T0.toISOString()]);
    await scheduler.stop();
  });

  it("reports a failing job and keeps the others running", async () => {
    const errors: string[] = [];
    const ran: string[] = [];
    const scheduler = startScheduler(
      [
        { name: "broken", everyMs: 60_000, run: () => Promise.reject(new Error("boom")) },
        { name: "fine", everyMs: 60_000, run: async () => void ran.push("fine") },
      ],
      { firstTickMs: 3_600_000, onError: (job) => errors.push(job) },
    );
    expect(scheduler.lastRuns()).toEqual({});
    await scheduler.tick(T0);
    expect(errors).toEqual(["broken"]);
    expect(ran).toEqual(["fine"]);
    // Each job's last finished run is reported (for /readyz), failed or not.
    expect(Object.keys(scheduler.lastRuns()).sort()).toEqual(["broken", "fine"]);
    await scheduler.stop();
  });
});

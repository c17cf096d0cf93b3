import { describe, expect, it } from "vitest";
import { db, isPostgres, isUniqueViolation } from "./db.server";

describe("database client", () => {
  it("recognizes a unique violation from the query builder and from SQL, and nothing else", async () => {
    const key = `unique-${Date.now()}-${Math.random()}`;
    const caught = async (write: () => Promise<unknown>) =>
      write().then(
        () => null,
        (e: unknown) => e,
      );
    expect(await caught(() => db.scheduledRun.create({ data: { key, job: "test" } }))).toBeNull();
    expect(isUniqueViolation(await caught(() => db.scheduledRun.create({ data: { key, job: "test" } })))).toBe(true);
    expect(isUniqueViolation(await caught(() => db.$executeRaw`INSERT INTO "ScheduledRun" ("key", "job", "claimedAt") VALUES (${key}, ${"test"}, ${new Date()})`))).toBe(true);
    const other = await caught(() => db.$executeRaw`INSERT INTO "ScheduledRun" ("key", "job", "claimedAt") VALUES (${null}, ${"test"}, ${new Date()})`);
    expect(other).not.toBeNull();
    expect(isUniqueViolation(other)).toBe(false);
    expect(isUniqueViolation(new Error("UNIQUE constraint failed"))).toBe(false);
  });

  it("enforces foreign keys (a team of an unknown event is refused)", async () => {
    if (!isPostgres()) {
      const rows = await db.$queryRawUnsafe<{ foreign_keys: bigint | number }[]>("PRAGMA foreign_keys");
      expect(Number(rows[0].foreign_keys)).toBe(1);
    }
    await expect(db.team.create({ data: { eventId: "tidak-ada", name: "Tim Hantu", nameKey: "tim hantu", inviteCode: "HANTU001", inviteToken: "hantu-token-0001" } })).rejects.toThrow();
    expect(await db.team.count({ where: { nameKey: "tim hantu" } })).toBe(0);
  });

  it("runs a transaction as its first statement (no setup race with per-connection settings)", async () => {
    const count = await db.$transaction(async (tx) => tx.user.count());
    expect(count).toBeGreaterThanOrEqual(0);
  });
});

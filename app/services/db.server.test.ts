import { describe, expect, it } from "vitest";
import { db, isPostgres } from "./db.server";

describe("database client", () => {
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

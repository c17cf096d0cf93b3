import { describe, expect, it } from "vitest";
import { makeUser } from "~/test/event-helpers";
import { db, isPostgres, isUniqueViolation, Prisma, queryRows, queryTuples, SQLITE_CACHE_KIB } from "./db.server";

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

  it("keeps SQLite's page cache of the connection at its set size", async () => {
    if (isPostgres()) return;
    const rows = await db.$queryRawUnsafe<{ cache_size: bigint | number }[]>("PRAGMA cache_size");
    expect(Number(rows[0].cache_size)).toBe(-SQLITE_CACHE_KIB);
    expect(SQLITE_CACHE_KIB).toBeLessThan(16000);
  });

  it("runs a transaction as its first statement (no setup race with per-connection settings)", async () => {
    const count = await db.$transaction(async (tx) => tx.user.count());
    expect(count).toBeGreaterThanOrEqual(0);
  });

  it("reads rows as tuples from one JSON array, each value as the row-by-row read gives it", async () => {
    const names = [`Ti'm "Kutip" \\ garis\nbaru`, "Désa Sukamaju 🌾 — ñ", "Pengguna Biasa"];
    const users = await Promise.all(names.map((name, i) => makeUser({ name, isAdmin: i === 0 })));
    const ids = users.map((u) => u.id);
    const rest = Prisma.sql`FROM "User" u WHERE u."id" IN (${Prisma.join(ids)})`;
    const tuples = await queryTuples<[string, string, number, string | null, string | null]>(
      Prisma.sql`u."id", u."name", CASE WHEN u."isAdmin" THEN 1 ELSE 0 END, CAST(u."createdAt" AS TEXT), CAST(u."emailVerifiedAt" AS TEXT)`,
      rest,
    );
    const rows = await queryRows<{ id: string; name: string; admin: number | bigint; created: string | null; verified: string | null }[]>`
      SELECT u."id", u."name", CASE WHEN u."isAdmin" THEN 1 ELSE 0 END AS "admin", CAST(u."createdAt" AS TEXT) AS "created", CAST(u."emailVerifiedAt" AS TEXT) AS "verified" ${rest}`;
    expect(rows).toHaveLength(3);
    // In no particular order, as the helper says.
    const byId = <T extends readonly unknown[]>(list: T[]) => [...list].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(byId(tuples)).toEqual(byId(rows.map((r) => [r.id, r.name, Number(r.admin), r.created, r.verified])));
    expect(tuples.map((t) => t[1]).sort()).toEqual([...names].sort());
    expect(tuples.find((t) => t[0] === users[0].id)?.[2]).toBe(1);
    expect(typeof tuples[0][3]).toBe("string");
  });

  it("reads no rows as an empty list", async () => {
    expect(await queryTuples<[string]>(Prisma.sql`u."id"`, Prisma.sql`FROM "User" u WHERE u."id" = ${"tidak-ada"}`)).toEqual([]);
  });
});

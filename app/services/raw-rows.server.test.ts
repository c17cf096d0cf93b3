import { describe, expect, it } from "vitest";
import { Prisma } from "~/generated/sqlite/client";
import { makeEvent } from "~/test/event-helpers";
import { db, queryRows } from "./db.server";
import { Column, rawQueryOf, rowsOf } from "./raw-rows.server";

/** What `read` returns, and how many times it called `db.$queryRaw`. */
async function countingQueryRaw<T>(read: () => Promise<T>): Promise<{ result: T; calls: number }> {
  // The client is a proxy that makes `$queryRaw` on access: a property of our own shadows it,
  // and deleting that property uncovers it again.
  const original = db.$queryRaw;
  let calls = 0;
  const counted = (...args: Parameters<typeof original>) => {
    calls++;
    return original.apply(db, args);
  };
  Object.defineProperty(db, "$queryRaw", { configurable: true, writable: true, value: counted });
  try {
    return { result: await read(), calls };
  } finally {
    delete (db as { $queryRaw?: unknown }).$queryRaw;
  }
}

/** `queryRows` beside `db.$queryRaw` on the same statement, and whether it needed `$queryRaw`. */
async function both(query: Prisma.Sql) {
  const expected = await db.$queryRaw<Record<string, unknown>[]>(query);
  const { result: actual, calls } = await countingQueryRaw(() => queryRows<Record<string, unknown>[]>(query));
  return { expected, actual, askedPrisma: calls > 0 };
}

describe("rows read straight through the adapter", () => {
  it("are the rows $queryRaw returns, value for value, for every column type the pages read", async () => {
    const event = await makeEvent();
    const user = await db.user.create({
      data: { email: `baris-${Date.now()}@contoh.id`, name: "Siti Baris", passwordHash: "x", isAdmin: true, privacyVersion: 2, emailVerifiedAt: new Date("2026-08-17T10:00:00.123Z") },
    });
    const reads = [
      // Every column of a row with dates, booleans, integers and text (the request's event read).
      Prisma.sql`SELECT e.* FROM "Event" e WHERE e."id" = ${event.id}`,
      // Nulls, a nullable date set and one not set, a boolean, an integer column.
      Prisma.sql`SELECT "id", "email", "isAdmin", "privacyVersion", "emailVerifiedAt", "deletedAt", "whatsapp" FROM "User" WHERE "id" = ${user.id}`,
      // Computed columns: a count, a CASE, a literal fraction, a NULL, a text literal.
      Prisma.sql`SELECT COUNT(*) AS "n", CASE WHEN "isAdmin" THEN 1 ELSE 0 END AS "flag", 0.5 AS "half", NULL AS "nothing", 'teks' AS "word" FROM "User" WHERE "id" = ${user.id} GROUP BY "isAdmin"`,
      // Arguments of every type it takes: text, integer, fraction, boolean, null and a date.
      Prisma.sql`SELECT "id" FROM "Event" WHERE "id" = ${event.id} AND "minTeamSize" < ${30} AND "minTeamSize" * 1.0 > ${-2.5} AND "isPublic" = ${event.isPublic} AND COALESCE("bannerKey", ${null}) IS NULL AND "createdAt" < ${new Date("2999-01-01T00:00:00Z")}`,
      // No rows at all.
      Prisma.sql`SELECT "id", "createdAt" FROM "Event" WHERE "id" = ${"tidak-ada"}`,
      // A list of values.
      Prisma.sql`SELECT "id" FROM "User" WHERE "id" IN (${Prisma.join([user.id, "tidak-ada"])}) ORDER BY "id"`,
    ];
    for (const query of reads) {
      const { expected, actual, askedPrisma } = await both(query);
      expect(askedPrisma, query.sql).toBe(false);
      expect(actual, query.sql).toEqual(expected);
      for (const [i, row] of actual.entries()) for (const [k, v] of Object.entries(row)) expect(typeof v, `${query.sql}: ${k}`).toBe(typeof expected[i][k]);
    }
    const [eventRow] = (await both(reads[0])).actual;
    expect(eventRow.createdAt).toBeInstanceOf(Date);
    expect(eventRow.isPublic).toBe(event.isPublic);
    const [userRow] = (await both(reads[1])).actual;
    expect(userRow).toMatchObject({ isAdmin: true, privacyVersion: 2, emailVerifiedAt: new Date("2026-08-17T10:00:00.123Z"), deletedAt: null, whatsapp: null });
    expect(typeof (await both(reads[2])).actual[0].n).toBe("bigint");
  });

  it("leaves to $queryRaw what it does not take, with the same answer: writes, other arguments, errors", async () => {
    const key = `rows-${Date.now()}-${Math.random()}`;
    const write = await countingQueryRaw(() => queryRows(Prisma.sql`INSERT INTO "ScheduledRun" ("key", "job", "claimedAt") VALUES (${key}, ${"test"}, ${new Date()}) RETURNING "key"`));
    expect(write).toEqual({ result: [{ key }], calls: 1 });
    expect(await db.scheduledRun.count({ where: { key } })).toBe(1);
    const big = await both(Prisma.sql`SELECT "id" FROM "User" WHERE ${BigInt(1)} = 1`);
    expect(big.askedPrisma).toBe(true);
    expect(big.actual).toEqual(big.expected);
    const failed = await countingQueryRaw(() => queryRows(Prisma.sql`SELECT "tidakAda" FROM "User"`).catch((e: unknown) => e));
    expect(failed.calls).toBe(1);
    expect(failed.result).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
  });

  it("takes the tagged template as $queryRaw does", async () => {
    const id = "tidak-ada";
    expect(await queryRows`SELECT "id" FROM "User" WHERE "id" = ${id}`).toEqual([]);
    const rows = await queryRows<{ one: bigint | number }[]>`SELECT 1 AS "one"`;
    expect(Number(rows[0].one)).toBe(1);
  });
});

describe("the statement handed to the adapter", () => {
  it("describes each argument as Prisma's compiler does and numbers placeholders for PostgreSQL", () => {
    const at = new Date("2026-12-07T03:04:05.678Z");
    const query = Prisma.sql`SELECT "id" FROM "T" WHERE a = ${"s"} AND b = ${5} AND c = ${2.5} AND d = ${true} AND e = ${null} AND f = ${at}`;
    const sqlite = rawQueryOf(query, false);
    expect(sqlite?.sql).toBe(`SELECT "id" FROM "T" WHERE a = ? AND b = ? AND c = ? AND d = ? AND e = ? AND f = ?`);
    expect(sqlite?.args).toEqual(["s", 5, 2.5, true, null, "2026-12-07T03:04:05.678Z"]);
    expect(sqlite?.argTypes.map((t) => t.scalarType)).toEqual(["string", "int", "float", "boolean", "unknown", "datetime"]);
    expect(rawQueryOf(query, true)?.sql).toBe(`SELECT "id" FROM "T" WHERE a = $1 AND b = $2 AND c = $3 AND d = $4 AND e = $5 AND f = $6`);
  });

  it("is refused for writes, for arguments it does not describe, and for invalid dates", () => {
    expect(rawQueryOf(Prisma.sql`UPDATE "T" SET a = ${1}`, false)).toBeNull();
    expect(rawQueryOf(Prisma.sql`WITH x AS (DELETE FROM "T" RETURNING *) SELECT * FROM x`, false)).toBeNull();
    expect(rawQueryOf(Prisma.sql`SELECT ${BigInt(1)}`, false)).toBeNull();
    expect(rawQueryOf(Prisma.sql`SELECT ${Buffer.from("x")}`, false)).toBeNull();
    expect(rawQueryOf(Prisma.sql`SELECT ${new Date(Number.NaN)}`, false)).toBeNull();
    expect(rawQueryOf(Prisma.sql`SELECT ${Number.POSITIVE_INFINITY}`, false)).toBeNull();
    expect(rawQueryOf(Prisma.sql`SELECT ${{ a: 1 }}`, false)).toBeNull();
    expect(rawQueryOf(Prisma.sql`  with x as (select 1) select * from x`, false)).not.toBeNull();
  });
});

describe("the rows made of an adapter's answer", () => {
  it("turns each column type into $queryRaw's value and refuses types it does not convert", () => {
    const rows = rowsOf({
      columnNames: ["i", "big", "n", "yes", "no", "at", "day", "word", "x", "none"],
      columnTypes: [Column.Int32, Column.Int64, Column.Numeric, Column.Boolean, Column.Boolean, Column.DateTime, Column.Date, Column.Text, Column.UnknownNumber, Column.Int32],
      rows: [["7", "9007199254740993", "1.25", "1", false, "2026-12-07T03:04:05.678+00:00", "2026-12-07", "kata", 0.5, null]],
    });
    expect(rows).toEqual([
      { i: 7, big: 9007199254740993n, n: new Prisma.Decimal("1.25"), yes: true, no: false, at: new Date("2026-12-07T03:04:05.678Z"), day: new Date("2026-12-07"), word: "kata", x: 0.5, none: null },
    ]);
    expect(rowsOf({ columnNames: ["b"], columnTypes: [13], rows: [[[1, 2]]] })).toBeNull();
    expect(rowsOf({ columnNames: ["j"], columnTypes: [11], rows: [["{}"]] })).toBeNull();
    expect(rowsOf({ columnNames: [], columnTypes: [], rows: [] })).toEqual([]);
  });
});

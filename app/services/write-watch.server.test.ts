import { describe, expect, it } from "vitest";
import { judgingEvent } from "~/test/judging-fixture";
import { db } from "./db.server";
import { noteStatement, watchWrites, writtenTables } from "./write-watch.server";

describe("the table a statement writes to", () => {
  it("reads it from the query builder's SQL on SQLite and PostgreSQL and from hand-written SQL", () => {
    expect(writtenTables("INSERT INTO `main`.`Judgment` (`id`, `assignmentId`) VALUES (?,?) RETURNING `id`")).toEqual(["Judgment"]);
    expect(writtenTables('UPDATE "public"."Judgment" SET "version" = $1 WHERE "id" = $2')).toEqual(["Judgment"]);
    expect(writtenTables('DELETE FROM "Score" WHERE "judgmentId" = ?')).toEqual(["Score"]);
    expect(writtenTables("  insert or ignore into RoundEntry (id) values (?)")).toEqual(["RoundEntry"]);
    expect(writtenTables('INSERT INTO "AuditLog" ("id") VALUES ($1) ON CONFLICT DO NOTHING')).toEqual(["AuditLog"]);
  });

  it("reads every table a statement's common table expressions write", () => {
    const save = `WITH "saved" AS (UPDATE "Judgment" SET "version" = $1 WHERE "id" = $2 RETURNING "id"),
      "cleared" AS (DELETE FROM "Score" WHERE "judgmentId" = $3 AND EXISTS (SELECT 1 FROM "saved")),
      "scored" AS (INSERT INTO "Score" ("id") SELECT v."id" FROM "saved" CROSS JOIN (VALUES ($4)) AS v("id") ON CONFLICT ("judgmentId", "criterionId") DO UPDATE SET "value" = EXCLUDED."value"),
      "logged" AS (INSERT INTO "AuditLog" ("id") SELECT $5 FROM "saved")
      SELECT COUNT(*) AS "saved" FROM "saved"`;
    expect(writtenTables(save)).toEqual(["Judgment", "Score", "AuditLog"]);
    expect(writtenTables('with "saved" as (insert into "public"."Submission" ("id") values ($1) returning "id") select * from "saved"')).toEqual(["Submission"]);
  });

  it("says none for reads and everything else", () => {
    expect(writtenTables('SELECT "id" FROM "Judgment" WHERE "id" = ?')).toEqual([]);
    expect(writtenTables('WITH x AS (SELECT 1) SELECT * FROM "Team"')).toEqual([]);
    expect(writtenTables("BEGIN")).toEqual([]);
    expect(writtenTables("PRAGMA foreign_keys = ON")).toEqual([]);
    // A column named like a write keyword is not a write.
    expect(writtenTables('SELECT "updatedAt" FROM "Team"')).toEqual([]);
    expect(writtenTables('WITH x AS (SELECT "updatedAt", updated_at FROM "Team") SELECT * FROM x')).toEqual([]);
  });
});

describe("watching writes", () => {
  it("counts only the statements that write to a watched table", () => {
    const writes = watchWrites(["Judgment", "Score"]);
    noteStatement('UPDATE "Judgment" SET "version" = 2');
    noteStatement('DELETE FROM "Score"');
    noteStatement('INSERT INTO "AuditLog" ("id") VALUES (?)');
    noteStatement('SELECT * FROM "Judgment"');
    noteStatement('WITH "x" AS (SELECT 1) SELECT * FROM "Judgment"');
    expect(writes()).toBe(2);
    noteStatement('WITH "saved" AS (INSERT INTO "AuditLog" ("id") VALUES ($1) RETURNING "id") SELECT 1');
    expect(writes()).toBe(2);
    noteStatement('WITH "saved" AS (UPDATE "Judgment" SET "version" = 3 RETURNING "id") SELECT 1');
    expect(writes()).toBe(3);
  });

  it("sees every write the database client sends, built or raw, in a transaction or not, and no read", async () => {
    const { event } = await judgingEvent({ judges: 1, teams: 1 });
    const writes = watchWrites(["Region"]);
    const name = `Wilayah uji ${Date.now()}-${Math.random()}`;
    const region = await db.region.create({ data: { eventId: event.id, name } });
    expect(writes()).toBe(1);
    await db.region.findMany({ where: { eventId: event.id } });
    await db.$queryRaw`SELECT "id" FROM "Region" WHERE "id" = ${region.id}`;
    expect(writes()).toBe(1);
    await db.$executeRaw`UPDATE "Region" SET "order" = 7 WHERE "id" = ${region.id}`;
    expect(writes()).toBe(2);
    await db.$transaction(async (tx) => {
      await tx.region.update({ where: { id: region.id }, data: { order: 8 } });
      await tx.$executeRaw`UPDATE "Region" SET "order" = 9 WHERE "id" = ${region.id}`;
    });
    expect(writes()).toBe(4);
    await db.auditLog.create({ data: { action: "uji", entity: "region", entityId: region.id } });
    await db.region.delete({ where: { id: region.id } });
    expect(writes()).toBe(5);
  });
});

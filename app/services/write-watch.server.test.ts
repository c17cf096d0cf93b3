import { describe, expect, it } from "vitest";
import { judgingEvent } from "~/test/judging-fixture";
import { db } from "./db.server";
import { noteStatement, watchWrites, writtenTable } from "./write-watch.server";

describe("the table a statement writes to", () => {
  it("reads it from the query builder's SQL on SQLite and PostgreSQL and from hand-written SQL", () => {
    expect(writtenTable("INSERT INTO `main`.`Judgment` (`id`, `assignmentId`) VALUES (?,?) RETURNING `id`")).toBe("Judgment");
    expect(writtenTable('UPDATE "public"."Judgment" SET "version" = $1 WHERE "id" = $2')).toBe("Judgment");
    expect(writtenTable('DELETE FROM "Score" WHERE "judgmentId" = ?')).toBe("Score");
    expect(writtenTable("  insert or ignore into RoundEntry (id) values (?)")).toBe("RoundEntry");
    expect(writtenTable('INSERT INTO "AuditLog" ("id") VALUES ($1) ON CONFLICT DO NOTHING')).toBe("AuditLog");
  });

  it("says null for reads and everything else", () => {
    expect(writtenTable('SELECT "id" FROM "Judgment" WHERE "id" = ?')).toBeNull();
    expect(writtenTable('WITH x AS (SELECT 1) SELECT * FROM "Team"')).toBeNull();
    expect(writtenTable("BEGIN")).toBeNull();
    expect(writtenTable("PRAGMA foreign_keys = ON")).toBeNull();
    // A column named like a write keyword is not a write.
    expect(writtenTable('SELECT "updatedAt" FROM "Team"')).toBeNull();
  });
});

describe("watching writes", () => {
  it("counts only the statements that write to a watched table", () => {
    const writes = watchWrites(["Judgment", "Score"]);
    noteStatement('UPDATE "Judgment" SET "version" = 2');
    noteStatement('DELETE FROM "Score"');
    noteStatement('INSERT INTO "AuditLog" ("id") VALUES (?)');
    noteStatement('SELECT * FROM "Judgment"');
    expect(writes()).toBe(2);
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

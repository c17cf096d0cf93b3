import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { migrate, migrationFiles, providerOf } from "./migrate.ts";

describe("migration runner", () => {
  it("picks the provider from the URL and refuses others", () => {
    expect(providerOf("file:./data/kim.db")).toBe("sqlite");
    expect(providerOf("postgresql://u@h/db")).toBe("postgresql");
    expect(providerOf("postgres://u@h/db")).toBe("postgresql");
    expect(() => providerOf("mysql://u@h/db")).toThrow(/DATABASE_URL/);
  });

  it("ships the same migrations for both providers", () => {
    const names = (p: "sqlite" | "postgresql") => migrationFiles(p).map((m) => m.name);
    expect(names("sqlite").length).toBeGreaterThan(0);
    expect(names("postgresql")).toEqual(names("sqlite"));
  });

  it("applies pending migrations once, records them as Prisma does, and is idempotent", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "kim-migrate-")), "t.db");
    const first = await migrate(`file:${file}`);
    expect(first).toEqual(migrationFiles("sqlite").map((m) => m.name));
    expect(await migrate(`file:${file}`)).toEqual([]);

    const db = new Database(file);
    const rows = db.prepare(`SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations`).all() as {
      migration_name: string;
      checksum: string;
      finished_at: number | null;
      applied_steps_count: number;
    }[];
    const files = migrationFiles("sqlite");
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    for (const [i, r] of rows.entries()) {
      expect(r.checksum).toBe(createHash("sha256").update(files[i].sql).digest("hex"));
      expect(r.finished_at).not.toBeNull();
    }
    expect((db.pragma("journal_mode") as { journal_mode: string }[])[0].journal_mode).toBe("wal");
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE type='table' AND name='Event'`).get()).toBeTruthy();
    db.close();
  });

  it("refuses to continue when an applied migration was edited afterwards", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "kim-migrate-")), "t.db");
    await migrate(`file:${file}`);
    const db = new Database(file);
    db.prepare(`UPDATE _prisma_migrations SET checksum = 'tampered'`).run();
    db.close();
    await expect(migrate(`file:${file}`)).rejects.toThrow(/edited after it was applied/);
  });

  it("keeps child rows when a migration rebuilds their parent table (SQLite's table redefinition)", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "kim-migrate-")), "t.db");
    await migrate(`file:${file}`);
    const rebuild = migrationFiles("sqlite").find((m) => m.sql.includes('DROP TABLE "Event"'));
    expect(rebuild, "a migration that rebuilds the Event table").toBeDefined();
    const db = new Database(file);
    const now = Date.now();
    db.prepare(
      `INSERT INTO "Event" (id, slug, name, registrationOpensAt, registrationClosesAt, screeningClosesAt, submissionOpensAt, submissionClosesAt, announcementAt, updatedAt) VALUES ('e1', 'kim', 'KIM', ?, ?, ?, ?, ?, ?, ?)`,
    ).run(now, now, now, now, now, now, now);
    db.prepare(`INSERT INTO "Team" (id, eventId, name, nameKey, inviteCode, inviteToken, updatedAt) VALUES ('t1', 'e1', 'Tim', 'tim', 'C1', 'tok1', ?)`).run(now);
    // Pretend the rebuild has not run yet, so it runs again over existing data.
    db.prepare(`DELETE FROM "_prisma_migrations" WHERE migration_name = ?`).run(rebuild?.name);
    db.close();

    expect(await migrate(`file:${file}`)).toEqual([rebuild?.name]);
    const after = new Database(file);
    expect((after.prepare(`SELECT count(*) AS c FROM "Team"`).get() as { c: number }).c).toBe(1);
    expect((after.prepare(`SELECT count(*) AS c FROM "Event"`).get() as { c: number }).c).toBe(1);
    after.close();
  });
});

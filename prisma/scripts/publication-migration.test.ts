// The migration that lets a correction supersede a publication: certificates issued before it
// belong to their event's one publication afterwards, on SQLite and on PostgreSQL.
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { baseUrl, isPg, PG_PREFIX, pgUrlFor } from "~/test/db-template";
import { migrationFiles } from "./migrate.ts";

const TARGET = "publication_corrections";

function split(provider: "sqlite" | "postgresql") {
  const files = migrationFiles(provider);
  const at = files.findIndex((f) => f.name.endsWith(`_${TARGET}`));
  if (at < 0) throw new Error(`no ${TARGET} migration for ${provider}`);
  return { before: files.slice(0, at), target: files[at]! };
}

// Rows as the app left them before corrections existed: two events, one publication each.
const EXISTING = [
  {
    pub: "pub-a",
    event: "event-a",
    certs: [
      ["cert-a1", "code-a1-xxxxxxxxxx", "user-1", "PARTICIPANT"],
      ["cert-a2", "code-a2-xxxxxxxxxx", "user-2", "JUDGE"],
    ],
  },
  { pub: "pub-b", event: "event-b", certs: [["cert-b1", "code-b1-xxxxxxxxxx", "user-1", "PARTICIPANT"]] },
] as const;

describe(`migration ${TARGET}`, () => {
  it("gives SQLite certificates their event's publication", () => {
    const { before, target } = split("sqlite");
    const db = new Database(join(mkdtempSync(join(tmpdir(), "kim-pubmig-")), "t.db"));
    for (const m of before) db.exec(m.sql);
    // Parents of these rows are left out: foreign keys are not what this test is about.
    db.pragma("foreign_keys = OFF");
    const now = Date.now();
    for (const e of EXISTING) {
      db.prepare(`INSERT INTO "Publication" (id, "eventId", method, document, sha256, "publishedById", "publishedAt") VALUES (?, ?, 'raw', '{}', ?, 'user-0', ?)`).run(
        e.pub,
        e.event,
        `sha-${e.pub}`,
        now,
      );
      for (const [id, code, userId, kind] of e.certs) {
        db.prepare(`INSERT INTO "Certificate" (id, code, "eventId", "userId", kind, name, "issuedAt") VALUES (?, ?, ?, ?, ?, 'Nama', ?)`).run(id, code, e.event, userId, kind, now);
      }
    }
    db.exec(target.sql);
    const rows = db.prepare(`SELECT id, code, "publicationId" FROM "Certificate" ORDER BY id`).all();
    expect(rows).toEqual(EXISTING.flatMap((e) => e.certs.map(([id, code]) => ({ id, code, publicationId: e.pub }))));
    expect(db.prepare(`SELECT id, "supersedesId", "correctionReason" FROM "Publication" ORDER BY id`).all()).toEqual([
      { id: "pub-a", supersedesId: null, correctionReason: null },
      { id: "pub-b", supersedesId: null, correctionReason: null },
    ]);
    db.close();
  });

  it.skipIf(!isPg(baseUrl()))("gives PostgreSQL certificates their event's publication", async () => {
    const { before, target } = split("postgresql");
    const { default: pg } = await import("pg");
    const name = `${PG_PREFIX}pubmig_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: baseUrl() });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const client = new pg.Client({ connectionString: pgUrlFor(baseUrl(), name) });
    try {
      await client.connect();
      for (const m of before) await client.query(m.sql);
      // Parents of these rows are left out: foreign keys are not what this test is about.
      await client.query("SET session_replication_role = replica");
      for (const e of EXISTING) {
        await client.query(`INSERT INTO "Publication" (id, "eventId", method, document, sha256, "publishedById", "publishedAt") VALUES ($1, $2, 'raw', '{}', $3, 'user-0', now())`, [
          e.pub,
          e.event,
          `sha-${e.pub}`,
        ]);
        for (const [id, code, userId, kind] of e.certs) {
          await client.query(`INSERT INTO "Certificate" (id, code, "eventId", "userId", kind, name, "issuedAt") VALUES ($1, $2, $3, $4, $5, 'Nama', now())`, [id, code, e.event, userId, kind]);
        }
      }
      await client.query(target.sql);
      const { rows } = await client.query(`SELECT id, code, "publicationId" FROM "Certificate" ORDER BY id`);
      expect(rows).toEqual(EXISTING.flatMap((e) => e.certs.map(([id, code]) => ({ id, code, publicationId: e.pub }))));
      const nullable = await client.query(`SELECT is_nullable FROM information_schema.columns WHERE table_name = 'Certificate' AND column_name = 'publicationId'`);
      expect(nullable.rows).toEqual([{ is_nullable: "NO" }]);
    } finally {
      await client.end().catch(() => undefined);
      await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
      await admin.end();
    }
  });
});

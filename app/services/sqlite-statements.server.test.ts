import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { reusePreparedStatements } from "./sqlite-statements.server";

function database() {
  const db = new Database(":memory:");
  db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t (name) VALUES ('a'), ('b'), ('c')");
  return db;
}

describe("prepared statements reused by SQL text", () => {
  it("prepares a text once and gives each use its own parameters", () => {
    const db = database();
    const cache = reusePreparedStatements(db);
    const sql = "SELECT id, name FROM t WHERE id = ?";
    // The adapter's way: bind once, then read raw rows.
    const first = db.prepare(sql).bind([1]);
    const second = db.prepare(sql).bind([2]);
    expect(cache.size).toBe(1);
    expect(second.raw().all()).toEqual([[2, "b"]]);
    expect(first.raw().all()).toEqual([[1, "a"]]);
    expect(db.prepare(sql).bind([3]).reader).toBe(true);
    expect(
      db
        .prepare(sql)
        .bind([3])
        .columns()
        .map((c) => c.name),
    ).toEqual(["id", "name"]);
  });

  it("does not carry raw mode from one use to the next", () => {
    const db = database();
    reusePreparedStatements(db);
    const sql = "SELECT name FROM t WHERE id = ?";
    expect(db.prepare(sql).bind([1]).raw().all()).toEqual([["a"]]);
    expect(db.prepare(sql).all(1)).toEqual([{ name: "a" }]);
    expect(db.prepare(sql).get(2)).toEqual({ name: "b" });
  });

  it("runs writes and statements without parameters", () => {
    const db = database();
    reusePreparedStatements(db);
    db.prepare("BEGIN").run();
    expect(db.prepare("INSERT INTO t (name) VALUES (?)").bind(["d"]).run().changes).toBe(1);
    expect(db.prepare("INSERT INTO t (name) VALUES (?)").run("e").changes).toBe(1);
    db.prepare("COMMIT").run();
    expect(db.prepare("SELECT count(*) AS n FROM t").get()).toEqual({ n: 5 });
  });

  it("keeps at most `size` texts, dropping the least recently used", () => {
    const db = database();
    const cache = reusePreparedStatements(db, 2);
    const q = (n: number) => `SELECT ${n} AS n`;
    db.prepare(q(1));
    db.prepare(q(2));
    db.prepare(q(1));
    db.prepare(q(3));
    expect([...cache.keys()]).toEqual([q(1), q(3)]);
    expect(db.prepare(q(2)).get()).toEqual({ n: 2 });
  });

  it("still reports SQL errors at prepare time", () => {
    const db = database();
    reusePreparedStatements(db);
    expect(() => db.prepare("SELECT nope FROM t")).toThrow(/no such column/);
  });
});

import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { limitShape, reusePreparedStatements, withLimitsWritten } from "./sqlite-statements.server";

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

describe("LIMIT and OFFSET values written into the statement", () => {
  it("finds the placeholders after LIMIT and OFFSET only", () => {
    expect(limitShape("SELECT id FROM t WHERE id > ? ORDER BY id LIMIT ? OFFSET ?")).toEqual({
      pieces: ["SELECT id FROM t WHERE id > ? ORDER BY id LIMIT ", " OFFSET ", ""],
      at: [1, 2],
    });
    expect(limitShape("select * from t limit\n  ?")).toEqual({ pieces: ["select * from t limit\n  ", ""], at: [0] });
    expect(limitShape("SELECT id FROM t WHERE id = ?")).toBeNull();
    expect(limitShape("SELECT id FROM t LIMIT 5")).toBeNull();
  });

  it("skips quoted text, bracketed names and comments", () => {
    const sql = `SELECT 'LIMIT ?', "it's LIMIT ?", \`LIMIT ?\`, [LIMIT ?] /* LIMIT ? */ FROM t -- LIMIT ?
      WHERE name = 'o''LIMIT ?' AND id = ? LIMIT ?`;
    const shape = limitShape(sql);
    expect(shape?.at).toEqual([1]);
    expect(shape?.pieces[1]).toBe("");
  });

  it("leaves texts with numbered or named parameters alone", () => {
    expect(limitShape("SELECT id FROM t LIMIT ?1")).toBeNull();
    expect(limitShape("SELECT id FROM t WHERE id = :id LIMIT ?")).toBeNull();
    expect(limitShape("SELECT id FROM t WHERE id = @id LIMIT ?")).toBeNull();
    expect(limitShape("SELECT id FROM t WHERE id = $id LIMIT ?")).toBeNull();
    expect(limitShape("SELECT a$b FROM t LIMIT ?")?.at).toEqual([0]);
  });

  it("writes integer values in and keeps the other parameters in order", () => {
    const shape = limitShape("SELECT id FROM t WHERE id > ? LIMIT ? OFFSET ?")!;
    expect(withLimitsWritten(shape, [1, 2, 0])).toEqual({ sql: "SELECT id FROM t WHERE id > ? LIMIT 2 OFFSET 0", params: [1] });
    expect(withLimitsWritten(shape, [1, -1, 3n])).toEqual({ sql: "SELECT id FROM t WHERE id > ? LIMIT -1 OFFSET 3", params: [1] });
    expect(withLimitsWritten(shape, [1, 2.5, 0])).toBeNull();
    expect(withLimitsWritten(shape, [1, "2", 0])).toBeNull();
    expect(withLimitsWritten(shape, [1, 2 ** 60, 0])).toBeNull();
  });

  it("runs the statement with the values written in, cached as its own text", () => {
    const db = database();
    const cache = reusePreparedStatements(db);
    const sql = "SELECT id, name FROM t WHERE id >= ? ORDER BY id LIMIT ? OFFSET ?";
    expect(db.prepare(sql).bind([1, 2, 1]).raw().all()).toEqual([
      [2, "b"],
      [3, "c"],
    ]);
    expect(db.prepare(sql).all(1, 1, 0)).toEqual([{ id: 1, name: "a" }]);
    expect(db.prepare(sql).get([2, 5, 0])).toEqual({ id: 2, name: "b" });
    expect([...db.prepare(sql).bind([1, -1, 2]).iterate()]).toEqual([{ id: 3, name: "c" }]);
    expect(
      db
        .prepare(sql)
        .bind([1, 2, 0])
        .columns()
        .map((c) => c.name),
    ).toEqual(["id", "name"]);
    expect([...cache.keys()].sort()).toEqual(
      [
        sql,
        "SELECT id, name FROM t WHERE id >= ? ORDER BY id LIMIT 2 OFFSET 1",
        "SELECT id, name FROM t WHERE id >= ? ORDER BY id LIMIT 1 OFFSET 0",
        "SELECT id, name FROM t WHERE id >= ? ORDER BY id LIMIT 5 OFFSET 0",
        "SELECT id, name FROM t WHERE id >= ? ORDER BY id LIMIT -1 OFFSET 2",
      ].sort(),
    );
  });

  it("keeps a value that is not an integer a parameter, as SQLite takes it", () => {
    const db = database();
    const cache = reusePreparedStatements(db);
    const sql = "SELECT name FROM t ORDER BY id LIMIT ?";
    // SQLite reads a text limit as its number; it is bound, not written into the statement.
    expect(db.prepare(sql).all("2")).toEqual([{ name: "a" }, { name: "b" }]);
    expect(() => db.prepare(sql).all(1.5)).toThrow(/datatype mismatch/);
    expect([...cache.keys()]).toEqual([sql]);
  });

  it("leaves a statement unchanged when a question mark is only inside a string", () => {
    const db = database();
    const cache = reusePreparedStatements(db);
    expect(db.prepare("SELECT 'LIMIT ?' AS s, name FROM t WHERE id = ? LIMIT ?").all(2, 1)).toEqual([{ s: "LIMIT ?", name: "b" }]);
    expect([...cache.keys()]).toContain("SELECT 'LIMIT ?' AS s, name FROM t WHERE id = ? LIMIT 1");
  });

  it("writes limits inside a transaction's statements and keeps writes working", () => {
    const db = database();
    reusePreparedStatements(db);
    db.prepare("BEGIN").run();
    expect(db.prepare("DELETE FROM t WHERE id IN (SELECT id FROM t ORDER BY id DESC LIMIT ?)").bind([2]).run().changes).toBe(2);
    db.prepare("COMMIT").run();
    expect(db.prepare("SELECT name FROM t").all()).toEqual([{ name: "a" }]);
  });
});

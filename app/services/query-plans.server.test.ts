import { describe, expect, it } from "vitest";
import { db, queryPlanStats } from "./db.server";
import { liftValues, reuseQueryPlans, withValues } from "./query-plans.server";

const P = (name: string) => ({ $type: "Param", value: name });

describe("values lifted out of a query", () => {
  it("replaces filter values at any depth, and only those", () => {
    const query = {
      modelName: "Team",
      action: "findMany",
      query: {
        arguments: {
          where: {
            eventId: "ev1",
            status: { in: ["A", "B"] },
            name: { contains: "kim", mode: "insensitive" },
            deletedAt: null,
            OR: [{ size: { gte: 3 } }, { createdAt: { lt: { $type: "DateTime", value: "2026-12-05T00:00:00.000Z" } } }],
            members: { some: { userId: "u1", isCaptain: true } },
          },
          take: 10,
          skip: 20,
          orderBy: [{ createdAt: "desc" }],
        },
        selection: { id: true, members: { arguments: { where: { role: "LEAD" }, take: 1 }, selection: { id: true } } },
      },
    };
    const lifted = liftValues(query);
    const shape = JSON.parse(lifted.shape);
    expect(shape.query.arguments.where).toEqual({
      eventId: P("kim_0"),
      status: { in: ["A", "B"] },
      name: { contains: P("kim_1"), mode: "insensitive" },
      deletedAt: null,
      OR: [{ size: { gte: P("kim_2") } }, { createdAt: { lt: P("kim_3") } }],
      members: { some: { userId: P("kim_4"), isCaptain: P("kim_5") } },
    });
    expect(shape.query.arguments.take).toBe(10);
    expect(shape.query.arguments.orderBy).toEqual([{ createdAt: "desc" }]);
    expect(shape.query.selection.members.arguments).toEqual({ where: { role: P("kim_6") }, take: 1 });
    expect([...lifted.values.values()]).toEqual(["ev1", "kim", 3, { $type: "DateTime", value: "2026-12-05T00:00:00.000Z" }, "u1", true, "LEAD"]);
    // The same query with other values has the same shape.
    const other = structuredClone(query);
    other.query.arguments.where.eventId = "ev2";
    expect(liftValues(other).shape).toBe(lifted.shape);
  });

  it("leaves creates and upserts whole: their plans depend on the values", () => {
    for (const action of ["createOne", "upsertOne", "createMany"]) {
      const lifted = liftValues({ modelName: "Team", action, query: { arguments: { where: { id: "t1" }, data: { name: "x" } }, selection: { id: true } } });
      expect(lifted.values.size).toBe(0);
    }
  });

  it("puts values back into a copy of the plan, dates as their ISO text", () => {
    const plan = {
      args: [
        { prisma__type: "param", prisma__value: { name: "kim_0", type: "String" } },
        { prisma__type: "param", prisma__value: { name: "kim_1", type: "DateTime" } },
        { prisma__type: "param", prisma__value: { name: "1$id", type: "String" } },
      ],
    };
    const bound = withValues(
      plan,
      new Map<string, never>([
        ["kim_0", "a" as never],
        ["kim_1", { $type: "DateTime", value: "2026-12-05T00:00:00.000Z" } as never],
      ]),
    );
    expect(bound).toEqual({ args: ["a", "2026-12-05T00:00:00.000Z", plan.args[2]] });
    expect(plan.args[0]).toEqual({ prisma__type: "param", prisma__value: { name: "kim_0", type: "String" } });
  });

  it("copies only the branches that hold a placeholder", () => {
    const untouched = { type: "select", columns: ["id", "name"] };
    const plan = { first: untouched, second: { where: [{ prisma__type: "param", prisma__value: { name: "kim_0", type: "String" } }] } };
    const bound = withValues(plan, new Map([["kim_0", "x"]])) as typeof plan;
    expect(bound).toEqual({ first: untouched, second: { where: ["x"] } });
    expect(bound.first).toBe(untouched);
    expect(bound).not.toBe(plan);
    expect(withValues(untouched, new Map([["kim_0", "x"]]))).toBe(untouched);
  });
});

/** A stand-in compiler: its plan lists the filter's values, and placeholders as the real one does. */
function fakeCompiler(valueDependent = false) {
  const compiled: string[] = [];
  class Compiler {
    compile(text: string) {
      compiled.push(text);
      const query = JSON.parse(text) as { query: { arguments: { where: Record<string, unknown> } } };
      const args = Object.entries(query.query.arguments.where).map(([field, v]) => {
        const value = v as { $type?: string; value?: string };
        if (value?.$type === "Param") return { prisma__type: "param", prisma__value: { name: value.value, type: field === "role" ? "Role" : "String" } };
        return value;
      });
      return { sql: valueDependent && args.some((a) => (a as unknown) === "special") ? "special" : "plain", args };
    }
  }
  return { Compiler, compiled };
}

/** A stand-in compiler of raw statements: the plan Prisma's makes, or one that does not hold the arguments as they came. */
function fakeRawCompiler(transform = (v: unknown) => v) {
  const compiled: string[] = [];
  class Compiler {
    compile(text: string) {
      compiled.push(text);
      const { action, query } = JSON.parse(text) as { action: string; query: { arguments: { query: string; parameters: string } } };
      const parameters = JSON.parse(query.arguments.parameters) as unknown[];
      const plain = parameters.map((p) => (typeof p === "object" && p !== null ? (p as { prisma__value: unknown }).prisma__value : p));
      return {
        type: action === "queryRaw" ? "query" : "execute",
        args: { type: "rawSql", sql: query.arguments.query, args: plain.map(transform), argTypes: parameters.map((p) => ({ arity: "scalar", scalarType: typeof p })) },
      };
    }
  }
  return { Compiler, compiled };
}

const raw = (sql: string, parameters: unknown[], action = "queryRaw") => JSON.stringify({ action, query: { arguments: { query: sql, parameters: JSON.stringify(parameters) }, selection: {} } });

const findMany = (where: Record<string, unknown>) => JSON.stringify({ modelName: "Team", action: "findMany", query: { arguments: { where }, selection: { id: true } } });

describe("kept plans", () => {
  it("compiles a shape once and serves each use its own values", () => {
    const { Compiler, compiled } = fakeCompiler();
    const { stats } = reuseQueryPlans(Compiler);
    const compiler = new Compiler();
    expect(compiler.compile(findMany({ id: "a" }))).toEqual({ sql: "plain", args: ["a"] });
    expect(compiler.compile(findMany({ id: "b" }))).toEqual({ sql: "plain", args: ["b"] });
    expect(compiled).toHaveLength(1);
    expect(stats).toMatchObject({ compiled: 1, hits: 1 });
  });

  it("keeps a value literal where its type's literal form is not known, one plan per value", () => {
    const { Compiler, compiled } = fakeCompiler();
    reuseQueryPlans(Compiler);
    const compiler = new Compiler();
    expect(compiler.compile(findMany({ id: "a", role: "LEAD" }))).toEqual({ sql: "plain", args: ["a", "LEAD"] });
    expect(compiler.compile(findMany({ id: "b", role: "LEAD" }))).toEqual({ sql: "plain", args: ["b", "LEAD"] });
    expect(compiler.compile(findMany({ id: "c", role: "MEMBER" }))).toEqual({ sql: "plain", args: ["c", "MEMBER"] });
    // the placeholder shape, then one partly literal plan for each role
    expect(compiled).toHaveLength(3);
  });

  it("with the check on, refuses a kept plan that differs from the compiled one", () => {
    const { Compiler } = fakeCompiler(true);
    reuseQueryPlans(Compiler, { check: true });
    const compiler = new Compiler();
    compiler.compile(findMany({ id: "a" }));
    expect(() => compiler.compile(findMany({ id: "special" }))).toThrow(/differs from the compiled one/);
  });

  it("keeps a raw statement's plan by its text and the kinds of its arguments", () => {
    const { Compiler, compiled } = fakeRawCompiler();
    const { stats } = reuseQueryPlans(Compiler);
    const compiler = new Compiler();
    const sql = "SELECT * FROM t WHERE a = ? AND b > ?";
    const date = (iso: string) => ({ prisma__type: "date", prisma__value: iso });
    expect(compiler.compile(raw(sql, ["x", date("2026-12-05T00:00:00.000Z")]))).toMatchObject({ type: "query", args: { sql, args: ["x", "2026-12-05T00:00:00.000Z"] } });
    expect(compiler.compile(raw(sql, ["y", date("2026-12-06T00:00:00.000Z")]))).toMatchObject({ type: "query", args: { sql, args: ["y", "2026-12-06T00:00:00.000Z"] } });
    expect(compiled).toHaveLength(1);
    // Another kind of argument, another action, another text: each compiled once of its own.
    compiler.compile(raw(sql, [1, date("2026-12-05T00:00:00.000Z")]));
    compiler.compile(raw(sql, [1.5, date("2026-12-05T00:00:00.000Z")]));
    compiler.compile(raw(sql, [2 ** 40, date("2026-12-05T00:00:00.000Z")]));
    compiler.compile(raw(sql, [null, date("2026-12-05T00:00:00.000Z")]));
    compiler.compile(raw(sql, ["x", date("2026-12-05T00:00:00.000Z")], "executeRaw"));
    compiler.compile(raw(`${sql} LIMIT 1`, ["x", date("2026-12-05T00:00:00.000Z")]));
    expect(compiled).toHaveLength(7);
    expect(compiler.compile(raw(sql, [7, date("2026-12-07T00:00:00.000Z")]))).toMatchObject({ args: { args: [7, "2026-12-07T00:00:00.000Z"] } });
    expect(compiled).toHaveLength(7);
    expect(stats).toMatchObject({ compiled: 7, hits: 2 });
  });

  it("compiles a raw statement every time where its plan does not hold its arguments as sent, or they are lists", () => {
    const { Compiler, compiled } = fakeRawCompiler((v) => (typeof v === "string" ? v.toUpperCase() : v));
    reuseQueryPlans(Compiler);
    const compiler = new Compiler();
    expect(compiler.compile(raw("SELECT ?", ["a"]))).toMatchObject({ args: { args: ["A"] } });
    expect(compiler.compile(raw("SELECT ?", ["b"]))).toMatchObject({ args: { args: ["B"] } });
    expect(compiled).toHaveLength(2);
    compiler.compile(raw("SELECT ? AS l", [[1, 2]]));
    compiler.compile(raw("SELECT ? AS l", [[1, 2]]));
    expect(compiled).toHaveLength(4);
  });

  it("runs the app's raw statements from kept plans with their own arguments", async () => {
    const job = `raw-${Math.random()}`;
    const at = (h: number) => new Date(Date.UTC(2026, 11, 5, h));
    await db.scheduledRun.createMany({ data: [1, 2, 3].map((h) => ({ key: `${job}-${h}`, job, claimedAt: at(h) })) });
    const keys = async (until: Date) =>
      (await db.$queryRaw<{ key: string }[]>`SELECT "key" FROM "ScheduledRun" WHERE "job" = ${job} AND "claimedAt" < ${until} ORDER BY "claimedAt"`).map((r) => r.key);
    expect(await keys(at(2))).toEqual([`${job}-1`]);
    const before = queryPlanStats.hits;
    expect(await keys(at(4))).toEqual([`${job}-1`, `${job}-2`, `${job}-3`]);
    const done = (outcome: string, from: Date) => db.$executeRaw`UPDATE "ScheduledRun" SET "outcome" = ${outcome} WHERE "job" = ${job} AND "claimedAt" >= ${from}`;
    expect(await done("first", at(1))).toBe(3);
    expect(await done("second", at(3))).toBe(1);
    const outcomes = await db.scheduledRun.findMany({ where: { job }, orderBy: { claimedAt: "asc" }, select: { outcome: true } });
    expect(outcomes.map((r) => r.outcome)).toEqual(["first", "first", "second"]);
    expect(queryPlanStats.hits).toBeGreaterThanOrEqual(before + 2);
  });

  it("serves the app's queries from kept plans with their own values", async () => {
    const job = `plans-${Math.random()}`;
    const at = (h: number) => new Date(Date.UTC(2026, 11, 5, h));
    await db.scheduledRun.createMany({ data: [1, 2, 3].map((h) => ({ key: `${job}-${h}`, job, claimedAt: at(h) })) });
    const before = queryPlanStats.hits;
    const keys = async (until: Date) => (await db.scheduledRun.findMany({ where: { job, claimedAt: { lt: until } }, orderBy: { claimedAt: "asc" } })).map((r) => r.key);
    expect(await keys(at(2))).toEqual([`${job}-1`]);
    expect(await keys(at(4))).toEqual([`${job}-1`, `${job}-2`, `${job}-3`]);
    expect(await db.scheduledRun.findUnique({ where: { key: `${job}-2` } })).toMatchObject({ claimedAt: at(2) });
    expect(await db.scheduledRun.findUnique({ where: { key: `${job}-3` } })).toMatchObject({ claimedAt: at(3) });
    expect(await db.scheduledRun.updateMany({ where: { job, claimedAt: { gte: at(2) } }, data: { outcome: "ok" } })).toEqual({ count: 2 });
    expect(await db.scheduledRun.count({ where: { job, outcome: "ok" } })).toBe(2);
    expect(queryPlanStats.hits).toBeGreaterThanOrEqual(before + 2);
  });
});

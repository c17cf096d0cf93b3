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

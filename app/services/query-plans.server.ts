// Query plans kept for reuse. Prisma's client engine turns every query into a plan with its
// WebAssembly query compiler, anew for each query, with the query's values written into the plan:
// about half of the CPU a Prisma query costs (measured on a one-row read: 48 % of its time in the
// compiler). The compiler also takes named placeholders in place of values and leaves them in the
// plan as parameters. So a query's filter values are lifted out into placeholders, the plan of
// that shape is compiled once and kept, and each use gets a copy with its own values put back in.
// A copy is the very plan the compiler would have made from the literal query: where a value's
// type is not one whose literal form is known here (an enum, JSON, bytes, a decimal), that value
// stays literal and is part of the key instead.
const KEPT_PLANS = 2000;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Param = { prisma__type: "param"; prisma__value: { name: string; type: string } };
type Compiler = { compile(query: string): unknown };
type CompilerClass = { prototype: Compiler };

/**
 * Placeholder types whose literal form in a plan is the value itself (a date: its ISO text). Not
 * integers: a literal one is written as text of the type bigint, a placeholder as a number of the type int.
 */
const PLAIN_TYPES = new Set(["String", "Boolean", "DateTime"]);
/** Filter keys whose value is not a field's value, or is a list the compiler wants literal. */
const LITERAL_KEYS = new Set(["mode", "in", "notIn", "has", "hasSome", "hasEvery", "search", "path", "array_contains", "array_starts_with", "array_ends_with"]);
const PREFIX = "kim_";
/**
 * Actions whose plan does not depend on the values of their filters. Not an upsert: its plan is
 * a native ON CONFLICT only where the filter's values equal those it would create.
 */
const LIFTED_ACTIONS = new Set(["findMany", "findFirst", "findFirstOrThrow", "findUnique", "findUniqueOrThrow", "aggregate", "groupBy", "updateOne", "updateMany", "deleteOne", "deleteMany"]);

type Lifted = { shape: string; values: Map<string, Json>; action: string };

/**
 * The query with the values of its filters (`where`, at any depth of the selection) replaced by
 * named placeholders, and those values by name.
 */
export function liftValues(input: unknown): Lifted {
  const query = input as Json;
  const values = new Map<string, Json>();
  const lift = (value: Json): Json => {
    const name = `${PREFIX}${values.size}`;
    values.set(name, value);
    return { $type: "Param", value: name };
  };
  const filter = (node: Json, key: string | null): Json => {
    if (node === null) return null;
    if (key !== null && LITERAL_KEYS.has(key)) return node;
    if (typeof node === "string" || typeof node === "boolean" || (typeof node === "number" && Number.isFinite(node))) return lift(node);
    if (typeof node !== "object") return node;
    if (Array.isArray(node)) return key === "AND" || key === "OR" || key === "NOT" ? node.map((n) => filter(n, null)) : node;
    if (node.$type === "DateTime" && typeof node.value === "string") return lift(node);
    if (typeof node.$type === "string") return node; // other tagged values (bytes, decimals, field references) stay
    const out: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(node)) out[k] = filter(v, k);
    return out;
  };
  const walk = (node: Json): Json => {
    if (node === null || typeof node !== "object") return node;
    if (Array.isArray(node)) return node.map(walk);
    const out: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(node)) out[k] = k === "where" && v !== null && typeof v === "object" && !Array.isArray(v) ? filter(v, null) : walk(v);
    return out;
  };
  const action = query !== null && typeof query === "object" && !Array.isArray(query) && typeof query.action === "string" ? query.action : "";
  if (!LIFTED_ACTIONS.has(action)) return { shape: "", values: new Map(), action };
  return { shape: JSON.stringify(walk(query)), values, action };
}

function isParam(node: unknown): node is Param {
  return typeof node === "object" && node !== null && (node as Param).prisma__type === "param" && typeof (node as Param).prisma__value?.name === "string";
}

/** Every placeholder of ours in a plan, with its type. */
function paramsOf(plan: unknown, found = new Map<string, string>()): Map<string, string> {
  if (isParam(plan)) {
    if (plan.prisma__value.name.startsWith(PREFIX)) found.set(plan.prisma__value.name, plan.prisma__value.type);
  } else if (Array.isArray(plan)) {
    for (const item of plan) paramsOf(item, found);
  } else if (typeof plan === "object" && plan !== null) {
    for (const item of Object.values(plan)) paramsOf(item, found);
  }
  return found;
}

/** The form a value takes in a plan compiled from the literal query: a date as its ISO text. */
function planValue(value: Json): Json {
  return typeof value === "object" && value !== null && !Array.isArray(value) && value.$type === "DateTime" ? value.value : value;
}

/** A copy of the plan with our placeholders replaced by their values. */
export function withValues(plan: unknown, values: Map<string, Json>): unknown {
  if (isParam(plan)) {
    const name = plan.prisma__value.name;
    return name.startsWith(PREFIX) && values.has(name) ? planValue(values.get(name)!) : plan;
  }
  if (Array.isArray(plan)) return plan.map((item) => withValues(item, values));
  if (typeof plan === "object" && plan !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(plan)) out[k] = withValues(v, values);
    return out;
  }
  return plan;
}

/** A compiled shape: its plan, or the names whose values must stay literal (then one plan per their values). */
type Entry = { plan: unknown } | { literal: string[]; plans: Map<string, unknown> };

export type PlanStats = { hits: number; compiled: number; literal: number };

/**
 * Makes the compiler's `compile` answer from kept plans. With `check`, every plan served from the
 * cache is compared with the one compiled from the literal query, and a difference throws.
 */
export function reuseQueryPlans(compilerClass: CompilerClass, options: { size?: number; check?: boolean } = {}): { plans: Map<string, Entry>; stats: PlanStats } {
  const size = options.size ?? KEPT_PLANS;
  const compile = compilerClass.prototype.compile;
  const plans = new Map<string, Entry>();
  const stats: PlanStats = { hits: 0, compiled: 0, literal: 0 };
  const keep = (key: string, entry: Entry) => {
    if (plans.size >= size) plans.delete(plans.keys().next().value as string);
    plans.set(key, entry);
  };
  compilerClass.prototype.compile = function (this: Compiler, text: string) {
    let lifted: Lifted;
    try {
      lifted = liftValues(JSON.parse(text) as Json);
    } catch {
      return compile.call(this, text);
    }
    if (!lifted.values.size || !LIFTED_ACTIONS.has(lifted.action)) {
      stats.literal++;
      return compile.call(this, text);
    }
    let entry = plans.get(lifted.shape);
    let plan: unknown;
    if (entry) {
      plans.delete(lifted.shape);
      plans.set(lifted.shape, entry);
    } else {
      let compiled: unknown;
      try {
        compiled = compile.call(this, lifted.shape);
      } catch {
        // A placeholder where the compiler wants a value: this shape is compiled literally.
        keep(lifted.shape, (entry = { literal: [...lifted.values.keys()], plans: new Map() }));
        compiled = undefined;
      }
      if (compiled !== undefined) {
        const types = paramsOf(compiled);
        const literal = [...lifted.values.keys()].filter((name) => !PLAIN_TYPES.has(types.get(name) ?? ""));
        entry = literal.length ? { literal, plans: new Map() } : { plan: compiled };
        keep(lifted.shape, entry);
        if (!literal.length) plan = compiled;
      }
    }
    if (entry && "plan" in entry) {
      if (plan === undefined) stats.hits++;
      else stats.compiled++;
      plan = entry.plan;
    } else if (entry) {
      // Some values stay literal: one plan per those values, the others still placeholders.
      const literalValues = entry.literal.map((name) => lifted.values.get(name)!);
      const key = JSON.stringify(literalValues);
      plan = entry.plans.get(key);
      if (plan === undefined) {
        if (entry.literal.length === lifted.values.size) {
          stats.literal++;
          return compile.call(this, text);
        }
        const partial = withValuesInQuery(lifted.shape, new Map(entry.literal.map((name) => [name, lifted.values.get(name)!])));
        plan = compile.call(this, partial);
        if (entry.plans.size >= 16) entry.plans.delete(entry.plans.keys().next().value as string);
        entry.plans.set(key, plan);
        stats.compiled++;
      } else stats.hits++;
    }
    const bound = withValues(plan, lifted.values);
    if (options.check) {
      const direct = compile.call(this, text);
      if (JSON.stringify(direct) !== JSON.stringify(bound)) {
        throw new Error(`A kept query plan differs from the compiled one for ${text}\nkept: ${JSON.stringify(bound)}\ncompiled: ${JSON.stringify(direct)}`);
      }
    }
    return bound;
  };
  return { plans, stats };
}

/** The query text with the named placeholders given back their values. */
function withValuesInQuery(shape: string, values: Map<string, Json>): string {
  const put = (node: Json): Json => {
    if (node === null || typeof node !== "object") return node;
    if (Array.isArray(node)) return node.map(put);
    if (node.$type === "Param" && typeof node.value === "string" && values.has(node.value)) return values.get(node.value)!;
    const out: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(node)) out[k] = put(v);
    return out;
  };
  return JSON.stringify(put(JSON.parse(shape) as Json));
}

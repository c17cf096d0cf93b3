// Query plans kept for reuse. Prisma's client engine turns every query into a plan with its
// WebAssembly query compiler, anew for each query, with the query's values written into the plan:
// about half of the CPU a Prisma query costs (measured on a one-row read: 48 % of its time in the
// compiler). The compiler also takes named placeholders in place of values and leaves them in the
// plan as parameters. So a query's filter values are lifted out into placeholders, the plan of
// that shape is compiled once and kept, and each use gets a copy with its own values put back in.
// A copy is the very plan the compiler would have made from the literal query: where a value's
// type is not one whose literal form is known here (an enum, JSON, bytes, a decimal), that value
// stays literal and is part of the key instead. Raw SQL ($queryRaw, $executeRaw) goes through the
// same compiler; its plan is kept by the text and the kinds of its arguments, and each use gets
// its own arguments.
import { RecentlyUsed } from "./recently-used.server";

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

/**
 * The plan with our placeholders replaced by their values: the branches that hold one are copied,
 * the others shared with the kept plan (the client reads a plan, never changes it).
 */
export function withValues(plan: unknown, values: Map<string, Json>): unknown {
  if (isParam(plan)) {
    const name = plan.prisma__value.name;
    return name.startsWith(PREFIX) && values.has(name) ? planValue(values.get(name)!) : plan;
  }
  if (Array.isArray(plan)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < plan.length; i++) {
      const item = withValues(plan[i], values);
      if (item !== plan[i]) (out ??= plan.slice())[i] = item;
    }
    return out ?? plan;
  }
  if (typeof plan === "object" && plan !== null) {
    let out: Record<string, unknown> | null = null;
    for (const [k, v] of Object.entries(plan)) {
      const item = withValues(v, values);
      if (item !== v) (out ??= { ...plan })[k] = item;
    }
    return out ?? plan;
  }
  return plan;
}

/** Raw SQL: its plan is the text, the arguments in their plan form, and each argument's type. */
type RawPlan = { type: string; args: { sql: string; args: Json[]; argTypes: unknown[] } & Record<string, unknown> };

/**
 * What is kept for a key: a shape's plan; or the names of its values that must stay literal, with
 * one plan per their values; or a raw statement's plan; or that the query is compiled as it is.
 */
type Entry = { kind: "shape"; plan: unknown } | { kind: "partial"; literal: string[]; plans: RecentlyUsed<string, unknown> } | { kind: "raw"; plan: RawPlan } | { kind: "literal" };

export type PlanStats = { hits: number; compiled: number; literal: number };

const RAW_ACTIONS = new Set(["queryRaw", "executeRaw"]);
const ACTION = /^\{"action":"(\w+)"/;

/** The query's action, read from the head of its text where Prisma writes it (else from the whole). */
function actionOf(text: string): string {
  const head = ACTION.exec(text);
  if (head) return head[1];
  try {
    const query = JSON.parse(text) as { action?: unknown };
    return typeof query.action === "string" ? query.action : "";
  } catch {
    return "";
  }
}

type Tagged = { prisma__type: string; prisma__value: string };
const isTagged = (value: unknown): value is Tagged =>
  typeof value === "object" && value !== null && typeof (value as Tagged).prisma__type === "string" && typeof (value as Tagged).prisma__value === "string";

/**
 * The kind of a raw statement's argument, as far as its type in the plan may depend on it: whole
 * numbers that fit 32 bits apart from larger ones and from fractions; tagged values (dates, big
 * integers, bytes, decimals) by their tag. `null` for anything else (a list, an object): such a
 * statement is compiled as it is.
 */
function rawTag(value: unknown): string | null {
  if (value === null) return "null";
  if (typeof value === "string") return "s";
  if (typeof value === "boolean") return "b";
  if (typeof value === "number") {
    if (Number.isInteger(value)) return Math.abs(value) <= 0x7fffffff ? "i" : "I";
    return Number.isFinite(value) ? "f" : null;
  }
  return isTagged(value) ? `t:${value.prisma__type}` : null;
}

/** A raw statement's text and arguments, when its query has exactly the form Prisma sends for one. */
function rawQuery(text: string): { sql: string; parameters: unknown[] } | null {
  let query: { action?: unknown; query?: { arguments?: { query?: unknown; parameters?: unknown }; selection?: object } };
  try {
    query = JSON.parse(text) as typeof query;
  } catch {
    return null;
  }
  const args = query.query?.arguments;
  const form =
    Object.keys(query).every((k) => k === "action" || k === "query") &&
    Object.keys(query.query ?? {}).every((k) => k === "arguments" || k === "selection") &&
    Object.keys(query.query?.selection ?? {}).length === 0 &&
    Object.keys(args ?? {}).every((k) => k === "query" || k === "parameters");
  if (!form || typeof args?.query !== "string" || typeof args.parameters !== "string") return null;
  try {
    const parameters = JSON.parse(args.parameters) as unknown;
    return Array.isArray(parameters) ? { sql: args.query, parameters } : null;
  } catch {
    return null;
  }
}

/** Whether a compiled raw plan holds exactly this text and these arguments, where they can be swapped. */
function rawPlanHolds(plan: unknown, sql: string, values: Json[]): plan is RawPlan {
  const raw = plan as RawPlan;
  return (
    typeof plan === "object" &&
    plan !== null &&
    Object.keys(plan).join() === "type,args" &&
    typeof raw.args === "object" &&
    raw.args !== null &&
    raw.args.sql === sql &&
    Array.isArray(raw.args.args) &&
    Array.isArray(raw.args.argTypes) &&
    raw.args.argTypes.length === values.length &&
    JSON.stringify(raw.args.args) === JSON.stringify(values)
  );
}

/**
 * Makes the compiler's `compile` answer from kept plans. With `check`, every plan served from the
 * cache is compared with the one compiled from the literal query, and a difference throws.
 * `stats` may be shared between compilers.
 */
export function reuseQueryPlans(compilerClass: CompilerClass, options: { size?: number; check?: boolean; stats?: PlanStats } = {}): { plans: Map<string, Entry>; stats: PlanStats } {
  const compile = compilerClass.prototype.compile;
  const plans = new RecentlyUsed<string, Entry>(options.size ?? KEPT_PLANS);
  const stats: PlanStats = options.stats ?? { hits: 0, compiled: 0, literal: 0 };
  const literal = (compiler: Compiler, text: string) => {
    stats.literal++;
    return compile.call(compiler, text);
  };

  /** The first compile of a shape: its plan, or which of its values must stay literal. */
  const firstEntry = (compiler: Compiler, lifted: Lifted): Entry => {
    let compiled: unknown;
    try {
      compiled = compile.call(compiler, lifted.shape);
    } catch {
      // A placeholder where the compiler wants a value: this shape is compiled literally.
      return { kind: "partial", literal: [...lifted.values.keys()], plans: new RecentlyUsed(16) };
    }
    const types = paramsOf(compiled);
    const names = [...lifted.values.keys()].filter((name) => !PLAIN_TYPES.has(types.get(name) ?? ""));
    return names.length ? { kind: "partial", literal: names, plans: new RecentlyUsed(16) } : { kind: "shape", plan: compiled };
  };

  /** The plan of a lifted query's shape (some values possibly written in), or null where the whole query is to be compiled as it is. */
  const shapePlan = (compiler: Compiler, lifted: Lifted): unknown => {
    let entry = plans.get(lifted.shape);
    if (!entry) {
      plans.set(lifted.shape, (entry = firstEntry(compiler, lifted)));
      if (entry.kind === "shape") {
        stats.compiled++;
        return entry.plan;
      }
    } else if (entry.kind === "shape") {
      stats.hits++;
      return entry.plan;
    }
    if (entry.kind !== "partial" || entry.literal.length === lifted.values.size) return null;
    // Some values stay literal: one plan per those values, the others still placeholders.
    const written = new Map(entry.literal.map((name) => [name, lifted.values.get(name)!]));
    const key = JSON.stringify([...written.values()]);
    let plan = entry.plans.get(key);
    if (plan === undefined) {
      entry.plans.set(key, (plan = compile.call(compiler, withValuesInQuery(lifted.shape, written))));
      stats.compiled++;
    } else stats.hits++;
    return plan;
  };

  /** A raw statement's plan, kept by its text and the kinds of its arguments; `kept` when not compiled now. */
  const rawPlan = (compiler: Compiler, action: string, text: string): { plan: unknown; kept: boolean } => {
    const raw = rawQuery(text);
    const tags = raw?.parameters.map(rawTag);
    if (!raw || !tags || tags.includes(null)) return { plan: literal(compiler, text), kept: false };
    const values = raw.parameters.map((p) => (isTagged(p) ? p.prisma__value : (p as Json)));
    const key = `${action}\u0000${tags.join(",")}\u0000${raw.sql}`;
    const entry = plans.get(key);
    if (!entry) {
      const plan = compile.call(compiler, text);
      stats.compiled++;
      plans.set(key, rawPlanHolds(plan, raw.sql, values) ? { kind: "raw", plan } : { kind: "literal" });
      return { plan, kept: false };
    }
    if (entry.kind !== "raw") return { plan: literal(compiler, text), kept: false };
    stats.hits++;
    return { plan: { ...entry.plan, args: { ...entry.plan.args, args: values } }, kept: true };
  };

  const serve = (compiler: Compiler, text: string): { plan: unknown; kept: boolean } => {
    const action = actionOf(text);
    if (RAW_ACTIONS.has(action)) return rawPlan(compiler, action, text);
    if (!LIFTED_ACTIONS.has(action)) return { plan: literal(compiler, text), kept: false };
    let lifted: Lifted;
    try {
      lifted = liftValues(JSON.parse(text) as Json);
    } catch {
      return { plan: literal(compiler, text), kept: false };
    }
    if (!lifted.values.size) return { plan: literal(compiler, text), kept: false };
    const plan = shapePlan(compiler, lifted);
    if (plan === null) return { plan: literal(compiler, text), kept: false };
    return { plan: withValues(plan, lifted.values), kept: true };
  };

  compilerClass.prototype.compile = function (this: Compiler, text: string) {
    const { plan, kept } = serve(this, text);
    if (options.check && kept) {
      const direct = compile.call(this, text);
      if (JSON.stringify(direct) !== JSON.stringify(plan)) {
        throw new Error(`A kept query plan differs from the compiled one for ${text}\nkept: ${JSON.stringify(plan)}\ncompiled: ${JSON.stringify(direct)}`);
      }
    }
    return plan;
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

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ECHO_MAX, fieldNames, knownFields, parseKnownFields, reply, rootName, safeParseKnownFields } from "./forms.server";

const form = (entries: [string, string][]) => {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
};

const login = z.object({ email: z.string().email("validation.email"), password: z.string().min(8, "validation.short") });

describe("fieldNames", () => {
  it("names the fields of objects, refinements, pipelines and unions of objects", () => {
    expect([...fieldNames(login)]).toEqual(["email", "password"]);
    expect([...fieldNames(login.refine(() => true).transform((v) => v))]).toEqual(["email", "password"]);
    const union = z.discriminatedUnion("intent", [z.object({ intent: z.literal("a"), x: z.string() }), z.object({ intent: z.literal("b"), y: z.string() })]);
    expect([...fieldNames(union)].sort()).toEqual(["intent", "x", "y"]);
    expect([...fieldNames(z.union([z.object({ a: z.string() }), z.object({ b: z.string() })]))].sort()).toEqual(["a", "b"]);
    expect([...fieldNames(z.object({ a: z.string() }).and(z.object({ b: z.string() })))].sort()).toEqual(["a", "b"]);
    expect([...fieldNames(z.string())]).toEqual([]);
  });

  it("reads the field of nested and dotted names", () => {
    expect(rootName("criteria[2].name")).toBe("criteria");
    expect(rootName("score.abc")).toBe("score");
    expect(rootName("email")).toBe("email");
  });
});

describe("knownFields", () => {
  it("keeps declared fields (nested ones too) and a well-formed Conform intent, and nothing else", () => {
    const kept = knownFields(
      form([
        ["email", "a@b.id"],
        ["criteria[0].name", "Dampak"],
        ["criteria[0].name", "again"],
        ["extra", "x".repeat(50_000)],
        ["__proto__", "y"],
        ["__state__", "{}"],
        ["__intent__", JSON.stringify({ type: "insert", payload: { name: "criteria" } })],
      ]),
      new Set(["email", "criteria"]),
    );
    expect([...kept.keys()]).toEqual(["email", "criteria[0].name", "criteria[0].name", "__intent__"]);
  });

  it("drops a Conform intent that is not one (not JSON, wrong shape, too long)", () => {
    for (const bad of ["nope", "null", "[]", JSON.stringify({ type: 1, payload: {} }), JSON.stringify({ type: "insert" }), JSON.stringify({ type: "insert", payload: "x".repeat(3000) })]) {
      expect(knownFields(form([["__intent__", bad]]), new Set()).has("__intent__"), bad).toBe(false);
    }
  });
});

describe("parseKnownFields and reply", () => {
  it("never echoes an unknown field's name or value, nor a secret", () => {
    const junk = "JUNK".repeat(10_000);
    const submission = parseKnownFields(
      form([
        ["email", "bukan-email"],
        ["password", "rahasia-123"],
        ["catatan", junk],
        [junk, "1"],
      ]),
      login,
    );
    expect(submission.status).toBe("error");
    const result = reply(submission);
    const text = JSON.stringify(result);
    expect(text).not.toContain("JUNK");
    expect(text).not.toContain("rahasia-123");
    expect(result.initialValue).toEqual({ email: "bukan-email" });
    expect(result.error).toMatchObject({ email: ["validation.email"] });
  });

  it("parses exactly what the schema would on the whole form", () => {
    const submission = parseKnownFields(
      form([
        ["email", "a@b.id"],
        ["password", "rahasia-123"],
        ["admin", "true"],
      ]),
      login,
    );
    expect(submission.status).toBe("success");
    if (submission.status === "success") expect(submission.value).toEqual({ email: "a@b.id", password: "rahasia-123" });
  });

  it("echoes a known field's value only up to ECHO_MAX characters, in lists too", () => {
    const schema = z.object({ description: z.string().max(10), tags: z.array(z.string()) });
    const long = "d".repeat(ECHO_MAX) + "TAIL";
    const result = reply(
      parseKnownFields(
        form([
          ["description", long],
          ["tags", long],
          ["tags", "ok"],
        ]),
        schema,
      ),
    );
    const initial = result.initialValue as { description: string; tags: string[] };
    expect(initial.description).toHaveLength(ECHO_MAX);
    expect(initial.tags).toEqual(["d".repeat(ECHO_MAX), "ok"]);
    expect(JSON.stringify(result)).not.toContain("TAIL");
  });

  it("keeps Conform's list intents working without JavaScript", () => {
    const schema = z.object({ rows: z.array(z.object({ name: z.string() })).default([]) });
    const submission = parseKnownFields(
      form([
        ["rows[0].name", "satu"],
        ["__intent__", JSON.stringify({ type: "insert", payload: { name: "rows", defaultValue: { name: "" } } })],
      ]),
      schema,
    );
    expect(submission.status).toBeUndefined();
    const rows = (reply(submission).initialValue as { rows: unknown[] }).rows;
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({ name: "satu" });
  });
});

describe("safeParseKnownFields", () => {
  it("parses one value per declared field and ignores the rest", () => {
    const schema = z.discriminatedUnion("intent", [z.object({ intent: z.literal("remind"), judgeId: z.string().optional() })]);
    const parsed = safeParseKnownFields(
      form([
        ["intent", "remind"],
        ["judgeId", "j1"],
        ["other", "x"],
      ]),
      schema,
    );
    expect(parsed.success && parsed.data).toEqual({ intent: "remind", judgeId: "j1" });
    expect(safeParseKnownFields(form([["intent", "lain"]]), schema).success).toBe(false);
  });
});

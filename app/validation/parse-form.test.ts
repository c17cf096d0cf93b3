import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formSchema, parseForm } from "./parse-form";
import { submissionSchema } from "./submission";

const schema = z.object({
  name: z.string().trim().min(1, "validation.required").max(10, "validation.tooLong"),
  count: z.number().int().min(0).optional(),
  when: z.date().optional(),
  agree: z.boolean().optional(),
  tags: z.array(z.string()).optional(),
  nested: z.object({ value: z.number() }).optional(),
});

function form(entries: [string, string][]) {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
}

describe("parseForm", () => {
  it("builds the coerced schema once per schema", () => {
    const first = formSchema(schema);
    expect(formSchema(schema)).toBe(first);
    expect(first).not.toBe(schema);
    expect(formSchema(submissionSchema)).not.toBe(first);
  });

  it.each([
    {
      what: "every kind of value",
      entries: [
        ["name", " Tim "],
        ["count", "3"],
        ["when", "2026-12-05T10:00"],
        ["agree", "on"],
        ["tags", "a"],
        ["tags", "b"],
        ["nested.value", "7"],
      ],
    },
    {
      what: "empty fields",
      entries: [
        ["name", ""],
        ["count", ""],
        ["when", ""],
        ["nested.value", ""],
      ],
    },
    {
      what: "values of the wrong type",
      entries: [
        ["name", "x".repeat(11)],
        ["count", "tiga"],
        ["when", "kemarin"],
        ["agree", "ya"],
      ],
    },
    { what: "nothing", entries: [] },
  ] as { what: string; entries: [string, string][] }[])("reads $what as Conform's own parse does", ({ entries }) => {
    const ours = parseForm(form(entries), schema);
    const theirs = parseWithZod(form(entries), { schema });
    expect(ours.status).toBe(theirs.status);
    expect(ours.payload).toEqual(theirs.payload);
    expect(ours.status === "success" ? ours.value : ours.error).toEqual(theirs.status === "success" ? theirs.value : theirs.error);
  });

  it("coerces the project form the same way on every call", () => {
    const entries: [string, string][] = [
      ["intent", "submit"],
      ["title", " Karya "],
      ["tagline", ""],
      ["repoUrl", "bukan url"],
    ];
    const once = parseForm(form(entries), submissionSchema);
    const again = parseForm(form(entries), submissionSchema);
    expect(once.status).toBe("error");
    expect(again.status === "error" && again.error).toEqual(once.status === "error" && once.error);
    expect(once.status === "error" && once.error?.repoUrl).toEqual(["submission.errors.url"]);
  });
});

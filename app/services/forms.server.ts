import type { Submission, SubmissionResult } from "@conform-to/react";
import { parseForm } from "~/validation/parse-form";
import { z } from "zod";

type ReplyOptions = { formErrors?: string[]; fieldErrors?: Record<string, string[]>; resetForm?: boolean };

/**
 * The longest text a reply puts back into a form: the longest field any form takes (a project
 * description, 20,000 characters). A longer value is refused anyway; only its start is echoed.
 */
export const ECHO_MAX = 20_000;

function bounded(value: unknown): unknown {
  if (typeof value === "string") return value.length > ECHO_MAX ? value.slice(0, ECHO_MAX) : value;
  if (Array.isArray(value)) return value.map(bounded);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, bounded(v)]));
  return value;
}

/**
 * Conform's reply without echoing secrets back into the form, and with no echoed value longer
 * than ECHO_MAX. (Conform's own `hideFields` leaves the form in a state where the next
 * client-side submit is swallowed, so the values are dropped here instead.)
 */
export function reply<T>(submission: Submission<T>, options: ReplyOptions = {}, secret: string[] = ["password", "confirm"]): SubmissionResult<string[]> {
  const result = submission.reply(options as never) as SubmissionResult<string[]>;
  if (result.initialValue) {
    const initialValue = bounded(result.initialValue) as Record<string, unknown>;
    for (const name of secret) delete initialValue[name];
    return { ...result, initialValue } as SubmissionResult<string[]>;
  }
  return result;
}

/** The top-level field names a form schema declares (objects, refinements, unions of objects). */
export function fieldNames(schema: z.ZodTypeAny): Set<string> {
  if (schema instanceof z.ZodEffects) return fieldNames(schema.innerType());
  if (schema instanceof z.ZodPipeline) return fieldNames(schema._def.in);
  if (schema instanceof z.ZodObject) return new Set(Object.keys(schema.shape as object));
  if (schema instanceof z.ZodDiscriminatedUnion || schema instanceof z.ZodUnion) {
    return new Set((schema.options as z.ZodTypeAny[]).flatMap((o) => [...fieldNames(o)]));
  }
  if (schema instanceof z.ZodIntersection) return new Set([...fieldNames(schema._def.left), ...fieldNames(schema._def.right)]);
  return new Set();
}

/** `criteria[2].name` and `score.abc` belong to the fields `criteria` and `score`. */
export function rootName(name: string): string {
  const end = name.search(/[.[]/);
  return end === -1 ? name : name.slice(0, end);
}

// Conform's list buttons (add, remove, reorder a row) post their intent in this field; a short
// JSON object is all it ever is. Anything else would make the parser throw.
const CONFORM_INTENT = "__intent__";
const INTENT_MAX = 2048;

function validIntent(value: FormDataEntryValue): boolean {
  if (typeof value !== "string" || value.length > INTENT_MAX) return false;
  try {
    const intent = JSON.parse(value) as { type?: unknown; payload?: unknown } | null;
    return !!intent && typeof intent === "object" && typeof intent.type === "string" && intent.payload !== undefined;
  } catch {
    return false;
  }
}

/** Only the entries of `formData` whose field the schema declares (plus a well-formed Conform intent). */
export function knownFields(formData: FormData, names: ReadonlySet<string>): FormData {
  const known = new FormData();
  for (const [name, value] of formData) {
    if (name === CONFORM_INTENT ? validIntent(value) : names.has(rootName(name))) known.append(name, value);
  }
  return known;
}

/**
 * Conform's Zod parse (`parseForm`) over only the fields the schema names: whatever else a client posts is neither
 * read nor echoed back into the page by `reply`.
 */
export function parseKnownFields<S extends z.ZodTypeAny>(formData: FormData, schema: S) {
  return parseForm(knownFields(formData, fieldNames(schema)), schema);
}

/** A plain Zod parse (one value per field) over only the fields the schema names. */
export function safeParseKnownFields<S extends z.ZodTypeAny>(formData: FormData, schema: S): z.SafeParseReturnType<z.input<S>, z.output<S>> {
  return schema.safeParse(Object.fromEntries(knownFields(formData, fieldNames(schema))));
}

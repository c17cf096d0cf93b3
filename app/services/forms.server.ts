import type { Submission, SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { z } from "zod";

type ReplyOptions = { formErrors?: string[]; fieldErrors?: Record<string, string[]>; resetForm?: boolean };

/**
 * Conform's reply without echoing secrets back into the form. (Conform's own `hideFields` leaves
 * the form in a state where the next client-side submit is swallowed, so the values are dropped
 * here instead.)
 */
export function reply<T>(submission: Submission<T>, options: ReplyOptions = {}, secret: string[] = ["password", "confirm"]): SubmissionResult<string[]> {
  const result = submission.reply(options as never) as SubmissionResult<string[]>;
  if (result.initialValue) {
    const initialValue = { ...result.initialValue };
    for (const name of secret) delete initialValue[name];
    return { ...result, initialValue };
  }
  return result;
}

function fieldNames(schema: z.ZodTypeAny): Set<string> {
  let inner: z.ZodTypeAny = schema;
  while (inner instanceof z.ZodEffects) inner = inner.innerType();
  return new Set(inner instanceof z.ZodObject ? Object.keys(inner.shape as object) : []);
}

/**
 * parseWithZod over only the fields the schema names: whatever else a client posts is neither
 * read nor echoed back into the page by `reply`.
 */
export function parseKnownFields<S extends z.ZodTypeAny>(formData: FormData, schema: S) {
  const names = fieldNames(schema);
  const known = new FormData();
  for (const [name, value] of formData) if (names.has(name)) known.append(name, value);
  return parseWithZod(known, { schema });
}

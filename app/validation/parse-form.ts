// Conform's Zod parse with the form coercion built once per schema. Conform wraps a schema so that
// form strings become numbers, dates and booleans and empty fields become undefined; its default
// entry point rebuilds that wrapper on every call (about 0.4 ms for the project form, a tenth of
// what a submission costs the server at a deadline). The wrapped schema depends only on the
// schema, so it is kept beside it; the browser's validation on every keystroke gains the same.
import { parseWithZod, unstable_coerceFormValue as coerceFormValue } from "@conform-to/zod";
import type { z } from "zod";

const coerced = new WeakMap<z.ZodTypeAny, z.ZodTypeAny>();

/** The schema as Conform coerces it for form values, built once per schema object. */
export function formSchema<S extends z.ZodTypeAny>(schema: S): S {
  let wrapped = coerced.get(schema);
  if (!wrapped) {
    wrapped = coerceFormValue(schema) as z.ZodTypeAny;
    coerced.set(schema, wrapped);
  }
  return wrapped as S;
}

/** `parseWithZod(payload, { schema })`, with the coercion of `formSchema`. */
export function parseForm<S extends z.ZodTypeAny>(payload: FormData | URLSearchParams, schema: S) {
  return parseWithZod(payload, { schema: formSchema(schema), disableAutoCoercion: true });
}

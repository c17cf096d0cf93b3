// The one way a message travels from the server to the page: a locale key with optional
// parameters, carried as one string (Conform's errors and flash lists are lists of strings) and
// translated on the page by i18next, which does the interpolation.

export type MessageParams = Record<string, string | number>;

const SEPARATOR = "|";

/** A message for the page: `key` is a locale key; `params` fill its {{placeholders}}. */
export function msg(key: string, params?: MessageParams): string {
  return params ? `${key}${SEPARATOR}${JSON.stringify(params)}` : key;
}

/** The key and parameters of a message made by `msg` (a bare key has none). */
export function readMessage(message: string): { key: string; params?: MessageParams } {
  const at = message.indexOf(SEPARATOR);
  if (at < 0) return { key: message };
  try {
    return { key: message.slice(0, at), params: JSON.parse(message.slice(at + 1)) as MessageParams };
  } catch {
    return { key: message.slice(0, at) };
  }
}

/**
 * A refusal from a model: what went wrong (`code`, a camelCase word the route turns into a locale
 * key), the form field it belongs to when there is one, and the values its message names.
 */
export type Failure<Code extends string = string> = {
  ok: false;
  code: Code;
  field?: string;
  /** When one refusal concerns several form fields at once: each field with its own code. */
  fields?: Record<string, string>;
  params?: MessageParams;
};

/**
 * A refusal as the errors of Conform's reply: the message next to its field (or each field of
 * `fields`), or above the whole form; `key` turns a code into its locale key.
 */
export function failureErrors(failure: Omit<Failure, "ok">, key: (code: string) => string): { fieldErrors?: Record<string, string[]>; formErrors?: string[] } {
  const fields = failure.fields ?? (failure.field ? { [failure.field]: failure.code } : null);
  if (fields) return { fieldErrors: Object.fromEntries(Object.entries(fields).map(([field, code]) => [field, [msg(key(code), failure.params)]])) };
  return { formErrors: [msg(key(failure.code), failure.params)] };
}

// Form parsing for routes that take files. The body has already been read within the route's
// byte limit (request-body.server.ts counts the bytes that arrive, whatever Content-Length
// says); here each file is held to its own kind's cap, so an oversized file is reported (never
// stored) and the route answers 400 with a message naming the limit.
import type { Failure } from "~/validation/message";

export type ParsedForm = { ok: true; formData: FormData } | Failure<"tooLarge" | "malformed">;

export async function readForm(request: Request, maxPartSize: number): Promise<ParsedForm> {
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    return { ok: false, code: "malformed" };
  }
  for (const value of formData.values()) {
    if (typeof value !== "string" && value.size > maxPartSize) return { ok: false, code: "tooLarge" };
  }
  return { ok: true, formData };
}

/** The uploaded file in `name`, or null when the field is missing or the picker was left empty. */
export async function fileField(formData: FormData, name: string): Promise<{ bytes: Uint8Array; name: string; mime: string } | null> {
  const value = formData.get(name);
  if (!value || typeof value === "string") return null;
  if (value.size === 0 && value.name === "") return null;
  return { bytes: new Uint8Array(await value.arrayBuffer()), name: value.name, mime: value.type };
}

/** The uploaded file in `name` when it holds bytes; null for a missing field, an empty picker or an empty file. */
export async function nonEmptyFile(formData: FormData, name: string): Promise<{ bytes: Uint8Array; name: string; mime: string } | null> {
  const file = await fileField(formData, name);
  return file && file.bytes.length > 0 ? file : null;
}

// Form parsing for routes that take files. Multipart bodies are read into memory part by part
// with a hard cap per part; an oversized file is reported (never stored) so the route can
// answer 400 with a message naming the limit. Plain url-encoded posts (autosave, buttons) are
// read as usual.
import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";

export type ParsedForm = { ok: true; formData: FormData } | { ok: false; reason: "too_large" | "malformed" };

// Room for the text fields and multipart framing around the largest allowed file.
const OVERHEAD = 256 * 1024;

export async function readForm(request: Request, maxPartSize: number): Promise<ParsedForm> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.startsWith("multipart/form-data")) {
    try {
      return { ok: true, formData: await request.formData() };
    } catch {
      return { ok: false, reason: "malformed" };
    }
  }
  const length = Number(request.headers.get("Content-Length") ?? "0");
  if (length > maxPartSize + OVERHEAD) return { ok: false, reason: "too_large" };
  try {
    const formData = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize }));
    return { ok: true, formData };
  } catch (e) {
    if (e instanceof MaxPartSizeExceededError) return { ok: false, reason: "too_large" };
    if (e instanceof TypeError) return { ok: false, reason: "malformed" };
    throw e;
  }
}

/** The uploaded file in `name`, or null when the field is missing or the picker was left empty. */
export async function fileField(formData: FormData, name: string): Promise<{ bytes: Uint8Array; name: string; mime: string } | null> {
  const value = formData.get(name);
  if (!value || typeof value === "string") return null;
  if (value.size === 0 && value.name === "") return null;
  return { bytes: new Uint8Array(await value.arrayBuffer()), name: value.name, mime: value.type };
}

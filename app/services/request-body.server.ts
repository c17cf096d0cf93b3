// Every action's body passes through here before the route sees it: read up to the route's byte
// limit (counted on the bytes that actually arrive, so a chunked upload without Content-Length
// is cut off at the same point), within a time budget, and only if it is a form the parser can
// read. Anything else is refused with a localized 400/408/413 before a route can fail on it, so
// a route only ever parses a bounded, well-formed form.
import { PrismaClientKnownRequestError } from "@prisma/client/runtime/client";
import type { ActionFunction, ActionFunctionArgs, ServerBuild } from "@remix-run/node";
import { UPLOAD_KINDS } from "~/domain/filetype";
import { IMPORT_MAX_BYTES } from "~/domain/import";
import { getT } from "./i18n.server";

const KIB = 1024;
const MIB = 1024 * KIB;

/** Room for the text fields and multipart framing around the largest allowed file. */
export const UPLOAD_OVERHEAD = 256 * KIB;

export type BodyPolicy = {
  /** Bytes of body, framing included. */
  maxBytes: number;
  /** Form fields that may carry a file; a file anywhere else is refused. */
  fileFields: readonly string[];
  /** Longest pause between two chunks, and longest time for the whole body. */
  idleMs: number;
  totalMs: number;
};

// A 10,000-character field percent-encoded as 3-byte UTF-8 is ~90 kB: every text form fits.
const FORM: BodyPolicy = { maxBytes: 128 * KIB, fileFields: [], idleMs: 15_000, totalMs: 60_000 };

function upload(maxFileBytes: number, fileFields: readonly string[]): BodyPolicy {
  // A phone on a slow link needs minutes for 20 MB; a stalled one is still cut off by idleMs.
  return { maxBytes: maxFileBytes + UPLOAD_OVERHEAD, fileFields, idleMs: 30_000, totalMs: 10 * 60_000 };
}

/** Routes that take more than a text form, by route id. */
export const ROUTE_POLICIES: Record<string, BodyPolicy> = {
  "routes/tim.$teamId.karya": upload(UPLOAD_KINDS.attachments.maxBytes, ["file"]),
  "routes/tim.$teamId._index": upload(UPLOAD_KINDS.proposal.maxBytes, ["proposal"]),
  "routes/acara.$slug.daftar-tim": upload(UPLOAD_KINDS.proposal.maxBytes, ["proposal"]),
  "routes/kelola.$slug.pengaturan": upload(UPLOAD_KINDS.image.maxBytes, ["banner"]),
  // The berita acara check accepts the published JSON document as a file (at most 5 MB).
  "routes/berita-acara.$id": upload(5 * MIB, ["file"]),
  // Imports: the spreadsheet, then its rows sent back with the confirmation.
  "routes/kelola.$slug.tim-panitia_.impor": upload(IMPORT_MAX_BYTES, ["file"]),
  "routes/kelola.$slug.tim_.impor": upload(IMPORT_MAX_BYTES, ["file"]),
  // Bulk screening decisions carry one id per team.
  "routes/kelola.$slug.tim": { ...FORM, maxBytes: 1 * MIB },
};

export function policyFor(routeId: string): BodyPolicy {
  return ROUTE_POLICIES[routeId] ?? FORM;
}

/** No body is larger than this, whatever the route: checked on Content-Length before any routing. */
export const GLOBAL_MAX_BYTES = Math.max(FORM.maxBytes, ...Object.values(ROUTE_POLICIES).map((p) => p.maxBytes));

export type Refusal = { status: 400 | 408 | 413 | 503; key: string; params?: Record<string, string> };

export class BodyRefused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.key);
  }
}

const tooLarge = (maxBytes: number): Refusal => ({ status: 413, key: "errors.body.tooLarge", params: { max: sizeLabel(maxBytes) } });

export function sizeLabel(bytes: number): string {
  return bytes >= MIB ? `${Math.round(bytes / MIB)} MB` : `${Math.round(bytes / KIB)} kB`;
}

/** Reads the whole body, refusing it as soon as it passes `maxBytes` or runs out of time. */
export async function readBody(request: Request, policy: Pick<BodyPolicy, "maxBytes" | "idleMs" | "totalMs">): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get("Content-Length");
  if (declared !== null && Number(declared) > policy.maxBytes) throw new BodyRefused(tooLarge(policy.maxBytes));
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  const deadline = performance.now() + policy.totalMs;
  try {
    for (;;) {
      const left = deadline - performance.now();
      if (left <= 0) throw new BodyRefused({ status: 408, key: "errors.body.timeout" });
      const wait = Math.min(policy.idleMs, left);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<"timeout">((resolve) => {
        timer = setTimeout(() => resolve("timeout"), wait);
      });
      const next = await Promise.race([reader.read(), timeout]).finally(() => clearTimeout(timer));
      if (next === "timeout") throw new BodyRefused({ status: 408, key: "errors.body.timeout" });
      if (next.done) break;
      size += next.value.byteLength;
      if (size > policy.maxBytes) throw new BodyRefused(tooLarge(policy.maxBytes));
      chunks.push(next.value as Uint8Array<ArrayBuffer>);
    }
  } catch (error) {
    reader.cancel().catch(() => undefined);
    if (error instanceof BodyRefused) throw error;
    // The client went away or sent a broken chunked encoding.
    throw new BodyRefused({ status: 400, key: "errors.body.unreadable" });
  }
  // One chunk (a form is small) is the body as it came; several are joined once.
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
}

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];
const utf8 = new TextDecoder();

/**
 * The request as the route will see it: the same URL, headers and signal, with a body that is
 * known to be a readable form within the route's limits. Throws BodyRefused otherwise.
 */
export async function boundedFormRequest(request: Request, policy: BodyPolicy): Promise<Request> {
  const body = await readBody(request, policy);
  const headers = new Headers(request.headers);
  headers.delete("Transfer-Encoding");
  headers.set("Content-Length", String(body.byteLength));
  let type = headers.get("Content-Type");
  // A bare POST (a button with no fields sent by a script) reads as an empty form.
  if (!type && body.byteLength === 0) {
    type = FORM_TYPES[0] as string;
    headers.set("Content-Type", type);
  }
  const essence = (type ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (!FORM_TYPES.includes(essence)) throw new BodyRefused({ status: 400, key: "errors.body.unreadable" });
  let form: FormData;
  if (essence === FORM_TYPES[0]) {
    // Every score save and submission is such a form: read here as the platform's reader would
    // (UTF-8, "+" as a space), without wrapping the bytes in a response and a stream to do it.
    form = new FormData();
    for (const [name, value] of new URLSearchParams(utf8.decode(body))) form.append(name, value);
  } else {
    try {
      form = await new Response(body, { headers: { "Content-Type": type ?? "" } }).formData();
    } catch {
      throw new BodyRefused({ status: 400, key: "errors.body.unreadable" });
    }
    for (const [name, value] of form) {
      if (typeof value !== "string" && !policy.fileFields.includes(name)) throw new BodyRefused({ status: 400, key: "errors.body.unexpectedFile" });
    }
  }
  return new ReadFormRequest(request.url, { method: request.method, headers, signal: request.signal, body }, form);
}

/**
 * A request whose form was read and parsed within its route's limits: `formData()` gives a copy
 * of that form rather than parsing the body a second time (every score save and submission
 * reads its form). Its body, text and bytes are still the body as sent.
 */
class ReadFormRequest extends Request {
  readonly #form: FormData;

  constructor(url: string, init: RequestInit, form: FormData) {
    super(url, init);
    this.#form = form;
  }

  override async formData(): Promise<FormData> {
    const copy = new FormData();
    for (const [name, value] of this.#form) copy.append(name, value);
    return copy;
  }
}

/** The refusal as a response in the visitor's language (Indonesian unless they chose English). */
export async function refusalResponse(request: Request, refusal: Refusal): Promise<Response> {
  const t = await getT(request);
  const body = { status: refusal.status, key: refusal.key, params: refusal.params ?? {}, message: t(refusal.key, refusal.params ?? {}) };
  const headers = new Headers({ "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" });
  // The rest of an oversized or stalled body is not worth reading: close instead of draining it.
  if (refusal.status === 408 || refusal.status === 413) headers.set("Connection", "close");
  if (refusal.status === 503) headers.set("Retry-After", String(BUSY_RETRY_SECONDS));
  return new Response(JSON.stringify(body), { status: refusal.status, headers });
}

/** Seconds a client is asked to wait before sending again when the database was too busy. */
export const BUSY_RETRY_SECONDS = 5;

/**
 * Prisma's P2028: a transaction could not start in time (every connection, or SQLite's one
 * writer, stayed busy past maxWait) or ran out of time and was rolled back. Either way nothing
 * was written, and the same request sent again a little later can succeed.
 */
export function isTransactionUnavailable(error: unknown): boolean {
  return error instanceof PrismaClientKnownRequestError && error.code === "P2028";
}

/**
 * Wraps an action so it only ever receives a bounded, readable form, and so a database too busy
 * to start its transaction answers a localized 503 with Retry-After instead of a 500.
 */
export function guardAction(routeId: string, action: ActionFunction): ActionFunction {
  const policy = policyFor(routeId);
  return async (args: ActionFunctionArgs) => {
    let request: Request;
    try {
      request = await boundedFormRequest(args.request, policy);
    } catch (error) {
      if (error instanceof BodyRefused) throw await refusalResponse(args.request, error.refusal);
      throw error;
    }
    try {
      return await action({ ...args, request });
    } catch (error) {
      if (isTransactionUnavailable(error)) throw await refusalResponse(args.request, { status: 503, key: "errors.busy" });
      throw error;
    }
  };
}

/** The server build with every route action guarded (the server serves this one). */
export function withBoundedBodies(build: ServerBuild): ServerBuild {
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => {
      const action = route.module.action;
      return [id, action ? { ...route, module: { ...route.module, action: guardAction(id, action) } } : route];
    }),
  );
  return { ...build, routes };
}

/**
 * Refuses a declared body over the largest any route accepts, before routing; Node server
 * middleware shape, so it runs ahead of the framework.
 */
export function globalBodyLimit(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse, next: () => void) {
  const declared = Number(req.headers["content-length"] ?? "0");
  if (!(declared > GLOBAL_MAX_BYTES)) return next();
  const request = new Request("http://localhost/", { headers: { Cookie: req.headers.cookie ?? "" } });
  void refusalResponse(request, tooLarge(GLOBAL_MAX_BYTES)).then(async (response) => {
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(await response.text());
  });
}

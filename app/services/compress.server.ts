// Compression of a body that is whole in memory: a rendered page, a JSON reply, a micro-cached
// page. It is negotiated and compressed in one step when the body is sent, in zlib's thread pool,
// instead of every response passing through a streaming compressor: that middleware wraps each
// response's write, end and header calls even when the client accepts no compression, which cost
// a small page about a tenth of its time. A micro-cached page is compressed once per encoding,
// not once per visitor. Streamed responses (downloads, exports) still go through the middleware.
import { brotliCompress, constants, gzip } from "node:zlib";
import compression from "compression";

export type Encoding = "br" | "gzip";

/** The middleware for what is written piece by piece: static files, downloads, exports, live feeds. */
export const compressAsWritten = compression();

/** Bodies smaller than this go out as they are: compressing them saves less than it costs. */
export const COMPRESS_THRESHOLD = 1024;

// Brotli at quality 4 compresses a page better than gzip's default and about as fast; its
// default (11) is made for assets compressed once, not for each response.
const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } };

/**
 * The encoding to answer with, from the client's Accept-Encoding: br or gzip, whichever it
 * weighs higher (br on a tie, as it is smaller), `*` standing for either when not named;
 * null when it accepts neither (`q=0` refuses).
 */
export function negotiateEncoding(header: string | readonly string[] | undefined): Encoding | null {
  if (!header) return null;
  const weights = new Map<string, number>();
  for (const part of (typeof header === "string" ? header : header.join(",")).split(",")) {
    const [rawName, ...params] = part.split(";");
    const named = rawName.trim().toLowerCase();
    const name = named === "x-gzip" ? "gzip" : named;
    if (!name) continue;
    let weight = 1;
    for (const param of params) {
      // A weight that is not a number refuses the coding rather than guessing.
      const q = /^\s*q\s*=\s*(\S*)\s*$/i.exec(param);
      if (q) weight = Math.min(1, Number(q[1]) || 0);
    }
    // A coding named twice counts at its higher weight.
    weights.set(name, Math.max(weight, weights.get(name) ?? 0));
  }
  const star = weights.get("*") ?? 0;
  const br = weights.get("br") ?? star;
  const gz = weights.get("gzip") ?? star;
  if (br <= 0 && gz <= 0) return null;
  return br >= gz ? "br" : "gzip";
}

const COMPRESSIBLE = /^\s*(?:text\/|application\/(?:json|javascript|ecmascript|xml|x-www-form-urlencoded|manifest\+json|[\w.-]+\+(?:json|xml))\b|image\/svg\+xml\b)/i;

/** Whether a body of this type, size and Cache-Control is worth compressing (and may be). */
export function compressible(contentType: string | null | undefined, size: number, cacheControl?: string | null): boolean {
  if (size < COMPRESS_THRESHOLD || !contentType || !COMPRESSIBLE.test(contentType)) return false;
  return !/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(cacheControl ?? "");
}

/** The body compressed with `encoding`, off the event loop. */
export function encode(body: Uint8Array, encoding: Encoding): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, out: Buffer) => (error ? reject(error) : resolve(out));
    if (encoding === "br") brotliCompress(body, BROTLI, done);
    else gzip(body, done);
  });
}

/** A body kept to be sent many times (a micro-cached page): each encoding is made once, when first asked for. */
export class EncodedVariants {
  private made = new Map<Encoding, Promise<Buffer>>();

  constructor(readonly body: Uint8Array) {}

  get(encoding: Encoding): Promise<Buffer> {
    let out = this.made.get(encoding);
    if (!out) {
      out = encode(this.body, encoding);
      // A failure is not kept: the next visitor's request tries again.
      out.catch(() => this.made.delete(encoding));
      this.made.set(encoding, out);
    }
    return out;
  }
}

/** What `sendWhole` needs of Node's request and response (an Express one is both). */
type Incoming = { method?: string; headers: { "accept-encoding"?: string | string[] } };
type Outgoing = {
  getHeader(name: string): number | string | string[] | undefined;
  setHeader(name: string, value: number | string | readonly string[]): unknown;
  end(body?: Uint8Array): unknown;
  readonly destroyed: boolean;
};

const headerText = (value: number | string | string[] | undefined) => (value === undefined ? null : Array.isArray(value) ? value.join(", ") : String(value));

/** Adds Accept-Encoding to the response's Vary (once), keeping what is there. */
function varyOnEncoding(res: Outgoing) {
  const vary = headerText(res.getHeader("Vary"));
  if (!vary) return void res.setHeader("Vary", "Accept-Encoding");
  if (vary.split(",").some((v) => ["*", "accept-encoding"].includes(v.trim().toLowerCase()))) return;
  res.setHeader("Vary", `${vary}, Accept-Encoding`);
}

/**
 * Ends the response with `body`, compressed when its type and size call for it and the client
 * accepts br or gzip, with the matching Content-Encoding, Content-Length and Vary. The status and
 * other headers must be set already. A response that already names its encoding is sent as is.
 */
export async function sendWhole(req: Incoming, res: Outgoing, body: Uint8Array, variants?: EncodedVariants): Promise<void> {
  const worthIt = !res.getHeader("Content-Encoding") && compressible(headerText(res.getHeader("Content-Type")), body.byteLength, headerText(res.getHeader("Cache-Control")));
  if (worthIt) varyOnEncoding(res);
  const encoding = worthIt && req.method !== "HEAD" ? negotiateEncoding(req.headers["accept-encoding"]) : null;
  if (!encoding) {
    res.setHeader("Content-Length", body.byteLength);
    res.end(body);
    return;
  }
  const encoded = await (variants ? variants.get(encoding) : encode(body, encoding));
  // The client may have gone while the body was being compressed.
  if (res.destroyed) return;
  res.setHeader("Content-Encoding", encoding);
  res.setHeader("Content-Length", encoded.byteLength);
  res.end(encoded);
}

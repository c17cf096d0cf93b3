import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { compressible, COMPRESS_THRESHOLD, EncodedVariants, encode, negotiateEncoding, sendWhole } from "./compress.server";

describe("negotiateEncoding", () => {
  it.each([
    [undefined, null],
    ["", null],
    ["identity", null],
    ["deflate", null],
    ["gzip", "gzip"],
    ["x-gzip", "gzip"],
    ["GZIP", "gzip"],
    ["br", "br"],
    ["gzip, deflate, br", "br"],
    ["gzip, deflate, br, zstd", "br"],
    ["br;q=0.5, gzip", "gzip"],
    ["gzip;q=0.8, br;q=0.9", "br"],
    ["br;q=0, gzip;q=0", null],
    ["gzip;q=0", null],
    ["*", "br"],
    ["*;q=0.5, gzip", "gzip"],
    ["br;q=0, *", "gzip"],
    ["gzip ; q = 0.4 , br ; q=0.3", "gzip"],
    ["gzip;q=abc", null],
  ] as const)("%j → %s", (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });

  it("reads a header sent in several lines as one list", () => {
    expect(negotiateEncoding(["deflate", "gzip"])).toBe("gzip");
  });
});

describe("compressible", () => {
  it("takes text, JSON, JavaScript and SVG of at least the threshold", () => {
    for (const type of ["text/html; charset=utf-8", "text/csv", "application/json", "application/manifest+json", "application/ld+json", "image/svg+xml", "text/x-script"]) {
      expect(compressible(type, COMPRESS_THRESHOLD)).toBe(true);
    }
  });

  it("leaves small bodies, binary types, no type and no-transform alone", () => {
    expect(compressible("text/html", COMPRESS_THRESHOLD - 1)).toBe(false);
    for (const type of ["image/png", "application/pdf", "application/zip", "application/octet-stream", "video/mp4"]) expect(compressible(type, 50_000)).toBe(false);
    expect(compressible(null, 50_000)).toBe(false);
    expect(compressible("text/event-stream", 50_000, "no-cache, no-transform")).toBe(false);
    expect(compressible("text/html", 50_000, "private, no-store")).toBe(true);
  });
});

/** A stand-in for Node's response: headers by lower-case name, and what `end` got. */
function fakeResponse(headers: Record<string, string> = {}) {
  const sent: { headers: Map<string, number | string | readonly string[]>; body?: Uint8Array; ended: number; destroyed: boolean } = {
    headers: new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
    ended: 0,
    destroyed: false,
  };
  const res = {
    getHeader: (name: string) => sent.headers.get(name.toLowerCase()) as string | undefined,
    setHeader: (name: string, value: number | string | readonly string[]) => sent.headers.set(name.toLowerCase(), value),
    end: (body?: Uint8Array) => {
      sent.ended++;
      sent.body = body;
    },
    get destroyed() {
      return sent.destroyed;
    },
  };
  return { res, sent };
}

const page = Buffer.from(`<!DOCTYPE html><html><body>${"<li>Tim Kelompok Informasi Masyarakat</li>".repeat(100)}</body></html>`);

describe("sendWhole", () => {
  it("sends a page compressed with the encoding the client prefers, with its length and Vary", async () => {
    for (const [accept, decode] of [
      ["gzip", gunzipSync],
      ["gzip, deflate, br", brotliDecompressSync],
    ] as const) {
      const { res, sent } = fakeResponse({ "Content-Type": "text/html; charset=utf-8" });
      await sendWhole({ method: "GET", headers: { "accept-encoding": accept } }, res, page);
      expect(sent.ended).toBe(1);
      expect(sent.headers.get("content-encoding")).toBe(accept === "gzip" ? "gzip" : "br");
      expect(sent.headers.get("content-length")).toBe(sent.body!.byteLength);
      expect(sent.headers.get("vary")).toBe("Accept-Encoding");
      expect(decode(sent.body!).equals(page)).toBe(true);
    }
  });

  it("sends the bytes as they are to a client that accepts no compression, still saying the answer varies", async () => {
    const { res, sent } = fakeResponse({ "Content-Type": "text/html", Vary: "Cookie" });
    await sendWhole({ method: "GET", headers: {} }, res, page);
    expect(sent.headers.has("content-encoding")).toBe(false);
    expect(sent.headers.get("content-length")).toBe(page.byteLength);
    expect(sent.headers.get("vary")).toBe("Cookie, Accept-Encoding");
    expect(sent.body).toBe(page);
  });

  it("does not compress a small body, a binary one, one already encoded, or the answer to a HEAD", async () => {
    const cases: { headers: Record<string, string>; body: Buffer; method: string }[] = [
      { headers: { "Content-Type": "text/html" }, body: Buffer.from("<p>kecil</p>"), method: "GET" },
      { headers: { "Content-Type": "image/png" }, body: page, method: "GET" },
      { headers: { "Content-Type": "text/html", "Content-Encoding": "br" }, body: page, method: "GET" },
      { headers: { "Content-Type": "text/html" }, body: page, method: "HEAD" },
    ];
    for (const c of cases) {
      const { res, sent } = fakeResponse(c.headers);
      await sendWhole({ method: c.method, headers: { "accept-encoding": "gzip, br" } }, res, c.body);
      expect(sent.body).toBe(c.body);
      expect(sent.headers.get("content-encoding")).toBe(c.headers["Content-Encoding"]);
    }
  });

  it("writes nothing when the client left while the body was being compressed", async () => {
    const { res, sent } = fakeResponse({ "Content-Type": "text/html" });
    const sending = sendWhole({ method: "GET", headers: { "accept-encoding": "gzip" } }, res, page);
    sent.destroyed = true;
    await sending;
    expect(sent.ended).toBe(0);
  });
});

describe("EncodedVariants", () => {
  it("compresses a kept body once per encoding, however many visitors ask at once", async () => {
    const variants = new EncodedVariants(page);
    const [a, b] = await Promise.all([variants.get("gzip"), variants.get("gzip")]);
    expect(a).toBe(b);
    expect(await variants.get("gzip")).toBe(a);
    const br = await variants.get("br");
    expect(br).not.toBe(a);
    expect(brotliDecompressSync(br).equals(page)).toBe(true);
    expect(gunzipSync(a).equals(page)).toBe(true);
  });

  it("is what sendWhole sends when given", async () => {
    const variants = new EncodedVariants(page);
    const kept = await variants.get("gzip");
    const { res, sent } = fakeResponse({ "Content-Type": "text/html" });
    await sendWhole({ method: "GET", headers: { "accept-encoding": "gzip" } }, res, page, variants);
    expect(sent.body).toBe(kept);
  });

  it("encodes the same bytes encode() does", async () => {
    expect(gunzipSync(await encode(page, "gzip")).equals(gunzipSync(await new EncodedVariants(page).get("gzip")))).toBe(true);
  });
});

// How the production server sends a page: rendered whole, as one body that declares its length
// (the compressor then gzips it whole when the browser accepts gzip). Each page still carries its
// loader data to the end, signed in or not, and an error page is sent the same way.
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEvent, makeUser } from "~/test/event-helpers";
import { rawGet, type RawReply } from "~/test/raw-get";
import { startServer, type ServerProcess } from "~/test/server-process";

let server: ServerProcess;
let event: Awaited<ReturnType<typeof makeEvent>>;
let user: Awaited<ReturnType<typeof makeUser>>;

type Reply = RawReply;

const get = (path: string, headers: Record<string, string> = {}) => rawGet(`${server.url}${path}`, headers);

/** The page is one whole document: its length declared, its loader data streamed in to the end. */
function expectWholeDocument(reply: Reply) {
  expect(reply.headers["transfer-encoding"]).toBeUndefined();
  expect(reply.headers["content-length"]).toBe(String(reply.body.byteLength));
  const html = reply.body.toString("utf8");
  expect(html.startsWith("<!DOCTYPE html><html")).toBe(true);
  expect(html).toContain("</html>");
  expect(html).toContain("window.__remixContext.streamController.close()");
  return html;
}

describe("pages as the production server sends them", { timeout: 120_000 }, () => {
  beforeAll(async () => {
    event = await makeEvent();
    user = await makeUser({ name: "Sari Peserta Dokumen" });
    server = await startServer();
  }, 120_000);
  afterAll(async () => {
    server?.child.kill("SIGTERM");
    await server?.exited;
  });

  it("a public page, uncompressed, is one body with its length and its data", async () => {
    const reply = await get(`/acara/${event.slug}`);
    expect(reply.status).toBe(200);
    expect(reply.headers["content-encoding"]).toBeUndefined();
    const html = expectWholeDocument(reply);
    expect(html).toContain(event.name);
  });

  it("gzipped for a browser that accepts it, the same whole document", async () => {
    const reply = await get(`/acara/${event.slug}`, { "Accept-Encoding": "gzip" });
    expect(reply.status).toBe(200);
    expect(reply.headers["content-encoding"]).toBe("gzip");
    const html = gunzipSync(reply.body).toString("utf8");
    expect(html.startsWith("<!DOCTYPE html><html")).toBe(true);
    expect(html).toContain(event.name);
    expect(html).toContain("window.__remixContext.streamController.close()");
  });

  it("a cached public page goes to each visitor in the encoding they accept, the same document", async () => {
    // A key of its own (the query is part of it), which no test above has filled.
    const path = `/acara/${event.slug}?kode=berkas`;
    const first = await get(path, { "Accept-Encoding": "gzip" });
    const again = await get(path, { "Accept-Encoding": "gzip" });
    const brotli = await get(path, { "Accept-Encoding": "gzip, deflate, br" });
    const plain = await get(path);
    for (const reply of [first, again, brotli, plain]) {
      expect(reply.status).toBe(200);
      expect(reply.headers.vary).toContain("Accept-Encoding");
      expect(reply.headers["content-length"]).toBe(String(reply.body.byteLength));
    }
    expect([first, again, brotli, plain].map((r) => r.headers["x-cache"])).toEqual(["MISS", "HIT", "HIT", "HIT"]);
    expect([first, again, brotli, plain].map((r) => r.headers["content-encoding"])).toEqual(["gzip", "gzip", "br", undefined]);
    const html = plain.body.toString("utf8");
    expect(html).toContain(event.name);
    expect(gunzipSync(first.body).toString("utf8")).toBe(html);
    expect(gunzipSync(again.body).toString("utf8")).toBe(html);
    expect(brotliDecompressSync(brotli.body).toString("utf8")).toBe(html);
  });

  it("a signed-in page is compressed for the browser too, and never served from the cache", async () => {
    const reply = await get("/dasbor", { Cookie: user.cookie, "Accept-Encoding": "br" });
    expect(reply.status).toBe(200);
    expect(reply.headers["content-encoding"]).toBe("br");
    expect(reply.headers["x-cache"]).toBeUndefined();
    expect(brotliDecompressSync(reply.body).toString("utf8")).toContain("Sari Peserta Dokumen");
  });

  it("a static file is still compressed", async () => {
    const page = (await get(`/acara/${event.slug}`)).body.toString("utf8");
    const script = /"(\/build\/[^"]+\.js)"/.exec(page)?.[1];
    expect(script).toBeTruthy();
    const reply = await get(script!, { "Accept-Encoding": "gzip" });
    expect(reply.status).toBe(200);
    expect(reply.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(reply.body).byteLength).toBeGreaterThan(reply.body.byteLength);
  });

  it("a signed-in page is sent whole, with the visitor's own data", async () => {
    const reply = await get("/dasbor", { Cookie: user.cookie });
    expect(reply.status).toBe(200);
    const html = expectWholeDocument(reply);
    expect(html).toContain("Sari Peserta Dokumen");
  });

  it("a page that does not exist is a whole 404 document", async () => {
    const reply = await get("/acara/tidak-ada-acara-ini");
    expect(reply.status).toBe(404);
    expectWholeDocument(reply);
  });
});

// How the production server sends a page: rendered whole, as one body that declares its length
// (the compressor then gzips it whole when the browser accepts gzip). Each page still carries its
// loader data to the end, signed in or not, and an error page is sent the same way.
import { request } from "node:http";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEvent, makeUser } from "~/test/event-helpers";
import { startServer, type ServerProcess } from "~/test/server-process";

let server: ServerProcess;
let event: Awaited<ReturnType<typeof makeEvent>>;
let user: Awaited<ReturnType<typeof makeUser>>;

type Reply = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

/** A GET through node:http, so that no header is added that the test did not set (fetch adds Accept-Encoding). */
function get(path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

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

import { request, type Server } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { rawGet } from "~/test/raw-get";
import { EncodedVariants, type Encoding } from "./compress.server";
import { sendResponse, webRequest } from "./remix-adapter.server";
import { WholeResponse } from "./whole-response.server";

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

/** An Express app on a free port with `handler` as its only route. */
async function serve(handler: express.RequestHandler, configure?: (app: express.Express) => void): Promise<string> {
  const app = express();
  configure?.(app);
  app.all("*", handler);
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server!.once("listening", resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

describe("sendResponse", () => {
  it("writes a WholeResponse from its bytes without reading its body stream", async () => {
    const text = "Karya terkirim ✓";
    let sent: WholeResponse | undefined;
    const base = await serve(async (req, res) => {
      const headers = new Headers({ "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
      headers.append("Set-Cookie", "a=1; Path=/");
      headers.append("Set-Cookie", "b=2; Path=/");
      sent = new WholeResponse(text, { status: 201, headers });
      await sendResponse(req, res, sent);
    });
    const res = await fetch(base);
    expect(res.status).toBe(201);
    expect(await res.text()).toBe(text);
    expect(res.headers.get("content-length")).toBe(String(Buffer.byteLength(text)));
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    // Had the server read the body stream, the response's body would be used up.
    expect(sent!.bodyUsed).toBe(false);
    expect(await sent!.text()).toBe(text);
  });

  it("streams every other response chunk by chunk, and ends one without a body", async () => {
    const base = await serve(async (req, res) => {
      if (req.path === "/kosong") return sendResponse(req, res, new Response(null, { status: 204 }));
      const encoder = new TextEncoder();
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (const part of ["satu,", "dua,", "tiga"]) controller.enqueue(encoder.encode(part));
          controller.close();
        },
      });
      await sendResponse(req, res, new Response(body, { status: 200, headers: { "Content-Type": "text/csv" } }));
    });
    const res = await fetch(`${base}/unduh`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(await res.text()).toBe("satu,dua,tiga");
    const empty = await fetch(`${base}/kosong`);
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe("");
  });
});

describe("sendResponse and compression", () => {
  const page = `<!DOCTYPE html><html><body>${"<p>Peringkat tim KIM Jawa Timur</p>".repeat(200)}</body></html>`;

  it("compresses a whole page for a client that accepts gzip, tells the listener the plain body, and leaves it plain for one that does not", async () => {
    const told: string[] = [];
    const base = await serve(async (req, res) => {
      res.locals.onWhole = (body: Uint8Array) => void told.push(Buffer.from(body).toString("utf8"));
      await sendResponse(req, res, new WholeResponse(page, { headers: { "Content-Type": "text/html; charset=utf-8" } }));
    });
    const zipped = await rawGet(base, { "Accept-Encoding": "gzip" });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.headers["content-length"]).toBe(String(zipped.body.byteLength));
    expect(zipped.headers.vary).toBe("Accept-Encoding");
    expect(zipped.body.byteLength).toBeLessThan(page.length / 10);
    expect(gunzipSync(zipped.body).toString("utf8")).toBe(page);
    const plain = await rawGet(base);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers.vary).toBe("Accept-Encoding");
    expect(plain.body.toString("utf8")).toBe(page);
    expect(told).toEqual([page, page]);
  });

  it("compresses through the encodings the listener gives back, so a kept page's form is made once", async () => {
    const asked: string[] = [];
    class Kept extends EncodedVariants {
      override get(encoding: Encoding) {
        asked.push(encoding);
        return super.get(encoding);
      }
    }
    let kept: Kept | undefined;
    const base = await serve(async (req, res) => {
      res.locals.onWhole = (body: Uint8Array) => (kept = new Kept(body));
      await sendResponse(req, res, new WholeResponse(page, { headers: { "Content-Type": "text/html; charset=utf-8" } }));
    });
    const reply = await rawGet(base, { "Accept-Encoding": "br" });
    expect(reply.headers["content-encoding"]).toBe("br");
    expect(asked).toEqual(["br"]);
    expect(brotliDecompressSync(reply.body).toString("utf8")).toBe(page);
    // The form sent is the one kept: the next visitor's is the very same promise.
    expect(kept!.get("br")).toBe(kept!.get("br"));
    expect((await kept!.get("br")).equals(reply.body)).toBe(true);
  });

  it("still compresses a streamed response as it is written", async () => {
    const base = await serve(async (req, res) => {
      const encoder = new TextEncoder();
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < 200; i++) controller.enqueue(encoder.encode(`tim-${i},Kelompok Informasi Masyarakat\n`));
          controller.close();
        },
      });
      await sendResponse(req, res, new Response(body, { headers: { "Content-Type": "text/csv" } }));
    });
    const reply = await rawGet(base, { "Accept-Encoding": "gzip" });
    expect(reply.headers["content-encoding"]).toBe("gzip");
    const text = gunzipSync(reply.body).toString("utf8");
    expect(text.split("\n")).toHaveLength(201);
    expect(text.startsWith("tim-0,Kelompok Informasi Masyarakat\n")).toBe(true);
  });
});

describe("webRequest", () => {
  it("gives the URL the client used, with the forwarded host's port behind a trusted proxy, and every header", async () => {
    let seen: { url: string; method: string; headers: Record<string, string> } | undefined;
    const base = await serve(
      (req, res) => {
        const request = webRequest(req, res);
        seen = { url: request.url, method: request.method, headers: Object.fromEntries(request.headers) };
        res.end();
      },
      (app) => app.set("trust proxy", true),
    );
    await fetch(`${base}/acara/kim-2026?tab=hasil`, { headers: { "X-Forwarded-Host": "kim.example.id:8443", "X-Forwarded-Proto": "https", "X-Tim": "satu" } });
    expect(seen?.url).toBe("https://kim.example.id:8443/acara/kim-2026?tab=hasil");
    expect(seen?.method).toBe("GET");
    expect(seen?.headers["x-tim"]).toBe("satu");
    const port = new URL(base).port;
    await fetch(`${base}/masuk`);
    expect(seen?.url).toBe(`http://127.0.0.1:${port}/masuk`);
  });

  it("hands a form post's body to the route", async () => {
    let form: FormData | undefined;
    const base = await serve(async (req, res) => {
      form = await webRequest(req, res).formData();
      res.end("ok");
    });
    await fetch(`${base}/juri/kim/nilai/1/simpan`, { method: "POST", body: new URLSearchParams({ intent: "save", comment: "Bagus sekali" }) });
    expect(form?.get("intent")).toBe("save");
    expect(form?.get("comment")).toBe("Bagus sekali");
  });

  it("aborts the request's signal when the client leaves before the answer, not after it", async () => {
    let early: AbortSignal | undefined;
    let late: AbortSignal | undefined;
    let arrived: () => void = () => undefined;
    const waiting = new Promise<void>((resolve) => (arrived = resolve));
    const base = await serve((req, res) => {
      const signal = webRequest(req, res).signal;
      if (req.path === "/lambat") {
        early = signal;
        arrived();
        return; // never answers
      }
      late = signal;
      res.end("selesai");
    });
    await fetch(`${base}/cepat`).then((r) => r.text());
    const slow = request(`${base}/lambat`);
    slow.on("error", () => undefined);
    slow.end();
    await waiting;
    expect(early?.aborted).toBe(false);
    slow.destroy();
    await new Promise<void>((resolve) => (early!.aborted ? resolve() : early!.addEventListener("abort", () => resolve())));
    expect(early?.aborted).toBe(true);
    expect(late?.aborted).toBe(false);
  });
});

import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { action as loginAction } from "~/routes/masuk";
import { rootDir } from "~/test/db-template";
import { BASE, call } from "~/test/request";
import { languageCookie } from "./i18n.server";
import { BodyRefused, boundedFormRequest, guardAction, policyFor, readBody, ROUTE_POLICIES } from "./request-body.server";
import { fileField, nonEmptyFile, readForm } from "./upload.server";

const args = (request: Request) => ({ request, params: {}, context: { nonce: "" } });
const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request(`${BASE}/masuk`, { method: "POST", headers: { Origin: BASE, ...headers }, body, duplex: "half" } as RequestInit);

/** A chunked body of `chunk`-byte pieces that never ends on its own; counts what was pulled. */
function endless(chunk: number) {
  const pulled = { bytes: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled.bytes += chunk;
      controller.enqueue(new Uint8Array(chunk).fill(97));
    },
  });
  return { stream, pulled };
}

/** A body that sends `first` and then nothing, ever. */
function stalled(first: string) {
  let sent = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!sent) controller.enqueue(new TextEncoder().encode(first));
      sent = true;
      return new Promise(() => undefined);
    },
  });
}

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (e) {
    if (e instanceof BodyRefused) return e.refusal;
    throw e;
  }
  throw new Error("expected the body to be refused");
}

function multipart(disposition: string, content = "%PDF-1.4 isi") {
  const boundary = "----batas";
  const body = `--${boundary}\r\nContent-Disposition: ${disposition}\r\nContent-Type: application/pdf\r\n\r\n${content}\r\n--${boundary}--\r\n`;
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

describe("reading a body within limits", () => {
  const policy = { maxBytes: 1000, idleMs: 5_000, totalMs: 60_000 };

  it("cuts a chunked body without Content-Length off as soon as it passes the limit", async () => {
    const { stream, pulled } = endless(100);
    expect(await refusal(readBody(post(stream), policy))).toMatchObject({ status: 413, key: "errors.body.tooLarge" });
    // The stream may have one chunk queued ahead of the reader, never more.
    expect(pulled.bytes).toBeLessThanOrEqual(policy.maxBytes + 2 * 100);
  });

  it("refuses a declared Content-Length over the limit without reading the body", async () => {
    const { stream, pulled } = endless(100);
    const request = post(stream, { "Content-Length": "5000" });
    expect(await refusal(readBody(request, policy))).toMatchObject({ status: 413 });
    expect(pulled.bytes).toBeLessThanOrEqual(100);
  });

  it("times out a body that stalls", async () => {
    const request = post(stalled("email=a"), { "Content-Type": "application/x-www-form-urlencoded" });
    expect(await refusal(readBody(request, { ...policy, idleMs: 20 }))).toMatchObject({ status: 408, key: "errors.body.timeout" });
  });

  it("times out a body that trickles past its total time", async () => {
    const { stream } = endless(1);
    expect(await refusal(readBody(post(stream), { maxBytes: 1e9, idleMs: 5_000, totalMs: 20 }))).toMatchObject({ status: 408 });
  });

  it("keeps a body at the limit whole", async () => {
    const body = await readBody(post("a".repeat(1000)), policy);
    expect(body.byteLength).toBe(1000);
    expect(new TextDecoder().decode(body)).toBe("a".repeat(1000));
  });
});

describe("only readable forms reach a route", () => {
  const form = policyFor("routes/masuk");

  it.each([
    ["JSON", '{"email":"a@b.id"}', { "Content-Type": "application/json" }],
    ["plain text", "email=a@b.id", { "Content-Type": "text/plain" }],
    ["no content type", "email=a@b.id", {}],
    ["multipart without a boundary", "--x\r\n", { "Content-Type": "multipart/form-data" }],
    ["garbled multipart", "\u0000\u0001 bukan multipart", { "Content-Type": "multipart/form-data; boundary=zz" }],
    ["a file name quoted wrongly", multipart('form-data; name="file"; filename=a;b.pdf').body, { "Content-Type": multipart("").type }],
  ])("refuses %s with 400", async (_label, body, headers) => {
    expect(await refusal(boundedFormRequest(post(body, headers), form))).toMatchObject({ status: 400, key: "errors.body.unreadable" });
  });

  it("refuses a file in a form that takes none", async () => {
    const { body, type } = multipart('form-data; name="email"; filename="a.pdf"');
    expect(await refusal(boundedFormRequest(post(body, { "Content-Type": type }), form))).toMatchObject({ status: 400, key: "errors.body.unexpectedFile" });
  });

  it("hands the route the form as sent, read once: every field, a repeated field in order, and the body itself", async () => {
    const sent = new URLSearchParams([
      ["intent", "save"],
      ["award-1", "a"],
      ["award-1", "b"],
      ["comment", "Bagus sekali — 100%"],
    ]);
    const request = await boundedFormRequest(post(sent.toString(), { "Content-Type": "application/x-www-form-urlencoded" }), form);
    const first = await request.formData();
    expect([...first]).toEqual([...sent]);
    // Each read is a form of its own: what one reader changes, the next does not see.
    first.delete("intent");
    expect((await request.formData()).get("intent")).toBe("save");
    expect(request.method).toBe("POST");
    expect(request.headers.get("Content-Length")).toBe(String(sent.toString().length));
    expect(await request.text()).toBe(sent.toString());
  });

  it("decodes a form as a browser encodes it: + as a space, percent escapes as UTF-8, a stray % kept", async () => {
    const request = await boundedFormRequest(
      post("judul=Peta+Desa&kota=Surabaya%20%E2%80%94%20Jatim&nilai=100%25&aneh=%zz&kosong=", { "Content-Type": "application/x-www-form-urlencoded; charset=UTF-8" }),
      form,
    );
    expect([...(await request.formData())]).toEqual([
      ["judul", "Peta Desa"],
      ["kota", "Surabaya — Jatim"],
      ["nilai", "100%"],
      ["aneh", "%zz"],
      ["kosong", ""],
    ]);
  });

  it("reads an empty POST without a type as an empty form", async () => {
    const request = await boundedFormRequest(post(null), form);
    expect([...(await request.formData()).keys()]).toEqual([]);
  });

  it.each(["a=b.pdf", "a;b.pdf", "proposal; final=1.pdf"])("accepts an upload named %s and the upload route reads it", async (name) => {
    const { body, type } = multipart(`form-data; name="file"; filename="${name}"`);
    const bounded = await boundedFormRequest(post(body, { "Content-Type": type }), policyFor("routes/tim.$teamId.karya"));
    const parsed = await readForm(bounded, 1024);
    expect(parsed.ok).toBe(true);
    const file = parsed.ok ? parsed.formData.get("file") : null;
    expect(file instanceof File && file.name).toBe(name);
  });

  it("holds each file to its own cap inside the route's limit", async () => {
    const { body, type } = multipart('form-data; name="file"; filename="a.pdf"', "x".repeat(2048));
    const bounded = await boundedFormRequest(post(body, { "Content-Type": type }), policyFor("routes/tim.$teamId.karya"));
    expect(await readForm(bounded, 1024)).toEqual({ ok: false, code: "tooLarge" });
  });
});

describe("the guarded action", () => {
  const guarded = guardAction("routes/masuk", loginAction);

  it("answers 413 in Indonesian by default and never runs the action", async () => {
    const { stream } = endless(64 * 1024);
    const res = await call(async () => guarded(args(post(stream, { "Content-Type": "application/x-www-form-urlencoded" }))));
    expect(res.status).toBe(413);
    expect(res.headers.get("Connection")).toBe("close");
    expect((res.body as { message: string }).message).toBe("Kiriman melebihi batas 128 kB. Perkecil berkas atau isian, lalu kirim lagi.");
  });

  it("answers in English with the lng cookie", async () => {
    const cookie = (await languageCookie.serialize("en")).split(";")[0] as string;
    const res = await call(async () => guarded(args(post('{"email":"a@b.id"}', { "Content-Type": "application/json", Cookie: cookie }))));
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toBe("The submission could not be read as a form. Send it again from the form's page.");
  });

  it("passes a readable form through to the action", async () => {
    const res = await call(async () => guarded(args(post("email=bukan-email&password=x", { "Content-Type": "application/x-www-form-urlencoded", "X-Client-IP": "10.9.9.9" }))));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain("validation.email");
  });
});

describe("route policies", () => {
  // A form that takes a file needs its own policy, or every upload through it is refused.
  it("cover every route whose page posts multipart forms", () => {
    const dir = join(rootDir, "app", "routes");
    const withFiles = readdirSync(dir)
      .filter((f) => /\.tsx?$/.test(f) && !f.includes(".test.") && readFileSync(join(dir, f), "utf8").includes('encType="multipart/form-data"'))
      .map((f) => `routes/${f.replace(/\.tsx?$/, "")}`);
    expect(withFiles.length).toBeGreaterThan(0);
    for (const id of withFiles) expect(Object.keys(ROUTE_POLICIES)).toContain(id);
  });
});

describe("files in a form", () => {
  const form = () => {
    const f = new FormData();
    f.set("picker", new File([], ""));
    f.set("zero", new File([], "kosong.pdf", { type: "application/pdf" }));
    f.set("file", new File([new Uint8Array([37, 80, 68, 70])], "proposal.pdf", { type: "application/pdf" }));
    return f;
  };

  it("a file field is null when missing or left empty, and keeps an empty named file for its own refusal", async () => {
    expect(await fileField(form(), "none")).toBeNull();
    expect(await fileField(form(), "picker")).toBeNull();
    expect(await fileField(form(), "zero")).toMatchObject({ name: "kosong.pdf", bytes: new Uint8Array() });
  });

  it("an optional upload counts only a file with bytes", async () => {
    expect(await nonEmptyFile(form(), "none")).toBeNull();
    expect(await nonEmptyFile(form(), "picker")).toBeNull();
    expect(await nonEmptyFile(form(), "zero")).toBeNull();
    expect(await nonEmptyFile(form(), "file")).toEqual({ bytes: new Uint8Array([37, 80, 68, 70]), name: "proposal.pdf", mime: "application/pdf" });
  });
});

import { describe, expect, it } from "vitest";
import { WholeResponse } from "./whole-response.server";

const text = "Halo, Jawa Timur — ✓ nilai tersimpan";

describe("WholeResponse", () => {
  it("declares the byte length of its body (UTF-8, not characters) and keeps status and headers", () => {
    const r = new WholeResponse(text, { status: 409, statusText: "Conflict", headers: { "Content-Type": "text/plain; charset=utf-8", "X-Extra": "1" } });
    expect(r.status).toBe(409);
    expect(r.statusText).toBe("Conflict");
    expect(r.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(r.headers.get("X-Extra")).toBe("1");
    expect(r.headers.get("Content-Length")).toBe(String(Buffer.byteLength(text)));
    expect(Buffer.byteLength(text)).toBeGreaterThan(text.length);
    expect(Buffer.from(r.whole).toString("utf8")).toBe(text);
    expect(r).toBeInstanceOf(Response);
  });

  it("keeps a length it was given", () => {
    expect(new WholeResponse("abc", { headers: { "Content-Length": "3" } }).headers.get("Content-Length")).toBe("3");
  });

  it("reads as any Response does: text, JSON, bytes, array buffer, blob, form data", async () => {
    const json = JSON.stringify({ ok: true, version: 7, teks: text });
    expect(await new WholeResponse(text).text()).toBe(text);
    expect(await new WholeResponse(json).json()).toEqual({ ok: true, version: 7, teks: text });
    expect(Buffer.from(await new WholeResponse(text).bytes()).toString("utf8")).toBe(text);
    expect(Buffer.from(await new WholeResponse(text).arrayBuffer()).toString("utf8")).toBe(text);
    // A string's bytes can sit inside a larger shared buffer: only its own bytes come back.
    const slice = Buffer.from(`xx${text}yy`).subarray(2, 2 + Buffer.byteLength(text));
    expect(Buffer.from(await new WholeResponse(slice).arrayBuffer()).toString("utf8")).toBe(text);
    const blob = await new WholeResponse(text, { headers: { "Content-Type": "text/plain" } }).blob();
    expect(blob.type).toBe("text/plain");
    expect(await blob.text()).toBe(text);
    const form = await new WholeResponse("nama=Tim+KIM&nilai=9", { headers: { "Content-Type": "application/x-www-form-urlencoded" } }).formData();
    expect(form.get("nama")).toBe("Tim KIM");
    expect(form.get("nilai")).toBe("9");
  });

  it("streams the same bytes through its body", async () => {
    const r = new WholeResponse(text);
    expect(r.bodyUsed).toBe(false);
    const reader = r.body.getReader();
    const chunks: Uint8Array[] = [];
    for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
    expect(Buffer.concat(chunks).toString("utf8")).toBe(text);
    expect(r.bodyUsed).toBe(true);
    // An empty body is an empty stream, not a stream with an empty chunk.
    const empty = await new WholeResponse("").body.getReader().read();
    expect(empty.done).toBe(true);
  });

  it("is read once, like any Response, and a clone is a fresh copy", async () => {
    const r = new WholeResponse(text);
    const copy = r.clone();
    expect(copy).toBeInstanceOf(WholeResponse);
    expect(await r.text()).toBe(text);
    expect(r.bodyUsed).toBe(true);
    await expect(r.text()).rejects.toThrow(TypeError);
    await expect(r.arrayBuffer()).rejects.toThrow(TypeError);
    expect(() => r.clone()).toThrow(TypeError);
    expect(await copy.text()).toBe(text);
    expect(copy.headers.get("Content-Length")).toBe(r.headers.get("Content-Length"));
  });
});

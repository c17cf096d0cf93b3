import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import { describe, expect, it, vi } from "vitest";
import { accessLog, redactUrl } from "./access-log.server";

/** Runs one request through the production log middleware and returns the line it wrote. */
async function logLine(url: string, referer?: string): Promise<string> {
  const lines: string[] = [];
  const middleware = accessLog("combined", { write: (line) => void lines.push(line) });
  const req = new IncomingMessage(new Socket());
  Object.assign(req, { method: "GET", url, originalUrl: url, httpVersionMajor: 1, httpVersionMinor: 1, headers: referer ? { referer } : {} });
  const res = new ServerResponse(req);
  await new Promise<void>((done) => middleware(req, res, () => done()));
  res.statusCode = 200;
  res.end("ok");
  // Without a socket the response never flushes; tell the logger it is done, as the socket would.
  res.emit("finish");
  await vi.waitFor(() => expect(lines).toHaveLength(1));
  return lines.join("");
}

const TOKEN = "s3cr3t-T0ken_abcdefghijklmnopqrstuvwxyz";

describe("access log", () => {
  it.each([
    [`/atur-ulang-sandi/${TOKEN}`, "/atur-ulang-sandi/[redacted]"],
    [`/undangan/${TOKEN}`, "/undangan/[redacted]"],
    [`/undangan/${TOKEN}.data?_routes=routes%2Fundangan.%24token`, "/undangan/[redacted].data?_routes=routes%2Fundangan.%24token"],
    [`/gabung/${TOKEN}`, "/gabung/[redacted]"],
    [`/gabung/tempat/${TOKEN}`, "/gabung/tempat/[redacted]"],
    [`/verifikasi-email/${TOKEN}`, "/verifikasi-email/[redacted]"],
  ])("writes %s without the secret", async (url, shown) => {
    const line = await logLine(url);
    expect(line).toContain(`"GET ${shown} HTTP/1.1" 200`);
    expect(line).not.toContain(TOKEN);
  });

  it("redacts the secret in the Referer too", async () => {
    const line = await logLine("/dasbor", `https://kim.example/gabung/${TOKEN}`);
    expect(line).toContain('"https://kim.example/gabung/[redacted]"');
    expect(line).not.toContain(TOKEN);
  });

  it("leaves ordinary URLs as they are", async () => {
    expect(redactUrl("/acara/kim-2026/galeri?page=2")).toBe("/acara/kim-2026/galeri?page=2");
    expect(await logLine("/gabung")).toContain('"GET /gabung HTTP/1.1"');
  });
});

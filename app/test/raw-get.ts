// A GET through node:http, so that no header is added that the test did not set (fetch adds
// Accept-Encoding, for one): what a client that asks for no compression receives, byte for byte.
import { request, type IncomingHttpHeaders } from "node:http";

export type RawReply = { status: number; headers: IncomingHttpHeaders; body: Buffer };

export function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

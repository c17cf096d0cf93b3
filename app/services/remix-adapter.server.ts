// The bridge between Express and the framework's request handler: builds the web Request from
// Node's request, and writes the web Response back. It does what the framework's own Express
// adapter does, with one difference: a WholeResponse (a rendered page, a JSON reply) is written
// in one call from the bytes it holds, instead of being read back through a web stream chunk by
// chunk; every other response (a download, an event stream) still streams.
import { createReadableStreamFromReadable, createRequestHandler as createRemixHandler, writeReadableStreamToWritable, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { WholeResponse } from "./whole-response.server";

type Options = {
  build: ServerBuild;
  mode?: string;
  getLoadContext?: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext;
};

export function createRequestHandler({ build, mode, getLoadContext }: Options) {
  const handle = createRemixHandler(build, mode);
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      const response = await handle(webRequest(req, res), getLoadContext?.(req, res));
      await sendResponse(res, response);
    } catch (error) {
      next(error);
    }
  };
}

const portOf = (host: string | undefined): number | null => {
  const port = Number.parseInt(host?.split(":")[1] ?? "", 10);
  return Number.isSafeInteger(port) ? port : null;
};

/** The web Request for a Node request: the URL the client used, its headers, its body as a stream. */
export function webRequest(req: ExpressRequest, res: ExpressResponse): Request {
  // `req.hostname` honours the proxy setting but drops the port; the port comes from the
  // forwarded host when there is one, else from Host.
  const port = portOf(req.get("X-Forwarded-Host")) ?? portOf(req.get("host"));
  const url = `${req.protocol}://${req.hostname}${port === null ? "" : `:${port}`}${req.originalUrl}`;
  const headers = new Headers();
  for (const name in req.headers) {
    const value = req.headers[name];
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  // Loaders and actions are aborted when the client goes away before the answer is complete.
  const controller = new AbortController();
  let finished = false;
  res.on("finish", () => {
    finished = true;
  });
  res.on("close", () => {
    if (!finished) controller.abort();
  });
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    init.body = createReadableStreamFromReadable(req);
    init.duplex = "half";
  }
  return new Request(url, init);
}

/** Writes a web Response to Node's response: whole bytes at once, anything else as a stream. */
export async function sendResponse(res: ExpressResponse, response: Response): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers) res.append(name, value);
  if (response instanceof WholeResponse) {
    res.end(response.whole);
    return;
  }
  if (/text\/event-stream/i.test(response.headers.get("Content-Type") ?? "")) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

// The bridge between Express and the framework's request handler. It is the framework's own
// Express adapter (same Request building, same streaming of responses) with one difference: a
// WholeResponse (a rendered page, a JSON reply) is written in one call from the bytes it holds,
// compressed whole when the client accepts it (compress.server.ts), instead of being read back
// through a web stream chunk by chunk. It also lets a page's loaders share the request instead of
// each getting copies of it (loader-request.server.ts).
import { createRequestHandler as createRemixHandler, type AppLoadContext, type ServerBuild } from "@remix-run/node";
// The package's index exports only its own handler; its Request builder and response writer are
// exported from the module behind it.
import { createRemixRequest, sendRemixResponse } from "@remix-run/express/dist/server.js";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { compressAsWritten, sendWhole, type EncodedVariants } from "./compress.server";
import { shareLoaderRequests } from "./loader-request.server";
import { WholeResponse } from "./whole-response.server";

type Options = {
  build: ServerBuild;
  mode?: string;
  getLoadContext?: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext;
};

export function createRequestHandler({ build, mode, getLoadContext }: Options) {
  shareLoaderRequests();
  const handle = createRemixHandler(build, mode);
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      const response = await handle(webRequest(req, res), getLoadContext?.(req, res));
      await sendResponse(req, res, response);
    } catch (error) {
      next(error);
    }
  };
}

/**
 * The web Request for a Node request: the URL the client used (with the forwarded host's port
 * behind a trusted proxy), its headers, its body as a stream, and a signal that aborts when the
 * client goes away before the answer is complete.
 */
export const webRequest: (req: ExpressRequest, res: ExpressResponse) => Request = createRemixRequest;

/**
 * Told a whole response's body once its status and headers are set, before it is sent (the
 * micro-cache keeps it). What it gives back, if anything, is where the body's compressed forms are
 * kept: the body is then compressed through it, so a form made for this response is made once.
 */
export type WholeListener = (body: Uint8Array) => EncodedVariants | undefined;

/**
 * Writes a web Response to Node's response: whole bytes at once (compressed whole when worth it;
 * `res.locals.onWhole`, when set, is told the body first and may say where its compressed forms
 * are kept), anything else as a stream through the compression middleware.
 */
export async function sendResponse(req: ExpressRequest, res: ExpressResponse, response: Response): Promise<void> {
  if (!(response instanceof WholeResponse)) {
    return new Promise<void>((resolve, reject) => compressAsWritten(req, res, () => sendRemixResponse(res, response).then(resolve, reject)));
  }
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers) res.append(name, value);
  const variants = (res.locals.onWhole as WholeListener | undefined)?.(response.whole);
  await sendWhole(req, res, response.whole, variants);
}

import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { NonceProvider } from "./components/nonce";
import { getLanguage, i18nextFor } from "./services/i18n.server";
import { WholeResponse } from "./services/whole-response.server";

const ABORT_DELAY = 5_000;
export const streamTimeout = ABORT_DELAY;

/**
 * A page is rendered whole, then sent as one body with its length. No loader defers data, so
 * the first byte could not come sooner by streaming; what streaming cost was a trip through a
 * Node stream, a web stream and the compressor for each of React's small chunks (dozens on a
 * 100 KB page). The loader data still reaches the browser in the document's own scripts. The
 * page goes out as a WholeResponse: the server writes its bytes in one call.
 */
export default async function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext, loadContext: AppLoadContext) {
  const instance = await i18nextFor(await getLanguage(request));
  const nonce = loadContext?.nonce;

  return new Promise<Response>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let shellRendered = false;
    let status = responseStatusCode;
    const document = new Writable({
      // React listens for "close" to stop rendering into a destination that went away; this one
      // never goes away, and its close after the end only made React end it a second time.
      emitClose: false,
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
      final(done) {
        clearTimeout(timer);
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        resolve(new WholeResponse(Buffer.concat(chunks), { headers: responseHeaders, status }));
        done();
      },
    });
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce ?? ""}>
        <I18nextProvider i18n={instance}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        onShellReady() {
          shellRendered = true;
        },
        onAllReady() {
          pipe(document);
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          status = 500;
          // An error before the shell is Remix's to report (it renders the error page).
          if (shellRendered) console.error(error);
        },
      },
    );
    // Past the delay, what is still pending renders as its fallback and the page is sent as it is.
    const timer = setTimeout(abort, ABORT_DELAY + 1000);
  });
}

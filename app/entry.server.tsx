import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { NonceProvider } from "./components/nonce";
import { getLanguage, i18nextFor } from "./services/i18n.server";
import { readHandoff } from "./services/handoff.server";
import { WholeResponse } from "./services/whole-response.server";

// How long the framework lets the loader data's stream run (it aborts what is still pending then).
export const streamTimeout = 5_000;

/**
 * A page is rendered whole, to one string, then sent as one body with its length. No loader
 * defers data and no component suspends once the loader data is read (`readHandoff`), so the
 * first byte could not come sooner by streaming; what the streaming renderer cost was encoding
 * each of its many small chunks (a tag, an attribute, a text) to bytes on its own, then carrying
 * them through a Node stream. The page goes out as a WholeResponse: the server writes its bytes
 * in one call.
 */
export default async function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext, loadContext: AppLoadContext) {
  const [instance] = await Promise.all([getLanguage(request).then(i18nextFor), readHandoff(remixContext)]);
  const nonce = loadContext?.nonce;
  // An error while rendering is thrown from here; the framework then renders the error page.
  // The streaming renderer wrote the doctype itself before an <html> root; this one does not.
  const html =
    "<!DOCTYPE html>" +
    renderToString(
      <NonceProvider value={nonce ?? ""}>
        <I18nextProvider i18n={instance}>
          <RemixServer context={remixContext} url={request.url} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
    );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new WholeResponse(html, { headers: responseHeaders, status: responseStatusCode });
}

// Loads a page the way the server does: inside one request scope, every matched loader (root,
// layouts, page) runs at once, each with its own copy of the Request as Remix makes them.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { withRequestScope } from "~/services/request-context.server";
import { BASE } from "./request";
import { recordStatements } from "./statements";

type Loader = (args: LoaderFunctionArgs) => unknown;

export async function loadPage(loaders: readonly Loader[], path: string, params: Record<string, string>, cookie?: string) {
  const headers = new Headers(cookie ? { Cookie: cookie } : {});
  return withRequestScope(() =>
    Promise.all(
      loaders.map(async (loader) => {
        try {
          return await loader({ request: new Request(`${BASE}${path}`, { headers }), params, context: { nonce: "" } });
        } catch (e) {
          if (e instanceof Response) throw new Error(`${path} answered ${e.status}`);
          throw e;
        }
      }),
    ),
  );
}

/** The SQL statements one GET of the page sends. */
export async function pageStatements(loaders: readonly Loader[], path: string, params: Record<string, string>, cookie?: string) {
  const { statements } = await recordStatements(() => loadPage(loaders, path, params, cookie));
  return statements;
}

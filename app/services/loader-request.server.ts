// One Request for every loader of a page.
//
// Before it calls a loader, the framework takes the request apart and builds it again twice: once
// to drop an empty `?index` and once to drop `_routes` (the list a data request names). Each is a
// new URL parse and a new Request that copies every header and follows the original's abort
// signal, and a signed-in page runs three or four loaders: six to eight Requests for one visit,
// in every one of which the URL had neither parameter and nothing was dropped.
//
// `shareLoaderRequests()` puts a step in front of the framework's loader call: when a GET or HEAD
// names neither parameter, the loader gets the request itself, exactly what the copies would have
// held (URL, method, headers, a signal that aborts with it). Every other request (a form post, a
// data request naming `_routes`, a URL with `?index`) goes through the framework's own call
// unchanged, as does anything unusual a loader returns (nothing, or deferred data), so its
// checks and errors stay the framework's.
import frameworkData from "@remix-run/server-runtime/dist/data.js";
import { isDeferredData } from "@remix-run/server-runtime/dist/responses.js";

type CallRouteLoader = typeof frameworkData.callRouteLoader;
type LoaderCall = Parameters<CallRouteLoader>[0];

/** Whether the framework's copy of this request would be the request itself. */
export function needsNoCopy(request: Request): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const query = request.url.indexOf("?");
  if (query === -1) return true;
  const params = new URLSearchParams(request.url.slice(query + 1).split("#")[0]);
  return !params.has("index") && !params.has("_routes");
}

/** What the framework checks a loader's result for itself: a missing result, or deferred data. */
function needsFrameworkCheck(result: unknown): boolean {
  return result === undefined || isDeferredData(result);
}

const installed = Symbol.for("kim.shareLoaderRequests");

/** Installs the step once per process (the framework module is shared by every handler). */
export function shareLoaderRequests(data: { callRouteLoader: CallRouteLoader } = frameworkData): void {
  const own = data as { callRouteLoader: CallRouteLoader & { [installed]?: true } };
  if (own.callRouteLoader[installed]) return;
  const frameworkCall = own.callRouteLoader;
  const call = async (args: LoaderCall) => {
    if (!args.singleFetch || !needsNoCopy(args.request)) return frameworkCall(args);
    const result = await args.loader({ request: args.request, context: args.loadContext, params: args.params });
    // The framework's own call, handed the result already loaded, makes its checks and answers.
    if (needsFrameworkCheck(result)) return frameworkCall({ ...args, loader: () => result as never });
    return result as Awaited<ReturnType<CallRouteLoader>>;
  };
  own.callRouteLoader = Object.assign(call, { [installed]: true as const });
}

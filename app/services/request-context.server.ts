// What one request knows about its actor, resolved once and shared by every loader of the request.
//
// Remix hands each matched loader its own copy of the Request when it strips `?index`/`_routes`
// (loader-request.server.ts spares the copies only when there is nothing to strip), so a memo
// keyed by the Request object could be shared by nothing but a single loader. The server therefore
// runs each GET/HEAD inside a request scope (AsyncLocalStorage) and the memo lives there; root,
// layout and page loaders of one document or data request then read the session, the event and
// the actor's roles from the same promises. Other methods get no shared scope: an action may
// change what a loader of the same request must read afresh, so there the memo falls back to the
// Request object (one loader or action).
import { AsyncLocalStorage } from "node:async_hooks";

type Memo = Map<string, Promise<unknown>>;

const scope = new AsyncLocalStorage<Memo>();
const perRequest = new WeakMap<Request, Memo>();

/** Runs the handling of one read-only HTTP request with a memo shared by all its loaders. */
export function withRequestScope<T>(fn: () => T): T {
  return scope.run(new Map(), fn);
}

/** The value of `load()` for `key`, computed at most once per request. */
export function memoize<T>(request: Request | null, key: string, load: () => Promise<T>): Promise<T> {
  let memo = scope.getStore();
  if (!memo && request) {
    memo = perRequest.get(request);
    if (!memo) perRequest.set(request, (memo = new Map()));
  }
  if (!memo) return load();
  let found = memo.get(key) as Promise<T> | undefined;
  if (!found) {
    found = load();
    memo.set(key, found);
  }
  return found;
}

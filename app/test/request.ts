// Helpers to call route loaders/actions directly with a real Request.
export const BASE = "http://localhost:3000";

/** The arguments Remix hands a loader or action. */
export const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: { nonce: "" } });

export function formRequest(path: string, fields: Record<string, string>, init: { cookie?: string; ip?: string } = {}): Request {
  const headers = new Headers({ "Content-Type": "application/x-www-form-urlencoded", Origin: BASE });
  if (init.cookie) headers.set("Cookie", init.cookie);
  headers.set("X-Client-IP", init.ip ?? `10.0.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}`);
  return new Request(`${BASE}${path}`, { method: "POST", headers, body: new URLSearchParams(fields).toString() });
}

export function getRequest(path: string, cookie?: string): Request {
  const headers = new Headers();
  if (cookie) headers.set("Cookie", cookie);
  return new Request(`${BASE}${path}`, { headers });
}

/** Unwraps what a route returned: a Response, single-fetch `data()` or a plain value. */
export async function unwrap(result: unknown): Promise<{ status: number; body: unknown; headers: Headers }> {
  if (result instanceof Response) {
    const text = await result.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: result.status, body, headers: result.headers };
  }
  if (result && typeof result === "object" && "type" in result && (result as { type: string }).type === "DataWithResponseInit") {
    const r = result as unknown as { data: unknown; init: ResponseInit | null };
    return { status: r.init?.status ?? 200, body: r.data, headers: new Headers(r.init?.headers) };
  }
  return { status: 200, body: result, headers: new Headers() };
}

/** Runs a loader/action, turning a thrown Response into a returned one. */
export async function call(fn: () => Promise<unknown>) {
  try {
    return await unwrap(await fn());
  } catch (e) {
    if (e instanceof Response) return unwrap(e);
    throw e;
  }
}

export function sessionCookieFrom(headers: Headers): string {
  const set = headers.get("Set-Cookie") ?? "";
  return set.split(";")[0];
}

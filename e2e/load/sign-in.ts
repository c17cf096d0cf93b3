// Signed-in visitors for the benchmark, through the app's own session service, so the cookie is
// whatever the app hands out after a password sign-in (however sessions are stored).
import { startSession } from "../../app/services/session.server";

/** The `Cookie` header value for each user. */
export async function signIn(userIds: string[]): Promise<Map<string, string>> {
  const request = new Request("http://127.0.0.1/masuk", { headers: { "User-Agent": "kim-bench" } });
  const out = new Map<string, string>();
  for (const id of userIds) {
    if (out.has(id)) continue;
    const setCookie = await startSession(id, request);
    out.set(id, setCookie.split(";")[0]);
  }
  return out;
}

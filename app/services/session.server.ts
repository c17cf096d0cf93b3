// Request-level guards. They throw a redirect or a 403/404 response, so loaders read top to bottom.
import { can } from "~/domain/permissions";
import { forbidden } from "./guards.server";
import { redirect } from "@remix-run/node";
import type { Session, User } from "lucia";
import { safeRedirect } from "~/domain/links";
import { lucia } from "./auth.server";
import { memoize } from "./request-context.server";
import { sessionKey } from "./session-key.server";

export type AuthUser = User;

type Auth = { user: User | null; session: Session | null; cookie: string | null };

/**
 * Validates the session cookie once per request (one statement; Lucia writes only to extend a
 * session past half its life) and refreshes the cookie when Lucia extends it.
 */
export function getAuth(request: Request): Promise<Auth> {
  return memoize(request, "auth", async () => {
    const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
    if (!sessionId) return { user: null, session: null, cookie: null };
    const { session, user } = await lucia.validateSession(sessionId);
    let cookie: string | null = null;
    if (session?.fresh) cookie = lucia.createSessionCookie(session.id).serialize();
    if (!session) cookie = lucia.createBlankSessionCookie().serialize();
    return { user, session, cookie };
  });
}

export async function getUser(request: Request): Promise<User | null> {
  return (await getAuth(request)).user;
}

export async function requireUser(request: Request): Promise<User> {
  const user = await getUser(request);
  if (!user) {
    const url = new URL(request.url);
    const back = safeRedirect(url.pathname + url.search);
    throw redirect(`/masuk?redirectTo=${encodeURIComponent(back)}`);
  }
  return user;
}

/** The signed-in user with the stored key of this request's session (to keep it when others end). */
export async function requireUserSession(request: Request): Promise<{ user: User; sessionKey: string }> {
  const user = await requireUser(request);
  const { session } = await getAuth(request);
  return { user, sessionKey: sessionKey(session?.id ?? "") };
}

export async function requireAnonymous(request: Request): Promise<void> {
  if (await getUser(request)) throw redirect("/dasbor");
}

export async function requireAdmin(request: Request): Promise<User> {
  const user = await requireUser(request);
  if (!can({ userId: user.id, isAdmin: user.isAdmin, eventRoles: [] }, "create:event")) throw forbidden();
  return user;
}

/** Starts a session and returns the Set-Cookie header value. */
export async function startSession(userId: string, request: Request): Promise<string> {
  const session = await lucia.createSession(userId, { userAgent: request.headers.get("User-Agent")?.slice(0, 200) ?? null });
  return lucia.createSessionCookie(session.id).serialize();
}

export async function endSession(request: Request): Promise<string> {
  const { session } = await getAuth(request);
  if (session) await lucia.invalidateSession(session.id);
  return lucia.createBlankSessionCookie().serialize();
}

/** The Set-Cookie value that clears the session cookie (the sessions themselves are already gone). */
export function blankSessionCookie(): string {
  return lucia.createBlankSessionCookie().serialize();
}

export async function endAllSessions(userId: string): Promise<string> {
  await lucia.invalidateUserSessions(userId);
  return lucia.createBlankSessionCookie().serialize();
}

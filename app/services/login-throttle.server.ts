// Slows password guessing without handing strangers a way to lock the owner out: failures are
// counted per account and address (a few tries, then waits that grow), per address, and per
// account from everywhere — the last one skipped for a browser that has signed in to the account
// before, so a flood of wrong passwords from elsewhere never locks the owner's own phone out.
import { env } from "./env.server";
import { clientIp, refund, reset, throttle, type Policy } from "./rate-limit.server";

const DEVICE_COOKIE = "kim_device";

/** The secret of the browser's known-device cookie (checked with isKnownDevice), if it sent one. */
export function deviceSecret(request: Request): string | null {
  return /(?:^|;\s*)kim_device=([^;]+)/.exec(request.headers.get("Cookie") ?? "")?.[1] ?? null;
}

export type LoginAttempt = { email: string; ip: string; knownDevice: boolean };

/** Counts the attempt before the password is checked, so parallel guesses are counted too. */
export async function beginLogin(request: Request, email: string, knownDevice: boolean) {
  const attempt: LoginAttempt = { email, ip: clientIp(request), knownDevice };
  const pair = `${email}|${attempt.ip}`;
  const checks: [Policy, string][] = [
    ["loginPair", pair],
    ["loginPairDay", pair],
    ["loginIp", attempt.ip],
  ];
  if (!attempt.knownDevice) checks.push(["loginAccount", email]);
  const limited = await throttle(checks);
  return { attempt, limited };
}

/** A right password: the pair starts afresh, the shared counters get their point back. */
export async function loginSucceeded(attempt: LoginAttempt): Promise<void> {
  const pair = `${attempt.email}|${attempt.ip}`;
  await Promise.all([reset("loginPair", pair), reset("loginPairDay", pair), refund("loginIp", attempt.ip)]);
  if (!attempt.knownDevice) await refund("loginAccount", attempt.email);
}

/** The cookie that makes this browser a known device (secret from rememberDevice), kept for `days`. */
export function deviceCookie(secret: string, days: number): string {
  const secure = env().APP_URL.startsWith("https://") ? "; Secure" : "";
  return `${DEVICE_COOKIE}=${secret}; Path=/; Max-Age=${days * 86400}; HttpOnly; SameSite=Lax${secure}`;
}

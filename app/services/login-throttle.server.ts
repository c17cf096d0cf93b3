// Slows password guessing without handing strangers a way to lock the owner out: failures are
// counted per account and address (a few tries, then waits that grow), per address, and per
// account from everywhere — the last one skipped for a browser that has signed in to the account
// before, so a flood of wrong passwords from elsewhere never locks the owner's own phone out.
import { isKnownDevice, KNOWN_DEVICE_DAYS, rememberDevice } from "~/models/known-device.server";
import { env } from "./env.server";
import { clientIp, refund, reset, throttle, type Policy } from "./rate-limit.server";

const DEVICE_COOKIE = "kim_device";

function deviceSecret(request: Request): string | null {
  return /(?:^|;\s*)kim_device=([^;]+)/.exec(request.headers.get("Cookie") ?? "")?.[1] ?? null;
}

export type LoginAttempt = { email: string; ip: string; knownDevice: boolean };

/** Counts the attempt before the password is checked, so parallel guesses are counted too. */
export async function beginLogin(request: Request, email: string, now: Date) {
  const attempt: LoginAttempt = { email, ip: clientIp(request), knownDevice: await isKnownDevice(deviceSecret(request), email, now) };
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

/** A right password: the pair starts afresh, the shared counters get their point back; returns a device cookie to set. */
export async function loginSucceeded(attempt: LoginAttempt, userId: string, now: Date): Promise<string | null> {
  const pair = `${attempt.email}|${attempt.ip}`;
  await Promise.all([reset("loginPair", pair), reset("loginPairDay", pair), refund("loginIp", attempt.ip)]);
  if (attempt.knownDevice) return null;
  await refund("loginAccount", attempt.email);
  const secret = await rememberDevice(userId, now);
  const secure = env().APP_URL.startsWith("https://") ? "; Secure" : "";
  return `${DEVICE_COOKIE}=${secret}; Path=/; Max-Age=${KNOWN_DEVICE_DAYS * 86400}; HttpOnly; SameSite=Lax${secure}`;
}

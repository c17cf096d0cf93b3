// Login and password-reset throttles. Counters live in the database (rate-limiter-flexible's
// Prisma store), so several app instances share them.
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "./db.server";

type Limiter = RateLimiterPrisma;
const limiters = new Map<string, Limiter>();

const POLICIES = {
  loginIp: { points: 30, duration: 15 * 60 },
  loginAccount: { points: 8, duration: 15 * 60 },
  resetIp: { points: 10, duration: 60 * 60 },
  resetAccount: { points: 3, duration: 60 * 60 },
  signupIp: { points: 20, duration: 60 * 60 },
  joinCodeAccount: { points: 20, duration: 15 * 60 },
  joinCodeIp: { points: 60, duration: 15 * 60 },
} as const;
export type Policy = keyof typeof POLICIES;

function limiter(policy: Policy): Limiter {
  let l = limiters.get(policy);
  if (!l) {
    l = new RateLimiterPrisma({
      storeClient: db,
      tableName: "rateLimiterFlexible",
      keyPrefix: policy,
      clearExpiredByTimeout: false,
      ...POLICIES[policy],
    });
    limiters.set(policy, l);
  }
  return l;
}

export class RateLimited extends Error {
  constructor(public retryAfterSeconds: number) {
    super("rate_limited");
  }
}

/** Consumes one point from each (policy, key); throws RateLimited naming the longest wait. */
export async function consume(checks: [Policy, string][]): Promise<void> {
  let wait = 0;
  for (const [policy, key] of checks) {
    try {
      await limiter(policy).consume(key.toLowerCase());
    } catch (e) {
      if (e instanceof RateLimiterRes) wait = Math.max(wait, Math.ceil(e.msBeforeNext / 1000));
      else throw e;
    }
  }
  if (wait > 0) throw new RateLimited(wait);
}

/**
 * Consumes the checks; when one is exhausted, answers the localized form error and how long to
 * wait (for a 429 with Retry-After) instead of throwing.
 */
export async function throttle(checks: [Policy, string][]): Promise<{ formError: string; retryAfterSeconds: number } | null> {
  try {
    await consume(checks);
    return null;
  } catch (e) {
    if (!(e instanceof RateLimited)) throw e;
    const minutes = Math.max(1, Math.ceil(e.retryAfterSeconds / 60));
    return { formError: `errors.rateLimited|${JSON.stringify({ minutes })}`, retryAfterSeconds: e.retryAfterSeconds };
  }
}

export async function reset(policy: Policy, key: string): Promise<void> {
  await limiter(policy).delete(key.toLowerCase());
}

export function clientIp(request: Request): string {
  return request.headers.get("X-Client-IP") ?? "unknown";
}

// Throttles for sign-up, login, password reset, verification mail, address changes and join
// codes. Counters live in the database (rate-limiter-flexible's Prisma store), so several app
// instances share them.
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "./db.server";
import { msg } from "~/validation/message";

type Limiter = RateLimiterPrisma;
const limiters = new Map<string, Limiter>();

const POLICIES = {
  // Failed logins (a success gives its point back). Per account and address: a few tries, then a
  // wait that grows (15 minutes, then the rest of the day). Per address: a whole hall mistyping
  // stays under it. Per account from anywhere: catches guessing spread over many addresses, and
  // is skipped for a browser the owner has signed in with (login-throttle.server.ts).
  loginPair: { points: 5, duration: 15 * 60, blockDuration: 15 * 60 },
  loginPairDay: { points: 20, duration: 24 * 60 * 60, blockDuration: 24 * 60 * 60 },
  loginIp: { points: 100, duration: 15 * 60 },
  loginAccount: { points: 50, duration: 60 * 60 },
  resetIp: { points: 10, duration: 60 * 60 },
  resetAccount: { points: 3, duration: 60 * 60 },
  // A workshop hall registers behind one connection: the address allowance is far above a room;
  // the per-email limit also caps the mails sign-up sends to an address.
  signupIp: { points: 300, duration: 60 * 60 },
  signupEmail: { points: 5, duration: 60 * 60 },
  verifyMailAccount: { points: 3, duration: 60 * 60 },
  verifyMailIp: { points: 30, duration: 60 * 60 },
  // Each request to change the address mails two inboxes and tells whether an address is free:
  // a few per hour per account.
  emailChangeAccount: { points: 5, duration: 60 * 60 },
  joinCodeAccount: { points: 20, duration: 15 * 60 },
  joinCodeIp: { points: 60, duration: 15 * 60 },
  // Team finder writes (listing, requests, invitations, answers): far above a person looking for
  // a team, well below a script going through every listing.
  finderAccount: { points: 40, duration: 15 * 60 },
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
  constructor(
    public retryAfterSeconds: number,
    public policy: Policy,
  ) {
    super("rate_limited");
  }
}

/**
 * Consumes one point from each (policy, key) in order and stops at the first that is exhausted
 * (throwing RateLimited with its wait): a refused attempt costs nothing on the later counters.
 */
export async function consume(checks: [Policy, string][]): Promise<void> {
  for (const [policy, key] of checks) {
    try {
      await limiter(policy).consume(key.toLowerCase());
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      throw new RateLimited(Math.max(1, Math.ceil(e.msBeforeNext / 1000)), policy);
    }
  }
}

/** Gives back a point consumed for an attempt that turned out legitimate. */
export async function refund(policy: Policy, key: string): Promise<void> {
  await limiter(policy).reward(key.toLowerCase(), 1);
}

/**
 * Consumes the checks; when one is exhausted, answers the localized form error (the message given
 * for that policy, or the general one) and how long to wait (for a 429 with Retry-After) instead
 * of throwing.
 */
export async function throttle(checks: [Policy, string][], messages: Partial<Record<Policy, string>> = {}): Promise<{ formError: string; retryAfterSeconds: number } | null> {
  try {
    await consume(checks);
    return null;
  } catch (e) {
    if (!(e instanceof RateLimited)) throw e;
    const minutes = Math.max(1, Math.ceil(e.retryAfterSeconds / 60));
    return { formError: msg(messages[e.policy] ?? "errors.rateLimited", { minutes }), retryAfterSeconds: e.retryAfterSeconds };
  }
}

export async function reset(policy: Policy, key: string): Promise<void> {
  await limiter(policy).delete(key.toLowerCase());
}

export function clientIp(request: Request): string {
  return request.headers.get("X-Client-IP") ?? "unknown";
}

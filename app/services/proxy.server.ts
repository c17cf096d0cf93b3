// Which proxies may tell us the client's address. Rate limits key on that address, so trusting
// X-Forwarded-For from anyone would let a client pick a fresh address for every request.
import { isIP } from "node:net";
import type { Express, Request } from "express";

/** false (no proxy), a number of proxy hops, or the proxies' addresses/CIDRs — as Express takes them. */
export type TrustProxy = false | number | string[];

const NAMED = new Set(["loopback", "linklocal", "uniquelocal"]);

function isAddressOrCidr(entry: string): boolean {
  if (NAMED.has(entry)) return true;
  const [address, bits, extra] = entry.split("/");
  const family = isIP(address);
  if (!family || extra !== undefined) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

/** Parses TRUST_PROXY; returns an error message for a value that must not start the server. */
export function parseTrustProxy(raw: string | undefined): { ok: true; value: TrustProxy } | { ok: false; message: string } {
  const value = (raw ?? "").trim();
  if (value === "" || value === "false" || value === "0") return { ok: true, value: false };
  if (value === "true") {
    return {
      ok: false,
      message:
        '"true" would trust any X-Forwarded-For a client sends (every rate limit could be dodged). Give the number of proxies in front of the app (e.g. 1 behind one load balancer) or their addresses/CIDRs (e.g. 10.0.0.0/8,loopback)',
    };
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops <= 10 ? { ok: true, value: hops } : { ok: false, message: "at most 10 proxy hops" };
  }
  const entries = value
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  const bad = entries.filter((e) => !isAddressOrCidr(e));
  if (entries.length === 0 || bad.length) {
    return { ok: false, message: `not a number of hops nor a list of addresses/CIDRs (${bad.join(", ") || value}); e.g. 1 or 10.0.0.0/8,loopback` };
  }
  return { ok: true, value: entries };
}

export function configureTrustProxy(app: Express, trust: TrustProxy): void {
  app.set("trust proxy", trust);
}

/** The client's address as the trusted proxies report it (Express's req.ip under the setting above). */
export function clientAddress(req: Request): string {
  return req.ip ?? req.socket?.remoteAddress ?? "unknown";
}

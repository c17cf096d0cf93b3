import express from "express";
import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.server";
import { clientAddress, configureTrustProxy, parseTrustProxy, type TrustProxy } from "./proxy.server";

/** The address rate limits key on, for a request reaching the app from `peer` with these headers. */
function addressSeen(trust: TrustProxy, peer: string, forwardedFor?: string): string {
  const app = express();
  configureTrustProxy(app, trust);
  const req = Object.create(app.request) as express.Request;
  Object.assign(req, { headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {}, connection: { remoteAddress: peer }, socket: { remoteAddress: peer } });
  return clientAddress(req);
}

describe("TRUST_PROXY", () => {
  it("refuses true with a message that says what to set instead", () => {
    expect(() => parseEnv({ TRUST_PROXY: "true" })).toThrow(/TRUST_PROXY: .*number of proxies/);
  });

  it.each([
    ["", false],
    ["false", false],
    ["1", 1],
    ["2", 2],
    ["10.0.0.0/8, loopback", ["10.0.0.0/8", "loopback"]],
    ["fd00::/8,203.0.113.7", ["fd00::/8", "203.0.113.7"]],
  ])("accepts %j", (raw, value) => {
    expect(parseEnv({ TRUST_PROXY: raw }).TRUST_PROXY).toEqual(value);
  });

  it.each(["yes", "10.0.0.0/33", "300.1.1.1", "11", "10.0.0.1,kadang"])("refuses %j naming the variable", (raw) => {
    expect(() => parseEnv({ TRUST_PROXY: raw })).toThrow(/TRUST_PROXY:/);
  });

  it("without a proxy, a spoofed X-Forwarded-For is ignored", () => {
    expect(addressSeen(false, "198.51.100.9", "1.2.3.4")).toBe("198.51.100.9");
  });

  it("with one hop, only the address the load balancer appended counts", () => {
    // The client sent "1.2.3.4" itself; the load balancer (10.0.0.2) appended the real peer.
    expect(addressSeen(1, "10.0.0.2", "1.2.3.4, 198.51.100.9")).toBe("198.51.100.9");
    const spoofs = ["5.5.5.5", "6.6.6.6", "7.7.7.7"].map((fake) => addressSeen(1, "10.0.0.2", `${fake}, 198.51.100.9`));
    expect(new Set(spoofs)).toEqual(new Set(["198.51.100.9"]));
  });

  it("with a list of proxies, forwarded addresses count only when they come through those proxies", () => {
    const trust = parseTrustProxy("10.0.0.0/8");
    if (!trust.ok) throw new Error(trust.message);
    expect(addressSeen(trust.value, "10.0.0.2", "1.2.3.4, 198.51.100.9")).toBe("198.51.100.9");
    // Straight from the internet, not through the proxy: the header is the client's own claim.
    expect(addressSeen(trust.value, "198.51.100.9", "1.2.3.4")).toBe("198.51.100.9");
  });

  it("the old `true` setting would have let the client choose (why it is refused)", () => {
    expect(addressSeen(true as unknown as TrustProxy, "10.0.0.2", "1.2.3.4, 198.51.100.9")).toBe("1.2.3.4");
  });
});

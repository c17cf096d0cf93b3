import { describe, expect, it } from "vitest";
import { isSameOrigin } from "./origin.server";

const appUrl = "https://kim-hackathon.id";

describe("Origin check", () => {
  it("accepts our own origin, by Host or by APP_URL", () => {
    expect(isSameOrigin({ origin: "http://localhost:3000", referer: null, host: "localhost:3000", appUrl })).toBe(true);
    expect(isSameOrigin({ origin: "https://kim-hackathon.id", referer: null, host: "10.0.0.5:3000", appUrl })).toBe(true);
    expect(isSameOrigin({ origin: null, referer: "https://kim-hackathon.id/masuk", host: "x", appUrl })).toBe(true);
  });

  it("refuses foreign, missing, opaque and malformed origins", () => {
    expect(isSameOrigin({ origin: "https://evil.example", referer: null, host: "kim-hackathon.id", appUrl })).toBe(false);
    expect(isSameOrigin({ origin: "https://kim-hackathon.id.evil.example", referer: null, host: "kim-hackathon.id", appUrl })).toBe(false);
    expect(isSameOrigin({ origin: null, referer: null, host: "kim-hackathon.id", appUrl })).toBe(false);
    expect(isSameOrigin({ origin: "null", referer: null, host: "kim-hackathon.id", appUrl })).toBe(false);
    expect(isSameOrigin({ origin: "::::", referer: null, host: "kim-hackathon.id", appUrl })).toBe(false);
  });
});

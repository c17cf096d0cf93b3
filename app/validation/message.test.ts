import { describe, expect, it } from "vitest";
import { msg, readMessage } from "./message";

describe("messages", () => {
  it("carries a key and its parameters through one string and back", () => {
    expect(readMessage(msg("scoring.errors.outOfScale", { min: 1, max: 10 }))).toEqual({ key: "scoring.errors.outOfScale", params: { min: 1, max: 10 } });
    expect(readMessage(msg("validation.required"))).toEqual({ key: "validation.required" });
    // A parameter may itself hold the separator.
    expect(readMessage(msg("privacy.delete.captainBlocked", { teams: "Tim A|B, Tim C" }))).toEqual({ key: "privacy.delete.captainBlocked", params: { teams: "Tim A|B, Tim C" } });
  });

  it("keeps the key of a message whose parameters cannot be read", () => {
    expect(readMessage("errors.rateLimited|{not json")).toEqual({ key: "errors.rateLimited" });
  });
});

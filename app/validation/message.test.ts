import { describe, expect, it } from "vitest";
import { failureErrors, msg, readMessage } from "./message";

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

describe("failureErrors", () => {
  const key = (code: string) => `area.errors.${code}`;

  it("puts a refusal next to its field, with its values", () => {
    expect(failureErrors({ code: "tooMany", field: "file", params: { max: 10 } }, key)).toEqual({ fieldErrors: { file: [msg("area.errors.tooMany", { max: 10 })] } });
  });

  it("puts a refusal of the whole form above it", () => {
    expect(failureErrors({ code: "closed" }, key)).toEqual({ formErrors: ["area.errors.closed"] });
  });

  it("names every field of a refusal that concerns several", () => {
    expect(failureErrors({ code: "requiredToSubmit", fields: { title: "requiredToSubmit", videoUrl: "videoRequired" } }, key)).toEqual({
      fieldErrors: { title: ["area.errors.requiredToSubmit"], videoUrl: ["area.errors.videoRequired"] },
    });
  });
});

import { describe, expect, it } from "vitest";
import { registerTeamSchemaFor } from "./team";

const base = { name: "Tim Garuda", kimName: "KIM Sejahtera", regionId: "r1", institution: "Universitas Brawijaya" };

describe("registerTeamSchemaFor", () => {
  it("refuses a missing video link next to the field when the event requires one", () => {
    const result = registerTeamSchemaFor({ requireVideo: true }).safeParse({ ...base, videoUrl: "" });
    expect(result.success).toBe(false);
    expect(result.error?.flatten().fieldErrors.videoUrl).toEqual(["team.errors.videoRequired"]);
    expect(registerTeamSchemaFor({ requireVideo: true }).safeParse({ ...base, videoUrl: "https://youtu.be/dQw4w9WgXcQ" }).success).toBe(true);
  });

  it("leaves the link optional otherwise", () => {
    expect(registerTeamSchemaFor({ requireVideo: false }).safeParse({ ...base, videoUrl: "" }).success).toBe(true);
  });
});

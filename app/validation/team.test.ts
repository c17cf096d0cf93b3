import { describe, expect, it } from "vitest";
import { resources } from "~/i18n";
import { registerTeamSchemaFor, TEAM_REFUSAL_KEYS, teamRefusalErrors } from "./team";

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

describe("team refusals", () => {
  it("every code reads as a key both languages have", () => {
    for (const lang of ["id", "en"] as const) {
      for (const key of Object.values(TEAM_REFUSAL_KEYS)) {
        const value = key.split(".").reduce<unknown>((o, part) => (o as Record<string, unknown> | undefined)?.[part], resources[lang].common);
        expect(typeof value, `${lang}:${key}`).toBe("string");
      }
    }
  });

  it("stands next to its field, or above the form without one", () => {
    expect(teamRefusalErrors({ code: "nameTaken", field: "name" })).toEqual({ fieldErrors: { name: ["team.errors.nameTaken"] } });
    expect(teamRefusalErrors({ code: "joinClosed", field: "" })).toEqual({ formErrors: ["join.errors.closed"] });
  });
});

import { describe, expect, it } from "vitest";
import { awardPlaceIssue, changedFields, criteriaIssues, inviteExpiry, inviteState, moveItem, slugify, SLUG_PATTERN, splitEmails, teamRulesIssues, timelineIssues } from "./event-setup";

const at = (iso: string) => new Date(iso);

describe("slugify", () => {
  it("turns an event name into a URL slug", () => {
    expect(slugify("KIM Hackathon Jawa Timur 2026")).toBe("kim-hackathon-jawa-timur-2026");
    expect(slugify("  Lomba — Inovasi Désa!! ")).toBe("lomba-inovasi-desa");
    expect(SLUG_PATTERN.test(slugify("A & B / C"))).toBe(true);
  });
  it("never ends with a hyphen after truncation", () => {
    expect(slugify(`${"a".repeat(59)} b`).endsWith("-")).toBe(false);
  });
});

describe("inviteState", () => {
  const base = { expiresAt: at("2026-05-08T00:00:00Z"), acceptedAt: null, revokedAt: null };
  it("is valid until the exact expiry instant", () => {
    expect(inviteState(base, at("2026-05-07T23:59:59.999Z"))).toBe("valid");
    expect(inviteState(base, at("2026-05-08T00:00:00Z"))).toBe("expired");
  });
  it("reports revoked before used before expired", () => {
    const late = at("2026-06-01T00:00:00Z");
    expect(inviteState({ ...base, acceptedAt: at("2026-05-01T00:00:00Z") }, late)).toBe("used");
    expect(inviteState({ ...base, acceptedAt: at("2026-05-01T00:00:00Z"), revokedAt: at("2026-05-02T00:00:00Z") }, late)).toBe("revoked");
  });
  it("expires seven days after creation", () => {
    expect(inviteExpiry(at("2026-05-01T00:00:00Z")).toISOString()).toBe("2026-05-08T00:00:00.000Z");
  });
});

describe("splitEmails", () => {
  it("splits on commas, semicolons, spaces and new lines, lowercases and dedupes", () => {
    expect(splitEmails("A@x.id, b@x.id;\nc@x.id  a@X.id\n\n")).toEqual(["a@x.id", "b@x.id", "c@x.id"]);
    expect(splitEmails("   ")).toEqual([]);
  });
});

describe("moveItem", () => {
  it("swaps with the neighbour and ignores moves past the ends or unknown ids", () => {
    expect(moveItem(["a", "b", "c"], "b", "up")).toEqual(["b", "a", "c"]);
    expect(moveItem(["a", "b", "c"], "b", "down")).toEqual(["a", "c", "b"]);
    expect(moveItem(["a", "b"], "a", "up")).toEqual(["a", "b"]);
    expect(moveItem(["a", "b"], "b", "down")).toEqual(["a", "b"]);
    expect(moveItem(["a", "b"], "z", "up")).toEqual(["a", "b"]);
  });
});

describe("form issues from domain errors", () => {
  it("maps timeline fields to form paths and locale keys", () => {
    expect(
      timelineIssues([
        { field: "rounds.1.closesAt", code: "order" },
        { field: "announcementAt", code: "required" },
      ]),
    ).toEqual([
      { path: ["rounds", 1, "closesAt"], message: "timeline.errors.order" },
      { path: ["announcementAt"], message: "timeline.errors.required" },
    ]);
  });
  it("renames team-rule fields to the event's column names", () => {
    expect(
      teamRulesIssues([
        { field: "maxSize", code: "min_above_max" },
        { field: "pools.0.key", code: "key_duplicate" },
      ]),
    ).toEqual([
      { path: ["maxTeamSize"], message: "structure.errors.team.min_above_max" },
      { path: ["pools", 0, "key"], message: "structure.errors.team.key_duplicate" },
    ]);
  });
  it("puts list-level rubric errors on the list and field errors on the field", () => {
    expect(
      criteriaIssues([
        { code: "weights_total", index: null, criterionId: null, field: "weight" },
        { code: "scale_order", index: 2, criterionId: "c", field: "scaleMax" },
      ]),
    ).toEqual([
      { path: ["criteria"], message: "structure.errors.criteria.weights_total" },
      { path: ["criteria", 2, "scaleMax"], message: "structure.errors.criteria.scale_order" },
    ]);
  });
});

describe("awardPlaceIssue", () => {
  it("requires a place for Juara and forbids one for special awards", () => {
    expect(awardPlaceIssue({ kind: "PLACE", place: null })).toBe("structure.errors.award.placeRequired");
    expect(awardPlaceIssue({ kind: "PLACE", place: 1 })).toBeNull();
    expect(awardPlaceIssue({ kind: "HONORABLE", place: null })).toBeNull();
    expect(awardPlaceIssue({ kind: "SPECIAL", place: 2 })).toBe("structure.errors.award.placeNotAllowed");
  });
});

describe("changedFields", () => {
  it("returns only what changed, comparing dates by instant", () => {
    const d = at("2026-01-01T00:00:00Z");
    expect(changedFields({ a: 1, b: "x", c: d }, { a: 1, b: "y", c: new Date(d.getTime()) })).toEqual({ before: { b: "x" }, after: { b: "y" } });
    expect(changedFields({ a: 1 }, { a: 1 })).toBeNull();
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkScores, draftKey, judgmentStatus, parseDraftKey, reconcileDraft, sameValues, scoredOnly } from "./judgment";
import type { Criterion } from "./scoring";

const criteria: Criterion[] = [
  { id: "b", name: "Inovasi", weight: 40, scaleMin: 1, scaleMax: 10, order: 1 },
  { id: "a", name: "Dampak", weight: 60, scaleMin: 0, scaleMax: 5, order: 0 },
];

describe("checkScores", () => {
  it("accepts partial saves and whole numbers within each scale", () => {
    expect(checkScores(criteria, { a: 0, b: null }, { finalize: false })).toEqual([]);
    expect(checkScores(criteria, { a: 5, b: 10 }, { finalize: true })).toEqual([]);
  });

  it("reports out-of-scale and non-integer values against their criterion, in criterion order", () => {
    expect(checkScores(criteria, { a: 6, b: 0 }, { finalize: false })).toEqual([
      { code: "out_of_scale", criterionId: "a" },
      { code: "out_of_scale", criterionId: "b" },
    ]);
    expect(checkScores(criteria, { a: 2.5, b: Number.NaN }, { finalize: false })).toEqual([
      { code: "not_integer", criterionId: "a" },
      { code: "not_integer", criterionId: "b" },
    ]);
  });

  it("refuses a criterion that is not part of the round", () => {
    expect(checkScores(criteria, { a: 1, other: 3 }, { finalize: false })).toEqual([{ code: "unknown_criterion", criterionId: "other" }]);
  });

  it("requires every criterion only when finalizing", () => {
    expect(checkScores(criteria, { a: 3 }, { finalize: false })).toEqual([]);
    expect(checkScores(criteria, { a: 3 }, { finalize: true })).toEqual([{ code: "incomplete", criterionId: "b" }]);
  });

  it("never accepts a value outside the scale (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -50, max: 50 }), (v) => {
        const errors = checkScores(criteria, { b: v }, { finalize: false });
        expect(errors.length === 0).toBe(v >= 1 && v <= 10);
      }),
    );
  });
});

describe("judgmentStatus", () => {
  it("moves from not started through partial and complete to finalized", () => {
    expect(judgmentStatus(criteria, null)).toBe("not_started");
    expect(judgmentStatus(criteria, { finalizedAt: null, scores: {} })).toBe("not_started");
    expect(judgmentStatus(criteria, { finalizedAt: null, scores: { a: 2 } })).toBe("in_progress");
    expect(judgmentStatus(criteria, { finalizedAt: null, scores: { a: 2, b: 3 } })).toBe("complete");
    expect(judgmentStatus(criteria, { finalizedAt: new Date(0), scores: { a: 2, b: 3 } })).toBe("finalized");
  });
});

describe("device drafts", () => {
  const server = { version: 3, scores: { a: 2, b: 5 }, comment: "ok", privateNote: "", finalized: false };

  it("sends a draft based on the server's version, flags one based on an older version, drops a no-op", () => {
    expect(reconcileDraft({ ...server, scores: { a: 3, b: 5 } }, server)).toBe("send");
    expect(reconcileDraft({ ...server, version: 2, scores: { a: 3, b: 5 } }, server)).toBe("conflict");
    expect(reconcileDraft({ ...server, version: 2 }, server)).toBe("discard");
    expect(reconcileDraft({ ...server, scores: { a: 3, b: 5 } }, { ...server, finalized: true })).toBe("discard");
  });

  it("treats an unscored criterion (null) like an absent one", () => {
    expect(sameValues({ scores: { a: 2, b: null }, comment: "", privateNote: "" }, { scores: { a: 2 }, comment: "", privateNote: "" })).toBe(true);
    expect(scoredOnly({ a: 1, b: null })).toEqual({ a: 1 });
  });

  it("keys drafts by assignment and version and reads them back", () => {
    expect(parseDraftKey(draftKey("clx1", 7))).toEqual({ assignmentId: "clx1", version: 7 });
    expect(parseDraftKey("lain:clx1:7")).toBeNull();
  });
});

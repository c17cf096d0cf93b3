import { describe, expect, it } from "vitest";
import type { Timeline } from "./phase";
import { nextStep, normalizeInviteCode, type NextStepInput } from "./team-progress";

const at = (day: number) => new Date(Date.UTC(2026, 0, day));
const t: Timeline = {
  registrationOpensAt: at(1),
  registrationClosesAt: at(10),
  screeningClosesAt: at(12),
  submissionOpensAt: at(15),
  submissionClosesAt: at(20),
  rounds: [{ id: "r1", name: "Final", closesAt: at(25) }],
  announcementAt: at(28),
};
const base: NextStepInput = { status: "PENDING", statusReason: null, missing: 0, submitted: false, timeline: t, extensions: [], now: at(5) };
const step = (over: Partial<NextStepInput>) => nextStep({ ...base, ...over });

describe("nextStep", () => {
  it("asks for members while registration is open", () => {
    expect(step({ missing: 2 })).toEqual({ key: "completeMembers", count: 2, until: at(10) });
    expect(step({ missing: 1, status: "ACCEPTED" })).toEqual({ key: "completeMembers", count: 1, until: at(10) });
  });

  it("uses the team's registration extension", () => {
    const extensions = [{ kind: "registration" as const, until: at(11) }];
    expect(step({ missing: 1, now: at(10), extensions })).toEqual({ key: "completeMembers", count: 1, until: at(11) });
    expect(step({ missing: 1, now: at(10) })).toEqual({ key: "awaitingScreening" });
  });

  it("waits for screening, then follows the submission window", () => {
    expect(step({})).toEqual({ key: "awaitingScreening" });
    expect(step({ now: at(11) })).toEqual({ key: "awaitingScreening" });
    expect(step({ status: "ACCEPTED", now: at(11) })).toEqual({ key: "submissionOpens", at: at(15) });
    expect(step({ status: "ACCEPTED", now: at(16) })).toEqual({ key: "submit", until: at(20) });
    expect(step({ status: "ACCEPTED", now: at(16), submitted: true })).toEqual({ key: "revise", until: at(20) });
    expect(step({ status: "ACCEPTED", now: at(21), submitted: true })).toEqual({ key: "judging" });
    expect(step({ status: "ACCEPTED", now: at(21) })).toEqual({ key: "missedSubmission" });
    expect(step({ status: "ACCEPTED", now: at(28), submitted: true })).toEqual({ key: "results" });
  });

  it("reports a rejection with its reason, whatever the phase", () => {
    expect(step({ status: "REJECTED", statusReason: "Proposal kosong", missing: 3 })).toEqual({ key: "rejected", reason: "Proposal kosong" });
  });
});

describe("normalization", () => {
  it("accepts invite codes typed loosely", () => {
    expect(normalizeInviteCode(" ab3d-ef 9h ")).toBe("AB3DEF9H");
  });
});

// What a team should do next, for the participant's dashboard and team page. Pure: the caller
// passes the timeline, the team's extensions and `now`.
import { canEditTeam, canSubmit, effectiveClose, type Extension, type Timeline } from "./phase";

export type TeamStatusName = "PENDING" | "ACCEPTED" | "REJECTED";

export type NextStep =
  | { key: "rejected"; reason: string | null }
  | { key: "completeMembers"; count: number; until: Date }
  | { key: "awaitingScreening" }
  | { key: "submissionOpens"; at: Date }
  | { key: "submit"; until: Date }
  | { key: "revise"; until: Date }
  | { key: "judging" }
  | { key: "missedSubmission" }
  | { key: "results" };

export type NextStepInput = {
  status: TeamStatusName;
  statusReason: string | null;
  /** Members still needed to reach the minimum size (missingMembers().total). */
  missing: number;
  submitted: boolean;
  timeline: Timeline;
  extensions: readonly Extension[];
  now: Date;
};

export function nextStep(input: NextStepInput): NextStep {
  const { status, timeline: t, extensions, now } = input;
  if (status === "REJECTED") return { key: "rejected", reason: input.statusReason };
  if (input.missing > 0 && canEditTeam(t, now, extensions).allowed) {
    return { key: "completeMembers", count: input.missing, until: effectiveClose(t.registrationClosesAt, "registration", extensions) };
  }
  if (status === "PENDING") return { key: "awaitingScreening" };
  if (now.getTime() < t.submissionOpensAt.getTime()) return { key: "submissionOpens", at: t.submissionOpensAt };
  if (canSubmit(t, now, extensions).allowed) {
    const until = effectiveClose(t.submissionClosesAt, "submission", extensions);
    return input.submitted ? { key: "revise", until } : { key: "submit", until };
  }
  if (now.getTime() >= t.announcementAt.getTime()) return { key: "results" };
  return input.submitted ? { key: "judging" } : { key: "missedSubmission" };
}

/** Invite codes are typed by hand: accept lower case, spaces and dashes. */
export function normalizeInviteCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "");
}

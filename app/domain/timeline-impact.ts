// What an edit of the timeline does at the moment it is saved: which windows it closes at once,
// which it opens or reopens. Organizers move dates for many reasons; closing registration or
// submission by accident (a date typed into the past) must be said out loud before it happens.
import type { Timeline } from "./phase";

export type ImpactWindow = "registration" | "submission" | "round";
export type ImpactKind = "closes" | "opens" | "reopens" | "skipped";

export type TimelineImpact = {
  window: ImpactWindow;
  /** The round's id and name for a judging round. */
  round?: { id: string; name: string };
  kind: ImpactKind;
  /** For "closes": when it was to close; otherwise when it will now close. */
  at: Date;
};

type WindowState = "before" | "open" | "after";

function stateAt(opensAt: Date, closesAt: Date, now: Date): WindowState {
  if (now.getTime() < opensAt.getTime()) return "before";
  return now.getTime() < closesAt.getTime() ? "open" : "after";
}

function kindOf(before: WindowState, after: WindowState): ImpactKind | null {
  if (before === after) return null;
  if (before === "open") return "closes";
  if (after === "open") return before === "before" ? "opens" : "reopens";
  // A window that has not opened yet and now lies wholly in the past never opens at all.
  return before === "before" ? "skipped" : null;
}

type RoundLike = { id?: string; name: string; closesAt: Date };
type TimelineLike = Omit<Timeline, "rounds"> & { rounds: readonly RoundLike[] };

function windows(t: TimelineLike) {
  const list: { key: string; window: ImpactWindow; round?: { id: string; name: string }; opensAt: Date; closesAt: Date }[] = [
    { key: "registration", window: "registration", opensAt: t.registrationOpensAt, closesAt: t.registrationClosesAt },
    { key: "submission", window: "submission", opensAt: t.submissionOpensAt, closesAt: t.submissionClosesAt },
  ];
  t.rounds.forEach((r, i) => {
    // A round added by this edit has no "before"; its key never matches one.
    const key = r.id ? `round:${r.id}` : `new-round:${i}`;
    const opensAt = i === 0 ? t.submissionClosesAt : t.rounds[i - 1].closesAt;
    list.push({ key, window: "round", round: { id: r.id ?? "", name: r.name }, opensAt, closesAt: r.closesAt });
  });
  return list;
}

/** The windows whose state at `now` differs between the stored timeline and the edited one. */
export function timelineImpact(before: TimelineLike, after: TimelineLike, now: Date): TimelineImpact[] {
  const old = new Map(windows(before).map((w) => [w.key, w]));
  const impacts: TimelineImpact[] = [];
  for (const w of windows(after)) {
    const prior = old.get(w.key);
    const kind = kindOf(prior ? stateAt(prior.opensAt, prior.closesAt, now) : "before", stateAt(w.opensAt, w.closesAt, now));
    if (!kind || (!prior && kind !== "opens")) continue;
    impacts.push({ window: w.window, round: w.round, kind, at: kind === "closes" && prior ? prior.closesAt : w.closesAt });
  }
  return impacts;
}

/** A stable token for a set of impacts: the confirmation must match what the organizer was shown. */
export function impactToken(impacts: readonly TimelineImpact[]): string {
  return impacts.map((i) => `${i.window}:${i.round?.id ?? ""}:${i.kind}`).join(",");
}

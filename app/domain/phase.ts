// Event lifecycle: which phase an event is in and what each role may do at a
// given instant. Every window is half-open [opensAt, closesAt): a deadline at T
// accepts work up to T−1ms and rejects it at exactly T, so "23:59" deadlines
// never depend on rounding of seconds.

export type PhaseKey = "upcoming" | "registration" | "screening" | "submission" | "judging" | "announcement";

export const PHASE_ORDER: readonly PhaseKey[] = ["upcoming", "registration", "screening", "submission", "judging", "announcement"];

export type JudgingRound = { id: string; name: string; closesAt: Date };

/** The event's fixed dates, without its judging rounds. */
export type TimelineDates = {
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  /** End of administrative screening (seleksi administrasi). */
  screeningClosesAt: Date;
  submissionOpensAt: Date;
  submissionClosesAt: Date;
  announcementAt: Date;
};

export type Timeline = TimelineDates & {
  /** Judging rounds in chronological order. */
  rounds: JudgingRound[];
};

/** Per-team deadline extension granted by an organiser. */
export type Extension = { kind: "registration" | "submission"; until: Date };

export type DeadlineKey = "registrationOpens" | "registrationCloses" | "screeningCloses" | "submissionOpens" | "submissionCloses" | "roundCloses" | "announcement";

export type Milestone = { key: Exclude<DeadlineKey, "roundCloses">; at: Date } | { key: "roundCloses"; at: Date; round: JudgingRound };

export type PhaseState = {
  phase: PhaseKey;
  /** Round being scored; null outside judging and in the tallying gap after the last round. */
  round: JudgingRound | null;
  /** Next future milestone, for the public countdown; null once announced. */
  next: Milestone | null;
};

export type StepStatus = "done" | "current" | "upcoming";

export type RoundStep = {
  round: JudgingRound;
  opensAt: Date;
  closesAt: Date;
  status: StepStatus;
};

type StepBase = {
  /** Phase interval; `status` is derived from it, consistent with phaseAt. */
  startsAt: Date;
  endsAt: Date | null;
  status: StepStatus;
};

export type TimelineStep = (StepBase & { key: "registration" | "screening" | "submission" | "announcement" }) | (StepBase & { key: "judging"; rounds: RoundStep[] });

export type DenialReason = "not_open_yet" | "closed";

export type Capability = { allowed: true } | { allowed: false; reason: DenialReason; at: Date };

export type ScoreCapability = Capability | { allowed: false; reason: "unknown_round" };

const ms = (d: Date): number => d.getTime();

/** Milestones in chronological order (ties keep this declaration order). */
export function milestones(t: Timeline): Milestone[] {
  return [
    { key: "registrationOpens", at: t.registrationOpensAt },
    { key: "registrationCloses", at: t.registrationClosesAt },
    { key: "screeningCloses", at: t.screeningClosesAt },
    { key: "submissionOpens", at: t.submissionOpensAt },
    { key: "submissionCloses", at: t.submissionClosesAt },
    ...t.rounds.map((round): Milestone => ({ key: "roundCloses", at: round.closesAt, round })),
    { key: "announcement", at: t.announcementAt },
  ];
}

function currentRound(t: Timeline, now: Date): JudgingRound | null {
  return t.rounds.find((r) => ms(now) < ms(r.closesAt)) ?? null;
}

export function phaseAt(t: Timeline, now: Date): PhaseState {
  const n = ms(now);
  const next = milestones(t).find((m) => n < ms(m.at)) ?? null;
  let phase: PhaseKey;
  if (n < ms(t.registrationOpensAt)) phase = "upcoming";
  else if (n < ms(t.registrationClosesAt)) phase = "registration";
  else if (n < ms(t.submissionOpensAt)) phase = "screening";
  else if (n < ms(t.submissionClosesAt)) phase = "submission";
  else if (n < ms(t.announcementAt)) phase = "judging";
  else phase = "announcement";
  const round = phase === "judging" ? currentRound(t, now) : null;
  return { phase, round, next };
}

function statusOf(startsAt: Date, endsAt: Date | null, now: Date): StepStatus {
  if (ms(now) < ms(startsAt)) return "upcoming";
  if (endsAt === null || ms(now) < ms(endsAt)) return "current";
  return "done";
}

function roundOpensAt(t: Timeline, index: number): Date {
  const previous = t.rounds[index - 1];
  return previous ? previous.closesAt : t.submissionClosesAt;
}

/**
 * Steps for the public timeline. Screening spans until submission opens (not
 * just screeningClosesAt) so exactly one step is current at any time after
 * registration opens; the announcement step stays current forever.
 */
export function timelineSteps(t: Timeline, now: Date): TimelineStep[] {
  const step = <K extends "registration" | "screening" | "submission" | "announcement">(key: K, startsAt: Date, endsAt: Date | null) => ({
    key,
    startsAt,
    endsAt,
    status: statusOf(startsAt, endsAt, now),
  });
  const rounds: RoundStep[] = t.rounds.map((round, i) => {
    const opensAt = roundOpensAt(t, i);
    return { round, opensAt, closesAt: round.closesAt, status: statusOf(opensAt, round.closesAt, now) };
  });
  return [
    step("registration", t.registrationOpensAt, t.registrationClosesAt),
    step("screening", t.registrationClosesAt, t.submissionOpensAt),
    step("submission", t.submissionOpensAt, t.submissionClosesAt),
    {
      key: "judging",
      startsAt: t.submissionClosesAt,
      endsAt: t.announcementAt,
      status: statusOf(t.submissionClosesAt, t.announcementAt, now),
      rounds,
    },
    step("announcement", t.announcementAt, null),
  ];
}

function windowCapability(opensAt: Date, closesAt: Date, now: Date): Capability {
  if (ms(now) < ms(opensAt)) return { allowed: false, reason: "not_open_yet", at: opensAt };
  if (ms(now) >= ms(closesAt)) return { allowed: false, reason: "closed", at: closesAt };
  return { allowed: true };
}

/**
 * The effective close for one team. Extensions only ever push a deadline
 * later: an organiser granting an "extension" that ends before the public
 * deadline must not silently lock the team out early.
 */
export function effectiveClose(base: Date, kind: Extension["kind"], extensions: readonly Extension[] = []): Date {
  let latest = base;
  for (const e of extensions) {
    if (e.kind === kind && ms(e.until) > ms(latest)) latest = e.until;
  }
  return latest;
}

export function canRegister(t: Timeline, now: Date): Capability {
  return windowCapability(t.registrationOpensAt, t.registrationClosesAt, now);
}

export function canEditTeam(t: Timeline, now: Date, extensions: readonly Extension[] = []): Capability {
  const closes = effectiveClose(t.registrationClosesAt, "registration", extensions);
  return windowCapability(t.registrationOpensAt, closes, now);
}

/** Extensions never open submission early: judges and fairness rely on a common start. */
export function canSubmit(t: Timeline, now: Date, extensions: readonly Extension[] = []): Capability {
  const closes = effectiveClose(t.submissionClosesAt, "submission", extensions);
  return windowCapability(t.submissionOpensAt, closes, now);
}

/**
 * Round N is scorable from the close of round N−1 (or of submission, for the
 * first round) until its own close. An id not in the timeline is reported
 * rather than thrown so loaders can map it to a 404.
 */
export function canScore(t: Timeline, roundId: string, now: Date): ScoreCapability {
  const index = t.rounds.findIndex((r) => r.id === roundId);
  const round = t.rounds[index];
  if (!round) return { allowed: false, reason: "unknown_round" };
  return windowCapability(roundOpensAt(t, index), round.closesAt, now);
}

/**
 * Publication alone decides visibility. Publishing is a deliberate organiser
 * action, while announcementAt is a planned date that often slips (judging
 * overruns) or is pre-empted (results read out at the closing ceremony);
 * also requiring the clock would make "Publish" silently do nothing. When
 * unpublished, `at` is the planned announcement so the UI can say when to
 * expect results. `now` is accepted for signature symmetry with the others.
 */
export function canViewResults(results: { published: boolean }, t: Timeline, _now: Date): Capability {
  if (results.published) return { allowed: true };
  return { allowed: false, reason: "not_open_yet", at: t.announcementAt };
}

export type TimelineInput = {
  registrationOpensAt?: Date | null;
  registrationClosesAt?: Date | null;
  screeningClosesAt?: Date | null;
  submissionOpensAt?: Date | null;
  submissionClosesAt?: Date | null;
  rounds?: readonly { name?: string | null; closesAt?: Date | null }[] | null;
  announcementAt?: Date | null;
};

export type TimelineErrorCode = "required" | "invalid_date" | "order";

export type TimelineError = { field: string; code: TimelineErrorCode };

/**
 * Chronological checks between neighbours only. Each out-of-order pair is
 * reported on its later field, which is usually the one the organiser just
 * typed. Screening may end when registration ends and submission may open
 * when screening ends (zero-length gaps are legitimate); the last round may
 * close at the announcement itself. Everything else must strictly increase.
 */
export function validateTimeline(input: TimelineInput): TimelineError[] {
  const errors: TimelineError[] = [];
  type Point = { field: string; value: Date | null | undefined; strictAfterPrev: boolean };
  const rounds = input.rounds ?? [];
  const points: Point[] = [
    { field: "registrationOpensAt", value: input.registrationOpensAt, strictAfterPrev: true },
    { field: "registrationClosesAt", value: input.registrationClosesAt, strictAfterPrev: true },
    { field: "screeningClosesAt", value: input.screeningClosesAt, strictAfterPrev: false },
    { field: "submissionOpensAt", value: input.submissionOpensAt, strictAfterPrev: false },
    { field: "submissionClosesAt", value: input.submissionClosesAt, strictAfterPrev: true },
    ...rounds.map((r, i) => ({
      field: `rounds.${i}.closesAt`,
      value: r.closesAt,
      strictAfterPrev: true,
    })),
    { field: "announcementAt", value: input.announcementAt, strictAfterPrev: false },
  ];

  const usable: (Date | null)[] = points.map((p) => {
    if (p.value === null || p.value === undefined) {
      errors.push({ field: p.field, code: "required" });
      return null;
    }
    if (Number.isNaN(ms(p.value))) {
      errors.push({ field: p.field, code: "invalid_date" });
      return null;
    }
    return p.value;
  });

  rounds.forEach((r, i) => {
    if (!r.name || r.name.trim() === "") errors.push({ field: `rounds.${i}.name`, code: "required" });
  });
  if (rounds.length === 0) errors.push({ field: "rounds", code: "required" });

  for (let i = 1; i < points.length; i++) {
    const prev = usable[i - 1];
    const cur = usable[i];
    const point = points[i];
    if (!prev || !cur || !point) continue;
    const outOfOrder = point.strictAfterPrev ? ms(cur) <= ms(prev) : ms(cur) < ms(prev);
    if (outOfOrder) errors.push({ field: point.field, code: "order" });
  }
  return errors;
}

/** The round an organizer page works on: the one asked for, else the first still open, else the last. */
export function workingRound<R extends { id: string; closesAt: Date }>(rounds: readonly R[], requested: string | null, now: Date): R | null {
  return rounds.find((r) => r.id === requested) ?? rounds.find((r) => now.getTime() < r.closesAt.getTime()) ?? rounds[rounds.length - 1] ?? null;
}

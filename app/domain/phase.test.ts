import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  PHASE_ORDER,
  canEditTeam,
  canRegister,
  canScore,
  canSubmit,
  canViewResults,
  milestones,
  phaseAt,
  timelineSteps,
  validateTimeline,
  workingRound,
  type Capability,
  type ScoreCapability,
  type Extension,
  type Timeline,
  type TimelineInput,
} from "./phase";
import { EVENT_TIME_ZONES, zonedLocalToUtc, type EventTimeZone } from "./time";
import { plus, wib, WIB_TIMELINE } from "~/test/timeline";

const sample = WIB_TIMELINE;

// ---------------------------------------------------------------- arbitraries

const DAY = 86_400_000;
// Small gaps (0, 1, 2 ms) make neighbouring boundaries collide or touch.
const gap = (min: 0 | 1) => fc.oneof(fc.integer({ min, max: 2 }), fc.integer({ min, max: 30 * DAY }));

/** Gaps between consecutive milestones; ≥0 exactly where validateTimeline permits equality. */
const gapsArb = fc.record({
  start: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }),
  registration: gap(1),
  toScreeningClose: gap(0),
  toSubmissionOpen: gap(0),
  submission: gap(1),
  rounds: fc.array(gap(1), { minLength: 1, maxLength: 4 }),
  toAnnouncement: gap(0),
});
type Gaps = typeof gapsArb extends fc.Arbitrary<infer G> ? G : never;

function buildTimeline(g: Gaps, toDate: (ms: number) => Date = (ms) => new Date(ms)): Timeline {
  let t = g.start;
  const at = (delta: number): Date => toDate((t += delta));
  const registrationOpensAt = at(0);
  const registrationClosesAt = at(g.registration);
  const screeningClosesAt = at(g.toScreeningClose);
  const submissionOpensAt = at(g.toSubmissionOpen);
  const submissionClosesAt = at(g.submission);
  const rounds = g.rounds.map((d, i) => ({ id: `r${i}`, name: `Round ${i + 1}`, closesAt: at(d) }));
  const announcementAt = at(g.toAnnouncement);
  return {
    registrationOpensAt,
    registrationClosesAt,
    screeningClosesAt,
    submissionOpensAt,
    submissionClosesAt,
    rounds,
    announcementAt,
  };
}

const timelineArb = gapsArb.map((g) => buildTimeline(g));

/** Every milestone B as B−1, B, B+1, plus points well before and after. */
function probeInstants(t: Timeline, extra: Date[] = []): Date[] {
  const bounds = [...milestones(t).map((m) => m.at), ...extra].map((d) => d.getTime());
  const out = new Set<number>([bounds[0]! - DAY, bounds[bounds.length - 1]! + DAY]);
  for (const b of bounds) for (const d of [-1, 0, 1]) out.add(b + d);
  return [...out].sort((a, b) => a - b).map((n) => new Date(n));
}

/** Declarative expectation for a half-open window. */
function expectWindow(cap: Capability | ScoreCapability, opens: Date, closes: Date, now: Date): void {
  const n = now.getTime();
  if (n < opens.getTime()) expect(cap).toEqual({ allowed: false, reason: "not_open_yet", at: opens });
  else if (n >= closes.getTime()) expect(cap).toEqual({ allowed: false, reason: "closed", at: closes });
  else expect(cap).toEqual({ allowed: true });
}

const phaseIndex = (t: Timeline, now: Date): number => PHASE_ORDER.indexOf(phaseAt(t, now).phase);

/** Judging progress: index of the open round, or rounds.length in the tallying gap. */
const roundProgress = (t: Timeline, now: Date): number => {
  const s = phaseAt(t, now);
  if (s.phase !== "judging") return s.phase === "announcement" ? t.rounds.length : -1;
  return s.round ? t.rounds.findIndex((r) => r.id === s.round?.id) : t.rounds.length;
};

// ---------------------------------------------------------------- examples

describe("phaseAt (example timeline)", () => {
  it.each([
    ["2026-10-31T23:59:59.999", "upcoming", null, "registrationOpens"],
    ["2026-11-01T00:00", "registration", null, "registrationCloses"],
    ["2026-11-20T23:58:59.999", "registration", null, "registrationCloses"],
    ["2026-11-20T23:59", "screening", null, "screeningCloses"],
    ["2026-11-26T07:00", "screening", null, "submissionOpens"],
    ["2026-11-26T08:00", "submission", null, "submissionCloses"],
    ["2026-12-01T23:59", "judging", "r1", "roundCloses"],
    ["2026-12-05T23:59", "judging", "r2", "roundCloses"],
    ["2026-12-09T00:00", "judging", null, "announcement"],
    ["2026-12-10T19:00", "announcement", null, null],
  ] as const)("at %s WIB → %s", (local, phase, roundId, nextKey) => {
    const s = phaseAt(sample, wib(local));
    expect(s.phase).toBe(phase);
    expect(s.round?.id ?? null).toBe(roundId);
    expect(s.next?.key ?? null).toBe(nextKey);
  });

  it("names the round in a roundCloses milestone", () => {
    const s = phaseAt(sample, wib("2026-12-03T10:00"));
    expect(s.next).toEqual({ key: "roundCloses", at: sample.rounds[0]!.closesAt, round: sample.rounds[0] });
  });
});

describe("capabilities (example timeline)", () => {
  const close = sample.submissionClosesAt;

  it("closes a 23:59 deadline exactly at 23:59:00.000", () => {
    expect(canSubmit(sample, plus(close, -1))).toEqual({ allowed: true });
    expect(canSubmit(sample, close)).toEqual({ allowed: false, reason: "closed", at: close });
  });

  it("never opens submission early, even with an extension", () => {
    const ext: Extension[] = [{ kind: "submission", until: wib("2026-12-03T12:00") }];
    expect(canSubmit(sample, plus(sample.submissionOpensAt, -1), ext)).toEqual({
      allowed: false,
      reason: "not_open_yet",
      at: sample.submissionOpensAt,
    });
  });

  it("honours a later submission extension and ignores an earlier one", () => {
    const until = wib("2026-12-03T12:00");
    expect(canSubmit(sample, plus(close, 1), [{ kind: "submission", until }])).toEqual({ allowed: true });
    expect(canSubmit(sample, until, [{ kind: "submission", until }])).toEqual({
      allowed: false,
      reason: "closed",
      at: until,
    });
    const early = wib("2026-11-30T00:00");
    expect(canSubmit(sample, early, [{ kind: "submission", until: early }])).toEqual({ allowed: true });
  });

  it("keeps extension kinds apart", () => {
    const ext: Extension[] = [{ kind: "registration", until: wib("2026-12-03T12:00") }];
    expect(canSubmit(sample, plus(close, 1), ext).allowed).toBe(false);
    expect(canEditTeam(sample, plus(sample.registrationClosesAt, 1), ext)).toEqual({ allowed: true });
    expect(canRegister(sample, plus(sample.registrationClosesAt, 1)).allowed).toBe(false);
  });

  it("opens scoring rounds one after another", () => {
    const [r1, r2] = sample.rounds as [Timeline["rounds"][0], Timeline["rounds"][0]];
    expect(canScore(sample, "r1", plus(close, -1))).toEqual({ allowed: false, reason: "not_open_yet", at: close });
    expect(canScore(sample, "r1", close)).toEqual({ allowed: true });
    expect(canScore(sample, "r2", close)).toEqual({ allowed: false, reason: "not_open_yet", at: r1.closesAt });
    expect(canScore(sample, "r1", r1.closesAt)).toEqual({ allowed: false, reason: "closed", at: r1.closesAt });
    expect(canScore(sample, "r2", r1.closesAt)).toEqual({ allowed: true });
    expect(canScore(sample, "r2", r2.closesAt)).toEqual({ allowed: false, reason: "closed", at: r2.closesAt });
    expect(canScore(sample, "nope", r1.closesAt)).toEqual({ allowed: false, reason: "unknown_round" });
  });

  it("shows results once published, regardless of the planned date", () => {
    const early = wib("2026-12-09T20:00");
    expect(canViewResults({ published: true }, sample, early)).toEqual({ allowed: true });
    expect(canViewResults({ published: false }, sample, plus(sample.announcementAt, DAY))).toEqual({
      allowed: false,
      reason: "not_open_yet",
      at: sample.announcementAt,
    });
  });
});

describe("timelineSteps (example timeline)", () => {
  it("marks steps around the submission phase", () => {
    const steps = timelineSteps(sample, wib("2026-11-28T12:00"));
    expect(steps.map((s) => [s.key, s.status])).toEqual([
      ["registration", "done"],
      ["screening", "done"],
      ["submission", "current"],
      ["judging", "upcoming"],
      ["announcement", "upcoming"],
    ]);
  });

  it("reports round progress inside judging", () => {
    const judging = timelineSteps(sample, wib("2026-12-06T12:00")).find((s) => s.key === "judging");
    expect(judging?.status).toBe("current");
    expect(judging?.key === "judging" && judging.rounds.map((r) => r.status)).toEqual(["done", "current"]);
  });
});

describe("validateTimeline", () => {
  const valid: TimelineInput = sample;

  it("accepts a valid timeline", () => {
    expect(validateTimeline(valid)).toEqual([]);
  });

  it("requires every date and at least one round", () => {
    expect(validateTimeline({})).toEqual([
      { field: "registrationOpensAt", code: "required" },
      { field: "registrationClosesAt", code: "required" },
      { field: "screeningClosesAt", code: "required" },
      { field: "submissionOpensAt", code: "required" },
      { field: "submissionClosesAt", code: "required" },
      { field: "announcementAt", code: "required" },
      { field: "rounds", code: "required" },
    ]);
  });

  it("requires round names and dates, and rejects invalid dates", () => {
    const errors = validateTimeline({
      ...valid,
      submissionOpensAt: new Date(Number.NaN),
      rounds: [{ name: " ", closesAt: null }],
    });
    expect(errors).toEqual([
      { field: "submissionOpensAt", code: "invalid_date" },
      { field: "rounds.0.closesAt", code: "required" },
      { field: "rounds.0.name", code: "required" },
    ]);
  });

  it("reports the later field of an out-of-order pair", () => {
    expect(validateTimeline({ ...valid, registrationClosesAt: sample.registrationOpensAt })).toEqual([{ field: "registrationClosesAt", code: "order" }]);
    const rounds = [sample.rounds[1]!, sample.rounds[0]!];
    expect(validateTimeline({ ...valid, rounds })).toEqual([{ field: "rounds.1.closesAt", code: "order" }]);
  });

  it("allows equality only where the chain uses ≤", () => {
    const t = sample.registrationClosesAt;
    expect(validateTimeline({ ...valid, screeningClosesAt: t, submissionOpensAt: t })).toEqual([]);
    const last = sample.rounds[1]!.closesAt;
    expect(validateTimeline({ ...valid, announcementAt: last })).toEqual([]);
    expect(validateTimeline({ ...valid, submissionClosesAt: sample.submissionOpensAt })).toEqual([{ field: "submissionClosesAt", code: "order" }]);
  });

  it("accepts every generated timeline (property)", () => {
    fc.assert(
      fc.property(timelineArb, (t) => {
        expect(validateTimeline(t)).toEqual([]);
      }),
    );
  });

  it("finds an order error iff the chain is broken (property)", () => {
    const d = fc.integer({ min: 0, max: 20 }).map((n) => new Date(n));
    const inputArb = fc.record({
      registrationOpensAt: d,
      registrationClosesAt: d,
      screeningClosesAt: d,
      submissionOpensAt: d,
      submissionClosesAt: d,
      rounds: fc.array(
        d.map((closesAt) => ({ name: "R", closesAt })),
        { minLength: 1, maxLength: 3 },
      ),
      announcementAt: d,
    });
    fc.assert(
      fc.property(inputArb, (t) => {
        const v = [t.registrationOpensAt, t.registrationClosesAt, t.screeningClosesAt, t.submissionOpensAt, t.submissionClosesAt, ...t.rounds.map((r) => r.closesAt), t.announcementAt].map((x) =>
          x.getTime(),
        );
        const n = v.length;
        const ok = v.every((x, i) => {
          if (i === 0) return true;
          const lenient = i === 2 || i === 3 || i === n - 1;
          return lenient ? x >= v[i - 1]! : x > v[i - 1]!;
        });
        expect(validateTimeline(t).length === 0).toBe(ok);
      }),
    );
  });
});

// ---------------------------------------------------------------- properties

describe("phase properties", () => {
  it("phase = number of phase starts reached, at every boundary ±1ms", () => {
    fc.assert(
      fc.property(timelineArb, (t) => {
        const starts = [t.registrationOpensAt, t.registrationClosesAt, t.submissionOpensAt, t.submissionClosesAt, t.announcementAt];
        for (const now of probeInstants(t)) {
          const reached = starts.filter((s) => s.getTime() <= now.getTime()).length;
          expect(phaseAt(t, now).phase).toBe(PHASE_ORDER[reached]);
        }
      }),
    );
  });

  it("round and next milestone are consistent at every boundary ±1ms", () => {
    fc.assert(
      fc.property(timelineArb, (t) => {
        for (const now of probeInstants(t)) {
          const s = phaseAt(t, now);
          const n = now.getTime();
          if (s.round) {
            expect(s.phase).toBe("judging");
            expect(canScore(t, s.round.id, now)).toEqual({ allowed: true });
          }
          const scorable = t.rounds.filter((r) => canScore(t, r.id, now).allowed);
          expect(scorable.length).toBe(s.round ? 1 : 0);
          const future = milestones(t).filter((m) => m.at.getTime() > n);
          if (future.length === 0) expect(s.next).toBeNull();
          else {
            expect(s.next?.at.getTime()).toBe(Math.min(...future.map((m) => m.at.getTime())));
            expect(s.next!.at.getTime()).toBeGreaterThan(n);
          }
        }
      }),
    );
  });

  it("capabilities flip exactly at their boundaries, with and without extensions", () => {
    const extArb = fc.array(
      fc.record({
        kind: fc.constantFrom("registration" as const, "submission" as const),
        offset: fc.oneof(fc.integer({ min: -2, max: 2 }), fc.integer({ min: -10 * DAY, max: 10 * DAY })),
      }),
      { maxLength: 3 },
    );
    fc.assert(
      fc.property(timelineArb, extArb, (t, raw) => {
        const ext: Extension[] = raw.map(({ kind, offset }) => ({
          kind,
          until: plus(kind === "registration" ? t.registrationClosesAt : t.submissionClosesAt, offset),
        }));
        const latest = (base: Date, kind: Extension["kind"]) => new Date(Math.max(base.getTime(), ...ext.filter((e) => e.kind === kind).map((e) => e.until.getTime())));
        const regUntil = latest(t.registrationClosesAt, "registration");
        const subUntil = latest(t.submissionClosesAt, "submission");
        for (const now of probeInstants(
          t,
          ext.map((e) => e.until),
        )) {
          expectWindow(canRegister(t, now), t.registrationOpensAt, t.registrationClosesAt, now);
          expectWindow(canEditTeam(t, now), t.registrationOpensAt, t.registrationClosesAt, now);
          expectWindow(canEditTeam(t, now, ext), t.registrationOpensAt, regUntil, now);
          expectWindow(canSubmit(t, now), t.submissionOpensAt, t.submissionClosesAt, now);
          expectWindow(canSubmit(t, now, ext), t.submissionOpensAt, subUntil, now);
          t.rounds.forEach((r, i) => {
            const opens = i === 0 ? t.submissionClosesAt : t.rounds[i - 1]!.closesAt;
            expectWindow(canScore(t, r.id, now), opens, r.closesAt, now);
          });
        }
      }),
    );
  });

  it("phases and rounds are monotonic in time", () => {
    fc.assert(
      fc.property(timelineArb, fc.array(fc.integer({ min: -40 * DAY, max: 250 * DAY }), { minLength: 2 }), (t, offsets) => {
        const times = [...probeInstants(t), ...offsets.map((o) => plus(t.registrationOpensAt, o))].sort((a, b) => a.getTime() - b.getTime());
        for (let i = 1; i < times.length; i++) {
          expect(phaseIndex(t, times[i]!)).toBeGreaterThanOrEqual(phaseIndex(t, times[i - 1]!));
          expect(roundProgress(t, times[i]!)).toBeGreaterThanOrEqual(roundProgress(t, times[i - 1]!));
        }
      }),
    );
  });

  it("timeline steps: one current step matching the phase, done before it, upcoming after", () => {
    fc.assert(
      fc.property(timelineArb, (t) => {
        for (const now of probeInstants(t)) {
          const { phase, round } = phaseAt(t, now);
          const steps = timelineSteps(t, now);
          const statuses = steps.map((s) => s.status);
          const current = steps.filter((s) => s.status === "current");
          if (phase === "upcoming") expect(statuses.every((s) => s === "upcoming")).toBe(true);
          else {
            expect(current.map((s) => s.key)).toEqual([phase]);
            const ci = statuses.indexOf("current");
            expect(statuses.slice(0, ci).every((s) => s === "done")).toBe(true);
            expect(statuses.slice(ci + 1).every((s) => s === "upcoming")).toBe(true);
          }
          const judging = steps.find((s) => s.key === "judging");
          if (judging?.key === "judging") {
            const currentRounds = judging.rounds.filter((r) => r.status === "current").map((r) => r.round.id);
            expect(currentRounds).toEqual(round ? [round.id] : []);
          }
        }
      }),
    );
  });
});

describe("zone independence", () => {
  // Naive-UTC milliseconds rendered as a datetime-local string = wall-clock time.
  const wall = (ms: number): string => new Date(ms).toISOString().slice(0, 23);

  it("timelines typed as wall-clock times behave the same in WIB, WITA and WIT", () => {
    fc.assert(
      fc.property(gapsArb, fc.integer({ min: -5 * DAY, max: 200 * DAY }), (g, nowOffset) => {
        const results = EVENT_TIME_ZONES.map((tz: EventTimeZone) => {
          const toDate = (ms: number): Date => {
            const d = zonedLocalToUtc(wall(ms), tz);
            if (!d) throw new Error("unparseable generated wall time");
            return d;
          };
          const t = buildTimeline(g, toDate);
          const base = milestones(t).map((m) => m.at.getTime() - milestones(t)[0]!.at.getTime());
          const nows = probeInstants(t).map((d) => d.getTime() - t.registrationOpensAt.getTime());
          nows.push(nowOffset);
          const behaviour = nows.map((rel) => {
            const now = plus(t.registrationOpensAt, rel);
            const s = phaseAt(t, now);
            return [s.phase, s.round?.id ?? null, s.next?.key ?? null, canRegister(t, now).allowed, canSubmit(t, now).allowed, ...t.rounds.map((r) => canScore(t, r.id, now).allowed)];
          });
          return { base, behaviour, start: t.registrationOpensAt.getTime() };
        });
        const [jkt, mks, jyp] = results as [(typeof results)[0], (typeof results)[0], (typeof results)[0]];
        expect(mks.base).toEqual(jkt.base);
        expect(jyp.base).toEqual(jkt.base);
        expect(mks.behaviour).toEqual(jkt.behaviour);
        expect(jyp.behaviour).toEqual(jkt.behaviour);
        // The same wall-clock time is one hour earlier per zone eastwards.
        expect(jkt.start - mks.start).toBe(3_600_000);
        expect(jkt.start - jyp.start).toBe(7_200_000);
      }),
    );
  });
});

describe("workingRound", () => {
  const r1 = { id: "r1", closesAt: new Date("2026-11-20T16:59:59.999Z") };
  const r2 = { id: "r2", closesAt: new Date("2026-12-06T16:59:59.999Z") };

  it("takes the round asked for, even a closed one", () => {
    expect(workingRound([r1, r2], "r1", new Date("2026-12-01T00:00:00Z"))).toBe(r1);
  });

  it("otherwise the first round still open, to the millisecond", () => {
    expect(workingRound([r1, r2], null, new Date(r1.closesAt.getTime() - 1))).toBe(r1);
    expect(workingRound([r1, r2], null, r1.closesAt)).toBe(r2);
    expect(workingRound([r1, r2], "bukan-babak", r1.closesAt)).toBe(r2);
  });

  it("the last round once all have closed, and none without rounds", () => {
    expect(workingRound([r1, r2], null, r2.closesAt)).toBe(r2);
    expect(workingRound([], null, r2.closesAt)).toBeNull();
  });
});

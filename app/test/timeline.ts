// A hackathon timeline in WIB (Asia/Jakarta) for the phase and reminder tests.
import type { Timeline } from "~/domain/phase";
import { zonedLocalToUtc } from "~/domain/time";

/** A Jakarta wall-clock time ("2026-11-01T00:00") as an instant. */
export const wib = (local: string): Date => {
  const d = zonedLocalToUtc(local, "Asia/Jakarta");
  if (!d) throw new Error(`bad fixture ${local}`);
  return d;
};

export const plus = (d: Date, ms: number): Date => new Date(d.getTime() + ms);

export const WIB_TIMELINE: Timeline = {
  registrationOpensAt: wib("2026-11-01T00:00"),
  registrationClosesAt: wib("2026-11-20T23:59"),
  screeningClosesAt: wib("2026-11-25T23:59"),
  submissionOpensAt: wib("2026-11-26T08:00"),
  submissionClosesAt: wib("2026-12-01T23:59"),
  rounds: [
    { id: "r1", name: "Penyisihan", closesAt: wib("2026-12-05T23:59") },
    { id: "r2", name: "Final", closesAt: wib("2026-12-08T17:00") },
  ],
  announcementAt: wib("2026-12-10T19:00"),
};

// Blind judging: while it lasts, nothing public may pair a project with its team. Judges read
// each project's title and content while scoring; the gallery, the project pages and the People's
// Choice page show that same title next to the team's name, region and members. So under blind
// judging those pages stay closed to the public until the last round has closed (they open on
// their own then), rather than showing a stripped-down version whose titles would still match.

export type BlindFacts = { blindJudging: boolean; rounds: readonly { closesAt: Date }[] };

/** True while a blind event's judges may still score: public pages that name teams stay closed. */
export function blindPeriod(event: BlindFacts, now: Date): boolean {
  if (!event.blindJudging || event.rounds.length === 0) return false;
  const lastClose = Math.max(...event.rounds.map((r) => r.closesAt.getTime()));
  return now.getTime() < lastClose;
}

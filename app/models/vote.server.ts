// People's Choice: one vote per verified account per event, only inside the voting window, only
// for projects of accepted teams (a disqualified team leaves the ballot); the tally stays hidden
// until the window closes. Under blind judging the ballot, which pairs projects with teams, opens
// only once judging is over.
import { blindPeriod, type BlindFacts } from "~/domain/blind";
import { db, isUniqueViolation } from "~/services/db.server";
import type { Failure } from "~/validation/message";

/** What a project needs to be on the ballot. */
const ON_BALLOT = { status: "SUBMITTED", team: { status: "ACCEPTED" } } as const;

export type VoteWindow = "disabled" | "not_open" | "open" | "closed";

type VotingEvent = BlindFacts & { peoplesChoice: boolean; votingOpensAt: Date | null; votingClosesAt: Date | null };

export function voteWindow(event: VotingEvent, now: Date): VoteWindow {
  if (!event.peoplesChoice || !event.votingOpensAt || !event.votingClosesAt) return "disabled";
  if (blindPeriod(event, now)) return "not_open";
  if (now.getTime() < event.votingOpensAt.getTime()) return "not_open";
  if (now.getTime() >= event.votingClosesAt.getTime()) return "closed";
  return "open";
}

export async function voteTally(eventId: string): Promise<{ submissionId: string; count: number }[]> {
  // Votes cast before a team was disqualified stay stored but no longer count.
  const groups = await db.vote.groupBy({ by: ["submissionId"], where: { eventId, submission: ON_BALLOT }, _count: { _all: true } });
  return groups.map((g) => ({ submissionId: g.submissionId, count: g._count._all })).sort((a, b) => b.count - a.count);
}

export type VoteError = "unverified" | "notOpen" | "closed" | "invalidSubmission" | "already";

export async function castVote(input: { event: VotingEvent & { id: string }; userId: string; submissionId: string; now: Date }): Promise<{ ok: true } | Failure<VoteError>> {
  const window = voteWindow(input.event, input.now);
  if (window === "disabled" || window === "not_open") return { ok: false, code: "notOpen" };
  if (window === "closed") return { ok: false, code: "closed" };
  const user = await db.user.findUniqueOrThrow({ where: { id: input.userId }, select: { emailVerifiedAt: true } });
  if (!user.emailVerifiedAt) return { ok: false, code: "unverified" };
  const submission = await db.submission.findFirst({
    where: { id: input.submissionId, eventId: input.event.id, ...ON_BALLOT },
    select: { id: true },
  });
  if (!submission) return { ok: false, code: "invalidSubmission" };
  try {
    await db.vote.create({ data: { eventId: input.event.id, userId: input.userId, submissionId: submission.id, createdAt: input.now } });
  } catch (e) {
    // The unique (event, user) index settles a double click or two tabs racing.
    if (isUniqueViolation(e)) return { ok: false, code: "already" };
    throw e;
  }
  return { ok: true };
}

export async function myVote(eventId: string, userId: string) {
  return db.vote.findUnique({ where: { eventId_userId: { eventId, userId } }, select: { submissionId: true, createdAt: true } });
}

/** Submitted projects of accepted teams, which a visitor can vote for. */
export async function voteCandidates(eventId: string) {
  return db.submission.findMany({
    where: { eventId, ...ON_BALLOT },
    select: { id: true, title: true, tagline: true, team: { select: { name: true, region: { select: { name: true } } } }, track: { select: { name: true } } },
    orderBy: [{ title: "asc" }, { id: "asc" }],
  });
}

/**
 * The judge's queue as a window: a busy judge of a national event has a hundred and more
 * submissions in a round. The round's entries are counted by status, then narrowed by a status
 * and a search (title or the team as shown: its name, or its blind code), then paged.
 */
import type { JudgmentStatus } from "./judgment";
import { foldForSearch, pageOf, searchMatcher, type Page } from "./results-window";

export const QUEUE_PAGE_SIZE = 25;

export const QUEUE_STATUSES: readonly JudgmentStatus[] = ["not_started", "in_progress", "complete", "finalized"];

export type QueueEntry = { title: string; team: string; status: JudgmentStatus };

export type QueueFilter = { status?: JudgmentStatus | null; q?: string | null; page?: number | null };

export type QueueWindow<E> = {
  /** The round's entries by status, whatever the filter. */
  counts: Record<JudgmentStatus, number>;
  window: Page<E>;
  /** The first entry, in queue order, that still needs scoring (not started or partly scored). */
  next: E | null;
};

/** How many entries are in each status. */
export function statusCounts(entries: readonly { status: JudgmentStatus }[]): Record<JudgmentStatus, number> {
  const counts: Record<JudgmentStatus, number> = { not_started: 0, in_progress: 0, complete: 0, finalized: 0 };
  for (const e of entries) counts[e.status]++;
  return counts;
}

export function queueWindow<E extends QueueEntry>(entries: readonly E[], filter: QueueFilter, size = QUEUE_PAGE_SIZE): QueueWindow<E> {
  const counts = statusCounts(entries);
  const matches = searchMatcher(filter.q);
  const matching = entries.filter((e) => (!filter.status || e.status === filter.status) && (!matches || matches(foldForSearch(`${e.title} ${e.team}`))));
  const next = entries.find((e) => e.status === "not_started" || e.status === "in_progress") ?? null;
  return { counts, window: pageOf(matching, filter.page, size), next };
}

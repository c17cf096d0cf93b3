// The live-results signal: each round's data version and the latest publication, as a small JSON
// text. The streams and results pages of one event on this instance share one database read (see
// sharedResultsState in round-state.server.ts); a change notice for the event (from any instance,
// see app/services/change-feed.server.ts) makes the next read fresh at once, and a slow poll
// catches anything a notice did not cover.
import { eventTopic, onChange } from "~/services/change-feed.server";
import { forgetResultsState, sharedResultsState } from "./round-state.server";

export async function resultsSignal(event: { id: string; slug: string }, now: number): Promise<string> {
  const { rounds, publication } = await sharedResultsState(event, now);
  return JSON.stringify({ rounds: Object.fromEntries(rounds.map((r) => [r.id, r.version])), publication: publication?.id ?? null });
}

/**
 * Watches one event's signal for a live stream: calls `onSignal` with each new value (not the
 * first, which the caller gets back). Wakes on change notices and polls every `pollMs`.
 */
export async function watchResults(event: { id: string; slug: string }, onSignal: (signal: string) => void, pollMs: number) {
  let last = await resultsSignal(event, Date.now());
  let checking = false;
  let again = false;
  const check = () => {
    if (checking) {
      // A notice during a read must not be lost: read once more when it ends.
      again = true;
      return;
    }
    checking = true;
    resultsSignal(event, Date.now())
      .then((now) => {
        if (now !== last) {
          last = now;
          onSignal(now);
        }
      })
      .catch(() => undefined)
      .finally(() => {
        checking = false;
        if (again) {
          again = false;
          check();
        }
      });
  };
  const topic = eventTopic(event.slug);
  const unsubscribe = onChange((changed, at) => {
    if (changed !== topic && changed !== "*") return;
    // The shared read is dropped before this stream reads again, whichever listener runs first.
    forgetResultsState(changed, at);
    check();
  });
  const timer = setInterval(check, pollMs);
  return {
    first: last,
    stop: () => {
      clearInterval(timer);
      unsubscribe();
    },
  };
}

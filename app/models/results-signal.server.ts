// The live-results signal: each round's data version and the latest publication, as a small JSON
// text. Concurrent streams of one event on this instance share a single database read; a change
// notice for the event (from any instance, see app/services/change-feed.server.ts) makes the next
// read fresh at once, and a slow poll catches anything a notice did not cover.
import { eventTopic, onChange } from "~/services/change-feed.server";
import { resultsState } from "./round-state.server";

const SHARE_MS = 1000;
const inflight = new Map<string, { at: number; value: Promise<string> }>();

async function read(eventId: string): Promise<string> {
  const { rounds, publication } = await resultsState(eventId);
  return JSON.stringify({ rounds: Object.fromEntries(rounds.map((r) => [r.id, r.version])), publication: publication?.id ?? null });
}

export function resultsSignal(eventId: string, now: number): Promise<string> {
  const hit = inflight.get(eventId);
  if (hit && now - hit.at < SHARE_MS) return hit.value;
  const value = read(eventId);
  inflight.set(eventId, { at: now, value });
  value.catch(() => inflight.delete(eventId));
  // Streams of events nobody watches any more must not keep their entry forever.
  for (const [id, e] of inflight) if (now - e.at > 60_000) inflight.delete(id);
  return value;
}

/** Drops a shared read that started before `at`, so the next caller reads what a change left. */
function forget(eventId: string, at: number) {
  const hit = inflight.get(eventId);
  if (hit && hit.at < at) inflight.delete(eventId);
}

/**
 * Watches one event's signal for a live stream: calls `onSignal` with each new value (not the
 * first, which the caller gets back). Wakes on change notices and polls every `pollMs`.
 */
export async function watchResults(event: { id: string; slug: string }, onSignal: (signal: string) => void, pollMs: number) {
  let last = await resultsSignal(event.id, Date.now());
  let checking = false;
  let again = false;
  const check = () => {
    if (checking) {
      // A notice during a read must not be lost: read once more when it ends.
      again = true;
      return;
    }
    checking = true;
    resultsSignal(event.id, Date.now())
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
    forget(event.id, at);
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

// The live-results signal: each round's data version and the latest publication, as a small JSON
// text. Concurrent streams of one event share a single database read per polling interval.
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

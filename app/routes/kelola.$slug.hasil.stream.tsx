// Server-sent events for the organizer's results page: "changed" with each round's data version
// (never the table) whenever it moves; the page refetches only its own window. A score saved
// through any instance wakes the stream through the change feed; a poll every LIVE_POLL_MS
// catches whatever no notice covered.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { watchResults } from "~/models/results-signal.server";
import { requireOrganizer } from "~/models/event-guards.server";
import { env } from "~/services/env.server";

const HEARTBEAT_MS = 20_000;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireOrganizer(request, params.slug);
  const encoder = new TextEncoder();
  let send: (text: string) => void = () => undefined;
  const watch = await watchResults(event, (signal) => send(`event: changed\ndata: ${signal}\n\n`), env().LIVE_POLL_MS);
  let beat: ReturnType<typeof setInterval> | undefined;
  const stop = () => {
    watch.stop();
    clearInterval(beat);
  };
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      send(`retry: 5000\nevent: ready\ndata: ${watch.first}\n\n`);
      beat = setInterval(() => send(": ping\n\n"), HEARTBEAT_MS);
      request.signal.addEventListener("abort", () => {
        stop();
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
    },
    cancel: stop,
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform keeps the compression middleware from buffering the stream.
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}

// Server-sent events for the organizer's results page: "changed" with each round's data version
// (never the table) whenever it moves; the page refetches only its own window. The versions are
// read from the database every few seconds, so a score saved through any app instance reaches
// every open stream, and every stream of one event on this instance shares one read.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { resultsSignal } from "~/models/results-signal.server";
import { requireOrganizer } from "~/models/event-guards.server";

export const POLL_MS = 2500;
const HEARTBEAT_MS = 20_000;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireOrganizer(request, params.slug);
  const encoder = new TextEncoder();
  let last = await resultsSignal(event.id, Date.now());
  let timer: ReturnType<typeof setInterval> | undefined;
  let beat: ReturnType<typeof setInterval> | undefined;
  const stop = () => {
    clearInterval(timer);
    clearInterval(beat);
  };
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      send(`retry: 5000\nevent: ready\ndata: ${last}\n\n`);
      let checking = false;
      timer = setInterval(() => {
        if (checking) return;
        checking = true;
        resultsSignal(event.id, Date.now())
          .then((now) => {
            if (now !== last) {
              last = now;
              send(`event: changed\ndata: ${now}\n\n`);
            }
          })
          .catch(() => undefined)
          .finally(() => {
            checking = false;
          });
      }, POLL_MS);
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

// The page's loader data, read to its end before the page is rendered whole (app/entry.server.tsx;
// the benchmark's bare Remix page renders the same way).
import type { EntryContext } from "@remix-run/node";

type StreamCache = NonNullable<NonNullable<EntryContext["renderMeta"]>["streamCache"]>;

/**
 * Reads the page's loader data (the framework's serialized stream) to its end before the page is
 * rendered, and hands each part to the render as already read. The framework's own component for
 * it would otherwise suspend on every part, which only a streaming render can wait for.
 */
export async function readHandoff(context: EntryContext): Promise<void> {
  const stream = context.serverHandoffStream;
  if (!stream) return;
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  const cache: StreamCache = {};
  for (let part = 0; ; part++) {
    const { done, value } = await reader.read();
    // The same record the framework keeps for a part it has read: a settled promise with its result.
    cache[part] = Object.assign(Promise.resolve(), { result: { done, value: decoder.decode(value, { stream: true }) } });
    if (done) break;
  }
  reader.releaseLock();
  context.renderMeta = context.renderMeta ?? {};
  context.renderMeta.streamCache = cache;
}

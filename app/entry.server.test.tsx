// The page is rendered to one string after its loader data has been read to the end: the
// framework's component that writes that data into the page must find every part already read,
// or a render that cannot wait would leave the data out.
import type { EntryContext } from "@remix-run/node";
// The framework's component that writes the loader data into the document (not exported from
// the package's index).
import { StreamTransfer } from "@remix-run/react/dist/single-fetch.js";
import { Suspense } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { readHandoff } from "./services/handoff.server";

const encoder = new TextEncoder();

/** A stream of the given byte parts, as the framework's serialized loader data arrives. */
function streamOf(parts: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(part);
      controller.close();
    },
  });
}

function contextWith(stream: ReadableStream<Uint8Array>): EntryContext {
  // Only what the data transfer reads of the context; the rest is the framework's own.
  return { serverHandoffStream: stream, renderMeta: { didRenderScripts: true } } as unknown as EntryContext;
}

function transfer(context: EntryContext) {
  // As the framework places it in the document: inside a Suspense boundary.
  return renderToString(
    <Suspense>
      <StreamTransfer context={context} identifier={0} reader={context.serverHandoffStream!.getReader()} textDecoder={new TextDecoder()} nonce="n0nce" />
    </Suspense>,
  );
}

const enqueued = (html: string) => [...html.matchAll(/streamController\.enqueue\((.*?)\);<\/script>/g)].map((m) => JSON.parse(m[1]!) as string).join("");

describe("readHandoff", () => {
  it("hands every part of the loader data to a render that cannot wait, in order, and ends the transfer", async () => {
    // "Nilai akhir 9,5 ✓" cut inside the check mark's three bytes: parts are decoded as one text.
    const text = JSON.stringify(["Nilai akhir 9,5 ✓", { tim: "Tim KIM Desa Sukamaju" }]);
    const bytes = encoder.encode(text);
    const cut = bytes.indexOf(0xe2) + 1;
    const context = contextWith(streamOf([bytes.slice(0, 10), bytes.slice(10, cut), bytes.slice(cut)]));
    await readHandoff(context);
    const html = transfer(context);
    expect(enqueued(html)).toBe(text);
    expect(html).toContain("window.__remixContext.streamController.close();");
    expect(html).toContain('nonce="n0nce"');
    // Nothing was left for the client to fetch or render again.
    expect(html).not.toContain("<!--$!-->");
  });

  it("is what makes the data appear: without it the same render leaves the data out", () => {
    const context = contextWith(streamOf([encoder.encode('["Tim KIM"]')]));
    const html = transfer(context);
    expect(html).not.toContain("streamController");
    // The boundary is left for the browser to render, where this data would never arrive.
    expect(html).toContain("<!--$!-->");
  });

  it("leaves a page without loader data alone", async () => {
    const context = { renderMeta: {} } as unknown as EntryContext;
    await readHandoff(context);
    expect(context.renderMeta).toEqual({});
  });
});

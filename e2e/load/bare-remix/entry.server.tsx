// Rendered as the product renders its pages (app/entry.server.tsx): whole, to one string, once the
// loader data is read. Without the product's own sending of that string (it goes out as an
// ordinary Response, through the framework's Express adapter as shipped).
import type { EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { readHandoff } from "../../../app/services/handoff.server";

export default async function handleRequest(request: Request, status: number, headers: Headers, context: EntryContext) {
  await readHandoff(context);
  const html = "<!DOCTYPE html>" + renderToString(<RemixServer context={context} url={request.url} />);
  headers.set("Content-Type", "text/html; charset=utf-8");
  return new Response(html, { status, headers });
}

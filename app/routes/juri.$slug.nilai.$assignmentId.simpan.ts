// Autosave endpoint of the scoring page: the same save as the page's own form, answered as JSON
// so the page's script can tell "saved", "refused" and "stale" (409) apart without a navigation.
import type { ActionFunctionArgs } from "@remix-run/node";
import { saveFromRequest } from "~/models/judgment-save.server";

export async function action({ request, params }: ActionFunctionArgs) {
  const { status, body } = await saveFromRequest(request, params, new Date());
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

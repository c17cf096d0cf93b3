// Autosave endpoint of the scoring page: the same save as the page's own form, answered as JSON
// so the page's script can tell "saved", "refused" and "stale" (409) apart without a navigation.
import type { ActionFunctionArgs } from "@remix-run/node";
import { requireJudge } from "~/models/event-guards.server";
import { WholeResponse } from "~/services/whole-response.server";
import { saveJudgmentForm } from "~/models/judgment-save.server";
import { judgmentReply, parseJudgmentForm } from "~/validation/judging";

export async function action({ request, params }: ActionFunctionArgs) {
  const now = new Date();
  const judge = await requireJudge(request, params.slug);
  const form = parseJudgmentForm(await request.formData());
  const { status, body } = judgmentReply(await saveJudgmentForm(judge, params.assignmentId ?? "", form, now), now);
  // Its declared length (set by WholeResponse) lets the compression middleware leave a reply this
  // small as it is.
  return new WholeResponse(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" } });
}

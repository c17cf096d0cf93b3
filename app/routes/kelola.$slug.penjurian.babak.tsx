// Advancing submissions to the next round: the top N by mean weighted total, or a hand-picked set.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "~/domain/number";
import { FormAlert } from "~/components/forms";
import { advanceCandidates, advanceToNextRound } from "~/models/judging-admin.server";
import { requireOrganizerRound } from "~/models/event-guards.server";
import { advanceSchema } from "~/validation/judging";
import { parseKnownFields } from "~/services/forms.server";
import { msg } from "~/validation/message";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, round } = await requireOrganizerRound(request, params.slug, new Date());
  const c = await advanceCandidates(event.id, round.id);
  if (!c) throw new Response("Not Found", { status: 404 });
  return { round: { name: c.round.name }, next: c.next ? { name: c.next.name } : null, rows: c.rows };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, event, round } = await requireOrganizerRound(request, params.slug, new Date());
  const submission = parseKnownFields(await request.formData(), advanceSchema);
  if (submission.status !== "success") {
    const errors = Object.values(submission.error ?? {})
      .flat()
      .filter((e): e is string => typeof e === "string");
    return data({ ok: false, messages: errors.length ? errors : ["validation.invalid"] }, { status: 400 });
  }
  const v = submission.value;
  const r = await advanceToNextRound(event.id, round.id, v.intent === "top" ? { mode: "top", n: v.n } : { mode: "pick", submissionIds: v.submissionIds }, user.id);
  if (!r.ok) return data({ ok: false, messages: [msg(`judging.advance.errors.${r.code}`)] }, { status: 400 });
  const messages = [msg("judging.advance.done", { count: r.created, round: r.nextRoundName })];
  if (r.tieAtCut) messages.push("judging.advance.tieAtCut");
  return { ok: true, messages };
}

export default function AdvanceRound() {
  const { t, i18n } = useTranslation();
  const { round, next, rows } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  if (!next) return <p className="card text-slate-700">{t("judging.advance.lastRound", { round: round.name })}</p>;
  return (
    <div className="space-y-6">
      <p className="text-slate-700">{t("judging.advance.intro", { from: round.name, to: next.name })}</p>
      {reply ? <FormAlert tone={reply.ok ? "success" : "error"} errors={reply.messages} /> : null}
      <Form method="post" className="card flex flex-wrap items-end gap-3">
        <input type="hidden" name="intent" value="top" />
        <div>
          <label htmlFor="n" className="field-label">
            {t("judging.advance.topN")}
          </label>
          <input id="n" name="n" type="number" min={1} inputMode="numeric" required className="field-input w-28" defaultValue={Math.min(10, rows.length) || 1} />
        </div>
        <button type="submit" className="btn-primary" disabled={busy}>
          {t("judging.advance.advanceTop", { to: next.name })}
        </button>
        <p className="field-hint w-full">{t("judging.advance.topHint")}</p>
      </Form>
      <Form method="post" className="card space-y-3">
        <input type="hidden" name="intent" value="pick" />
        <fieldset>
          <legend className="text-lg font-bold">{t("judging.advance.pickTitle")}</legend>
          <ol className="mt-2 divide-y divide-slate-200">
            {rows.map((r) => (
              <li key={r.submissionId}>
                <label className="flex min-h-[48px] cursor-pointer items-center gap-3 py-2">
                  <input type="checkbox" name="submissionIds" value={r.submissionId} defaultChecked={r.advanced} disabled={r.advanced} className="h-5 w-5 shrink-0" />
                  <span className="w-10 shrink-0 text-right font-bold">{r.place ?? "—"}</span>
                  <span className="min-w-0 flex-1">
                    <span className="block font-semibold">{r.title || t("scoring.untitled")}</span>
                    <span className="block text-sm text-slate-700">
                      {r.teamName} · {r.mean === null ? t("judging.advance.unscored") : t("judging.advance.mean", { mean: formatNumber(r.mean, i18n.language), count: r.judgeCount })}
                    </span>
                  </span>
                  {r.advanced ? <span className="badge bg-green-100 text-green-900">{t("judging.advance.advanced", { to: next.name })}</span> : null}
                </label>
              </li>
            ))}
          </ol>
        </fieldset>
        <button type="submit" className="btn-secondary" disabled={busy}>
          {t("judging.advance.advancePicked", { to: next.name })}
        </button>
      </Form>
    </div>
  );
}

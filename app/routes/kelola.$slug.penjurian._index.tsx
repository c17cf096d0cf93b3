// Assignment board of one round: automatic distribution, hand edits, re-balancing after a judge
// drops out, and for every judge × submission the reason they are (not) assigned.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { AssignmentWarning } from "~/domain/assignment";
import { assignmentBoard } from "~/models/assignment-board.server";
import { addAssignment, autoAssign, rebalanceWithout, removeAssignment } from "~/models/assignment.server";
import { requireOrganizerRound } from "~/models/judging-admin.server";
import { assignmentActionSchema } from "~/validation/judging";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, round } = await requireOrganizerRound(request, params.slug, new Date());
  const board = await assignmentBoard(event, round);
  return {
    round: { id: round.id, name: round.name, k: round.judgesPerSubmission },
    judges: board.judges,
    submissions: board.submissions,
    warnings: board.warnings,
    summary: board.result,
  };
}

type Reply = { ok: boolean; message: string; shortfalls?: { submissionId: string; missing: number }[]; warnings?: AssignmentWarning[] };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, event, round } = await requireOrganizerRound(request, params.slug, new Date());
  const parsed = assignmentActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data<Reply>({ ok: false, message: "validation.invalid" }, { status: 400 });
  const v = parsed.data;
  if (v.intent === "auto") {
    const r = await autoAssign(event.id, round.id, user.id);
    return data<Reply>({ ok: true, message: `assignment.autoDone|${JSON.stringify({ count: r.created })}`, shortfalls: r.shortfalls });
  }
  if (v.intent === "add") {
    const r = await addAssignment(event.id, round.id, v.judgeId, v.submissionId, user.id);
    if ("error" in r) {
      const reasons = "reasons" in r && r.reasons ? r.reasons.join(",") : "";
      return data<Reply>({ ok: false, message: `assignment.errors.${r.error}|${JSON.stringify({ reasons })}` }, { status: 400 });
    }
    return data<Reply>({ ok: true, message: "assignment.added", warnings: r.warnings });
  }
  if (v.intent === "remove") {
    const r = await removeAssignment(event.id, round.id, v.assignmentId, user.id);
    if ("error" in r) return data<Reply>({ ok: false, message: `assignment.errors.${r.error}` }, { status: r.error === "not_found" ? 404 : 400 });
    return data<Reply>({ ok: true, message: "assignment.removed" });
  }
  const r = await rebalanceWithout(event.id, round.id, v.judgeId, user.id);
  if ("error" in r) return data<Reply>({ ok: false, message: `assignment.errors.${r.error}` }, { status: 400 });
  return data<Reply>({ ok: true, message: `assignment.rebalanced|${JSON.stringify({ removed: r.removed, created: r.created })}`, shortfalls: r.shortfalls });
}

const STATUS_BADGE: Record<string, string> = {
  not_started: "bg-slate-100 text-slate-800",
  in_progress: "bg-amber-100 text-amber-900",
  complete: "bg-blue-100 text-blue-900",
  finalized: "bg-green-100 text-green-900",
};

export default function AssignmentBoard() {
  const { t } = useTranslation();
  const { round, judges, submissions, warnings, summary } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const judgeName = new Map(judges.map((j) => [j.id, j.name]));
  const title = new Map(submissions.map((s) => [s.id, s.title || s.teamName]));
  const reasons = (list: readonly string[]) => list.map((r) => t(`conflict.reason.${r}`)).join(", ");
  const warningText = (w: AssignmentWarning): string => {
    switch (w.code) {
      case "conflict":
        return t("assignment.warn.conflict", { judge: judgeName.get(w.judgeId), title: title.get(w.submissionId), reasons: reasons(w.reasons) });
      case "under_assigned":
        return t("assignment.warn.under", { title: title.get(w.submissionId), count: w.count, k: w.k });
      case "over_assigned":
        return t("assignment.warn.over", { title: title.get(w.submissionId), count: w.count, k: w.k });
      case "imbalance":
        return t("assignment.warn.imbalance", { min: w.minLoad, max: w.maxLoad, judges: w.maxJudgeIds.map((id) => judgeName.get(id)).join(", ") });
      default:
        return t("assignment.warn.other");
    }
  };
  const explain = (codes: readonly string[], load: number) =>
    codes
      .map((c) => (c.startsWith("conflict:") ? t("assignment.why.conflict", { reason: t(`conflict.reason.${c.slice(9)}`) }) : t(`assignment.why.${c}`, { k: round.k, load })))
      .join(" ");
  const messageText = (m: string) => {
    const [key, params] = m.split("|");
    const p = params ? (JSON.parse(params) as Record<string, string>) : {};
    if (p.reasons) p.reasons = reasons(p.reasons.split(","));
    return t(key, p);
  };
  return (
    <div className="space-y-6">
      <section className="card space-y-3" aria-labelledby="ringkasan">
        <h2 id="ringkasan" className="text-lg font-bold">
          {t("assignment.title", { round: round.name })}
        </h2>
        <p className="text-slate-700">{t("assignment.summary", { k: round.k, submissions: submissions.length, judges: judges.length })}</p>
        {reply ? (
          <div role={reply.ok ? "status" : "alert"} className={`rounded-lg border px-4 py-3 text-sm font-medium ${reply.ok ? "border-green-300 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-800"}`}>
            <p>{messageText(reply.message)}</p>
            {reply.shortfalls?.length ? (
              <ul className="mt-1 list-disc pl-5">
                {reply.shortfalls.map((s) => (
                  <li key={s.submissionId}>{t("assignment.shortfall", { title: title.get(s.submissionId), missing: s.missing })}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        <Form method="post">
          <input type="hidden" name="intent" value="auto" />
          <button type="submit" className="btn-primary" disabled={busy}>
            {t("assignment.auto")}
          </button>
          <p className="field-hint">{t("assignment.autoHint", { k: round.k })}</p>
        </Form>
      </section>

      {summary.shortfalls.length || warnings.length ? (
        <section aria-labelledby="peringatan" className="rounded-xl border border-amber-300 bg-amber-50 p-4">
          <h2 id="peringatan" className="font-bold text-amber-900">
            {t("assignment.warnings")}
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-amber-900">
            {warnings.map((w, i) => (
              <li key={i}>{warningText(w)}</li>
            ))}
          </ul>
        </section>
      ) : submissions.length ? (
        <p role="status" className="rounded-lg border border-green-300 bg-green-50 px-4 py-3 text-sm font-medium text-green-900">
          {t("assignment.allGood", { min: summary.minLoad, max: summary.maxLoad })}
        </p>
      ) : null}

      <section aria-labelledby="beban" className="card">
        <h2 id="beban" className="text-lg font-bold">
          {t("assignment.loads")}
        </h2>
        <ul className="mt-2 divide-y divide-slate-200">
          {judges.map((j) => (
            <li key={j.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                <span className="font-semibold">{j.name}</span> — {t("assignment.load", { count: j.load })}
              </span>
              {j.load > 0 ? (
                <details>
                  <summary className="btn-link cursor-pointer text-sm">{t("assignment.dropOut")}</summary>
                  <Form method="post" className="mt-2 space-y-2 rounded-lg border border-slate-300 bg-white p-3">
                    <p className="text-sm">{t("assignment.dropOutConfirm", { name: j.name })}</p>
                    <input type="hidden" name="intent" value="rebalance" />
                    <input type="hidden" name="judgeId" value={j.id} />
                    <button type="submit" className="btn-danger" disabled={busy}>
                      {t("assignment.dropOutYes")}
                    </button>
                  </Form>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="karya" className="space-y-3">
        <h2 id="karya" className="text-lg font-bold">
          {t("assignment.submissions")}
        </h2>
        {submissions.length === 0 ? <p className="card text-slate-700">{t("assignment.noEntries")}</p> : null}
        {submissions.map((s) => (
          <article key={s.id} className="card space-y-3" aria-labelledby={`k-${s.id}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 id={`k-${s.id}`} className="font-bold">
                {s.title || t("scoring.untitled")} <span className="font-normal text-slate-700">— {s.teamName}</span>
              </h3>
              <span className={`badge ${s.assigned.length < round.k ? "bg-amber-100 text-amber-900" : "bg-slate-100 text-slate-800"}`}>
                {t("assignment.coverage", { count: s.assigned.length, k: round.k })}
              </span>
            </div>
            <ul className="space-y-1">
              {s.assigned.map((a) => (
                <li key={a.assignmentId} className="flex flex-wrap items-center justify-between gap-2 text-sm">
                  <span>
                    {a.name} {a.manual ? <span className="text-slate-600">({t("assignment.manual")})</span> : null}{" "}
                    <span className={`badge ${STATUS_BADGE[a.status]}`}>{t(`scoring.status.${a.status}`)}</span>
                  </span>
                  {a.status !== "finalized" ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="assignmentId" value={a.assignmentId} />
                      <button type="submit" className="btn-link text-sm" disabled={busy} aria-label={t("assignment.removeLabel", { name: a.name, title: s.title })}>
                        {t("assignment.remove")}
                      </button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
            {s.others.length ? (
              <Form method="post" className="flex flex-wrap items-end gap-2">
                <input type="hidden" name="intent" value="add" />
                <input type="hidden" name="submissionId" value={s.id} />
                <div className="min-w-[12rem] flex-1">
                  <label htmlFor={`add-${s.id}`} className="field-label">
                    {t("assignment.addJudge")}
                  </label>
                  <select id={`add-${s.id}`} name="judgeId" className="field-input">
                    {s.others.map((o) => (
                      <option key={o.judgeId} value={o.judgeId}>
                        {o.name}
                        {o.conflict.length ? ` — ${t("assignment.conflictOption", { reasons: reasons(o.conflict) })}` : ""}
                      </option>
                    ))}
                  </select>
                </div>
                <button type="submit" className="btn-secondary" disabled={busy}>
                  {t("assignment.add")}
                </button>
              </Form>
            ) : null}
            {s.others.length ? (
              <details>
                <summary className="btn-link cursor-pointer text-sm">{t("assignment.whyOthers")}</summary>
                <ul className="mt-2 space-y-1 text-sm">
                  {s.others.map((o) => (
                    <li key={o.judgeId}>
                      <span className="font-semibold">{o.name}:</span> {explain(o.codes, judges.find((j) => j.id === o.judgeId)?.load ?? 0)}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </article>
        ))}
      </section>
    </div>
  );
}

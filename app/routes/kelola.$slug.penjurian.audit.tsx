// The judging audit trail: every score change (who, when, before → after), assignment edit,
// conflict declaration, reminder and advancement, newest first.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "~/domain/number";
import { formatInZone, eventZone } from "~/domain/time";
import { judgingAudit, listJudgeNames } from "~/models/judging-admin.server";
import { requireOrganizer } from "~/models/event-guards.server";
import { getLanguage } from "~/services/i18n.server";

type Json = Record<string, unknown> | null;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireOrganizer(request, params.slug);
  const url = new URL(request.url);
  const judgeId = url.searchParams.get("juri") || null;
  const lang = await getLanguage(request);
  const tz = eventZone(event.timezone);
  const [log, judges] = await Promise.all([judgingAudit(event.id, { judgeId }), listJudgeNames(event.id)]);
  const changes = (before: Json, after: Json) => {
    const b = (before?.scores ?? {}) as Record<string, number>;
    const a = (after?.scores ?? {}) as Record<string, number>;
    const ids = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((id) => b[id] !== a[id]);
    const score = (n: number | undefined) => (typeof n === "number" ? formatNumber(n, lang, Number.isInteger(n) ? 0 : 2) : null);
    return ids.map((id) => ({ criterion: log.criteria[id] ?? id, before: score(b[id]), after: score(a[id]) }));
  };
  const rows = log.rows.map((r) => {
    const judgeRef = (r.after?.judgeId ?? r.before?.judgeId) as string | undefined;
    const subRef = (r.after?.submissionId ?? r.before?.submissionId) as string | undefined;
    return {
      id: r.id,
      at: formatInZone(r.at, tz, lang),
      action: r.action,
      actor: r.actorId ? (log.names[r.actorId] ?? "") : "",
      judge: judgeRef ? (log.names[judgeRef] ?? "") : null,
      submission: subRef ? (log.titles[subRef] ?? "") : null,
      version: r.entity === "judgment" ? { before: (r.before?.version as number | undefined) ?? null, after: (r.after?.version as number | undefined) ?? null } : null,
      scores: r.entity === "judgment" ? changes(r.before, r.after) : [],
      commentChanged: r.entity === "judgment" && (r.before?.comment ?? "") !== (r.after?.comment ?? ""),
      count: Array.isArray(r.after?.created) ? r.after.created.length : Array.isArray(r.after?.submissionIds) ? r.after.submissionIds.length : null,
    };
  });
  return { rows, judges: judges.map((j) => ({ id: j.userId, name: j.user.name })), judgeId };
}

export default function JudgingAudit() {
  const { t } = useTranslation();
  const { rows, judges, judgeId } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <Form method="get" className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="juri" className="field-label">
            {t("judging.audit.filterJudge")}
          </label>
          <select id="juri" name="juri" defaultValue={judgeId ?? ""} className="field-input">
            <option value="">{t("judging.audit.allJudges")}</option>
            {judges.map((j) => (
              <option key={j.id} value={j.id}>
                {j.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          {t("common.filter")}
        </button>
      </Form>
      {rows.length === 0 ? <p className="card text-slate-700">{t("judging.audit.empty")}</p> : null}
      <ol className="space-y-2">
        {rows.map((r) => (
          <li key={r.id} className="card !p-4 text-sm">
            <p className="text-slate-700">
              <time>{r.at}</time> · <span className="font-semibold text-slate-900">{r.actor || t("judging.audit.system")}</span>
            </p>
            <p className="mt-1 font-semibold">
              {t(`judging.audit.action.${r.action.replace(".", "_")}`, { defaultValue: r.action, count: r.count ?? 0 })}
              {r.submission ? ` — ${r.submission}` : ""}
              {r.judge && r.judge !== r.actor ? ` (${t("judging.audit.judge", { name: r.judge })})` : ""}
            </p>
            {r.version ? <p className="text-slate-700">{t("judging.audit.version", { before: r.version.before, after: r.version.after })}</p> : null}
            {r.scores.length ? (
              <ul className="mt-1 list-disc pl-5">
                {r.scores.map((s) => (
                  <li key={s.criterion}>
                    {s.criterion}: {s.before ?? "—"} → <strong>{s.after ?? "—"}</strong>
                  </li>
                ))}
              </ul>
            ) : null}
            {r.commentChanged ? <p className="mt-1 text-slate-700">{t("judging.audit.commentChanged")}</p> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}

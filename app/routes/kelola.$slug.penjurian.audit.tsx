// The judging audit trail: every score change (who, when, before → after), assignment edit,
// conflict declaration, reminder and advancement, newest first, optionally for one judge. The
// same records and the same reading as the event's audit page, narrowed to judging.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuditList } from "~/components/audit-list";
import { auditFormat, presentAudit } from "~/domain/audit-log";
import { eventZone } from "~/domain/time";
import { listJudgeNames } from "~/models/judging-admin.server";
import { JUDGING_ENTITIES, listAudit } from "~/models/organizer.server";
import { requireOrganizer } from "~/models/event-guards.server";
import { getLanguage, getT } from "~/services/i18n.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireOrganizer(request, params.slug);
  const url = new URL(request.url);
  const judges = await listJudgeNames(event.id);
  const asked = url.searchParams.get("juri");
  const judgeId = judges.some((j) => j.userId === asked) ? asked : null;
  const page = Math.max(1, Math.min(10_000, Number.parseInt(url.searchParams.get("halaman") ?? "1", 10) || 1));
  const [{ rows, pages, total, names }, lang, t] = await Promise.all([listAudit(event.id, { entities: JUDGING_ENTITIES, judgeId, page }), getLanguage(request), getT(request)]);
  const format = auditFormat(t, lang, eventZone(event.timezone));
  return {
    slug: event.slug,
    judges: judges.map((j) => ({ id: j.userId, name: j.user.name })),
    judgeId,
    page,
    pages,
    total,
    rows: presentAudit(rows, names, format, t("audit.system")),
  };
}

export default function JudgingAudit() {
  const { t } = useTranslation();
  const { slug, rows, judges, judgeId, page, pages, total } = useLoaderData<typeof loader>();
  const pageLink = (p: number) => `/kelola/${slug}/penjurian/audit?${new URLSearchParams({ ...(judgeId ? { juri: judgeId } : {}), halaman: String(p) })}`;
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
      <p className="text-sm text-slate-700">{t("audit.count", { count: total })}</p>
      <AuditList rows={rows} page={page} pages={pages} pageLink={pageLink} empty={t("judging.audit.empty")} />
    </div>
  );
}

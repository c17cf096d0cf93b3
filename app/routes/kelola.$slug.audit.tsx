import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageIntro } from "~/components/event-forms";
import { AuditFilter, AuditList } from "~/components/audit-list";
import { auditFormat, presentAudit } from "~/domain/audit-log";
import { eventZone } from "~/domain/time";
import { auditEntities, listAudit } from "~/models/organizer.server";
import { requireOrganizer } from "~/models/event-guards.server";
import { getLanguage, getT } from "~/services/i18n.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireOrganizer(request, params.slug);
  const url = new URL(request.url);
  const entities = await auditEntities(event.id);
  const entityParam = (url.searchParams.get("entitas") ?? "").toLowerCase();
  const chosen = entities.find((e) => e.key === entityParam);
  const page = Math.max(1, Math.min(10_000, Number.parseInt(url.searchParams.get("halaman") ?? "1", 10) || 1));
  const [{ rows, pages, total, names }, lang, t] = await Promise.all([listAudit(event.id, { entities: chosen?.values, page }), getLanguage(request), getT(request)]);
  const format = auditFormat(t, lang, eventZone(event.timezone));
  return { slug: event.slug, entities: entities.map((e) => e.key), entity: chosen?.key ?? "", page, pages, total, rows: presentAudit(rows, names, format, t("audit.system")) };
}

export default function AuditPage() {
  const { t } = useTranslation();
  const { slug, entities, entity, page, pages, total, rows } = useLoaderData<typeof loader>();
  const pageLink = (p: number) => `/kelola/${slug}/audit?${new URLSearchParams({ ...(entity ? { entitas: entity } : {}), halaman: String(p) })}`;
  return (
    <div className="space-y-5">
      <PageIntro title={t("audit.title")} intro={t("audit.intro")} />
      <AuditFilter
        name="entitas"
        label={t("audit.filter")}
        value={entity}
        all={t("audit.allEntities")}
        options={entities.map((e) => ({ value: e, label: t(`audit.entities.${e}`, { defaultValue: e }) }))}
      />
      <p className="text-sm text-slate-700">{t("audit.count", { count: total })}</p>
      <AuditList rows={rows} page={page} pages={pages} pageLink={pageLink} empty={t("audit.empty")} />
    </div>
  );
}

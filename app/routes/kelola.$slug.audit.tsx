import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageIntro } from "~/components/event-forms";
import { formatInZone, eventZone } from "~/domain/time";
import { auditEntities, listAudit } from "~/models/organizer.server";
import { requireOrganizer } from "~/models/event-guards.server";
import { getLanguage } from "~/services/i18n.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireOrganizer(request, params.slug);
  const url = new URL(request.url);
  const entities = await auditEntities(event.id);
  const entityParam = url.searchParams.get("entitas") ?? "";
  const entity = entities.includes(entityParam) ? entityParam : "";
  const page = Math.max(1, Math.min(10_000, Number.parseInt(url.searchParams.get("halaman") ?? "1", 10) || 1));
  const [{ rows, pages, total }, lang] = await Promise.all([listAudit(event.id, { entity: entity || undefined, page }), getLanguage(request)]);
  const tz = eventZone(event.timezone);
  return {
    slug: event.slug,
    entities,
    entity,
    page,
    pages,
    total,
    rows: rows.map((r) => ({
      id: r.id,
      at: formatInZone(r.at, tz, lang),
      actor: r.actor ? `${r.actor.name} (${r.actor.email})` : null,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
    })),
  };
}

function pretty(json: string | null): string {
  if (!json) return "—";
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

export default function AuditPage() {
  const { t } = useTranslation();
  const { slug, entities, entity, page, pages, total, rows } = useLoaderData<typeof loader>();
  const pageLink = (p: number) => `/kelola/${slug}/audit?${new URLSearchParams({ ...(entity ? { entitas: entity } : {}), halaman: String(p) })}`;
  return (
    <div className="space-y-5">
      <PageIntro title={t("audit.title")} intro={t("audit.intro")} />
      <Form method="get" className="card flex flex-wrap items-end gap-2">
        <div className="min-w-[12rem] flex-1">
          <label htmlFor="entitas" className="field-label">
            {t("audit.filter")}
          </label>
          <select id="entitas" name="entitas" defaultValue={entity} className="field-input">
            <option value="">{t("audit.allEntities")}</option>
            {entities.map((e) => (
              <option key={e} value={e}>
                {t(`audit.entities.${e}`, { defaultValue: e })}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          {t("common.filter")}
        </button>
      </Form>
      <p className="text-sm text-slate-700">{t("audit.count", { count: total })}</p>
      <ol className="space-y-3">
        {rows.map((r) => (
          <li key={r.id} className="card !p-4">
            <p className="font-semibold">{t(`audit.actions.${r.action}`, { defaultValue: r.action })}</p>
            <p className="text-sm text-slate-700">
              {r.at} · {r.actor ?? t("audit.system")}
            </p>
            <details className="mt-2">
              <summary className="cursor-pointer text-sm font-semibold text-brand-700">{t("audit.details")}</summary>
              <p className="mt-2 text-xs text-slate-600">
                {t(`audit.entities.${r.entity}`, { defaultValue: r.entity })} · {r.entityId}
              </p>
              <div className="mt-2 grid gap-2 sm:grid-cols-2">
                <div>
                  <p className="text-sm font-semibold">{t("audit.before")}</p>
                  <pre className="overflow-x-auto whitespace-pre-wrap break-all rounded bg-slate-100 p-2 text-xs">{pretty(r.before)}</pre>
                </div>
                <div>
                  <p className="text-sm font-semibold">{t("audit.after")}</p>
                  <pre className="overflow-x-auto whitespace-pre-wrap break-all rounded bg-slate-100 p-2 text-xs">{pretty(r.after)}</pre>
                </div>
              </div>
            </details>
          </li>
        ))}
      </ol>
      {pages > 1 ? (
        <nav aria-label={t("audit.pagination")} className="flex items-center justify-between gap-2">
          {page > 1 ? (
            <Link to={pageLink(page - 1)} className="btn-secondary">
              {t("audit.newer")}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-sm text-slate-700">{t("audit.page", { page, pages })}</span>
          {page < pages ? (
            <Link to={pageLink(page + 1)} className="btn-secondary">
              {t("audit.older")}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}

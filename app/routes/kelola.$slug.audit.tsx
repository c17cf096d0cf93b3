import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageIntro } from "~/components/event-forms";
import { describeAudit, renderAudit, type AuditFormat } from "~/domain/audit-log";
import { formatNumber } from "~/domain/number";
import { formatInZone, eventZone } from "~/domain/time";
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
  const tz = eventZone(event.timezone);
  const format: AuditFormat = {
    t: (key, options) => t(key, options ?? {}),
    number: (n) => formatNumber(n, lang, Number.isInteger(n) ? 0 : 2),
    date: (iso) => formatInZone(new Date(iso), tz, lang),
  };
  return {
    slug: event.slug,
    entities: entities.map((e) => e.key),
    entity: chosen?.key ?? "",
    page,
    pages,
    total,
    rows: rows.map((r) => ({
      id: r.id,
      at: formatInZone(r.at, tz, lang),
      actor: r.actor?.email ?? null,
      action: r.action,
      entity: r.entity.toLowerCase(),
      entityId: r.entityId,
      ...renderAudit(describeAudit(r, names), r.actor?.name ?? t("audit.system"), format),
      before: r.rawBefore,
      after: r.rawAfter,
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
            <p className="break-words font-semibold">{r.sentence}</p>
            <p className="text-sm text-slate-700">
              <time>{r.at}</time>
              {r.actor ? ` · ${r.actor}` : null}
            </p>
            {r.changes.length ? (
              <ul className="mt-2 space-y-1 text-sm">
                {r.changes.map((c, i) => (
                  <li key={i} className="break-words">
                    <span className="font-semibold">{c.field}:</span>{" "}
                    {c.before !== null && c.after !== null ? (
                      <>
                        {c.before} <span aria-hidden="true">→</span>
                        <span className="sr-only">{t("audit.becomes")}</span> <strong>{c.after}</strong>
                      </>
                    ) : c.after !== null ? (
                      c.after
                    ) : (
                      <del>{c.before}</del>
                    )}
                  </li>
                ))}
              </ul>
            ) : null}
            <details className="mt-2">
              <summary className="cursor-pointer text-sm font-semibold text-brand-700">{t("audit.details")}</summary>
              <p className="mt-2 break-all text-xs text-slate-600">
                {r.action} · {t(`audit.entities.${r.entity}`, { defaultValue: r.entity })} · {r.entityId}
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

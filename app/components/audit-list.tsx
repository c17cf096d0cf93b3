// The audit log as organizers read it, on the event's audit page and the judging trail alike: one
// card per record (sentence, time, who, each change as before → after, the raw record folded away)
// and paging, newest first.
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { AuditRow } from "~/domain/audit-log";
import { FilterSelect } from "./forms";

function pretty(json: string | null): string {
  if (!json) return "—";
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

export function AuditList({ rows, page, pages, pageLink, empty }: { rows: AuditRow[]; page: number; pages: number; pageLink: (page: number) => string; empty: string }) {
  const { t } = useTranslation();
  return (
    <>
      {rows.length === 0 ? <p className="card text-slate-700">{empty}</p> : null}
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
    </>
  );
}

/** The one filter above a list of records: a select sent as a GET parameter. */
export function AuditFilter({ name, label, value, all, options }: { name: string; label: string; value: string; all: string; options: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  return (
    <Form method="get" className="card flex flex-wrap items-end gap-2">
      <div className="min-w-[12rem] flex-1">
        <FilterSelect name={name} label={label} value={value} options={options} all={all} />
      </div>
      <button type="submit" className="btn-secondary">
        {t("common.filter")}
      </button>
    </Form>
  );
}

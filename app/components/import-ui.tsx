// The organizer's import pages (judges, teams): template links, the upload form, what went wrong
// with a file, how it was read, every row's verdict and the confirmation form. Phone first: rows
// stack as cards under 640 px and become a table above.
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { columnHeader, columnsOf, type FileFacts, type ImportKind, type Issue, type JudgePreview, type Preview, type TeamPreview, type Verdict } from "~/domain/import";
import { FormAlert } from "./forms";

function useColumnName(kind: ImportKind) {
  const { i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "id";
  return (key: string | undefined) => (key === undefined ? "" : columnHeader(kind, key, lang));
}

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

export function TemplateCard({ kind, base, pools }: { kind: ImportKind; base: string; pools: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "id";
  const columns = columnsOf(kind);
  return (
    <section className="card space-y-3" aria-labelledby="template-title">
      <h3 id="template-title" className="text-lg font-bold">
        {t("import.template.title")}
      </h3>
      <p className="text-slate-700">{t("import.template.intro", { what: t(kind === "judges" ? "import.template.judgeWhat" : "import.template.teamWhat") })}</p>
      <div className="flex flex-wrap gap-2">
        <a href={`${base}/templat?format=xlsx`} className="btn-secondary" download>
          {t("import.template.xlsx")}
        </a>
        <a href={`${base}/templat?format=csv`} className="btn-secondary" download>
          {t("import.template.csv")}
        </a>
      </div>
      <p className="text-sm text-slate-700">{t("import.template.excelHint")}</p>
      <details>
        <summary className="cursor-pointer text-sm font-semibold text-brand-700">{t("import.template.columns")}</summary>
        <dl className="mt-2 space-y-2 text-sm">
          {columns.map((c) => (
            <div key={c.key}>
              <dt className="font-semibold">
                {c[lang]} <span className="font-normal text-slate-600">({c.required || (c.key === "pool" && pools) ? t("import.template.yes") : t("import.template.no")})</span>
              </dt>
              <dd className="text-slate-700">{t(`import.template.notes.${kind}.${c.key}`)}</dd>
            </div>
          ))}
        </dl>
      </details>
    </section>
  );
}

/** The upload form; `error` is the server's message (made by `msg`) about the last file sent. */
export function UploadForm({ maxBytes, maxRows, error, busy }: { maxBytes: number; maxRows: number; error?: string; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="upload-title">
      <Form method="post" encType="multipart/form-data" className="space-y-2">
        <input type="hidden" name="intent" value="preview" />
        <label id="upload-title" htmlFor="import-file" className="field-label">
          {t("import.upload.label")}
        </label>
        <input
          id="import-file"
          name="file"
          type="file"
          required
          accept=".csv,.xlsx,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby="import-file-hint"
          aria-invalid={error ? true : undefined}
          className="field-input file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1 file:font-semibold"
        />
        <p id="import-file-hint" className="field-hint">
          {t("import.upload.hint", { size: megabytes(maxBytes), rows: maxRows })}
        </p>
        {error ? <FormAlert errors={[error]} /> : null}
        <button type="submit" className="btn-primary" disabled={busy}>
          {t("import.upload.submit")}
        </button>
      </Form>
    </section>
  );
}

function FileNotes({ facts }: { facts: FileFacts }) {
  const { t } = useTranslation();
  const delimiter = facts.delimiter === ";" ? "semicolon" : facts.delimiter === "\t" ? "tab" : "comma";
  const notes = [
    facts.format === "xlsx" ? t("import.notes.xlsx") : t("import.notes.csv", { delimiter: t(`import.notes.delimiters.${delimiter}`) }),
    facts.encoding === "windows-1252" ? t("import.notes.windows1252") : null,
    facts.encoding === "utf-16" ? t("import.notes.utf16") : null,
    facts.emptyRows ? t("import.notes.emptyRows", { count: facts.emptyRows }) : null,
    facts.ignoredColumns.length ? t("import.notes.ignoredColumns", { columns: facts.ignoredColumns.join(", ") }) : null,
  ].filter((n): n is string => Boolean(n));
  return (
    <div className="text-sm text-slate-700">
      <p className="font-semibold">{t("import.notes.title")}</p>
      <ul className="list-disc pl-5">
        {notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </div>
  );
}

const VERDICT_STYLE: Record<Verdict, string> = {
  ready: "bg-green-100 text-green-900",
  skipped: "bg-slate-200 text-slate-800",
  error: "bg-red-100 text-red-900",
};

function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation();
  return <span className={`badge ${VERDICT_STYLE[verdict]}`}>{t(`import.preview.verdict.${verdict}`)}</span>;
}

function Issues({ kind, issues, className = "" }: { kind: ImportKind; issues: readonly Issue[]; className?: string }) {
  const { t } = useTranslation();
  const name = useColumnName(kind);
  if (!issues.length) return null;
  return (
    <ul className={`space-y-0.5 ${className}`}>
      {issues.map((issue, i) => {
        const params = { ...issue.params, column: name(issue.column) };
        const serious = !["alreadyJudge", "alreadyInvited", "teamExists", "belowMin"].includes(issue.code);
        return (
          <li key={i} className={serious ? "text-red-800" : "text-slate-700"}>
            {t(`import.issues.${issue.code}`, params)}
          </li>
        );
      })}
    </ul>
  );
}

type ViewProps<P> = { preview: Preview<P>; changed: boolean; busy: boolean };

/**
 * The preview's heading, notes and the form that confirms it. `ready` and `errors` count what the
 * confirmation writes and what it leaves out: rows for judges, teams for teams.
 */
function PreviewFrame({ preview, changed, busy, ready, errors, children }: ViewProps<JudgePreview | TeamPreview> & { ready: number; errors: number; children: ReactNode }) {
  const { t } = useTranslation();
  const { kind } = preview;
  return (
    <section className="space-y-4" aria-labelledby="preview-title">
      <h3 id="preview-title" className="text-xl font-bold">
        {t("import.preview.title")}
      </h3>
      {changed ? <FormAlert errors={["import.preview.changed"]} /> : null}
      <p className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm font-medium text-amber-900">{t("import.preview.nothingSaved")}</p>
      <p className="text-lg font-semibold" role="status">
        {t(`import.${kind}.summary`, preview.result.counts)}
      </p>
      <FileNotes facts={preview.facts} />
      {children}
      <Form method="post" encType="multipart/form-data" className="card space-y-3">
        <input type="hidden" name="intent" value="confirm" />
        <input type="hidden" name="payload" value={preview.payload} />
        <input type="hidden" name="digest" value={preview.digest} />
        {ready > 0 ? <p className="text-sm text-slate-700">{t(`import.${kind}.confirmHint`)}</p> : <p className="text-sm font-medium text-red-800">{t("import.preview.none")}</p>}
        {errors > 0 && ready > 0 ? <p className="text-sm text-slate-700">{t("import.preview.leftOut")}</p> : null}
        <button type="submit" className="btn-primary w-full sm:w-auto" disabled={busy || ready === 0}>
          {t(`import.${kind}.confirm`, { count: ready })}
        </button>
      </Form>
    </section>
  );
}

export function JudgePreviewView(props: ViewProps<JudgePreview>) {
  const { t } = useTranslation();
  const { rows, counts } = props.preview.result;
  return (
    <PreviewFrame {...props} ready={counts.ready} errors={counts.errors}>
      <table className="w-full text-sm">
        <thead className="hidden border-b border-slate-300 text-left sm:table-header-group">
          <tr>
            <th scope="col" className="px-2 py-2">
              {t("import.preview.line")}
            </th>
            <th scope="col" className="px-2 py-2">
              {t("import.preview.status")}
            </th>
            <th scope="col" className="px-2 py-2">
              {t("import.preview.data")}
            </th>
            <th scope="col" className="px-2 py-2">
              {t("import.preview.result")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.line} className={`block border-b border-slate-200 py-2 sm:table-row ${r.verdict === "error" ? "bg-red-50/50" : ""}`}>
              <td className="inline-block pr-2 font-mono tabular-nums text-slate-600 sm:table-cell sm:px-2 sm:py-2 sm:align-top">
                <span className="sm:hidden">{t("import.preview.line")} </span>
                {r.line}
              </td>
              <td className="inline-block sm:table-cell sm:px-2 sm:py-2 sm:align-top">
                <VerdictBadge verdict={r.verdict} />
              </td>
              <td className="block min-w-0 sm:table-cell sm:px-2 sm:py-2 sm:align-top">
                <p className="font-medium">{r.name || "—"}</p>
                <p className="break-all text-slate-700">{r.email || "—"}</p>
                <p className="text-slate-700">{[r.regionName ?? r.region, r.kim, r.institution].filter(Boolean).join(" · ")}</p>
              </td>
              <td className="block sm:table-cell sm:px-2 sm:py-2 sm:align-top">
                {r.issues.length ? <Issues kind="judges" issues={r.issues} /> : <span className="hidden text-green-800 sm:inline">{t("import.preview.ok")}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </PreviewFrame>
  );
}

export function TeamPreviewView(props: ViewProps<TeamPreview>) {
  const { t } = useTranslation();
  const { teams, counts } = props.preview.result;
  return (
    <PreviewFrame {...props} ready={counts.teamsReady} errors={counts.teamsWithErrors}>
      <ol className="space-y-3">
        {teams.map((team, i) => (
          <li key={`${team.name}-${i}`} className={`card space-y-2 ${team.verdict === "error" ? "border-red-300" : ""}`}>
            <div className="flex flex-wrap items-center gap-2">
              <VerdictBadge verdict={team.verdict} />
              <h4 className="font-bold">{team.name || t("import.teams.noTeamName")}</h4>
            </div>
            <p className="text-sm text-slate-700">{[team.trackName ?? team.track, team.regionName ?? team.region, team.kimName, team.institution].filter(Boolean).join(" · ")}</p>
            <Issues kind="teams" issues={[...team.issues, ...team.notes]} className="text-sm" />
            <ul className="divide-y divide-slate-200 text-sm" aria-label={t("import.teams.members")}>
              {team.members.map((m) => (
                <li key={m.line} className="flex flex-wrap gap-x-3 gap-y-0.5 py-2">
                  <span className="font-mono tabular-nums text-slate-600">
                    {t("import.preview.line")} {m.line}
                  </span>
                  <span className="font-medium">
                    {m.name || "—"}
                    {m.captain ? <span className="badge ml-1 bg-brand-100 text-brand-900">{t("import.teams.captain")}</span> : null}
                  </span>
                  <span className="min-w-0 break-all text-slate-700">{m.email || "—"}</span>
                  {m.whatsapp || m.whatsappText ? <span className="text-slate-700">{m.whatsapp ?? m.whatsappText}</span> : null}
                  {m.poolLabel ? <span className="text-slate-700">{m.poolLabel}</span> : null}
                  {m.issues.length && m.issues[0]?.code !== "teamExists" ? <Issues kind="teams" issues={m.issues} className="basis-full" /> : null}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </PreviewFrame>
  );
}

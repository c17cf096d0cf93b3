// The import templates: the header row in the reader's language (both languages are read back),
// as CSV or as XLSX with Text-formatted columns and a second sheet explaining each column and
// listing the event's regions (with their codes), tracks and pools.
import { toCsv, type Cell } from "~/domain/csv";
import { columnsOf, templateHeader, type ImportKind } from "~/domain/import";
import { fileResponse } from "./storage.server";
import { buildXlsx } from "./xlsx.server";

type T = (key: string, options?: Record<string, unknown>) => string;

export type TemplateLists = { regions: { name: string; code: string | null }[]; tracks: { name: string }[]; pools: { key: string; label: string; quota: number }[] };

const WIDTHS: Record<ImportKind, number[]> = {
  judges: [28, 32, 30, 24, 24],
  teams: [24, 20, 22, 22, 26, 26, 30, 18, 16],
};

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function helpRows(kind: ImportKind, lang: "id" | "en", t: T, lists: TemplateLists): Cell[][] {
  const rows: Cell[][] = [[t("import.template.helpColumn"), t("import.template.helpRequired"), t("import.template.helpNote")]];
  for (const c of columnsOf(kind)) {
    const required = c.required || (c.key === "pool" && lists.pools.length > 0);
    rows.push([c[lang], t(required ? "import.template.yes" : "import.template.no"), t(`import.template.notes.${kind}.${c.key}`)]);
  }
  rows.push([], [t("import.template.regions")], ...lists.regions.map((r) => [r.name, r.code ?? ""]));
  if (kind === "teams" && lists.tracks.length) rows.push([], [t("import.template.tracks")], ...lists.tracks.map((tr) => [tr.name]));
  if (kind === "teams" && lists.pools.length) rows.push([], [t("import.template.pools")], ...lists.pools.map((p) => [p.key, p.label, p.quota]));
  return rows;
}

/** The template as a download: `format` csv or xlsx, named in the reader's language. */
export async function templateResponse(kind: ImportKind, format: "csv" | "xlsx", lang: "id" | "en", t: T, lists: TemplateLists): Promise<Response> {
  const header = templateHeader(kind, lang);
  const base = t(`import.template.file.${kind}`);
  if (format === "csv") return fileResponse(Buffer.from(toCsv([header]), "utf8"), { filename: `${base}.csv`, mime: "text/csv; charset=utf-8" });
  const bytes = await buildXlsx([
    { name: t(`import.template.sheet.${kind}`), rows: [header], template: { widths: WIDTHS[kind] } },
    { name: t("import.template.help"), rows: helpRows(kind, lang, t, lists), template: { widths: [30, 16, 90] } },
  ]);
  return fileResponse(Buffer.from(bytes), { filename: `${base}.xlsx`, mime: XLSX_MIME });
}

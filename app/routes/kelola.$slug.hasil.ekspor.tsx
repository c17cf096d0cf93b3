// CSV (one table) or XLSX (every table as a sheet) for organizers.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { toCsv } from "~/domain/csv";
import { EXPORT_TABLES, type ExportTable, exportTable } from "~/models/export.server";
import { requireOrganizer } from "~/models/event-guards.server";
import { recordExport } from "~/models/personal-access.server";
import { fileResponse } from "~/services/storage.server";
import { buildXlsx } from "~/services/xlsx.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, user } = await requireOrganizer(request, params.slug);
  const url = new URL(request.url);
  const format = url.searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  const asked = url.searchParams.get("data");
  const table = (EXPORT_TABLES as readonly string[]).includes(asked ?? "") ? (asked as ExportTable) : null;
  if (format === "csv") {
    if (!table) return new Response("Unknown table", { status: 400 });
    const t = await exportTable(event, table);
    await recordExport(event.id, user.id, table, "csv", Math.max(0, t.rows.length - 1));
    return fileResponse(Buffer.from(toCsv(t.rows), "utf8"), { filename: `${event.slug}-${table}.csv`, mime: "text/csv; charset=utf-8" });
  }
  const tables = await Promise.all((table ? [table] : EXPORT_TABLES).map((n) => exportTable(event, n)));
  const bytes = await buildXlsx(tables.map((t) => ({ name: t.name, rows: t.rows })));
  const rows = tables.reduce((n, t) => n + Math.max(0, t.rows.length - 1), 0);
  await recordExport(event.id, user.id, table ?? "workbook", "xlsx", rows);
  return fileResponse(Buffer.from(bytes), {
    filename: `${event.slug}${table ? `-${table}` : ""}.xlsx`,
    mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
}

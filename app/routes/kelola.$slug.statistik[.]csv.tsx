// Every figure of the statistics page as one CSV (section, item, code, measure, value), for the
// event's organizers; the download is recorded in the audit log (it names the judges).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { toCsv } from "~/domain/csv";
import { statisticsCsvRows } from "~/domain/statistics";
import { requireOrganizer } from "~/models/event-guards.server";
import { recordExport } from "~/models/personal-access.server";
import { eventStatistics } from "~/models/statistics.server";
import { getT } from "~/services/i18n.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, user } = await requireOrganizer(request, params.slug);
  const t = await getT(request);
  const stats = await eventStatistics(event, new Date(), { noRegion: t("statistics.regions.noRegion"), noPool: t("statistics.pools.noPool") });
  const rows = statisticsCsvRows(stats, { stage: (s) => t(`statistics.funnel.stage.${s}`), overall: t("statistics.csv.overall") });
  await recordExport(event.id, user.id, "statistics", "csv", rows.length - 1);
  return new Response(toCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="statistik-${event.slug}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

// CSV export of the event's teams and members, for the organizer's spreadsheet.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordExport } from "~/models/personal-access.server";
import { exportTeamsCsv } from "~/models/screening.server";
import { listPools } from "~/models/structure.server";
import { requireOrganizer } from "~/models/event-guards.server";
import { getT } from "~/services/i18n.server";

const COLUMNS = ["team", "kimName", "region", "institution", "track", "status", "reason", "complete", "size", "video", "registeredAt", "member", "role", "pool", "email", "whatsapp"];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, user } = await requireOrganizer(request, params.slug);
  const t = await getT(request);
  const pools = await listPools(event.id);
  const csv = await exportTeamsCsv(
    { ...event, pools },
    {
      headers: COLUMNS.map((c) => t(`screening.csv.${c}`)),
      status: { PENDING: t("team.status.PENDING"), ACCEPTED: t("team.status.ACCEPTED"), REJECTED: t("team.status.REJECTED") },
      role: { CAPTAIN: t("team.role.CAPTAIN"), MEMBER: t("team.role.MEMBER") },
      yes: t("common.yes"),
      no: t("common.no"),
    },
  );
  await recordExport(event.id, user.id, "teams", "csv", csv.rows);
  return new Response(csv.text, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="tim-${event.slug}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

// CSV export of the organizer's submission list, with the same filters as the page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { toCsv } from "~/domain/csv";
import { formatInZone } from "~/domain/time";
import { listForOrganizer } from "~/models/submission-list.server";
import { eventZone } from "~/domain/time";
import { env } from "~/services/env.server";
import { requireOrganizer } from "~/models/event-guards.server";
import { recordExport } from "~/models/personal-access.server";
import { getLanguage, getT } from "~/services/i18n.server";
import { parseFilters } from "~/validation/submission";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, user } = await requireOrganizer(request, params.slug);
  const [t, lang] = await Promise.all([getT(request), getLanguage(request)]);
  const tz = eventZone(event.timezone);
  const rows = await listForOrganizer(event, parseFilters(new URL(request.url).searchParams));
  const at = (d: Date | null) => (d ? formatInZone(d, tz, lang) : "");
  const columns = [
    "team",
    "kim",
    "region",
    "track",
    "title",
    "tagline",
    "status",
    "firstSubmittedAt",
    "submittedAt",
    "late",
    "extensionUntil",
    "revisions",
    "attachments",
    "missing",
    "repoUrl",
    "demoUrl",
    "videoUrl",
    "link",
  ] as const;
  const csv = toCsv([
    columns.map((c) => t(`submission.csv.${c}`)),
    ...rows.map((r) => [
      r.teamName,
      r.kimName,
      r.regionName,
      r.trackName,
      r.title,
      r.tagline,
      t(`submission.status.${r.status}`),
      at(r.firstSubmittedAt),
      at(r.submittedAt),
      r.late ? t("common.yes") : t("common.no"),
      at(r.extensionUntil),
      r.revisions,
      r.attachments,
      r.status === "NONE" ? "" : r.missing.map((m) => t(`submission.missing.${m}`)).join("; "),
      r.repoUrl,
      r.demoUrl,
      r.videoUrl,
      r.submissionId ? `${env().APP_URL}/kelola/${event.slug}/karya/${r.submissionId}` : "",
    ]),
  ]);
  await recordExport(event.id, user.id, "submissionList", "csv", rows.length);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="karya-${event.slug}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

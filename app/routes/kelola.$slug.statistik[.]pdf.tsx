// The one-page statistics report (PDF) for the office's records: key figures, the funnel, member
// groups, judging and the table per kabupaten/kota, titled with the event and the time it was made
// in the event's zone. Counts only: no one is named.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { formatDecimal, formatNumber } from "~/domain/number";
import { eventZone, formatInZone } from "~/domain/time";
import { requireOrganizer } from "~/models/event-guards.server";
import { eventStatistics } from "~/models/statistics.server";
import { env } from "~/services/env.server";
import { getLanguage, getT } from "~/services/i18n.server";
import { statisticsPdf } from "~/services/statistics-pdf.server";
import { fileResponse } from "~/services/storage.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireOrganizer(request, params.slug);
  const [t, lang] = await Promise.all([getT(request), getLanguage(request)]);
  const now = new Date();
  const s = await eventStatistics(event, now, { noRegion: t("statistics.regions.noRegion"), noPool: t("statistics.pools.noPool") });
  const int = (n: number) => formatNumber(n, lang, 0);
  const percent = (share: number | null) => (share === null ? "—" : `${formatDecimal(share * 100, lang, 1)}%`);
  const largest = Math.max(0, ...s.funnel.map((f) => f.count ?? 0));
  const bytes = await statisticsPdf({
    title: t("statistics.pdf.title"),
    eventName: event.name,
    generated: t("statistics.pdf.generated", { at: formatInZone(now, eventZone(event.timezone), lang) }),
    keyFigures: [
      { label: t("statistics.totals.teams"), value: int(s.totals.teams) },
      { label: t("statistics.totals.accepted"), value: int(s.totals.accepted) },
      { label: t("statistics.totals.people"), value: int(s.totals.people) },
      { label: t("statistics.totals.regions"), value: t("statistics.totals.regionsValue", { reached: int(s.totals.regionsReached), total: int(s.totals.regions) }) },
    ],
    funnelTitle: t("statistics.pdf.funnel"),
    funnel: s.funnel.map((f) => ({
      label: t(`statistics.funnel.stage.${f.stage}`),
      value: f.count === null ? t("statistics.funnel.notYet") : `${int(f.count)} · ${percent(f.share)}`,
      ratio: f.count === null || largest === 0 ? 0 : f.count / largest,
    })),
    note: t("statistics.funnel.note"),
    poolsTitle: t("statistics.pdf.pools"),
    pools: s.pools.map((p) => ({ label: p.label, value: t("statistics.pdf.poolValue", { people: int(p.people), teams: int(p.teams) }) })),
    judging: s.judging.total
      ? {
          title: t("statistics.judging.title"),
          value: t("statistics.judging.overall", { final: int(s.judging.final), total: int(s.judging.total), share: percent(s.judging.final / s.judging.total) }),
        }
      : null,
    regionsTitle: t("statistics.pdf.regions"),
    regionHead: [t("statistics.regions.region"), t("statistics.regions.teams"), t("statistics.regions.people")],
    regions: s.regions.map((r) => ({ name: r.name, teams: int(r.teams), people: int(r.people) })),
    more: (count) => t("statistics.pdf.more", { regions: int(count) }),
    source: t("statistics.pdf.source", { url: `${env().APP_URL.replace(/\/$/, "")}/acara/${event.slug}` }),
  });
  return fileResponse(Buffer.from(bytes), { filename: `statistik-${event.slug}.pdf`, mime: "application/pdf" });
}

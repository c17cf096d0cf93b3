// The public statistics of an event: counts only (registrations, the funnel, teams and people per
// kabupaten/kota, member groups), no one's name. There only when the organizers switched it on,
// the event is public and its results are published; 404 otherwise.
import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageTitle } from "~/components/page-title";
import { KeyFigures, StatisticsSections } from "~/components/statistics";
import { dayLabels, publicStatistics } from "~/domain/statistics";
import { eventZone, zoneAbbreviation } from "~/domain/time";
import { eventContext } from "~/models/event-guards.server";
import { eventStatistics } from "~/models/statistics.server";
import { notFound } from "~/services/guards.server";
import { getLanguage, getT } from "~/services/i18n.server";
import { PageHeading } from "~/components/page-heading";

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => [
  { title: d?.event.name ? pageTitle(matches, "eventStatistics", { event: d.event.name }) : pageTitle(matches, "statistics") },
];

// A signed-in visitor's page carries their name in the header: only anonymous pages may be shared.
export const headers: HeadersFunction = ({ loaderHeaders }) => ({
  "Cache-Control": loaderHeaders.get("Cache-Control") ?? "private, no-cache",
  Vary: "Cookie",
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await eventContext(request, params.slug);
  if (!context || !context.event.isPublic || !context.event.statisticsPublic) throw notFound();
  const { event, user } = context;
  const [t, lang] = await Promise.all([getT(request), getLanguage(request)]);
  const stats = await eventStatistics(event, new Date(), { noRegion: t("statistics.regions.noRegion"), noPool: t("statistics.pools.noPool") });
  if (!stats.published) throw notFound();
  const tz = eventZone(event.timezone);
  return data(
    {
      event: { name: event.name, slug: event.slug },
      zone: zoneAbbreviation(tz),
      stats: publicStatistics(stats),
      days: dayLabels(
        stats.perDay.map((d) => d.day),
        tz,
        lang,
      ),
    },
    { headers: { "Cache-Control": user ? "private, max-age=60" : "public, max-age=60, stale-while-revalidate=300" } },
  );
}

export default function PublicStatistics() {
  const { t } = useTranslation();
  const { event, zone, stats, days } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeading trail={[{ to: `/acara/${event.slug}`, label: event.name }]} title={t("statistics.title")}>
        <p className="mt-1 text-slate-700">{t("statistics.publicIntro", { zone })}</p>
      </PageHeading>
      <KeyFigures totals={stats.totals} />
      <StatisticsSections stats={stats} days={days} showAccepted={false} level={2} />
    </div>
  );
}

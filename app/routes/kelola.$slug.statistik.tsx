// The event's statistics for its organizers: registrations per day, the funnel, teams and people per
// kabupaten/kota (tile map and table), member groups and judging progress; CSV and a one-page PDF;
// and the switch that shows an aggregate version to the public once results are published.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageIntro } from "~/components/event-forms";
import { FormAlert } from "~/components/forms";
import { pageTitle, parentData } from "~/components/page-title";
import { JudgingProgress, KeyFigures, Section, StatisticsSections } from "~/components/statistics";
import { dayLabels } from "~/domain/statistics";
import { eventZone, zoneAbbreviation } from "~/domain/time";
import { requireOrganizer } from "~/models/event-guards.server";
import { eventStatistics, setStatisticsPublic } from "~/models/statistics.server";
import { safeParseKnownFields } from "~/services/forms.server";
import { getLanguage, getT } from "~/services/i18n.server";
import { fieldError, saved } from "~/services/organizer-actions.server";
import { statisticsSwitchSchema } from "~/validation/statistics";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "manageStatistics", { event: parentData<{ event: { name: string } }>(matches, "routes/kelola.$slug")?.event.name ?? "" }) },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireOrganizer(request, params.slug);
  const [t, lang] = await Promise.all([getT(request), getLanguage(request)]);
  const stats = await eventStatistics(event, new Date(), { noRegion: t("statistics.regions.noRegion"), noPool: t("statistics.pools.noPool") });
  const tz = eventZone(event.timezone);
  const on = Boolean(event.statisticsPublic);
  return {
    slug: event.slug,
    zone: zoneAbbreviation(tz),
    stats,
    days: dayLabels(
      stats.perDay.map((d) => d.day),
      tz,
      lang,
    ),
    publicPage: { on, state: !on ? "off" : !event.isPublic ? "private" : stats.published ? "live" : "waiting" } as const,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { event, user } = await requireOrganizer(request, params.slug);
  const parsed = safeParseKnownFields(await request.formData(), statisticsSwitchSchema);
  if (!parsed.success) return fieldError("public", "", parsed.error.issues[0]?.message ?? "validation.invalid");
  await setStatisticsPublic(event.id, parsed.data.on === "1", user.id);
  return saved(`/kelola/${event.slug}/statistik`, parsed.data.on === "1" ? "on" : "off");
}

export default function StatisticsPage() {
  const { t } = useTranslation();
  const { slug, zone, stats, days, publicPage } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const [params] = useSearchParams();
  const notice = params.get("tersimpan");
  const errors = reply && "result" in reply ? Object.values(reply.result.error).flat() : [];
  const path = `/acara/${slug}/statistik`;
  return (
    <div className="space-y-6">
      <PageIntro title={t("statistics.title")} intro={t("statistics.intro", { zone })} />
      <div className="flex flex-wrap gap-2">
        <a href={`/kelola/${slug}/statistik.csv`} className="btn-secondary" download>
          {t("statistics.download.csv")}
        </a>
        <a href={`/kelola/${slug}/statistik.pdf`} className="btn-secondary" download>
          {t("statistics.download.pdf")}
        </a>
      </div>
      {notice === "on" || notice === "off" ? <FormAlert tone="success" errors={[`statistics.public.saved.${notice}`]} /> : null}
      <FormAlert errors={errors} />
      <KeyFigures totals={stats.totals} />
      <StatisticsSections stats={stats} days={days} />
      <Section id="statistik-juri" title={t("statistics.judging.title")}>
        <JudgingProgress judging={stats.judging} rounds={stats.rounds} judges={stats.judges} />
      </Section>
      <Section id="statistik-publik" title={t("statistics.public.title")}>
        <p className="text-slate-700">{t("statistics.public.explain", { path })}</p>
        <p className="font-semibold">{t(`statistics.public.${publicPage.state}`)}</p>
        <div className="flex flex-wrap gap-2">
          <Form method="post" className="w-full sm:w-auto">
            <input type="hidden" name="on" value={publicPage.on ? "0" : "1"} />
            <button type="submit" className={`${publicPage.on ? "btn-secondary" : "btn-primary"} w-full sm:w-auto`} disabled={busy}>
              {publicPage.on ? t("statistics.public.hide") : t("statistics.public.show")}
            </button>
          </Form>
          {publicPage.state === "live" ? (
            <Link to={path} className="btn-secondary w-full sm:w-auto">
              {t("statistics.public.open")}
            </Link>
          ) : null}
        </div>
      </Section>
    </div>
  );
}

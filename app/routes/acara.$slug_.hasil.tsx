// Public results: rendered from the frozen publication document only (never live data).
import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PlaceCell, useFormatNumber } from "~/components/results";
import { Pager } from "~/components/results-table";
import { formatInZone, eventZone } from "~/domain/time";
import { announcementsForViewer } from "~/models/announcement.server";
import { publicLeaderboard } from "~/models/leaderboard.server";
import { notFound } from "~/services/guards.server";
import { getLanguage } from "~/services/i18n.server";
import { renderMarkdown } from "~/services/markdown.server";
import { getUser } from "~/services/session.server";
import { leaderboardQuerySchema } from "~/validation/results";
import { pageTitle } from "~/components/page-title";
import { PageHeading } from "~/components/page-heading";
import { useSearchLink } from "~/components/search-link";
import { FilterSelect } from "~/components/forms";
import { Card } from "~/components/card";

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => [{ title: d?.event.name ? pageTitle(matches, "eventResults", { event: d.event.name }) : pageTitle(matches, "results") }];

// The document never changes; a signed-in visitor's page carries their name in the header, so
// only anonymous pages may sit in shared caches.
export const headers: HeadersFunction = ({ loaderHeaders }) => ({
  "Cache-Control": loaderHeaders.get("Cache-Control") ?? "private, no-cache",
  Vary: "Cookie",
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const query = leaderboardQuerySchema.parse(Object.fromEntries(url.searchParams));
  const [published, lang, user] = await Promise.all([
    publicLeaderboard(params.slug ?? "", { track: query.bidang, region: query.wilayah, page: query.halaman }),
    getLanguage(request),
    getUser(request),
  ]);
  if (!published?.board || !published.publication || !published.event.isPublic) throw notFound();
  const { event, board, publication } = published;
  const tz = eventZone(event.timezone);
  const announcements = await announcementsForViewer(event.id, user, 5);
  return data(
    {
      event: { name: event.name, slug: event.slug, statistics: event.statisticsPublic },
      publication: {
        id: publication.id,
        sha256: publication.sha256,
        publishedAt: formatInZone(publication.publishedAt, tz, lang),
        method: board.method,
        correction: publication.supersedesId ? { previousId: publication.supersedesId, reason: publication.correctionReason ?? "" } : null,
      },
      filters: { track: query.bidang, region: query.wilayah, tracks: board.tracks, regions: board.regions },
      rows: board.rows,
      paging: { matching: board.matching, page: board.page, pages: board.pages, offset: board.offset },
      awards: board.awards,
      votes: board.votes,
      announcements: announcements.map((a) => ({ id: a.id, title: a.title, html: renderMarkdown(a.body), date: formatInZone(a.createdAt, tz, lang) })),
    },
    { headers: { "Cache-Control": user ? "private, max-age=60" : "public, max-age=60, stale-while-revalidate=300" } },
  );
}

export default function PublicResults() {
  const { t } = useTranslation();
  const fmt = useFormatNumber();
  const d = useLoaderData<typeof loader>();
  const link = useSearchLink();
  const pageLink = (n: number) => link({ halaman: String(n) });
  return (
    <div className="space-y-6">
      <PageHeading trail={[{ to: `/acara/${d.event.slug}`, label: d.event.name }]} title={t("leaderboard.title")}>
        <p className="mt-1 text-sm text-slate-700">{t("leaderboard.publishedAt", { date: d.publication.publishedAt, method: t(`results.method.${d.publication.method}`) })}</p>
        {d.publication.correction ? (
          <div role="note" className="mt-3 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
            <p className="font-semibold">{t("leaderboard.corrected", { date: d.publication.publishedAt })}</p>
            <p className="mt-1 break-words text-sm">{t("leaderboard.correctionReason", { reason: d.publication.correction.reason })}</p>
            <Link to={`/berita-acara/${d.publication.correction.previousId}`} className="btn-link mt-1 inline-block text-sm">
              {t("leaderboard.previousRecord")}
            </Link>
          </div>
        ) : null}
        <div className="mt-3 flex flex-wrap gap-2">
          <Link to={`/berita-acara/${d.publication.id}`} className="btn-secondary !min-h-[40px]">
            {t("publication.viewRecord")}
          </Link>
          <Link to={`/acara/${d.event.slug}/hasil/tayang`} className="btn-secondary !min-h-[40px]">
            {t("results.reveal.open")}
          </Link>
          {d.event.statistics ? (
            <Link to={`/acara/${d.event.slug}/statistik`} className="btn-secondary !min-h-[40px]">
              {t("statistics.public.link")}
            </Link>
          ) : null}
        </div>
      </PageHeading>

      {d.awards.length ? (
        <Card id="pemenang" title={t("leaderboard.winners")} large plain className="space-y-3">
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {d.awards.map((a) => (
              <li key={a.id} className="card">
                <p className="text-sm font-bold uppercase tracking-wide text-brand-700">{a.name}</p>
                {a.recipients.map((r) => (
                  <p key={r.team} className="mt-1">
                    <span className="text-lg font-bold">{r.team}</span>
                    <span className="block text-sm text-slate-700">{r.title}</span>
                  </p>
                ))}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <Card id="peringkat" title={t("leaderboard.ranking")} large className="space-y-4">
        <Form method="get" className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
          <FilterSelect name="bidang" label={t("leaderboard.track")} value={d.filters.track} options={d.filters.tracks.map((x) => ({ value: x, label: x }))} all={t("leaderboard.allTracks")} />
          <FilterSelect name="wilayah" label={t("leaderboard.region")} value={d.filters.region} options={d.filters.regions.map((x) => ({ value: x, label: x }))} all={t("leaderboard.allRegions")} />
          <button type="submit" className="btn-secondary">
            {t("leaderboard.apply")}
          </button>
        </Form>
        {d.rows.length === 0 ? (
          <p className="text-slate-700">{t("leaderboard.empty")}</p>
        ) : (
          <ol className="divide-y divide-slate-200" aria-label={t("leaderboard.ranking")} start={d.paging.offset + 1}>
            {d.rows.map((r) => (
              <li key={r.submissionId} className="flex items-start gap-3 py-3">
                <span className="w-12 shrink-0 text-center text-xl">
                  <PlaceCell place={r.place} joint={r.joint} />
                </span>
                <div className="min-w-0 flex-1">
                  <p className="font-bold">{r.teamName}</p>
                  <p className="text-sm text-slate-700">
                    <Link to={`/acara/${d.event.slug}/proyek/${r.submissionId}`} className="btn-link font-normal">
                      {r.title}
                    </Link>
                  </p>
                  <p className="mt-1 flex flex-wrap gap-1 text-xs">
                    {r.track ? <span className="badge bg-slate-100 text-slate-800">{r.track}</span> : null}
                    {r.region ? <span className="badge bg-slate-100 text-slate-800">{r.region}</span> : null}
                    {d.filters.track || d.filters.region ? <span className="badge bg-brand-50 text-brand-800">{t("leaderboard.overallPlace", { place: r.overallPlace })}</span> : null}
                  </p>
                </div>
                <span className="shrink-0 text-right font-semibold tabular-nums">
                  {fmt(r.score)}
                  <span className="sr-only"> {t("leaderboard.points")}</span>
                </span>
              </li>
            ))}
          </ol>
        )}
        <Pager page={d.paging.page} pages={d.paging.pages} pageLink={pageLink} />
      </Card>

      {d.votes ? (
        <Card id="suara" title={t("vote.resultsTitle")} large className="space-y-2">
          <ol className="space-y-1">
            {d.votes.map((v, i) => (
              <li key={i} className="flex gap-2">
                <span className="font-semibold">{v.team}</span>
                <span className="text-slate-700">{v.title}</span>
                <span className="ml-auto tabular-nums">{t("vote.count", { count: v.count })}</span>
              </li>
            ))}
          </ol>
        </Card>
      ) : null}

      {d.announcements.length ? (
        <Card id="pengumuman" title={t("announcement.title")} large plain className="space-y-3">
          {d.announcements.map((a) => (
            <article key={a.id} className="card">
              <h3 className="text-lg font-bold">{a.title}</h3>
              <p className="text-xs text-slate-600">{a.date}</p>
              <div className="prose-kim mt-2" dangerouslySetInnerHTML={{ __html: a.html }} />
            </article>
          ))}
        </Card>
      ) : null}

      <p className="break-all text-xs text-slate-600">
        {t("leaderboard.hash")} <span className="font-mono">{d.publication.sha256}</span>
      </p>
    </div>
  );
}

export { EventErrorBoundary as ErrorBoundary } from "~/components/error-panel";

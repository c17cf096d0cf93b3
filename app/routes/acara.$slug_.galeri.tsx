import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pager } from "~/components/results-table";
import { galleryPage } from "~/models/gallery.server";
import { requireGallery } from "~/models/event-guards.server";
import { galleryQuerySchema } from "~/validation/results";
import { parseFilters } from "~/validation/submission";
import { pageTitle } from "~/components/page-title";
import { PageHeading } from "~/components/page-heading";
import { useSearchLink } from "~/components/search-link";
import { FilterSelect, SearchField } from "~/components/forms";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: data ? pageTitle(matches, "eventGallery", { event: data.event.name }) : pageTitle(matches, "gallery") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, preview } = await requireGallery(request, params.slug, new Date());
  const url = new URL(request.url);
  const filters = parseFilters(url.searchParams);
  const page = galleryQuerySchema.parse(Object.fromEntries(url.searchParams)).halaman;
  const gallery = await galleryPage(event.id, filters, page);
  return {
    event: { slug: event.slug, name: event.name },
    preview,
    filters: { track: filters.track ?? "", region: filters.region ?? "", q: filters.q ?? "" },
    tracks: gallery.tracks,
    regions: gallery.regions,
    total: gallery.total,
    paging: { page: gallery.page, pages: gallery.pages },
    projects: gallery.projects.map((p) => ({ ...p, coverUrl: p.hasCover ? `/berkas/sampul/${p.id}?v=${p.version}` : null })),
  };
}

export default function Gallery() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const filtered = d.filters.track || d.filters.region || d.filters.q;
  const link = useSearchLink();
  const pageLink = (n: number) => link({ halaman: String(n) });
  return (
    <div className="space-y-6">
      <PageHeading trail={[{ to: `/acara/${d.event.slug}`, label: d.event.name }]} title={t("gallery.title")}>
        <p className="mt-1 text-slate-700">{t("gallery.count", { count: d.total })}</p>
      </PageHeading>
      {d.preview ? (
        <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm font-semibold text-amber-900">
          {t("gallery.preview")}
        </p>
      ) : null}
      <Form method="get" className="card grid gap-3 sm:grid-cols-4 sm:items-end" role="search" aria-label={t("gallery.filters")}>
        <SearchField name="cari" label={t("gallery.search")} value={d.filters.q} placeholder={t("gallery.searchPlaceholder")} className="sm:col-span-2" />
        <FilterSelect name="bidang" label={t("submission.fields.trackId")} value={d.filters.track} options={d.tracks.map((x) => ({ value: x.id, label: x.name }))} />
        <FilterSelect name="wilayah" label={t("submission.project.region")} value={d.filters.region} options={d.regions.map((x) => ({ value: x.id, label: x.name }))} />
        <div className="flex gap-2 sm:col-span-4">
          <button type="submit" className="btn-primary">
            {t("common.filter")}
          </button>
          {filtered ? (
            <Link to="?" className="btn-secondary">
              {t("gallery.reset")}
            </Link>
          ) : null}
        </div>
      </Form>
      {d.projects.length === 0 ? (
        <p className="text-slate-700">{filtered ? t("gallery.noMatch") : t("gallery.empty")}</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {d.projects.map((p) => (
            <li key={p.id} className="card flex flex-col gap-3 !p-0 overflow-hidden">
              {p.coverUrl ? (
                <img src={p.coverUrl} alt="" className="aspect-video w-full object-cover" loading="lazy" />
              ) : (
                <div className="flex aspect-video w-full items-center justify-center bg-brand-100 text-4xl font-extrabold text-brand-800" aria-hidden="true">
                  {p.title.slice(0, 1).toUpperCase()}
                </div>
              )}
              <div className="flex flex-1 flex-col gap-2 p-4 pt-0">
                <h2 className="text-lg font-bold leading-snug">
                  <Link to={`/acara/${d.event.slug}/proyek/${p.id}`} className="hover:underline">
                    {p.title}
                  </Link>
                </h2>
                {p.tagline ? <p className="line-clamp-3 text-sm text-slate-700">{p.tagline}</p> : null}
                <p className="text-sm font-semibold text-slate-800">{p.teamName}</p>
                <div className="mt-auto flex flex-wrap gap-2">
                  {p.trackName ? <span className="badge bg-brand-100 text-brand-900">{p.trackName}</span> : null}
                  {p.regionName ? <span className="badge bg-slate-100 text-slate-800">{p.regionName}</span> : null}
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pager page={d.paging.page} pages={d.paging.pages} pageLink={pageLink} />
    </div>
  );
}

export { EventErrorBoundary as ErrorBoundary } from "~/components/error-panel";

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/status-badge";
import { formatInZone } from "~/domain/time";
import { listForOrganizer, setGalleryPublished } from "~/models/submission-list.server";
import { eventZone } from "~/domain/time";
import { listRegionOptions, listTrackOptions } from "~/models/structure.server";
import { requireOrganizer } from "~/models/event-guards.server";
import { getLanguage } from "~/services/i18n.server";
import { filtersOf, parseFilterQuery, TIMING_WORDS, timingOf } from "~/validation/submission";
import { pageTitle, parentData } from "~/components/page-title";
import { FilterSelect, SearchField } from "~/components/forms";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "manageSubmissions", { event: parentData<{ event: { name: string } }>(matches, "routes/kelola.$slug")?.event.name ?? "" }) },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireOrganizer(request, params.slug);
  const lang = await getLanguage(request);
  const tz = eventZone(event.timezone);
  const query = parseFilterQuery(new URL(request.url).searchParams);
  const filters = filtersOf(query);
  const [all, tracks, regions] = await Promise.all([listForOrganizer(event), listTrackOptions(event.id), listRegionOptions(event.id, { withAcceptedTeam: true })]);
  const rows = await listForOrganizer(event, filters);
  return {
    event: { slug: event.slug, name: event.name, galleryPublished: event.galleryPublished, isPublic: event.isPublic },
    filters: { track: query.bidang ?? "", region: query.wilayah ?? "", status: query.status ?? "", timing: query.waktu ?? "", q: query.cari ?? "" },
    tracks,
    regions,
    counts: {
      teams: all.length,
      submitted: all.filter((r) => r.status === "SUBMITTED").length,
      draft: all.filter((r) => r.status === "DRAFT").length,
      none: all.filter((r) => r.status === "NONE").length,
      late: all.filter((r) => r.late).length,
    },
    rows: rows.map((r) => ({
      teamId: r.teamId,
      teamName: r.teamName,
      submissionId: r.submissionId,
      title: r.title,
      trackName: r.trackName,
      regionName: r.regionName,
      status: r.status,
      late: r.late,
      extensionLabel: r.extensionUntil ? formatInZone(r.extensionUntil, tz, lang) : null,
      submittedLabel: r.submittedAt ? formatInZone(r.submittedAt, tz, lang) : null,
      revisions: r.revisions,
      attachments: r.attachments,
      missing: r.missing,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, event } = await requireOrganizer(request, params.slug);
  const formData = await request.formData();
  if (formData.get("intent") === "gallery") {
    await setGalleryPublished({ eventId: event.id, actorId: user.id, published: formData.get("published") === "true" });
  }
  return redirect(`/kelola/${event.slug}/karya`);
}

export default function OrganizerSubmissions() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const { search } = useLocation();
  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-xl font-bold sm:text-2xl">{t("submission.organizer.title")}</h2>
        <p className="mt-1 text-slate-700">{d.event.name}</p>
      </div>

      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        {(["teams", "submitted", "draft", "none", "late"] as const).map((k) => (
          <div key={k} className="card !p-3">
            <dt className="text-sm text-slate-700">{t(`submission.organizer.counts.${k}`)}</dt>
            <dd className="text-2xl font-bold tabular-nums">{d.counts[k]}</dd>
          </div>
        ))}
      </dl>

      <section aria-labelledby="galeri" className="card flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="galeri" className="text-lg font-bold">
            {t("submission.organizer.galleryTitle")}
          </h2>
          <p className="text-sm text-slate-700">{d.event.galleryPublished ? t("submission.organizer.galleryOn") : t("submission.organizer.galleryOff")}</p>
          {!d.event.isPublic ? <p className="text-sm text-amber-800">{t("submission.organizer.eventNotPublic")}</p> : null}
        </div>
        <div className="flex flex-wrap gap-2">
          <Link to={`/acara/${d.event.slug}/galeri`} className="btn-secondary">
            {d.event.galleryPublished ? t("submission.organizer.openGallery") : t("submission.organizer.previewGallery")}
          </Link>
          <Form method="post">
            <input type="hidden" name="intent" value="gallery" />
            <input type="hidden" name="published" value={d.event.galleryPublished ? "false" : "true"} />
            <button type="submit" className={d.event.galleryPublished ? "btn-danger" : "btn-primary"}>
              {d.event.galleryPublished ? t("submission.organizer.unpublish") : t("submission.organizer.publish")}
            </button>
          </Form>
        </div>
      </section>

      <Form method="get" className="card grid gap-3 sm:grid-cols-3 lg:grid-cols-6 lg:items-end" aria-label={t("submission.organizer.filters")}>
        <SearchField name="cari" label={t("common.search")} value={d.filters.q} className="sm:col-span-3 lg:col-span-2" />
        <FilterSelect id="f-bidang" name="bidang" label={t("submission.fields.trackId")} value={d.filters.track} options={d.tracks.map((x) => ({ value: x.id, label: x.name }))} />
        <FilterSelect id="f-wilayah" name="wilayah" label={t("submission.project.region")} value={d.filters.region} options={d.regions.map((x) => ({ value: x.id, label: x.name }))} />
        <FilterSelect
          id="f-status"
          name="status"
          label={t("submission.organizer.status")}
          value={d.filters.status}
          options={(["SUBMITTED", "DRAFT", "NONE"] as const).map((s) => ({ value: s, label: t(`submission.status.${s}`) }))}
        />
        <FilterSelect
          id="f-waktu"
          name="waktu"
          label={t("submission.organizer.timing")}
          value={d.filters.timing}
          options={TIMING_WORDS.map((w) => ({ value: w, label: t(`submission.organizer.timingOptions.${timingOf(w)}`) }))}
        />
        <div className="flex flex-wrap gap-2 sm:col-span-3 lg:col-span-6">
          <button type="submit" className="btn-primary">
            {t("common.filter")}
          </button>
          <a href={`/kelola/${d.event.slug}/karya.csv${search}`} className="btn-secondary" download>
            {t("submission.organizer.exportCsv")}
          </a>
        </div>
      </Form>

      <p className="text-sm text-slate-700" aria-live="polite">
        {t("submission.organizer.showing", { count: d.rows.length })}
      </p>
      <ul className="grid gap-3 lg:grid-cols-2">
        {d.rows.map((r) => (
          <li key={r.teamId} className="card space-y-2 !p-4">
            <div className="flex flex-wrap items-center gap-2">
              <StatusBadge status={r.status} />
              {r.late ? <span className="badge bg-red-100 text-red-900">{t("submission.organizer.late")}</span> : null}
              {r.extensionLabel ? <span className="badge bg-purple-100 text-purple-900">{t("submission.organizer.extensionUntil", { at: r.extensionLabel })}</span> : null}
            </div>
            <h2 className="text-base font-bold">
              {r.submissionId ? (
                <Link to={`/kelola/${d.event.slug}/karya/${r.submissionId}`} className="hover:underline">
                  {r.title || t("submission.untitled")}
                </Link>
              ) : (
                t("submission.organizer.notStarted")
              )}
            </h2>
            <p className="text-sm text-slate-800">
              {r.teamName}
              {r.regionName ? ` · ${r.regionName}` : ""}
              {r.trackName ? ` · ${r.trackName}` : ""}
            </p>
            {r.submittedLabel ? <p className="text-sm text-slate-700">{t("submission.form.submittedAt", { at: r.submittedLabel })}</p> : null}
            {r.submissionId ? (
              <p className="text-sm text-slate-700">
                {t("submission.organizer.revisionCount", { count: r.revisions })} · {t("submission.organizer.attachmentCount", { count: r.attachments })}
              </p>
            ) : null}
            {r.status !== "NONE" && r.missing.length ? (
              <ul className="flex flex-wrap gap-2" aria-label={t("submission.organizer.incomplete")}>
                {r.missing.map((m) => (
                  <li key={m} className="badge bg-amber-100 text-amber-900">
                    {t(`submission.missing.${m}`)}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

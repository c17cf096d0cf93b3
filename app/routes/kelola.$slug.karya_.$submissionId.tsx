import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProjectView, RevisionHistory } from "~/components/submission";
import { StatusBadge } from "~/components/status-badge";
import { isLate, missingItems } from "~/domain/submission";
import { formatInZone } from "~/domain/time";
import { getForOrganizer } from "~/models/submission-list.server";
import { eventZone } from "~/domain/time";
import { listTrackOptions } from "~/models/structure.server";
import { listRevisions, revisionViews } from "~/models/submission.server";
import { requireOrganizer } from "~/models/event-guards.server";
import { notFound } from "~/services/guards.server";
import { getLanguage } from "~/services/i18n.server";
import { renderMarkdown } from "~/services/markdown.server";
import { pageTitle } from "~/components/page-title";
import { Breadcrumbs } from "~/components/page-heading";
import { Card } from "~/components/card";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, "manageSubmission", { title: data ? data.project.title || data.project.teamName : "" }) }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireOrganizer(request, params.slug);
  const s = await getForOrganizer(event.id, params.submissionId ?? "");
  if (!s) throw notFound();
  const lang = await getLanguage(request);
  const tz = eventZone(event.timezone);
  const at = (d: Date) => formatInZone(d, tz, lang);
  const tracks = await listTrackOptions(event.id);
  const revisions = revisionViews(await listRevisions(s.id), new Map(tracks.map((x) => [x.id, x.name])), at);
  const extension = s.team.extensions[0];
  return {
    event: { slug: event.slug, name: event.name },
    status: s.status,
    submittedLabel: s.submittedAt ? at(s.submittedAt) : null,
    firstSubmittedLabel: s.firstSubmittedAt ? at(s.firstSubmittedAt) : null,
    updatedLabel: at(s.updatedAt),
    late: isLate(s.submittedAt, event.submissionClosesAt),
    extension: extension ? { until: at(extension.until), reason: extension.reason } : null,
    missing: missingItems({ description: s.description, videoUrl: s.videoUrl, attachmentCount: s.attachments.length }),
    attachments: s.attachments.map((a) => ({ id: a.id, filename: a.filename, kind: a.kind })),
    project: {
      title: s.title,
      tagline: s.tagline,
      teamName: s.team.name,
      trackName: s.track?.name ?? "",
      regionName: s.team.region?.name ?? "",
      coverUrl: s.coverKey ? `/berkas/sampul/${s.id}?v=${s.updatedAt.getTime()}` : null,
      videoUrl: s.videoUrl,
      repoUrl: s.repoUrl,
      demoUrl: s.demoUrl,
      descriptionHtml: renderMarkdown(s.description, { omitLeading: [s.title, s.tagline] }),
    },
    revisions,
  };
}

export default function OrganizerSubmission() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Breadcrumbs trail={[{ to: `/kelola/${d.event.slug}/karya`, label: t("submission.organizer.backToList") }]} />
      <section aria-label={t("submission.organizer.status")} className="card space-y-2 text-sm">
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge status={d.status} />
          {d.late ? <span className="badge bg-red-100 text-red-900">{t("submission.organizer.late")}</span> : null}
          {d.missing.map((m) => (
            <span key={m} className="badge bg-amber-100 text-amber-900">
              {t(`submission.missing.${m}`)}
            </span>
          ))}
        </div>
        {d.firstSubmittedLabel ? <p>{t("submission.organizer.firstSubmitted", { at: d.firstSubmittedLabel })}</p> : null}
        {d.submittedLabel ? <p>{t("submission.form.submittedAt", { at: d.submittedLabel })}</p> : null}
        <p>{t("submission.organizer.updated", { at: d.updatedLabel })}</p>
        {d.extension ? <p>{t("submission.organizer.extensionReason", { at: d.extension.until, reason: d.extension.reason })}</p> : null}
      </section>
      <ProjectView project={d.project} />
      <Card id="lampiran" title={t("submission.files.attachmentsTitle")} className="space-y-3">
        {d.attachments.length ? (
          <ul className="space-y-2">
            {d.attachments.map((a) => (
              <li key={a.id}>
                <a href={`/berkas/${a.id}`} className="btn-link break-all" download>
                  {a.filename}
                </a>{" "}
                <span className="text-sm text-slate-700">({a.kind.toUpperCase()})</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-700">{t("submission.files.noAttachments")}</p>
        )}
      </Card>
      <Card id="riwayat" title={t("submission.revision.title")} className="space-y-3">
        <RevisionHistory revisions={d.revisions} />
      </Card>
    </div>
  );
}

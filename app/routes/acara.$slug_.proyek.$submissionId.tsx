import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProjectView } from "~/components/submission";
import { requireGallery } from "~/models/event-guards.server";
import { getPublicProject } from "~/models/submission-list.server";
import { notFound } from "~/services/guards.server";
import { markdownToPlainText, renderMarkdown } from "~/services/markdown.server";
import { pageTitle } from "~/components/page-title";
import { Breadcrumbs } from "~/components/page-heading";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data
    ? [{ title: pageTitle(matches, "eventProject", { title: data.project.title, event: data.event.name }) }, { name: "description", content: data.summary }]
    : [{ title: pageTitle(matches, "project") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, preview } = await requireGallery(request, params.slug, new Date());
  const s = await getPublicProject(event.id, params.submissionId ?? "");
  if (!s) throw notFound();
  return {
    event: { slug: event.slug, name: event.name },
    preview,
    summary: s.tagline || markdownToPlainText(s.description, 160),
    project: {
      title: s.title,
      tagline: s.tagline,
      teamName: s.team.name,
      trackName: s.track?.name ?? "",
      regionName: s.team.region?.name ?? "",
      coverUrl: s.coverKey ? `/berkas/sampul/${s.id}?v=${s.version}` : null,
      videoUrl: s.videoUrl,
      repoUrl: s.repoUrl,
      demoUrl: s.demoUrl,
      descriptionHtml: renderMarkdown(s.description, { omitLeading: [s.title, s.tagline] }),
    },
  };
}

export default function PublicProject() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Breadcrumbs
        trail={[
          { to: `/acara/${d.event.slug}`, label: d.event.name },
          { to: `/acara/${d.event.slug}/galeri`, label: t("gallery.title") },
        ]}
      />
      {d.preview ? (
        <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm font-semibold text-amber-900">
          {t("gallery.preview")}
        </p>
      ) : null}
      <ProjectView project={d.project} />
    </div>
  );
}

export { EventErrorBoundary as ErrorBoundary } from "~/components/error-panel";

// Pieces shared by the team's project form, the organizer's review page and the public gallery.
// They take plain props (no loader hooks) so they can be rendered in tests.
import { useTranslation } from "react-i18next";
import type { DiffPart } from "~/domain/diff";
import { youtubeEmbedUrl, youtubeId } from "~/domain/links";

export function VideoEmbed({ url, title }: { url: string | null; title: string }) {
  const { t } = useTranslation();
  if (!url) return null;
  const id = youtubeId(url);
  if (!id) {
    return (
      <a href={url} className="btn-secondary" rel="nofollow noopener noreferrer" target="_blank">
        {t("submission.project.watchVideo")}
      </a>
    );
  }
  return (
    <div className="aspect-video w-full overflow-hidden rounded-xl bg-slate-900">
      <iframe
        src={youtubeEmbedUrl(id)}
        title={t("submission.project.videoTitle", { title })}
        className="h-full w-full"
        loading="lazy"
        allow="accelerometer; encrypted-media; gyroscope; picture-in-picture; fullscreen"
        referrerPolicy="strict-origin-when-cross-origin"
        allowFullScreen
      />
    </div>
  );
}

export type ProjectViewData = {
  title: string;
  tagline: string;
  teamName: string;
  trackName: string;
  regionName: string;
  coverUrl: string | null;
  videoUrl: string | null;
  repoUrl: string | null;
  demoUrl: string | null;
  /** Output of renderMarkdown: already safe HTML. */
  descriptionHtml: string;
};

/** A project as judges and the public read it: phone first, one column. */
export function ProjectView({ project, headingLevel = 1 }: { project: ProjectViewData; headingLevel?: 1 | 2 }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 1 ? "h1" : "h2";
  const links = [
    { href: project.demoUrl, label: t("submission.fields.demoUrl") },
    { href: project.repoUrl, label: t("submission.fields.repoUrl") },
  ].filter((l): l is { href: string; label: string } => Boolean(l.href));
  return (
    <article className="space-y-5">
      {project.coverUrl ? <img src={project.coverUrl} alt="" className="aspect-video w-full rounded-xl border border-slate-200 object-cover" /> : null}
      <header className="space-y-2">
        <Heading className="break-words text-2xl font-bold sm:text-3xl">{project.title || t("submission.untitled")}</Heading>
        {project.tagline ? <p className="break-words text-lg text-slate-700">{project.tagline}</p> : null}
        <dl className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
          <div className="flex gap-1">
            <dt className="font-semibold">{t("submission.project.team")}:</dt>
            <dd>{project.teamName}</dd>
          </div>
          {project.trackName ? (
            <div className="flex gap-1">
              <dt className="font-semibold">{t("submission.fields.trackId")}:</dt>
              <dd>{project.trackName}</dd>
            </div>
          ) : null}
          {project.regionName ? (
            <div className="flex gap-1">
              <dt className="font-semibold">{t("submission.project.region")}:</dt>
              <dd>{project.regionName}</dd>
            </div>
          ) : null}
        </dl>
      </header>
      <VideoEmbed url={project.videoUrl} title={project.title} />
      {links.length ? (
        <ul className="flex flex-wrap gap-2">
          {links.map((l) => (
            <li key={l.href}>
              <a href={l.href} className="btn-secondary text-sm" rel="nofollow noopener noreferrer" target="_blank">
                {l.label}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {/* renderMarkdown escapes raw HTML and allow-lists links; see services/markdown.server.ts. */}
      <div className="prose-kim break-words" dangerouslySetInnerHTML={{ __html: project.descriptionHtml }} />
    </article>
  );
}

export function DiffText({ parts, block }: { parts: DiffPart[]; block?: boolean }) {
  const { t } = useTranslation();
  const Tag = block ? "pre" : "p";
  return (
    <Tag className={`${block ? "whitespace-pre-wrap font-sans" : ""} break-words rounded-lg border border-slate-200 bg-white p-2 text-sm`}>
      {parts.map((p, i) =>
        p.op === "equal" ? (
          <span key={i}>{p.text}</span>
        ) : p.op === "insert" ? (
          <ins key={i} className="bg-green-100 text-green-900 no-underline decoration-green-700" title={t("submission.revision.added")}>
            {p.text}
          </ins>
        ) : (
          <del key={i} className="bg-red-100 text-red-900" title={t("submission.revision.removed")}>
            {p.text}
          </del>
        ),
      )}
    </Tag>
  );
}

export type RevisionView = {
  number: number;
  createdAtLabel: string;
  authorName: string;
  changes: { field: string; parts: DiffPart[] }[];
};

export function RevisionHistory({ revisions }: { revisions: RevisionView[] }) {
  const { t } = useTranslation();
  if (revisions.length === 0) return <p className="text-sm text-slate-700">{t("submission.revision.none")}</p>;
  return (
    <ol className="space-y-3">
      {revisions.map((r) => (
        <li key={r.number} className="rounded-lg border border-slate-200 bg-slate-50">
          <details open={r === revisions[0]}>
            <summary className="flex min-h-[44px] cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2">
              <span className="font-semibold">{t("submission.revision.number", { number: r.number })}</span>
              <span className="text-sm text-slate-700">
                {r.createdAtLabel} · {r.authorName}
              </span>
            </summary>
            <div className="space-y-3 px-3 pb-3">
              {r.number === 1 ? <p className="text-sm text-slate-700">{t("submission.revision.first")}</p> : null}
              {r.number > 1 && r.changes.length === 0 ? <p className="text-sm text-slate-700">{t("submission.revision.noTextChanges")}</p> : null}
              {r.number > 1
                ? r.changes.map((c) => (
                    <div key={c.field}>
                      <p className="text-sm font-semibold text-slate-800">{t(`submission.fields.${c.field}`)}</p>
                      <DiffText parts={c.parts} block={c.field === "description"} />
                    </div>
                  ))
                : null}
            </div>
          </details>
        </li>
      ))}
    </ol>
  );
}

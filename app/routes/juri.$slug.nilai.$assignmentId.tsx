// One assignment: the project as the judge needs it (phone first) and the rubric.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RubricForm, type ActionReply } from "~/components/rubric-form";
import { parseHttpUrl, youtubeEmbedUrl, youtubeId } from "~/domain/links";
import { formatDecimal } from "~/domain/number";
import { canScore } from "~/domain/phase";
import { formatInZone, eventZone } from "~/domain/time";
import { toTimeline } from "~/models/event.server";
import { assignmentFacts, assignmentLists, blindLabel, criteriaByRound, nextOpenAssignment } from "~/models/judge-desk.server";
import { saveJudgmentForm } from "~/models/judgment-save.server";
import { requireJudge } from "~/models/event-guards.server";
import { notFound } from "~/services/guards.server";
import { getLanguage } from "~/services/i18n.server";
import { renderMarkdown } from "~/services/markdown.server";
import { judgmentReply, parseJudgmentForm } from "~/validation/judging";
import { pageTitle } from "~/components/page-title";
import { Card } from "~/components/card";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: data ? pageTitle(matches, "scoringOf", { title: data.submission.title }) : pageTitle(matches, "scoring") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event } = await requireJudge(request, params.slug);
  const now = new Date();
  const [a, criteria] = await Promise.all([assignmentFacts(event, params.assignmentId ?? "", user.id, now), criteriaByRound(event.id)]);
  const round = a ? event.rounds.find((r) => r.id === a.roundId) : undefined;
  if (!a || !round) throw notFound();
  const [{ attachments, members }, nextId] = await Promise.all([assignmentLists(a.submission.id, a.submission.teamId), nextOpenAssignment(round.id, user.id, { id: a.id, title: a.submission.title })]);
  const lang = await getLanguage(request);
  const tz = eventZone(event.timezone);
  const capability = canScore(toTimeline(event), round.id, now);
  const conflicts = a.conflicts;
  const finalized = a.judgment?.finalizedAt ?? null;
  const state = finalized ? "finalized" : conflicts.length ? "conflict" : capability.allowed ? "open" : capability.reason === "not_open_yet" ? "not_open" : "closed";
  const video = youtubeId(a.submission.videoUrl);
  const s = a.submission;
  return {
    slug: event.slug,
    assignmentId: a.id,
    state,
    conflicts,
    round: { name: round.name, closes: formatInZone(round.closesAt, tz, lang), opens: capability.allowed ? null : "at" in capability ? formatInZone(capability.at, tz, lang) : null },
    finalizedAt: finalized ? formatInZone(finalized, tz, lang) : null,
    criteria: (criteria.get(round.id) ?? []).map((c) => ({ id: c.id, name: c.name, description: c.description, weight: c.weight, scaleMin: c.scaleMin, scaleMax: c.scaleMax })),
    judgment: {
      version: a.judgment?.version ?? 0,
      scores: a.judgment?.scores ?? {},
      comment: a.judgment?.comment ?? "",
      privateNote: a.judgment?.privateNote ?? "",
      finalized: finalized !== null,
    },
    submission: {
      title: s.title,
      tagline: s.tagline,
      track: s.trackName,
      descriptionHtml: renderMarkdown(s.description, { omitLeading: [s.title, s.tagline] }),
      repoUrl: parseHttpUrl(s.repoUrl),
      demoUrl: parseHttpUrl(s.demoUrl),
      videoUrl: video ? null : parseHttpUrl(s.videoUrl),
      embedUrl: video ? youtubeEmbedUrl(video) : null,
      attachments,
    },
    team: event.blindJudging ? null : { name: a.team.name, kimName: a.team.kimName, institution: a.team.institution, region: a.team.regionName, members },
    blindId: blindLabel(a),
    nextId,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const now = new Date();
  const judge = await requireJudge(request, params.slug);
  const parsed = parseJudgmentForm(await request.formData());
  const { status, body } = judgmentReply(await saveJudgmentForm(judge, params.assignmentId ?? "", parsed, now), now);
  if (body.ok && body.finalized) throw redirect(`/juri/${params.slug}?final=1`);
  if (body.ok) return data<ActionReply>(body, { status });
  // Echo what was sent (only the rubric's fields) so a page without JavaScript keeps the judge's values after a refusal.
  const submitted = parsed.ok ? { scores: parsed.value.scores, comment: parsed.value.comment, privateNote: parsed.value.privateNote } : undefined;
  return data<ActionReply>({ ...body, submitted }, { status });
}

function formatSize(bytes: number, lang: string): string {
  return bytes >= 1024 * 1024 ? `${formatDecimal(bytes / 1024 / 1024, lang, 1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export default function ScoreAssignment() {
  const { t, i18n } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionReply | undefined;
  const s = d.submission;
  const editable = d.state === "open";
  return (
    <div className="space-y-6">
      <Link to={`/juri/${d.slug}`} className="btn-link text-sm">
        ← {t("scoring.backToQueue")}
      </Link>
      <article className="space-y-4">
        <header>
          <p className="text-sm font-semibold text-brand-700">{d.round.name}</p>
          <h1 className="text-2xl font-bold">{s.title || t("scoring.untitled")}</h1>
          {s.tagline ? <p className="mt-1 text-slate-700">{s.tagline}</p> : null}
        </header>
        <section aria-labelledby="tim" className="card !p-4 text-sm">
          <h2 id="tim" className="sr-only">
            {t("scoring.team")}
          </h2>
          {d.team ? (
            <dl className="grid grid-cols-[auto,1fr] gap-x-3 gap-y-1">
              <dt className="font-semibold">{t("scoring.team")}</dt>
              <dd>{d.team.name}</dd>
              {d.team.kimName ? (
                <>
                  <dt className="font-semibold">{t("scoring.kim")}</dt>
                  <dd>{d.team.kimName}</dd>
                </>
              ) : null}
              {d.team.region ? (
                <>
                  <dt className="font-semibold">{t("scoring.region")}</dt>
                  <dd>{d.team.region}</dd>
                </>
              ) : null}
              {d.team.institution ? (
                <>
                  <dt className="font-semibold">{t("scoring.institution")}</dt>
                  <dd>{d.team.institution}</dd>
                </>
              ) : null}
              <dt className="font-semibold">{t("scoring.members")}</dt>
              <dd>{d.team.members.join(", ")}</dd>
            </dl>
          ) : (
            <p>
              <span className="font-semibold">{t("scoring.blindTeam", { id: d.blindId })}</span> — {t("scoring.blindNote")}
            </p>
          )}
          {s.track ? (
            <p className="mt-2">
              <span className="font-semibold">{t("scoring.track")}:</span> {s.track}
            </p>
          ) : null}
        </section>
        {s.embedUrl ? (
          <div className="aspect-video overflow-hidden rounded-xl bg-black">
            <iframe src={s.embedUrl} title={t("scoring.video", { title: s.title })} className="h-full w-full" allow="encrypted-media; picture-in-picture" allowFullScreen loading="lazy" />
          </div>
        ) : null}
        {s.repoUrl || s.demoUrl || s.videoUrl || s.attachments.length ? (
          <section aria-labelledby="tautan" className="card !p-4">
            <h2 id="tautan" className="text-base font-bold">
              {t("scoring.links")}
            </h2>
            <ul className="mt-2 space-y-2 text-sm">
              {s.demoUrl ? (
                <li>
                  <a href={s.demoUrl} className="btn-link" target="_blank" rel="noopener noreferrer nofollow">
                    {t("scoring.demo")}
                  </a>
                </li>
              ) : null}
              {s.repoUrl ? (
                <li>
                  <a href={s.repoUrl} className="btn-link" target="_blank" rel="noopener noreferrer nofollow">
                    {t("scoring.repo")}
                  </a>
                </li>
              ) : null}
              {s.videoUrl ? (
                <li>
                  <a href={s.videoUrl} className="btn-link" target="_blank" rel="noopener noreferrer nofollow">
                    {t("scoring.videoLink")}
                  </a>
                </li>
              ) : null}
              {s.attachments.map((f) => (
                <li key={f.id}>
                  <a href={`/berkas/${f.id}`} className="btn-link">
                    {f.filename}
                  </a>{" "}
                  <span className="text-slate-600">({formatSize(f.size, i18n.language)})</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {s.descriptionHtml.trim() ? (
          <Card id="deskripsi" title={t("scoring.description")} plain>
            <div className="prose-kim mt-2" dangerouslySetInnerHTML={{ __html: s.descriptionHtml }} />
          </Card>
        ) : null}
      </article>

      <Card id="rubrik" title={t("scoring.rubric")} large className="space-y-4">
        {d.state === "finalized" ? (
          <p role="status" className="rounded-lg border border-green-300 bg-green-50 px-4 py-3 text-sm font-medium text-green-900">
            {t("scoring.finalizedAt", { at: d.finalizedAt })}
          </p>
        ) : d.state === "conflict" ? (
          <p role="alert" className="rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-sm font-medium text-red-900">
            {t("scoring.errors.conflict")} ({d.conflicts.map((r) => t(`conflict.reason.${r}`)).join(", ")})
          </p>
        ) : d.state === "closed" ? (
          <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm font-medium text-amber-900">
            {t("scoring.closedAt", { at: d.round.closes })}
          </p>
        ) : d.state === "not_open" ? (
          <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm font-medium text-amber-900">
            {t("scoring.opensAt", { at: d.round.opens })}
          </p>
        ) : (
          <p className="text-sm text-slate-700">{t("scoring.openUntil", { at: d.round.closes })}</p>
        )}
        <RubricForm
          key={`${d.assignmentId}:${d.judgment.version}:${d.judgment.finalized}`}
          assignmentId={d.assignmentId}
          saveUrl={`/juri/${d.slug}/nilai/${d.assignmentId}/simpan`}
          criteria={d.criteria}
          initial={d.judgment}
          editable={editable}
          actionData={actionData}
        />
      </Card>
      {d.nextId ? (
        <Link to={`/juri/${d.slug}/nilai/${d.nextId}`} className="btn-secondary w-full">
          {t("scoring.next")} →
        </Link>
      ) : null}
    </div>
  );
}

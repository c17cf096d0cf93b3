import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useRevalidator, useSearchParams } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert, serverFormErrors } from "~/components/forms";
import { PublishForm } from "~/components/publish-form";
import { JudgeChart, JudgeLabelBadge, TieList, useFormatNumber, useTieKeyLabel } from "~/components/results";
import { ResultsFilter, ResultsWindow } from "~/components/results-table";
import { RANKING_METHODS } from "~/domain/ranking";
import { formatInZone, eventZone } from "~/domain/time";
import { correctResults, publishResults, type PublishError } from "~/models/publication.server";
import { isRankingMethod } from "~/models/results.server";
import { organizerResults } from "~/models/results-view.server";
import { voteWindow } from "~/models/vote.server";
import { parseKnownFields, reply } from "~/services/forms.server";
import { requireOrganizer } from "~/models/event-guards.server";
import { getLanguage } from "~/services/i18n.server";
import { correctSchema, publishSchema, resultsQuerySchema } from "~/validation/results";
import { pageTitle, parentData } from "~/components/page-title";
import { Card } from "~/components/card";
import { ColumnHeads } from "~/components/table";
import { useSearchLink } from "~/components/search-link";
import { failureErrors } from "~/validation/message";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "manageResults", { event: parentData<{ event: { name: string } }>(matches, "routes/kelola.$slug")?.event.name ?? "" }) },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireOrganizer(request, params.slug);
  const query = resultsQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const now = new Date();
  const [view, lang] = await Promise.all([
    organizerResults(
      event,
      { roundId: query.babak, method: isRankingMethod(query.metode) ? query.metode : null, q: query.cari, trackId: query.bidang, regionId: query.wilayah, page: query.halaman },
      { votesClosed: voteWindow(event, now) === "closed", now },
    ),
    getLanguage(request),
  ]);
  const tz = eventZone(event.timezone);
  const { publication, ...rest } = view;
  return {
    event: { slug: event.slug, name: event.name },
    ...rest,
    publication: publication ? { ...publication, publishedAt: formatInZone(publication.publishedAt, tz, lang) } : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { event, user } = await requireOrganizer(request, params.slug);
  const formData = await request.formData();
  const recipients: Record<string, string[]> = {};
  for (const [name, value] of formData.entries()) {
    if (!name.startsWith("award-") || typeof value !== "string" || value === "") continue;
    const id = name.slice("award-".length);
    recipients[id] = [...(recipients[id] ?? []), value];
  }
  const input = (v: { roundId?: string | undefined; method: "raw" | "zscore" | "borda"; override: boolean; overrideReason: string }) => ({
    eventId: event.id,
    actorId: user.id,
    roundId: v.roundId || null,
    method: v.method,
    recipients,
    override: v.override,
    overrideReason: v.overrideReason,
    now: new Date(),
  });
  const refused = (submission: Parameters<typeof reply>[0], error: { field: string; code: PublishError["code"] }) => {
    return data(
      reply(
        submission,
        failureErrors(error, (code) => `publication.errors.${code}`),
      ),
      { status: 400 },
    );
  };

  if (formData.get("intent") === "correct") {
    const submission = parseKnownFields(formData, correctSchema);
    if (submission.status !== "success") return data(reply(submission), { status: 400 });
    const v = submission.value;
    const result = await correctResults({ ...input(v), supersedesId: v.supersedesId, reason: v.correctionReason });
    if (!result.ok) return refused(submission, { field: result.field ?? "", code: result.code });
    return redirect(`/kelola/${event.slug}/hasil?koreksi=1`);
  }
  const submission = parseKnownFields(formData, publishSchema);
  if (submission.status !== "success") return data(reply(submission), { status: 400 });
  const result = await publishResults(input(submission.value));
  if (!result.ok) return refused(submission, { field: result.field ?? "", code: result.code });
  return redirect(`/kelola/${event.slug}/hasil?terbit=1`);
}

/**
 * The stream sends the round's data version; the page refetches its window only when the
 * version it shows has moved.
 */
function useLiveResults(slug: string, roundId: string | null, version: string) {
  const revalidator = useRevalidator();
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const shown = useRef(version);
  useEffect(() => {
    shown.current = version;
  }, [version]);
  useEffect(() => {
    const source = new EventSource(`/kelola/${slug}/hasil/stream`);
    source.addEventListener("open", () => setStatus("live"));
    // The browser retries a dropped stream on its own; only a stream it gave up on is offline.
    source.addEventListener("error", () => setStatus(source.readyState === EventSource.CLOSED ? "offline" : "connecting"));
    source.addEventListener("changed", (e) => {
      let versions: Record<string, string> = {};
      try {
        versions = (JSON.parse((e as MessageEvent<string>).data) as { rounds?: Record<string, string> }).rounds ?? {};
      } catch {
        versions = {};
      }
      if (!roundId || versions[roundId] !== shown.current) revalidator.revalidate();
    });
    return () => source.close();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slug, roundId]);
  return status;
}

type LiveStatus = "connecting" | "live" | "offline";
const LIVE_DOT: Record<LiveStatus, string> = { connecting: "bg-amber-500", live: "bg-green-600", offline: "bg-slate-400" };
const LIVE_TEXT: Record<LiveStatus, string> = { connecting: "results.organizer.connecting", live: "results.organizer.live", offline: "results.organizer.notLive" };

export default function OrganizerResults() {
  const { t } = useTranslation();
  const fmt = useFormatNumber();
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const live = useLiveResults(d.event.slug, d.round?.id ?? null, d.version);
  const keyLabel = useTieKeyLabel(d.criteria);
  const errors = (lastResult?.error ?? {}) as Record<string, string[] | null>;
  const unfinished = d.progress.assignments - d.progress.finalized;
  const query = useSearchLink(["terbit", "koreksi"]);

  // One form publishes; once published, the same form (behind a disclosure) corrects.
  const publishForm = (
    <PublishForm
      roundId={d.round?.id ?? ""}
      roundName={d.round?.name ?? ""}
      method={d.method}
      awards={d.awards}
      suggestions={d.publication ? (d.publishedRecipients ?? d.suggestions) : d.suggestions}
      choices={d.choices}
      votes={d.votes}
      unfinished={unfinished}
      laterRounds={d.laterRounds}
      errors={errors}
      formErrors={serverFormErrors(lastResult)}
      busy={busy}
      disabled={d.rankedCount === 0}
      correction={d.publication ? { supersedesId: d.publication.id, sha256: d.publication.sha256 } : undefined}
    />
  );

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="text-xl font-bold sm:text-2xl">{t("results.organizer.title")}</h2>
          <p className="mt-1 text-slate-700">{d.event.name}</p>
        </div>
        {/* Scripts keep the page live; until they run (or without them) the page says it is not. */}
        <p className="flex items-center gap-2 text-sm font-semibold text-slate-700 [html:not([data-hydrated])_&]:hidden" aria-live="polite">
          <span className={`inline-block h-2.5 w-2.5 rounded-full ${LIVE_DOT[live]}`} aria-hidden="true" />
          {t(LIVE_TEXT[live])}
        </p>
        <noscript>
          <p className="text-sm font-semibold text-slate-700">{t("results.organizer.notLive")}</p>
        </noscript>
      </div>

      {params.get("terbit") ? <FormAlert tone="success" errors={["publication.published"]} /> : null}
      {params.get("koreksi") ? <FormAlert tone="success" errors={["publication.correction.done"]} /> : null}

      <Card id="progres" title={d.round ? t("results.organizer.roundTitle", { round: d.round.name }) : t("results.organizer.noRound")} className="space-y-3">
        {d.rounds.length > 1 ? (
          <nav aria-label={t("results.organizer.rounds")} className="flex flex-wrap gap-2">
            {d.rounds.map((r) => (
              <Link
                key={r.id}
                to={query({ babak: r.id, halaman: "1" })}
                className={r.id === d.round?.id ? "btn-primary !min-h-[40px]" : "btn-secondary !min-h-[40px]"}
                aria-current={r.id === d.round?.id ? "page" : undefined}
              >
                {r.name}
              </Link>
            ))}
          </nav>
        ) : null}
        <p className="text-slate-800">{t("results.organizer.progress", { done: d.progress.finalized, total: d.progress.assignments })}</p>
        {d.progress.incomplete > 0 ? <p className="text-sm text-amber-900">{t("results.organizer.incomplete", { n: d.progress.incomplete })}</p> : null}
        {d.laterRounds.length ? (
          <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm font-semibold text-amber-900">
            {t("results.organizer.laterRound", {
              rounds: d.laterRounds.map((r) => t("results.organizer.roundProgress", { name: r.name, done: r.finalized, total: r.assignments })).join(", "),
            })}
          </p>
        ) : null}
        {unfinished > 0 ? (
          <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm font-semibold text-amber-900">
            {t("results.organizer.unfinished", { n: unfinished })}
          </p>
        ) : null}
      </Card>

      {d.publication ? (
        <Card id="terbit" title={t("publication.doneTitle")} className="space-y-2 border-green-300">
          <p className="text-slate-800">{t("publication.doneBody", { date: d.publication.publishedAt, method: t(`results.method.${d.publication.method}`) })}</p>
          {d.publication.correctionReason ? (
            <p className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("publication.correction.currentIs", { reason: d.publication.correctionReason })}</p>
          ) : null}
          <p className="break-all font-mono text-xs text-slate-700">SHA-256 {d.publication.sha256}</p>
          <div className="flex flex-wrap gap-2">
            <Link to={`/berita-acara/${d.publication.id}`} className="btn-secondary">
              {t("publication.viewRecord")}
            </Link>
            <Link to={`/acara/${d.event.slug}/hasil`} className="btn-secondary">
              {t("results.organizer.publicPage")}
            </Link>
            <Link to={`/acara/${d.event.slug}/hasil/tayang`} className="btn-secondary">
              {t("results.reveal.open")}
            </Link>
            <a href={`/kelola/${d.event.slug}/hasil/sertifikat.zip`} className="btn-secondary">
              {t("certificate.downloadAll")}
            </a>
          </div>
        </Card>
      ) : null}

      <Card id="banding" title={t("results.compare.title")} className="space-y-3">
        <p className="text-sm text-slate-700">{t("results.compare.intro")}</p>
        <nav aria-label={t("results.compare.chooseMethod")} className="flex flex-wrap gap-2">
          {RANKING_METHODS.map((m) => (
            <Link key={m} to={query({ metode: m })} className={m === d.method ? "btn-primary !min-h-[40px]" : "btn-secondary !min-h-[40px]"} aria-current={m === d.method ? "true" : undefined}>
              {t(`results.method.${m}`)}
            </Link>
          ))}
        </nav>
        {d.rankedCount === 0 && d.window.matching === 0 ? (
          <p className="text-slate-700">{t("results.compare.empty")}</p>
        ) : (
          <>
            <ResultsFilter filters={d.filters} hidden={{ babak: d.round?.id ?? "", metode: d.method }} />
            <ResultsWindow method={d.method} criteria={d.criteria} filters={d.filters} window={d.window} pageLink={(n) => query({ halaman: String(n) })} />
          </>
        )}
      </Card>

      <Card id="seri" title={t("results.ties.title")} className="space-y-3">
        <p className="text-sm text-slate-700">{t("results.ties.order", { keys: d.tieBreak.map(keyLabel).join(" → ") })}</p>
        <p className="text-xs text-slate-700">{t("results.window.tiesShown")}</p>
        <TieList ties={d.ties} names={d.tieNames} criteria={d.criteria} />
      </Card>

      <Card id="juri" title={t("results.judges.title")} className="space-y-3">
        {d.judges.length === 0 ? (
          <p className="text-slate-700">{t("results.judges.empty")}</p>
        ) : (
          <>
            <JudgeChart judges={d.judges} overallMean={d.overall.mean} />
            <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("results.judges.title")}>
              <table className="w-full min-w-[30rem] text-left text-sm">
                <caption className="sr-only">{t("results.judges.title")}</caption>
                <ColumnHeads
                  columns={[
                    { label: t("results.judges.name") },
                    { label: t("results.judges.count") },
                    { label: t("results.judges.mean") },
                    { label: t("results.judges.sd") },
                    { label: t("results.judges.labelCol") },
                  ]}
                />
                <tbody>
                  {d.judges.map((j) => (
                    <tr key={j.judgeId} className="border-b border-slate-200">
                      <th scope="row" className="py-2 pr-2 font-semibold">
                        {j.name}
                      </th>
                      <td className="px-2 py-2 tabular-nums">{j.count}</td>
                      <td className="px-2 py-2 tabular-nums">{fmt(j.mean, 1)}</td>
                      <td className="px-2 py-2 tabular-nums">{fmt(j.sd, 1)}</td>
                      <td className="px-2 py-2">
                        <JudgeLabelBadge label={j.label} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="text-xs text-slate-600">{t("results.judges.panel", { mean: fmt(d.overall.mean, 1), sd: fmt(d.overall.sd, 1), n: d.overall.count })}</p>
          </>
        )}
      </Card>

      <Card id="ekspor" title={t("export.title")} className="space-y-3">
        <ul className="flex flex-wrap gap-2">
          {(["teams", "submissions", "scores", "ranking"] as const).map((table) => (
            <li key={table}>
              <a className="btn-secondary !min-h-[40px]" href={`/kelola/${d.event.slug}/hasil/ekspor?data=${table}&format=csv`}>
                {t(`export.table.${table}`)} (CSV)
              </a>
            </li>
          ))}
          <li>
            <a className="btn-secondary !min-h-[40px]" href={`/kelola/${d.event.slug}/hasil/ekspor?format=xlsx`}>
              {t("export.workbook")}
            </a>
          </li>
        </ul>
      </Card>

      {d.publication ? (
        <Card id="koreksi" title={t("publication.correction.title")} className="space-y-3">
          <p className="text-sm text-slate-700">{t("publication.correction.intro")}</p>
          <details className="group" open={Object.keys(errors).length > 0 || undefined}>
            <summary className="btn-secondary cursor-pointer list-none">{t("publication.correction.open")}</summary>
            <div className="mt-4">{publishForm}</div>
          </details>
        </Card>
      ) : (
        <Card id="publikasi" title={t("publication.formTitle")} className="space-y-4">
          <p className="text-sm text-slate-700">{t("publication.formIntro")}</p>
          {publishForm}
        </Card>
      )}
    </div>
  );
}

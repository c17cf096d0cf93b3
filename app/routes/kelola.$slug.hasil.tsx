import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator, useSearchParams } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { FieldErrors, FormAlert, serverFormErrors } from "~/components/forms";
import { ChangeBadge, fmt, JudgeChart, JudgeLabelBadge, PlaceCell, TieList, useTieKeyLabel } from "~/components/results";
import { type PublicationAwardKind, suggestRecipients } from "~/domain/publication";
import { RANKING_METHODS } from "~/domain/ranking";
import { formatInZone, eventZone } from "~/domain/time";
import { latestPublication, listAwards, publishResults } from "~/models/publication.server";
import { isRankingMethod, loadRoundResults } from "~/models/results.server";
import { voteTally, voteWindow } from "~/models/vote.server";
import { reply } from "~/services/forms.server";
import { requireOrganizer } from "~/services/guards.server";
import { getLanguage } from "~/services/i18n.server";
import { publishSchema } from "~/validation/results";

export const meta: MetaFunction = () => [{ title: "Hasil — KIM Hackathon" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireOrganizer(request, params.slug);
  const url = new URL(request.url);
  const asked = url.searchParams.get("metode");
  const now = new Date();
  const [results, awards, pub, lang] = await Promise.all([
    loadRoundResults(event, { roundId: url.searchParams.get("babak"), method: isRankingMethod(asked) ? asked : null }),
    listAwards(event.id),
    latestPublication(event.id),
    getLanguage(request),
  ]);
  const window = voteWindow(event, now);
  const votes = window === "closed" ? await voteTally(event.id) : null;
  const tz = eventZone(event.timezone);
  return {
    event: { slug: event.slug, name: event.name, rankingMethod: event.rankingMethod },
    results,
    awards,
    suggestions: suggestRecipients(
      awards.map((a) => ({ id: a.id, kind: a.kind as PublicationAwardKind, place: a.place })),
      results.rows,
      votes,
    ),
    votes,
    publication: pub ? { id: pub.id, sha256: pub.sha256, publishedAt: formatInZone(pub.publishedAt, tz, lang), method: pub.method } : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { event, user } = await requireOrganizer(request, params.slug);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: publishSchema });
  if (submission.status !== "success") return data(reply(submission), { status: 400 });
  const recipients: Record<string, string[]> = {};
  for (const [name, value] of formData.entries()) {
    if (!name.startsWith("award-") || typeof value !== "string" || value === "") continue;
    const id = name.slice("award-".length);
    recipients[id] = [...(recipients[id] ?? []), value];
  }
  const v = submission.value;
  const result = await publishResults({
    eventId: event.id,
    actorId: user.id,
    roundId: v.roundId || null,
    method: v.method,
    recipients,
    override: v.override,
    overrideReason: v.overrideReason,
    now: new Date(),
  });
  if (!result.ok) {
    const { field, code } = result.error;
    return data(reply(submission, field ? { fieldErrors: { [field]: [code] } } : { formErrors: [code] }), { status: 400 });
  }
  return redirect(`/kelola/${event.slug}/hasil?terbit=1`);
}

/** Revalidates the page whenever the server says the round's judgment data changed. */
function useLiveResults(slug: string) {
  const revalidator = useRevalidator();
  const [live, setLive] = useState(false);
  useEffect(() => {
    const source = new EventSource(`/kelola/${slug}/hasil/stream`);
    source.addEventListener("open", () => setLive(true));
    source.addEventListener("error", () => setLive(false));
    source.addEventListener("changed", () => revalidator.revalidate());
    return () => source.close();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slug]);
  return live;
}

export default function OrganizerResults() {
  const { t } = useTranslation();
  const { event, results, awards, suggestions, publication, votes } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const live = useLiveResults(event.slug);
  const keyLabel = useTieKeyLabel(results.criteria);
  const names = results.entries;
  const errors = (lastResult?.error ?? {}) as Record<string, string[] | null>;
  const unfinished = results.progress.assignments - results.progress.finalized;
  const ranked = results.rows.filter((r) => r.place !== null);
  const query = (patch: Record<string, string>) => {
    const p = new URLSearchParams(params);
    p.delete("terbit");
    for (const [k, v] of Object.entries(patch)) p.set(k, v);
    return `?${p.toString()}`;
  };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="text-xl font-bold sm:text-2xl">{t("results.organizer.title")}</h2>
          <p className="mt-1 text-slate-700">{event.name}</p>
        </div>
        <p className="flex items-center gap-2 text-sm font-semibold text-slate-700" aria-live="polite">
          <span className={`inline-block h-2.5 w-2.5 rounded-full ${live ? "bg-green-600" : "bg-slate-400"}`} aria-hidden="true" />
          {live ? t("results.organizer.live") : t("results.organizer.notLive")}
        </p>
      </div>

      {params.get("terbit") ? <FormAlert tone="success" errors={["publication.published"]} /> : null}

      <section className="card space-y-3" aria-labelledby="progres">
        <h2 id="progres" className="text-lg font-bold">
          {results.round ? t("results.organizer.roundTitle", { round: results.round.name }) : t("results.organizer.noRound")}
        </h2>
        {results.rounds.length > 1 ? (
          <nav aria-label={t("results.organizer.rounds")} className="flex flex-wrap gap-2">
            {results.rounds.map((r) => (
              <Link key={r.id} to={query({ babak: r.id })} className={r.id === results.round?.id ? "btn-primary !min-h-[40px]" : "btn-secondary !min-h-[40px]"} aria-current={r.id === results.round?.id ? "page" : undefined}>
                {r.name}
              </Link>
            ))}
          </nav>
        ) : null}
        <p className="text-slate-800">{t("results.organizer.progress", { done: results.progress.finalized, total: results.progress.assignments })}</p>
        {results.progress.incomplete > 0 ? <p className="text-sm text-amber-900">{t("results.organizer.incomplete", { n: results.progress.incomplete })}</p> : null}
      </section>

      {publication ? (
        <section className="card space-y-2 border-green-300" aria-labelledby="terbit">
          <h2 id="terbit" className="text-lg font-bold">
            {t("publication.doneTitle")}
          </h2>
          <p className="text-slate-800">{t("publication.doneBody", { date: publication.publishedAt, method: t(`results.method.${publication.method}`) })}</p>
          <p className="break-all font-mono text-xs text-slate-700">SHA-256 {publication.sha256}</p>
          <div className="flex flex-wrap gap-2">
            <Link to={`/berita-acara/${publication.id}`} className="btn-secondary">
              {t("publication.viewRecord")}
            </Link>
            <Link to={`/acara/${event.slug}/hasil`} className="btn-secondary">
              {t("results.organizer.publicPage")}
            </Link>
            <Link to={`/acara/${event.slug}/hasil/tayang`} className="btn-secondary">
              {t("results.reveal.open")}
            </Link>
            <a href={`/kelola/${event.slug}/hasil/sertifikat.zip`} className="btn-secondary">
              {t("certificate.downloadAll")}
            </a>
          </div>
        </section>
      ) : null}

      <section className="card space-y-3" aria-labelledby="banding">
        <h2 id="banding" className="text-lg font-bold">
          {t("results.compare.title")}
        </h2>
        <p className="text-sm text-slate-700">{t("results.compare.intro")}</p>
        <nav aria-label={t("results.compare.chooseMethod")} className="flex flex-wrap gap-2">
          {RANKING_METHODS.map((m) => (
            <Link key={m} to={query({ metode: m })} className={m === results.method ? "btn-primary !min-h-[40px]" : "btn-secondary !min-h-[40px]"} aria-current={m === results.method ? "true" : undefined}>
              {t(`results.method.${m}`)}
            </Link>
          ))}
        </nav>
        {results.comparison.length === 0 ? (
          <p className="text-slate-700">{t("results.compare.empty")}</p>
        ) : (
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("results.compare.title")}>
            <table className="w-full min-w-[36rem] text-left text-sm">
              <caption className="sr-only">{t("results.compare.title")}</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-2 pr-2">{t("results.col.team")}</th>
                  {RANKING_METHODS.map((m) => (
                    <th key={m} scope="col" className={`px-2 py-2 ${m === results.method ? "bg-brand-50" : ""}`}>
                      {t(`results.method.${m}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {results.comparison.map((c) => {
                  const moved = RANKING_METHODS.some((m) => (c.change[m] ?? 0) !== 0);
                  return (
                    <tr key={c.submissionId} className={`border-b border-slate-200 ${moved ? "bg-amber-50" : ""}`}>
                      <th scope="row" className="py-2 pr-2 font-normal">
                        <span className="font-semibold">{names[c.submissionId]?.teamName}</span>
                        <span className="block text-xs text-slate-600">{names[c.submissionId]?.title}</span>
                      </th>
                      {RANKING_METHODS.map((m) => (
                        <td key={m} className={`px-2 py-2 ${m === results.method ? "bg-brand-50" : ""}`}>
                          <PlaceCell place={c.places[m]} joint={c.joint[m]} />
                          {m !== results.method ? <ChangeBadge change={c.change[m]} /> : null}
                          <span className="block text-xs text-slate-600 tabular-nums">{fmt(c.scores[m])}</span>
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card space-y-3" aria-labelledby="seri">
        <h2 id="seri" className="text-lg font-bold">
          {t("results.ties.title")}
        </h2>
        <p className="text-sm text-slate-700">{t("results.ties.order", { keys: results.tieBreak.map(keyLabel).join(" → ") })}</p>
        <TieList ties={results.ties} names={names} criteria={results.criteria} />
      </section>

      <section className="card space-y-3" aria-labelledby="juri">
        <h2 id="juri" className="text-lg font-bold">
          {t("results.judges.title")}
        </h2>
        {results.judges.length === 0 ? (
          <p className="text-slate-700">{t("results.judges.empty")}</p>
        ) : (
          <>
            <JudgeChart judges={results.judges} overallMean={results.overall.mean} />
            <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("results.judges.title")}>
              <table className="w-full min-w-[30rem] text-left text-sm">
                <caption className="sr-only">{t("results.judges.title")}</caption>
                <thead>
                  <tr className="border-b border-slate-300">
                    <th scope="col" className="py-2 pr-2">{t("results.judges.name")}</th>
                    <th scope="col" className="px-2 py-2">{t("results.judges.count")}</th>
                    <th scope="col" className="px-2 py-2">{t("results.judges.mean")}</th>
                    <th scope="col" className="px-2 py-2">{t("results.judges.sd")}</th>
                    <th scope="col" className="px-2 py-2">{t("results.judges.labelCol")}</th>
                  </tr>
                </thead>
                <tbody>
                  {results.judges.map((j) => (
                    <tr key={j.judgeId} className="border-b border-slate-200">
                      <th scope="row" className="py-2 pr-2 font-semibold">{j.name}</th>
                      <td className="px-2 py-2 tabular-nums">{j.count}</td>
                      <td className="px-2 py-2 tabular-nums">{fmt(j.mean, 1)}</td>
                      <td className="px-2 py-2 tabular-nums">{fmt(j.sd, 1)}</td>
                      <td className="px-2 py-2"><JudgeLabelBadge label={j.label} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="text-xs text-slate-600">{t("results.judges.panel", { mean: fmt(results.overall.mean, 1), sd: fmt(results.overall.sd, 1), n: results.overall.count })}</p>
          </>
        )}
      </section>

      {[
        { id: "per-jalur", title: t("results.byTrack"), groups: results.byTrack },
        { id: "per-daerah", title: t("results.byRegion"), groups: results.byRegion },
      ].map((cut) =>
        cut.groups.length ? (
          <section key={cut.id} className="card space-y-2" aria-labelledby={cut.id}>
            <h2 id={cut.id} className="text-lg font-bold">{cut.title}</h2>
            {cut.groups.map((g) => (
              <details key={g.id} className="rounded-lg border border-slate-200 px-3 py-2">
                <summary className="cursor-pointer font-semibold">{g.name}</summary>
                <ol className="mt-2 space-y-1 text-sm">
                  {g.rows.map((r) => (
                    <li key={r.submissionId} className="flex gap-2">
                      <PlaceCell place={r.place} joint={r.joint} />
                      <span>{names[r.submissionId]?.teamName}</span>
                      <span className="ml-auto tabular-nums text-slate-700">{fmt(r.score)}</span>
                    </li>
                  ))}
                </ol>
              </details>
            ))}
          </section>
        ) : null,
      )}

      <section className="card space-y-3" aria-labelledby="ekspor">
        <h2 id="ekspor" className="text-lg font-bold">{t("export.title")}</h2>
        <ul className="flex flex-wrap gap-2">
          {(["teams", "submissions", "scores", "ranking"] as const).map((d) => (
            <li key={d}>
              <a className="btn-secondary !min-h-[40px]" href={`/kelola/${event.slug}/hasil/ekspor?data=${d}&format=csv`}>
                {t(`export.table.${d}`)} (CSV)
              </a>
            </li>
          ))}
          <li>
            <a className="btn-secondary !min-h-[40px]" href={`/kelola/${event.slug}/hasil/ekspor?format=xlsx`}>
              {t("export.workbook")}
            </a>
          </li>
        </ul>
      </section>

      {!publication ? (
        <section className="card space-y-4" aria-labelledby="publikasi">
          <h2 id="publikasi" className="text-lg font-bold">{t("publication.formTitle")}</h2>
          <p className="text-sm text-slate-700">{t("publication.formIntro")}</p>
          <Form method="post" className="space-y-4" noValidate>
            <FormAlert errors={serverFormErrors(lastResult)} />
            <input type="hidden" name="intent" value="publish" />
            <input type="hidden" name="roundId" value={results.round?.id ?? ""} />
            <fieldset>
              <legend className="field-label">{t("publication.method")}</legend>
              <div className="flex flex-wrap gap-3">
                {RANKING_METHODS.map((m) => (
                  <label key={m} className="flex min-h-[44px] items-center gap-2">
                    <input type="radio" name="method" value={m} defaultChecked={m === results.method} className="h-5 w-5" />
                    {t(`results.method.${m}`)}
                  </label>
                ))}
              </div>
              <FieldErrors errors={errors.method ?? undefined} />
            </fieldset>
            <fieldset className="space-y-3">
              <legend className="field-label">{t("publication.awards")}</legend>
              <p className="field-hint">{t("publication.awardsHint")}</p>
              {awards.map((a) => {
                const picked = suggestions[a.id] ?? [];
                const slots = Math.max(2, picked.length);
                return (
                  <div key={a.id} className="rounded-lg border border-slate-200 p-3">
                    <p className="font-semibold">
                      {a.name} {a.prize ? <span className="text-sm font-normal text-slate-600">— {a.prize}</span> : null}
                    </p>
                    {a.kind === "PEOPLES_CHOICE" && votes ? <p className="text-xs text-slate-600">{t("vote.tallyHint", { n: votes.reduce((s, v) => s + v.count, 0) })}</p> : null}
                    <div className="mt-2 grid gap-2 sm:grid-cols-2">
                      {Array.from({ length: slots }, (_, i) => (
                        <div key={i}>
                          <label htmlFor={`award-${a.id}-${i}`} className="text-sm text-slate-700">
                            {i === 0 ? t("publication.recipient") : t("publication.jointRecipient")}
                          </label>
                          <select id={`award-${a.id}-${i}`} name={`award-${a.id}`} defaultValue={picked[i] ?? ""} className="field-input" aria-invalid={errors[`award-${a.id}`] ? true : undefined}>
                            <option value="">{t("publication.noRecipient")}</option>
                            {ranked.map((r) => (
                              <option key={r.submissionId} value={r.submissionId}>
                                {r.place}. {names[r.submissionId]?.teamName} — {names[r.submissionId]?.title}
                              </option>
                            ))}
                          </select>
                        </div>
                      ))}
                    </div>
                    <FieldErrors errors={errors[`award-${a.id}`] ?? undefined} />
                  </div>
                );
              })}
            </fieldset>
            {unfinished > 0 ? (
              <fieldset className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-3">
                <legend className="px-1 font-semibold text-amber-900">{t("publication.unfinishedTitle", { n: unfinished })}</legend>
                <label className="flex min-h-[44px] items-center gap-2">
                  <input type="checkbox" name="override" className="h-5 w-5" aria-describedby="override-error" />
                  {t("publication.override")}
                </label>
                <FieldErrors id="override-error" errors={errors.override ?? undefined} />
                <label htmlFor="overrideReason" className="field-label">{t("publication.overrideReason")}</label>
                <textarea id="overrideReason" name="overrideReason" rows={2} className="field-input" aria-invalid={errors.overrideReason ? true : undefined} aria-describedby="reason-error" />
                <FieldErrors id="reason-error" errors={errors.overrideReason ?? undefined} />
              </fieldset>
            ) : null}
            <button type="submit" className="btn-primary w-full sm:w-auto" disabled={busy || ranked.length === 0}>
              {t("publication.submit")}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}

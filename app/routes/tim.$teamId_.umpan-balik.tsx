// A team's feedback after publication: its criterion averages and the judges' comments.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDecimal, formatNumber } from "~/domain/number";
import { teamFeedback } from "~/models/feedback.server";
import { notFound } from "~/services/guards.server";
import { requireUser } from "~/services/session.server";
import { pageTitle } from "~/components/page-title";
import { PageHeading } from "~/components/page-heading";
import { Card } from "~/components/card";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "feedback") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const feedback = await teamFeedback(params.teamId ?? "", user.id);
  if (!feedback) throw notFound();
  return feedback;
}

export default function TeamFeedback() {
  const { t, i18n } = useTranslation();
  const d = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeading
        trail={[
          { to: `/acara/${d.team.event.slug}`, label: d.team.event.name },
          { to: `/tim/${d.team.id}`, label: d.team.name },
        ]}
        title={t("feedback.title")}
      />
      {!d.published ? (
        <p className="card text-slate-700">{t("feedback.notYet")}</p>
      ) : (
        <>
          <Card id="posisi" title={t("feedback.placeTitle")}>
            <p className="mt-2 text-slate-800">
              {d.place === null ? t("feedback.unranked") : t("feedback.place", { place: d.place, total: d.total })}
              {d.joint ? ` (${t("results.joint")})` : ""}
            </p>
          </Card>
          <Card id="kriteria" title={t("feedback.criteriaTitle")}>
            <ul className="mt-3 space-y-3">
              {d.criteria.map((c) => {
                const mean = d.criterionMeans[c.id];
                return (
                  <li key={c.id}>
                    <div className="flex justify-between gap-2 text-sm">
                      <span className="font-semibold">{c.name}</span>
                      <span className="tabular-nums">
                        {c.scaleMax === null ? formatNumber(mean, i18n.language, 1) : t("feedback.meanOf", { mean: formatNumber(mean, i18n.language, 1), max: c.scaleMax })}
                      </span>
                    </div>
                    <p className="text-xs text-slate-600">
                      {c.scaleMax === null
                        ? t("feedback.weight", { weight: formatDecimal(c.weight, i18n.language) })
                        : t("feedback.weightScale", { weight: formatDecimal(c.weight, i18n.language), min: c.scaleMin, max: c.scaleMax })}
                    </p>
                  </li>
                );
              })}
            </ul>
          </Card>
          <Card id="komentar" title={t("feedback.commentsTitle")}>
            {d.comments.length === 0 ? (
              <p className="mt-2 text-slate-700">{t("feedback.noComments")}</p>
            ) : (
              <ul className="mt-3 space-y-3">
                {d.comments.map((c, i) => (
                  <li key={i} className="rounded-lg border border-slate-200 bg-slate-50 p-3 text-slate-800">
                    <p className="text-xs font-semibold text-slate-600">{t("feedback.judgeN", { n: i + 1 })}</p>
                    <p className="mt-1 whitespace-pre-line">{c}</p>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </>
      )}
    </div>
  );
}

export { TeamErrorBoundary as ErrorBoundary } from "~/components/error-panel";

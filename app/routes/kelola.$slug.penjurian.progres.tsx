// Scoring progress of one round per judge and per submission, with email reminders to late judges.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "~/components/forms";
import { formatNumber } from "~/domain/number";
import { formatInZone, eventZone } from "~/domain/time";
import { remindJudges, roundProgress } from "~/models/judging-admin.server";
import { requireOrganizerRound } from "~/models/event-guards.server";
import { env } from "~/services/env.server";
import { getLanguage, tFor } from "~/services/i18n.server";
import { remindSchema } from "~/validation/judging";
import { safeParseKnownFields } from "~/services/forms.server";
import { msg } from "~/validation/message";
import { ColumnHeads } from "~/components/table";
import { Card } from "~/components/card";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, round } = await requireOrganizerRound(request, params.slug, new Date());
  const progress = await roundProgress(event.id, round.id);
  if (!progress) throw new Response("Not Found", { status: 404 });
  const lang = await getLanguage(request);
  const tz = eventZone(event.timezone);
  return {
    round: { name: round.name, closes: formatInZone(round.closesAt, tz, lang) },
    judges: progress.judges.map((j) => ({ ...j, lastActivity: j.lastActivity ? formatInZone(j.lastActivity, tz, lang) : null })),
    submissions: progress.submissions,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, event, round } = await requireOrganizerRound(request, params.slug, new Date());
  const parsed = safeParseKnownFields(await request.formData(), remindSchema);
  if (!parsed.success) return data({ ok: false, message: "validation.invalid", count: 0 }, { status: 400 });
  // Judges read the reminder in Indonesian: the platform's first language.
  const t = await tFor("id");
  const tz = eventZone(event.timezone);
  const link = `${env().APP_URL}/juri/${event.slug}`;
  const { sent } = await remindJudges(event.id, round.id, user.id, parsed.data.judgeId ?? null, ({ name, open }) => ({
    subject: t("judging.remind.subject", { event: event.name }),
    text: t("judging.remind.body", { name, open, round: round.name, event: event.name, closes: formatInZone(round.closesAt, tz, "id"), link }),
  }));
  return { ok: true, message: "judging.remind.sent", count: sent };
}

export default function JudgingProgress() {
  const { t, i18n } = useTranslation();
  const { round, judges, submissions } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const late = judges.filter((j) => j.assigned > j.finalized);
  return (
    <div className="space-y-6">
      <p className="text-slate-700">{t("judging.progress.intro", { round: round.name, closes: round.closes })}</p>
      {reply ? <FormAlert tone={reply.ok ? "success" : "error"} errors={[msg(reply.message, { count: reply.count })]} /> : null}
      <section aria-labelledby="per-juri" className="card space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="per-juri" className="text-lg font-bold">
            {t("judging.progress.perJudge")}
          </h2>
          {late.length ? (
            <Form method="post">
              <input type="hidden" name="intent" value="remind" />
              <button type="submit" className="btn-secondary" disabled={busy}>
                {t("judging.progress.remindAll", { count: late.length })}
              </button>
            </Form>
          ) : null}
        </div>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <ColumnHeads
              columns={[
                { label: t("judging.progress.judge") },
                { label: t("judging.progress.scored") },
                { label: t("judging.progress.finalized") },
                { label: t("judging.progress.lastActivity") },
                { label: t("judging.progress.actions"), hidden: true },
              ]}
            />
            <tbody>
              {judges.map((j) => (
                <tr key={j.judgeId} className="border-b border-slate-200">
                  <th scope="row" className="py-2 pr-3 font-semibold">
                    {j.name}
                  </th>
                  <td className="py-2 pr-3">{t("judging.progress.ofTotal", { done: j.complete, total: j.assigned })}</td>
                  <td className="py-2 pr-3">{t("judging.progress.ofTotal", { done: j.finalized, total: j.assigned })}</td>
                  <td className="py-2 pr-3">{j.lastActivity ?? "—"}</td>
                  <td className="py-2">
                    {j.assigned > j.finalized ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="remind" />
                        <input type="hidden" name="judgeId" value={j.judgeId} />
                        <button type="submit" className="btn-link text-sm" disabled={busy} aria-label={t("judging.progress.remindOne", { name: j.name })}>
                          {t("judging.progress.remind")}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <Card id="per-karya" title={t("judging.progress.perSubmission")} className="space-y-3">
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <ColumnHeads
              columns={[{ label: t("judging.progress.submission") }, { label: t("judging.progress.finalized") }, { label: t("judging.progress.mean") }, { label: t("judging.progress.judges") }]}
            />
            <tbody>
              {submissions.map((s) => (
                <tr key={s.submissionId} className="border-b border-slate-200 align-top">
                  <th scope="row" className="py-2 pr-3">
                    <span className="font-semibold">{s.title || t("scoring.untitled")}</span>
                    <span className="block font-normal text-slate-700">{s.teamName}</span>
                  </th>
                  <td className="py-2 pr-3">{t("judging.progress.ofTotal", { done: s.finalized, total: s.assigned })}</td>
                  <td className="py-2 pr-3">{formatNumber(s.mean, i18n.language, 1)}</td>
                  <td className="py-2">{s.judges.map((j) => `${j.name} (${t(`scoring.status.${j.status}`)})`).join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </div>
  );
}

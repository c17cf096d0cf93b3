import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NeedsList, SentRequestItem } from "~/components/finder-ui";
import { FormAlert } from "~/components/forms";
import { pageTitle } from "~/components/page-title";
import { NOTE_MAX } from "~/domain/team-finder";
import { acceptRequest, cancelRequest, closeTeam, declineRequest, getTeamFinder, openTeam } from "~/models/team-finder.server";
import { parseKnownFields } from "~/services/forms.server";
import { notFound } from "~/services/guards.server";
import { throttle } from "~/services/rate-limit.server";
import { requireUser } from "~/services/session.server";
import { teamFinderSchema } from "~/validation/finder";
import { TEAM_REFUSAL_KEYS, type TeamRefusalCode } from "~/validation/team";
import { PageHeading } from "~/components/page-heading";
import { Card } from "~/components/card";

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => [{ title: d?.team.name ? pageTitle(matches, "teamFinder", { team: d.team.name }) : pageTitle(matches, "finder") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const found = await getTeamFinder(params.teamId ?? "", user.id, new Date());
  if (!found) throw notFound();
  return found;
}

// As the team page: a stranger learns nothing about the team (404), a member who is not the
// captain may know it but not change it (403).
const REFUSAL_STATUS: Partial<Record<TeamRefusalCode, number>> = { notMember: 404, captainOnly: 403, requestNotFound: 404 };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const teamId = params.teamId ?? "";
  const formData = await request.formData();
  const submission = parseKnownFields(formData, teamFinderSchema);
  if (submission.status !== "success") return data({ intent: String(formData.get("intent") ?? "").slice(0, 32), target: "", error: "validation.invalid" }, { status: 400 });
  const value = submission.value;
  const target = "requestId" in value ? value.requestId : "";
  const limited = await throttle([["finderAccount", user.id]], { finderAccount: "finder.errors.rateLimited" });
  if (limited) return data({ intent: value.intent, target, error: limited.formError }, { status: 429, headers: { "Retry-After": String(limited.retryAfterSeconds) } });
  const now = new Date();
  let result;
  switch (value.intent) {
    case "open":
      result = await openTeam({ teamId, userId: user.id, note: value.note, now });
      break;
    case "close":
      result = await closeTeam(teamId, user.id, now);
      break;
    case "accept":
      result = await acceptRequest({ requestId: value.requestId, userId: user.id, now });
      break;
    case "decline":
      result = await declineRequest(value.requestId, user.id, now);
      break;
    case "cancel":
      result = await cancelRequest(value.requestId, user.id);
      break;
  }
  if (!result.ok) return data({ intent: value.intent, target, error: TEAM_REFUSAL_KEYS[result.code] }, { status: REFUSAL_STATUS[result.code] ?? 400 });
  throw redirect(`/tim/${teamId}/cari-anggota?ok=${value.intent}`);
}

export default function TeamFinderPage() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const errorFor = (intent: string, target = "") => (result && result.intent === intent && result.target === target ? [result.error] : null);
  const poolLabel = (key: string | null) => d.pools.find((p) => p.key === key)?.label ?? null;
  const incoming = d.requests.filter((r) => r.direction === "TO_TEAM");
  const outgoing = d.requests.filter((r) => r.direction === "TO_PARTICIPANT");
  const ok = params.get("ok");
  const editable = d.captain && d.open;

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeading trail={[{ to: `/tim/${d.team.id}`, label: d.team.name }]} title={t("finder.team.title")}>
        <p className="mt-2 text-slate-700">{t("finder.team.intro")}</p>
      </PageHeading>
      {ok ? <FormAlert tone="success" errors={[`finder.done.${ok}`]} /> : null}
      {!d.open ? (
        <p className="card text-slate-800" role="status">
          {t("finder.closed")}
        </p>
      ) : (
        <>
          <Card id="status-cari" title={t(d.team.opening && !d.needs.full ? "finder.team.looking" : "finder.team.notLooking")} className="space-y-3">
            {d.needs.full ? <p className="text-sm text-slate-700">{t("finder.team.full")}</p> : <NeedsList needs={d.needs} pools={d.pools} />}
            {!d.captain ? <p className="text-sm text-slate-600">{t("finder.team.captainOnly")}</p> : null}
            {editable && !d.needs.full ? (
              <Form method="post" className="space-y-2">
                <FormAlert errors={errorFor("open") ?? errorFor("close")} />
                <label htmlFor="note" className="field-label">
                  {t("finder.team.note")}
                </label>
                <textarea id="note" name="note" rows={3} maxLength={NOTE_MAX} defaultValue={d.team.opening?.note ?? ""} className="field-input" aria-describedby="note-hint" />
                <p id="note-hint" className="field-hint">
                  {t("finder.team.noteHint")}
                </p>
                <div className="flex flex-wrap gap-2">
                  <button type="submit" name="intent" value="open" className="btn-primary" disabled={busy}>
                    {t(d.team.opening ? "finder.team.update" : "finder.team.open")}
                  </button>
                  {d.team.opening ? (
                    <button type="submit" name="intent" value="close" className="btn-secondary" disabled={busy}>
                      {t("finder.team.close")}
                    </button>
                  ) : null}
                </div>
              </Form>
            ) : null}
            <Link to={`/acara/${d.event.slug}/cari-tim`} className="btn-secondary">
              {t("finder.team.browse")}
            </Link>
          </Card>

          <Card id="permintaan-masuk" title={t("finder.team.incoming")}>
            {incoming.length === 0 ? <p className="mt-2 text-slate-700">{t("finder.team.noIncoming")}</p> : <p className="mt-1 text-sm text-slate-600">{t("finder.team.acceptHint")}</p>}
            <ul className="mt-2 divide-y divide-slate-200">
              {incoming.map((r) => (
                <li key={r.id} className="space-y-2 py-3" data-testid="finder-request">
                  <p className="font-semibold [overflow-wrap:anywhere]">{r.name}</p>
                  <p className="flex flex-wrap gap-2 text-sm">
                    {r.region ? <span className="badge bg-slate-100 text-slate-800">{r.region}</span> : null}
                    {poolLabel(r.pool) ? <span className="badge bg-brand-100 text-brand-900">{poolLabel(r.pool)}</span> : null}
                    {r.skills.map((s) => (
                      <span key={s} className="rounded-full border border-slate-300 px-2.5 py-0.5 text-slate-800">
                        {s}
                      </span>
                    ))}
                  </p>
                  {r.note ? <p className="text-sm whitespace-pre-line text-slate-700 [overflow-wrap:anywhere]">{r.note}</p> : null}
                  {r.message ? <p className="text-sm whitespace-pre-line text-slate-800 [overflow-wrap:anywhere]">{t("finder.requests.message", { message: r.message })}</p> : null}
                  {r.status === "DECLINED" ? (
                    <p className="text-sm text-slate-600">{t("finder.requests.declined")}</p>
                  ) : editable ? (
                    <Form method="post" className="space-y-2">
                      <FormAlert errors={errorFor("accept", r.id) ?? errorFor("decline", r.id)} />
                      <input type="hidden" name="requestId" value={r.id} />
                      <div className="flex flex-wrap gap-2">
                        <button type="submit" name="intent" value="accept" className="btn-primary" disabled={busy}>
                          {t("finder.team.accept")}
                          <span className="sr-only"> {r.name}</span>
                        </button>
                        <button type="submit" name="intent" value="decline" className="btn-secondary" disabled={busy}>
                          {t("finder.requests.decline")}
                          <span className="sr-only"> {r.name}</span>
                        </button>
                      </div>
                    </Form>
                  ) : (
                    <p className="text-sm text-slate-600">{t("finder.requests.pending")}</p>
                  )}
                </li>
              ))}
            </ul>
          </Card>

          <Card id="ajakan-terkirim" title={t("finder.team.outgoing")}>
            {outgoing.length === 0 ? <p className="mt-2 text-slate-700">{t("finder.team.noOutgoing")}</p> : null}
            <ul className="mt-2 divide-y divide-slate-200">
              {outgoing.map((r) => (
                <SentRequestItem key={r.id} id={r.id} title={r.name} status={r.status} canCancel={editable} busy={busy} errors={errorFor("cancel", r.id)} />
              ))}
            </ul>
          </Card>
        </>
      )}
    </div>
  );
}

export { TeamErrorBoundary as ErrorBoundary } from "~/components/error-panel";

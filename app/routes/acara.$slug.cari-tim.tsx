import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckboxField, FormAlert, SelectField, serverFormErrors, TextareaField, TextField, useZodForm } from "~/components/forms";
import { pageTitle } from "~/components/page-title";
import { EventNoticeCheck } from "~/components/privacy-notice";
import { NeedsList, SentRequestItem, RequestForm } from "~/components/finder-ui";
import { useFormatInEvent } from "~/components/team-ui";
import { MAX_PENDING_REQUESTS, MESSAGE_MAX } from "~/domain/team-finder";
import { acceptRequest, cancelRequest, declineRequest, getFinder, inviteParticipant, removeListing, requestToJoin, saveListing } from "~/models/team-finder.server";
import { parseKnownFields, reply } from "~/services/forms.server";
import { notFound } from "~/services/guards.server";
import { throttle } from "~/services/rate-limit.server";
import { requireUser } from "~/services/session.server";
import { finderActionSchema, listingSchema } from "~/validation/finder";
import { TEAM_REFUSAL_KEYS, teamRefusalErrors } from "~/validation/team";
import { PageHeading } from "~/components/page-heading";
import { Card } from "~/components/card";

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => [{ title: d?.event.name ? pageTitle(matches, "eventFinder", { event: d.event.name }) : pageTitle(matches, "finder") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const finder = await getFinder(params.slug ?? "", user.id, new Date());
  if (!finder) throw notFound();
  const { event } = finder;
  return {
    event: { slug: event.slug, name: event.name, timezone: event.timezone, registrationClosesAt: event.registrationClosesAt, privacyNotice: event.privacyNotice.trim() },
    open: finder.open,
    myTeam: finder.myTeam,
    captain: finder.captainOf !== null,
    pools: finder.pools.map((p) => ({ key: p.key, label: p.label })),
    regions: finder.regions,
    mine: finder.mine,
    seesListings: finder.seesListings,
    listings: finder.listings,
    teams: finder.teams,
    requests: finder.requests.map((r) => ({ id: r.id, teamId: r.teamId, userId: r.userId, direction: r.direction, status: r.status, message: r.message, team: r.teamName })),
    verified: user.emailVerified,
  };
}

type ActionAnswer = { intent: string; target: string; error: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const slug = params.slug ?? "";
  const formData = await request.formData();
  const now = new Date();
  const done = (intent: string) => redirect(`/acara/${slug}/cari-tim?ok=${intent}`);
  const limited = await throttle([["finderAccount", user.id]], { finderAccount: "finder.errors.rateLimited" });
  if (formData.get("intent") === "list") {
    const submission = parseKnownFields(formData, listingSchema);
    if (limited) return data(reply(submission, { formErrors: [limited.formError] }), { status: 429, headers: { "Retry-After": String(limited.retryAfterSeconds) } });
    if (submission.status !== "success") return data(reply(submission), { status: 400 });
    if (!user.emailVerified) return data(reply(submission, { formErrors: ["account.verifyRequired"] }), { status: 403 });
    const result = await saveListing({ slug, userId: user.id, input: submission.value, now });
    if (!result.ok) {
      return data(reply(submission, teamRefusalErrors(result)), { status: result.code === "eventNotFound" ? 404 : 400 });
    }
    throw done("list");
  }
  const submission = parseKnownFields(formData, finderActionSchema);
  if (submission.status !== "success") return data<ActionAnswer>({ intent: String(formData.get("intent") ?? "").slice(0, 32), target: "", error: "validation.invalid" }, { status: 400 });
  const value = submission.value;
  const target = "teamId" in value ? value.teamId : "userId" in value ? value.userId : "requestId" in value ? value.requestId : "";
  if (limited) return data<ActionAnswer>({ intent: value.intent, target, error: limited.formError }, { status: 429, headers: { "Retry-After": String(limited.retryAfterSeconds) } });
  const needsVerified = value.intent === "request" || value.intent === "accept";
  if (needsVerified && !user.emailVerified) return data<ActionAnswer>({ intent: value.intent, target, error: "account.verifyRequired" }, { status: 403 });
  let result;
  switch (value.intent) {
    case "unlist":
      result = await removeListing(slug, user.id);
      break;
    case "request":
      result = await requestToJoin({ teamId: value.teamId, userId: user.id, message: value.message, agreeEventNotice: value.agreeEventNotice, now });
      break;
    case "invite": {
      const finder = await getFinder(slug, user.id, now);
      if (!finder?.captainOf) return data<ActionAnswer>({ intent: value.intent, target, error: "team.errors.captainOnly" }, { status: 403 });
      result = await inviteParticipant({ teamId: finder.captainOf, captainId: user.id, participantId: value.userId, message: value.message, now });
      break;
    }
    case "accept": {
      const accepted = await acceptRequest({ requestId: value.requestId, userId: user.id, agreeEventNotice: value.agreeEventNotice, now });
      if (accepted.ok) throw redirect(`/tim/${accepted.teamId}?gabung=1`);
      result = accepted;
      break;
    }
    case "decline":
      result = await declineRequest(value.requestId, user.id, now);
      break;
    case "cancel":
      result = await cancelRequest(value.requestId, user.id);
      break;
  }
  if (!result.ok) {
    const status = result.code === "requestNotFound" || result.code === "eventNotFound" ? 404 : 400;
    return data<ActionAnswer>({ intent: value.intent, target, error: TEAM_REFUSAL_KEYS[result.code] }, { status });
  }
  throw done(value.intent);
}

export default function TeamFinder() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const format = useFormatInEvent(d.event.timezone);
  const answer = result && "target" in result ? result : null;
  const listResult = result && !("target" in result) ? result : undefined;
  const errorFor = (intent: string, target = "") => (answer && answer.intent === intent && answer.target === target ? [answer.error] : null);
  const poolLabel = (key: string | null) => d.pools.find((p) => p.key === key)?.label ?? null;
  const [form, fields] = useZodForm(listingSchema, {
    lastResult: listResult,
    defaultValue: d.mine ? { skills: d.mine.skills, regionId: d.mine.regionId ?? undefined, pool: d.mine.pool ?? undefined, note: d.mine.note } : undefined,
  });
  const ok = params.get("ok");
  const invites = d.requests.filter((r) => r.direction === "TO_PARTICIPANT" && !d.captain);
  const mine = d.requests.filter((r) => r.direction === "TO_TEAM" && !d.captain);
  const withTeam = (teamId: string) => d.requests.find((r) => r.teamId === teamId && !d.captain) ?? null;
  const withPerson = (userId: string) => (d.captain ? (d.requests.find((r) => r.userId === userId) ?? null) : null);

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeading trail={[{ to: `/acara/${d.event.slug}`, label: d.event.name }]} title={t("finder.title")}>
        <p className="mt-2 text-slate-700">{t("finder.intro")}</p>
        {d.open ? <p className="mt-2 text-sm text-slate-600">{t("finder.closesAt", { at: format(d.event.registrationClosesAt) })}</p> : null}
      </PageHeading>
      {ok ? <FormAlert tone="success" errors={[`finder.done.${ok}`]} /> : null}
      {errorFor("unlist") ? <FormAlert errors={errorFor("unlist")} /> : null}

      {!d.open ? (
        <p className="card text-slate-800" role="status">
          {t("finder.closed")}
        </p>
      ) : (
        <>
          {d.myTeam ? (
            <section className="card" aria-labelledby="tim-saya">
              <h2 id="tim-saya" className="sr-only">
                {t("finder.openMyTeam")}
              </h2>
              <p className="text-slate-800">{t("finder.inTeam")}</p>
              <div className="mt-3 flex flex-wrap gap-2">
                <Link to={`/tim/${d.myTeam.id}`} className="btn-secondary">
                  {t("finder.openMyTeam")}
                </Link>
                {d.captain ? (
                  <Link to={`/tim/${d.myTeam.id}/cari-anggota`} className="btn-primary">
                    {t("finder.manageTeam")}
                  </Link>
                ) : null}
              </div>
            </section>
          ) : (
            <>
              {invites.length ? (
                <Card id="ajakan" title={t("finder.requests.incomingTitle")}>
                  <ul className="mt-3 divide-y divide-slate-200">
                    {invites.map((r) => (
                      <li key={r.id} className="space-y-2 py-3">
                        <p className="font-semibold">{t("finder.requests.fromTeam", { team: r.team })}</p>
                        {r.message ? <p className="text-sm whitespace-pre-line text-slate-700 [overflow-wrap:anywhere]">{t("finder.requests.message", { message: r.message })}</p> : null}
                        {r.status === "DECLINED" ? (
                          <p className="text-sm text-slate-600">{t("finder.requests.declined")}</p>
                        ) : (
                          <>
                            <FormAlert errors={errorFor("accept", r.id) ?? errorFor("decline", r.id)} />
                            <Form method="post" className="space-y-2">
                              <input type="hidden" name="requestId" value={r.id} />
                              {d.event.privacyNotice ? <EventNoticeCheck notice={d.event.privacyNotice} label={t("privacy.eventNotice.agreeMember")} /> : null}
                              <div className="flex flex-wrap gap-2">
                                <button type="submit" name="intent" value="accept" className="btn-primary" disabled={busy}>
                                  {t("finder.requests.accept")}
                                </button>
                                <button type="submit" name="intent" value="decline" className="btn-secondary" disabled={busy}>
                                  {t("finder.requests.decline")}
                                </button>
                              </div>
                            </Form>
                          </>
                        )}
                      </li>
                    ))}
                  </ul>
                </Card>
              ) : null}

              <Card id="data-saya" title={t(d.mine ? "finder.listing.titleEdit" : "finder.listing.title")}>
                {d.mine ? <p className="mt-1 text-sm text-green-800">{t("finder.listing.listed")}</p> : null}
                <Form method="post" {...getFormProps(form)} className="mt-3 space-y-3">
                  <input type="hidden" name="intent" value="list" />
                  <FormAlert errors={serverFormErrors(listResult)} />
                  <TextField label={t("finder.listing.skills")} hint={t("finder.listing.skillsHint")} field={fields.skills} autoComplete="off" />
                  <SelectField
                    label={t("finder.listing.region")}
                    field={fields.regionId}
                    placeholder={t("finder.listing.regionNone")}
                    options={d.regions.map((r) => ({ value: r.id, label: r.name }))}
                  />
                  {d.pools.length ? (
                    <SelectField label={t("finder.listing.pool")} field={fields.pool} placeholder={t("team.fields.choose")} options={d.pools.map((p) => ({ value: p.key, label: p.label }))} />
                  ) : null}
                  <TextareaField label={t("finder.listing.note")} hint={t("finder.listing.noteHint")} field={fields.note} rows={3} />
                  <CheckboxField label={t("finder.listing.agreeShown")} field={fields.agreeShown} withErrors />
                  <button type="submit" className="btn-primary w-full sm:w-auto" disabled={busy}>
                    {t(d.mine ? "finder.listing.update" : "finder.listing.save")}
                  </button>
                </Form>
                {d.mine ? (
                  <Form method="post" className="mt-3 border-t border-slate-200 pt-3">
                    <button type="submit" name="intent" value="unlist" className="btn-secondary w-full text-red-800 sm:w-auto" disabled={busy}>
                      {t("finder.listing.remove")}
                    </button>
                  </Form>
                ) : null}
              </Card>

              {mine.length ? (
                <Card id="permintaan-saya" title={t("finder.requests.outgoingTitle")}>
                  <p className="text-sm text-slate-600">{t("finder.requests.limit", { count: MAX_PENDING_REQUESTS })}</p>
                  <ul className="mt-2 divide-y divide-slate-200">
                    {mine.map((r) => (
                      <SentRequestItem key={r.id} id={r.id} title={t("finder.requests.toTeam", { team: r.team })} status={r.status} canCancel={true} busy={busy} errors={errorFor("cancel", r.id)} />
                    ))}
                  </ul>
                </Card>
              ) : null}
            </>
          )}

          <Card id="tim-mencari" title={t("finder.teams.title")} large plain className="space-y-3">
            {d.teams.length === 0 ? <p className="card text-slate-700">{t("finder.teams.none")}</p> : null}
            <ul className="space-y-3">
              {d.teams.map((team) => {
                const existing = withTeam(team.teamId);
                return (
                  <li key={team.teamId} className="card space-y-2" data-testid="finder-team">
                    <h3 className="text-lg font-bold [overflow-wrap:anywhere]">{team.name}</h3>
                    <p className="flex flex-wrap gap-2 text-sm">
                      {team.regionName ? <span className="badge bg-slate-100 text-slate-800">{team.regionName}</span> : null}
                      {team.trackName ? <span className="badge bg-brand-100 text-brand-900">{team.trackName}</span> : null}
                      <span className="badge bg-green-100 text-green-900">{t("join.placesLeft", { count: team.needs.placesLeft })}</span>
                    </p>
                    <NeedsList needs={team.needs} pools={d.pools} />
                    {team.note ? <p className="text-sm whitespace-pre-line text-slate-800 [overflow-wrap:anywhere]">{team.note}</p> : null}
                    {d.myTeam ? null : existing ? (
                      <p className="text-sm font-semibold text-slate-700">
                        {existing.direction === "TO_PARTICIPANT" ? t("finder.teams.invitedYou") : existing.status === "PENDING" ? t("finder.teams.requested") : t("finder.teams.declined")}
                      </p>
                    ) : d.mine ? (
                      <RequestForm
                        intent="request"
                        target={{ name: "teamId", value: team.teamId }}
                        label={t("finder.teams.message")}
                        submit={t("finder.teams.request")}
                        errors={errorFor("request", team.teamId)}
                        busy={busy}
                        maxLength={MESSAGE_MAX}
                      >
                        {d.event.privacyNotice ? <EventNoticeCheck notice={d.event.privacyNotice} label={t("privacy.eventNotice.agreeMember")} /> : null}
                      </RequestForm>
                    ) : (
                      <p className="text-sm text-slate-600">{t("finder.teams.listFirst")}</p>
                    )}
                  </li>
                );
              })}
            </ul>
          </Card>

          <Card id="peserta-mencari" title={t("finder.people.title")} large plain className="space-y-3">
            {!d.seesListings ? (
              <p className="card text-slate-700">{t("finder.people.hidden")}</p>
            ) : d.listings.length === 0 ? (
              <p className="card text-slate-700">{t("finder.people.none")}</p>
            ) : (
              <ul className="space-y-3">
                {d.listings.map((p) => {
                  const existing = withPerson(p.userId);
                  return (
                    <li key={p.userId} className="card space-y-2" data-testid="finder-person">
                      <h3 className="text-lg font-bold [overflow-wrap:anywhere]">{p.name}</h3>
                      <p className="flex flex-wrap gap-2 text-sm">
                        {p.region ? <span className="badge bg-slate-100 text-slate-800">{p.region}</span> : null}
                        {poolLabel(p.pool) ? <span className="badge bg-brand-100 text-brand-900">{poolLabel(p.pool)}</span> : null}
                      </p>
                      <ul className="flex flex-wrap gap-1.5" aria-label={t("finder.listing.skills")}>
                        {p.skills.map((s) => (
                          <li key={s} className="rounded-full border border-slate-300 px-2.5 py-0.5 text-sm text-slate-800">
                            {s}
                          </li>
                        ))}
                      </ul>
                      {p.note ? <p className="text-sm whitespace-pre-line text-slate-800 [overflow-wrap:anywhere]">{p.note}</p> : null}
                      {!d.captain ? null : existing ? (
                        <p className="text-sm font-semibold text-slate-700">
                          {existing.direction === "TO_TEAM" ? t("finder.people.askedYou") : existing.status === "PENDING" ? t("finder.people.invited") : t("finder.people.declined")}
                        </p>
                      ) : (
                        <RequestForm
                          intent="invite"
                          target={{ name: "userId", value: p.userId }}
                          label={t("finder.people.message")}
                          submit={t("finder.people.invite")}
                          errors={errorFor("invite", p.userId)}
                          busy={busy}
                          maxLength={MESSAGE_MAX}
                        />
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </Card>
        </>
      )}
    </div>
  );
}

// One team in the screening: its data, the decision (reason required to reject) and a
// per-team registration extension. Every change is audited in the model.
import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FieldErrors, FormAlert, serverFormErrors, TextareaField, TextField, useZodForm } from "~/components/forms";
import { MemberContact, useFormatInEvent, WaitingPlaces, TeamDetailRows } from "~/components/team-ui";
import { StatusBadge } from "~/components/status-badge";
import { eventZone, utcToZonedLocal, zonedLocalToUtc } from "~/domain/time";
import { missingMembers } from "~/domain/team-rules";
import { getScreeningTeam, grantExtension, reviewTeams } from "~/models/screening.server";
import { listPools } from "~/models/structure.server";
import { recordContactView } from "~/models/personal-access.server";
import { memberContact, rulesOf, teamFacts } from "~/models/team.server";
import { openSeats } from "~/models/team-seat.server";
import { parseKnownFields, reply } from "~/services/forms.server";
import { requireOrganizer } from "~/models/event-guards.server";
import { notFound } from "~/services/guards.server";
import { extensionSchema, reviewSchema } from "~/validation/team";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: data ? pageTitle(matches, "manageTeam", { team: data.team.name }) : pageTitle(matches, "screening") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, user } = await requireOrganizer(request, params.slug);
  const team = await getScreeningTeam(event.id, params.teamId ?? "");
  if (!team) throw notFound();
  // Once the retention period has ended the page shows no contacts, so there is no access to log.
  const erased = event.contactsErasedAt;
  const [pools, seats] = await Promise.all([listPools(event.id), openSeats(team.id), erased ? null : recordContactView(event.id, user.id, team.id)]);
  const tz = eventZone(event.timezone);
  const extension = team.extensions.find((e) => e.kind === "REGISTRATION") ?? null;
  return {
    event: { slug: event.slug, name: event.name, timezone: event.timezone, registrationClosesAt: event.registrationClosesAt, maxTeamSize: event.maxTeamSize, minTeamSize: event.minTeamSize },
    team: { ...teamFacts(team), reviewedAt: team.reviewedAt },
    members: team.members.map((m) => ({ ...memberContact(m, Boolean(erased)), pool: pools.find((p) => p.key === m.pool)?.label ?? m.pool })),
    contactsErasedAt: erased,
    missing: missingMembers(rulesOf({ ...event, pools }), team.members).total,
    waiting: seats.map((s) => ({ ...s, email: erased ? null : s.email, pool: pools.find((p) => p.key === s.pool)?.label ?? null })),
    extension: extension ? { until: extension.until, reason: extension.reason, untilLocal: utcToZonedLocal(extension.until, tz) } : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { event, user } = await requireOrganizer(request, params.slug);
  const teamId = params.teamId ?? "";
  const formData = await request.formData();
  const intent = formData.get("intent");
  const now = new Date();
  if (intent === "extension") {
    const submission = parseKnownFields(formData, extensionSchema);
    if (submission.status !== "success") return data({ intent, result: reply(submission) }, { status: 400 });
    const until = zonedLocalToUtc(submission.value.until, eventZone(event.timezone));
    if (!until) return data({ intent, result: reply(submission, { fieldErrors: { until: ["validation.invalid"] } }) }, { status: 400 });
    if (until.getTime() <= now.getTime()) return data({ intent, result: reply(submission, { fieldErrors: { until: ["screening.errors.untilPast"] } }) }, { status: 400 });
    if (!(await grantExtension({ eventId: event.id, actorId: user.id, teamId, until, reason: submission.value.reason }))) throw notFound();
    throw redirect(`/kelola/${event.slug}/tim/${teamId}?ok=extension`);
  }
  const submission = parseKnownFields(formData, reviewSchema);
  if (submission.status !== "success") return data({ intent: "review", result: reply(submission) }, { status: 400 });
  const team = await getScreeningTeam(event.id, teamId);
  if (!team) throw notFound();
  // Accepting a team short of members is allowed (they may still complete it), but never by accident.
  if (submission.value.decision === "ACCEPTED" && formData.get("acceptIncomplete") !== "on") {
    const pools = await listPools(event.id);
    if (missingMembers(rulesOf({ ...event, pools }), team.members).total > 0) {
      return data({ intent: "review", result: reply(submission, { fieldErrors: { acceptIncomplete: ["screening.errors.acceptIncomplete"] } }) }, { status: 400 });
    }
  }
  await reviewTeams({ event, actorId: user.id, teamIds: [teamId], decision: submission.value.decision, reason: submission.value.reason ?? null, now });
  throw redirect(`/kelola/${event.slug}/tim/${teamId}?ok=review`);
}

export default function ScreeningTeam() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const last = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const format = useFormatInEvent(d.event.timezone);
  const [reviewForm, reviewFields] = useZodForm(reviewSchema, {
    id: "review",
    lastResult: last?.intent === "review" ? last.result : undefined,
    defaultValue: { decision: d.team.status, reason: d.team.statusReason ?? "" },
  });
  const [extForm, extFields] = useZodForm(extensionSchema, {
    id: "extension",
    lastResult: last?.intent === "extension" ? last.result : undefined,
    defaultValue: { until: d.extension?.untilLocal ?? "", reason: d.extension?.reason ?? "" },
  });
  const ok = params.get("ok");
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <Link to={`/kelola/${d.event.slug}/tim`} className="btn-link text-sm">
          ← {t("screening.backToList")}
        </Link>
        <h2 className="mt-2 flex flex-wrap items-center gap-3 text-2xl font-bold">
          <span>{d.team.name}</span>
          <StatusBadge status={d.team.status} />
        </h2>
        {d.team.statusReason ? <p className="mt-1 text-slate-700">{t("team.page.rejectedReason", { reason: d.team.statusReason })}</p> : null}
      </div>
      {ok ? <FormAlert tone="success" errors={[`screening.done.${ok}`]} /> : null}

      <section className="card" aria-labelledby="data">
        <h3 id="data" className="text-lg font-bold">
          {t("team.page.details")}
        </h3>
        <dl className="mt-3 grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
          <TeamDetailRows team={d.team} />
          <dt className="font-semibold text-slate-700">{t("screening.completeness")}</dt>
          <dd>{d.missing ? t("screening.missing", { count: d.missing }) : t("screening.complete")}</dd>
        </dl>
        <h4 className="mt-4 font-bold">{t("team.page.members", { count: d.members.length, max: d.event.maxTeamSize })}</h4>
        {d.contactsErasedAt ? <p className="mt-1 text-sm text-slate-600">{t("privacy.retention.organizerNotice", { at: format(d.contactsErasedAt) })}</p> : null}
        <ul className="mt-2 divide-y divide-slate-200 text-sm">
          {d.members.map((m) => (
            <li key={m.id} className="py-2">
              <span className="font-semibold">{m.name}</span> · {t(`team.role.${m.role}`)}
              {m.pool ? ` · ${m.pool}` : ""}
              <br />
              <MemberContact email={m.email} whatsappLink={m.whatsappLink} />
            </li>
          ))}
        </ul>
        <WaitingPlaces places={d.waiting} />
      </section>

      <section className="card" aria-labelledby="keputusan">
        <h3 id="keputusan" className="text-lg font-bold">
          {t("screening.decision")}
        </h3>
        <Form method="post" {...getFormProps(reviewForm)} className="mt-3 space-y-3">
          <FormAlert errors={serverFormErrors(last?.intent === "review" ? last.result : undefined)} />
          <fieldset>
            <legend className="field-label">{t("screening.status")}</legend>
            <div className="flex flex-wrap gap-4">
              {(["ACCEPTED", "REJECTED", "PENDING"] as const).map((s) => (
                <label key={s} className="flex min-h-[44px] items-center gap-2">
                  <input type="radio" name={reviewFields.decision.name} value={s} defaultChecked={reviewFields.decision.initialValue === s} className="h-5 w-5" />
                  {t(`screening.decide.${s}`)}
                </label>
              ))}
            </div>
            <FieldErrors id={reviewFields.decision.errorId} errors={reviewFields.decision.errors} />
          </fieldset>
          <TextareaField label={t("screening.reason")} hint={t("screening.reasonHint")} field={reviewFields.reason} />
          {d.missing ? (
            <div className="rounded-lg border border-amber-300 bg-amber-50 p-3">
              <p className="text-sm font-semibold text-amber-950">{t("screening.belowMinimum", { count: d.missing, min: d.event.minTeamSize })}</p>
              <label className="mt-2 flex min-h-[44px] items-center gap-2 text-sm">
                <input type="checkbox" name="acceptIncomplete" aria-describedby="terima-kurang-error" className="h-5 w-5" />
                {t("screening.acceptIncomplete")}
              </label>
              <FieldErrors id="terima-kurang-error" errors={reviewForm.allErrors.acceptIncomplete} />
            </div>
          ) : null}
          <button type="submit" className="btn-primary" disabled={busy}>
            {t("screening.saveDecision")}
          </button>
        </Form>
      </section>

      <section className="card" aria-labelledby="perpanjangan">
        <h3 id="perpanjangan" className="text-lg font-bold">
          {t("screening.extensionTitle")}
        </h3>
        <p className="mt-1 text-sm text-slate-700">{t("screening.extensionIntro", { at: format(d.event.registrationClosesAt) })}</p>
        {d.extension ? <p className="mt-2 text-sm font-semibold">{t("screening.extensionCurrent", { until: format(d.extension.until), reason: d.extension.reason })}</p> : null}
        <Form method="post" {...getFormProps(extForm)} className="mt-3 space-y-3">
          <input type="hidden" name="intent" value="extension" />
          <FormAlert errors={serverFormErrors(last?.intent === "extension" ? last.result : undefined)} />
          <TextField label={t("screening.extensionUntil")} hint={t("screening.extensionUntilHint")} field={extFields.until} type="datetime-local" />
          <TextareaField label={t("screening.reason")} field={extFields.reason} rows={2} />
          <button type="submit" className="btn-secondary" disabled={busy}>
            {t("screening.grantExtension")}
          </button>
        </Form>
      </section>
    </div>
  );
}

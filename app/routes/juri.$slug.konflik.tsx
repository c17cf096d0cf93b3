// The judge's own affiliations (region, KIM, institution) and the teams they declare a conflict
// with. Saved declarations and detected conflicts keep the judge off those teams' submissions
// (under blind judging, declarations do so through the organizers: see judge-profile.server).
import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FieldErrors, FormAlert, serverFormErrors, useZodForm } from "~/components/forms";
import { judgeConflictPage, saveJudgeProfile } from "~/models/judge-profile.server";
import { parseKnownFields, reply } from "~/services/forms.server";
import { requireJudge } from "~/models/event-guards.server";
import { judgeProfileSchema } from "~/validation/judging";
import { failureErrors } from "~/validation/message";
import { Card } from "~/components/card";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event } = await requireJudge(request, params.slug);
  const page = await judgeConflictPage(event, user.id, new Date());
  return { ...page, rules: { region: event.conflictSameRegion, kim: event.conflictSameKim, institution: event.conflictSameInstitution } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, event } = await requireJudge(request, params.slug);
  const form = await request.formData();
  const submission = parseKnownFields(form, judgeProfileSchema);
  if (submission.status !== "success") return data({ ...reply(submission), saved: false }, { status: 400 });
  const v = submission.value;
  // A page whose affiliation is read-only sends none: the stored one stays.
  const sent = form.has("regionId") || form.has("kimName") || form.has("institution");
  const affiliation = sent ? { regionId: v.regionId || null, kimName: v.kimName ?? "", institution: v.institution ?? "" } : undefined;
  const result = await saveJudgeProfile(event, user.id, { affiliation, teamIds: v.teamIds }, new Date());
  if (!result.ok)
    return data(
      {
        ...reply(
          submission,
          failureErrors(result, (code) => `judge.errors.${code}`),
        ),
        saved: false,
      },
      { status: 400 },
    );
  return { ...reply(submission), saved: true };
}

export default function JudgeConflicts() {
  const { t } = useTranslation();
  const { profile, affiliation, blind, regions, teams, declaredTeamIds, rules } = useLoaderData<typeof loader>();
  const regionName = regions.find((r) => r.id === profile?.regionId)?.name;
  const lastResult = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useZodForm(judgeProfileSchema, {
    lastResult,
  });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("judge.conflictsTitle")}</h1>
      <p className="text-slate-700">{t("judge.conflictsIntro")}</p>
      <Form method="post" {...getFormProps(form)} className="space-y-6">
        <FormAlert errors={serverFormErrors(lastResult)} />
        {lastResult?.saved ? <FormAlert tone="success" errors={["judge.profileSaved"]} /> : null}
        <Card id="afiliasi" title={t("judge.affiliation")} className="space-y-3">
          <p className="text-sm text-slate-700">{t("judge.affiliationHint")}</p>
          {affiliation === "editable" ? (
            <>
              <div>
                <label htmlFor={fields.regionId.id} className="field-label">
                  {t("judge.region")}
                  {rules.region ? "" : ` (${t("judge.ruleOff")})`}
                </label>
                <select
                  id={fields.regionId.id}
                  name={fields.regionId.name}
                  defaultValue={profile?.regionId ?? ""}
                  className="field-input"
                  aria-invalid={fields.regionId.errors ? true : undefined}
                  aria-describedby={fields.regionId.errorId}
                >
                  <option value="">{t("judge.noRegion")}</option>
                  {regions.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.name}
                    </option>
                  ))}
                </select>
                <FieldErrors id={fields.regionId.errorId} errors={fields.regionId.errors} />
              </div>
              <div>
                <label htmlFor={fields.kimName.id} className="field-label">
                  {t("judge.kimName")}
                  {rules.kim ? "" : ` (${t("judge.ruleOff")})`}
                </label>
                <input
                  id={fields.kimName.id}
                  name={fields.kimName.name}
                  defaultValue={profile?.kimName ?? ""}
                  className="field-input"
                  placeholder={t("judge.kimPlaceholder")}
                  aria-describedby={fields.kimName.errorId}
                />
                <FieldErrors id={fields.kimName.errorId} errors={fields.kimName.errors} />
              </div>
              <div>
                <label htmlFor={fields.institution.id} className="field-label">
                  {t("judge.institution")}
                  {rules.institution ? "" : ` (${t("judge.ruleOff")})`}
                </label>
                <input
                  id={fields.institution.id}
                  name={fields.institution.name}
                  defaultValue={profile?.institution ?? ""}
                  className="field-input"
                  placeholder={t("judge.institutionPlaceholder")}
                  aria-describedby={fields.institution.errorId}
                />
                <FieldErrors id={fields.institution.errorId} errors={fields.institution.errors} />
              </div>
            </>
          ) : (
            <>
              <p className="text-sm">{[regionName, profile?.kimName, profile?.institution].filter(Boolean).join(" · ") || t("judge.noAffiliation")}</p>
              <p className="text-sm text-slate-700">{t(affiliation === "organizer" ? "judge.affiliationByOrganizer" : "judge.affiliationBlind")}</p>
              <FieldErrors id={fields.regionId.errorId} errors={fields.regionId.errors} />
            </>
          )}
        </Card>
        <fieldset className="card space-y-2">
          <legend className="float-left mb-2 w-full text-lg font-bold">{t("judge.declareTitle")}</legend>
          <p className="clear-both text-sm text-slate-700">{t("judge.declareHint")}</p>
          {blind ? <p className="text-sm text-slate-700">{t("judge.declareBlind")}</p> : null}
          {teams.length === 0 ? <p className="text-slate-700">{t("judge.noTeams")}</p> : null}
          <ul className="divide-y divide-slate-200">
            {teams.map((team) => (
              <li key={team.id}>
                <label className="flex min-h-[48px] cursor-pointer items-center gap-3 py-2">
                  <input type="checkbox" name="teamIds" value={team.id} defaultChecked={declaredTeamIds.includes(team.id)} className="h-5 w-5 shrink-0" />
                  <span>
                    <span className="block font-semibold">{team.name}</span>
                    <span className="block text-sm text-slate-700">{[team.kimName, team.region?.name].filter(Boolean).join(" · ")}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
          <FieldErrors id="teamIds-error" errors={fields.teamIds.errors} />
        </fieldset>
        <button type="submit" className="btn-primary w-full sm:w-auto" disabled={busy}>
          {t("judge.saveProfile")}
        </button>
      </Form>
    </div>
  );
}

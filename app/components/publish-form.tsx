// The publish form of the organizer's results page, also used for a correction of the current
// record. Publishing freezes the results and issues certificates, so the form names the round,
// the method and what will happen, and asks for an explicit confirmation; a correction also asks
// why and lists what happens to the record and the certificates it replaces.
import { Form } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { RANKING_METHODS, type RankingMethod } from "~/domain/ranking";
import { FieldErrors, FormAlert } from "./forms";

type Award = { id: string; name: string; kind: string; prize: string };
type Choice = { submissionId: string; place: number | null; teamName: string; title: string };

export function PublishForm(props: {
  roundId: string;
  roundName: string;
  method: RankingMethod;
  awards: Award[];
  suggestions: Record<string, string[]>;
  choices: Choice[];
  votes: { count: number }[] | null;
  unfinished: number;
  laterRounds: { name: string }[];
  errors: Record<string, string[] | null>;
  formErrors: string[] | undefined;
  busy: boolean;
  disabled: boolean;
  /** Set to correct the current record instead of publishing a first one. */
  correction?: { supersedesId: string; sha256: string };
}) {
  const { t } = useTranslation();
  const { errors, correction } = props;
  const [method, setMethod] = useState<RankingMethod>(props.method);
  const methodName = t(`results.method.${method}`);
  return (
    <Form method="post" className="space-y-4" noValidate>
      <FormAlert errors={props.formErrors} />
      <input type="hidden" name="intent" value={correction ? "correct" : "publish"} />
      <input type="hidden" name="roundId" value={props.roundId} />
      {correction ? <input type="hidden" name="supersedesId" value={correction.supersedesId} /> : null}
      {correction ? (
        <div>
          <label htmlFor="correctionReason" className="field-label">
            {t("publication.correction.reason")}
          </label>
          <p id="correctionReason-hint" className="field-hint">
            {t("publication.correction.reasonHint")}
          </p>
          <textarea
            id="correctionReason"
            name="correctionReason"
            rows={3}
            maxLength={1000}
            className="field-input"
            aria-invalid={errors.correctionReason ? true : undefined}
            aria-describedby="correctionReason-hint correctionReason-error"
          />
          <FieldErrors id="correctionReason-error" errors={errors.correctionReason ?? undefined} />
        </div>
      ) : null}
      <fieldset>
        <legend className="field-label">{t("publication.method")}</legend>
        <div className="flex flex-wrap gap-3">
          {RANKING_METHODS.map((m) => (
            <label key={m} className="flex min-h-[44px] items-center gap-2">
              <input type="radio" name="method" value={m} checked={m === method} onChange={() => setMethod(m)} className="h-5 w-5" />
              {t(`results.method.${m}`)}
            </label>
          ))}
        </div>
        <FieldErrors errors={errors.method ?? undefined} />
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="field-label">{t("publication.awards")}</legend>
        <p className="field-hint">{t("publication.awardsHint")}</p>
        {props.awards.map((a) => {
          const picked = props.suggestions[a.id] ?? [];
          const slots = Math.max(2, picked.length);
          return (
            <div key={a.id} className="rounded-lg border border-slate-200 p-3">
              <p className="font-semibold">
                {a.name} {a.prize ? <span className="text-sm font-normal text-slate-700">— {a.prize}</span> : null}
              </p>
              {a.kind === "PEOPLES_CHOICE" && props.votes ? <p className="text-xs text-slate-700">{t("vote.tallyHint", { n: props.votes.reduce((s, v) => s + v.count, 0) })}</p> : null}
              <div className="mt-2 grid gap-2 sm:grid-cols-2">
                {Array.from({ length: slots }, (_, i) => (
                  <div key={i}>
                    <label htmlFor={`award-${a.id}-${i}`} className="text-sm text-slate-700">
                      {i === 0 ? t("publication.recipient") : t("publication.jointRecipient")}
                    </label>
                    <select id={`award-${a.id}-${i}`} name={`award-${a.id}`} defaultValue={picked[i] ?? ""} className="field-input" aria-invalid={errors[`award-${a.id}`] ? true : undefined}>
                      <option value="">{t("publication.noRecipient")}</option>
                      {props.choices.map((c) => (
                        <option key={c.submissionId} value={c.submissionId}>
                          {`${c.place ?? "–"}. ${c.teamName} — ${c.title}`}
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
        <p className="field-hint">{t("publication.choicesHint")}</p>
      </fieldset>
      {props.unfinished > 0 ? (
        <fieldset className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-3">
          <legend className="px-1 font-semibold text-amber-900">{t("publication.unfinishedTitle", { n: props.unfinished })}</legend>
          <label className="flex min-h-[44px] items-center gap-2">
            <input type="checkbox" name="override" className="h-5 w-5" aria-describedby="override-error" />
            {t("publication.override")}
          </label>
          <FieldErrors id="override-error" errors={errors.override ?? undefined} />
          <label htmlFor="overrideReason" className="field-label">
            {t("publication.overrideReason")}
          </label>
          <textarea id="overrideReason" name="overrideReason" rows={2} className="field-input" aria-invalid={errors.overrideReason ? true : undefined} aria-describedby="reason-error" />
          <FieldErrors id="reason-error" errors={errors.overrideReason ?? undefined} />
        </fieldset>
      ) : null}
      <div className="space-y-2 rounded-lg border border-slate-300 bg-slate-50 p-3">
        {correction ? (
          <div id="correction-effects" className="space-y-1 text-slate-900">
            <p className="font-semibold">{t("publication.correction.effectsTitle")}</p>
            <ul className="list-disc space-y-1 pl-5 text-sm">
              <li>{t("publication.correction.effectOld", { hash: correction.sha256.slice(0, 12) })}</li>
              <li>{t("publication.correction.effectNew", { round: props.roundName, method: methodName })}</li>
              <li>{t("publication.correction.effectCertificates")}</li>
              <li>{t("publication.correction.effectPublic")}</li>
            </ul>
          </div>
        ) : null}
        <label className="flex items-start gap-2 text-slate-900">
          <input
            type="checkbox"
            name="confirm"
            className="mt-1 h-5 w-5 shrink-0"
            aria-describedby={correction ? "correction-effects confirm-error" : "confirm-error"}
            aria-invalid={errors.confirm ? true : undefined}
          />
          <span>
            {correction ? t("publication.correction.confirm", { round: props.roundName, method: methodName }) : t("publication.confirm", { round: props.roundName, method: methodName })}
            {props.laterRounds.length ? (
              <span className="mt-1 block font-semibold text-amber-900">{t("publication.confirmLater", { rounds: props.laterRounds.map((r) => r.name).join(", ") })}</span>
            ) : null}
          </span>
        </label>
        <FieldErrors id="confirm-error" errors={errors.confirm ?? undefined} />
      </div>
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={props.busy || props.disabled}>
        {correction ? t("publication.correction.submit") : t("publication.submit")}
      </button>
    </Form>
  );
}

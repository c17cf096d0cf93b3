// Form pieces and badges used by the team pages (registration, team page, screening).
import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import type { NextStep } from "~/domain/team-progress";
import { formatInZone, eventZone } from "~/domain/time";
import { FieldErrors } from "./forms";

type Field = FieldMetadata<string | undefined | null>;

export function SelectField({
  label,
  field,
  options,
  placeholder,
  hint,
}: {
  label: string;
  field: Field;
  options: { value: string; label: string }[];
  placeholder?: string;
  hint?: string;
}) {
  const hintId = hint ? `${field.id}-hint` : undefined;
  const props = getSelectProps(field, { ariaAttributes: true });
  const describedBy = [props["aria-describedby"], hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={field.id} className="field-label">
        {label}
      </label>
      <select {...props} key={props.key} aria-describedby={describedBy} className="field-input">
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function FileField({ label, field, accept, hint }: { label: string; field: Field; accept: string; hint?: string }) {
  const hintId = hint ? `${field.id}-hint` : undefined;
  const props = getInputProps(field, { type: "file", ariaAttributes: true });
  const describedBy = [props["aria-describedby"], hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={field.id} className="field-label">
        {label}
      </label>
      <input {...props} key={props.key} accept={accept} aria-describedby={describedBy} className="field-input file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1 file:font-semibold" />
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function TextareaField({ label, field, hint, rows = 3 }: { label: string; field: Field; hint?: string; rows?: number }) {
  const hintId = hint ? `${field.id}-hint` : undefined;
  const props = getTextareaProps(field, { ariaAttributes: true });
  const describedBy = [props["aria-describedby"], hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={field.id} className="field-label">
        {label}
      </label>
      <textarea {...props} key={props.key} rows={rows} aria-describedby={describedBy} className="field-input" />
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

const STATUS_STYLE = {
  PENDING: "bg-amber-100 text-amber-900",
  ACCEPTED: "bg-green-100 text-green-900",
  REJECTED: "bg-red-100 text-red-900",
} as const;

export function StatusBadge({ status }: { status: keyof typeof STATUS_STYLE }) {
  const { t } = useTranslation();
  return <span className={`badge ${STATUS_STYLE[status]}`}>{t(`team.status.${status}`)}</span>;
}

export function useDisplayLocale(): "id" | "en" {
  const { i18n } = useTranslation();
  return i18n.language === "en" ? "en" : "id";
}

export function useFormatInEvent(timezone: string) {
  const lang = useDisplayLocale();
  return (date: Date | string) => formatInZone(new Date(date), eventZone(timezone), lang);
}

/** One line saying what the team should do next (see domain/team-progress nextStep). */
export function NextStepText({ step, timezone }: { step: NextStep; timezone: string }) {
  const { t } = useTranslation();
  const format = useFormatInEvent(timezone);
  switch (step.key) {
    case "rejected":
      return <>{t("myTeams.next.rejected", { reason: step.reason ?? "—" })}</>;
    case "completeMembers":
      return <>{t("myTeams.next.completeMembers", { count: step.count, until: format(step.until) })}</>;
    case "submissionOpens":
      return <>{t("myTeams.next.submissionOpens", { at: format(step.at) })}</>;
    case "submit":
    case "revise":
      return <>{t(`myTeams.next.${step.key}`, { until: format(step.until) })}</>;
    default:
      return <>{t(`myTeams.next.${step.key}`)}</>;
  }
}

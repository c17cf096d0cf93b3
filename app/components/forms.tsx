// The one set of form fields: each reads its value and errors from Conform, labels itself, links
// its hint and error line with aria-describedby, and keeps the error line's height when empty.
import { getInputProps, getSelectProps, getTextareaProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseForm } from "~/validation/parse-form";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { z, ZodTypeAny } from "zod";
import { readMessage } from "~/validation/message";

/** Errors and notices are messages made by `msg` (a locale key and its parameters); i18next translates them here. */
export function useErrorText() {
  const { t } = useTranslation();
  return (error: string) => {
    const { key, params } = readMessage(error);
    return t(key, params);
  };
}

// The error line keeps its height when empty, so a message appearing on blur never moves the
// submit button out from under a finger mid-tap.
export function FieldErrors({ id, errors }: { id?: string; errors?: string[] }) {
  const text = useErrorText();
  return (
    <div id={id} className="field-error min-h-[1.25rem]" aria-live="polite">
      {errors?.map((e) => (
        <p key={e}>{text(e)}</p>
      ))}
    </div>
  );
}

/**
 * Form-level errors as the server sent them. Read from the action's reply rather than Conform's
 * live state, so validating one field on blur does not make the message vanish mid-tap.
 */
export function serverFormErrors(result: { error?: Record<string, string[] | null> | null } | null | undefined): string[] | undefined {
  return result?.error?.[""] ?? undefined;
}

type InputType = "text" | "email" | "password" | "tel" | "url" | "number" | "datetime-local" | "date" | "search";

/** Any Conform field a form control can show (the controls cast to the shape they render). */
type AnyField = FieldMetadata<string | number | boolean | undefined | null>;

/** Label, control, hint and error line: the frame every field below shares. */
function FieldFrame({ field, label, hint, className, children }: { field: AnyField; label: string; hint?: string; className?: string; children: (describedBy: string | undefined) => ReactNode }) {
  const hintId = hint ? `${field.id}-hint` : undefined;
  const describedBy = [field.errors?.length ? field.errorId : null, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={field.id} className="field-label">
        {label}
      </label>
      {children(describedBy)}
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function TextField({
  label,
  hint,
  field,
  type = "text",
  autoComplete,
  className,
  inputMode,
  placeholder,
  step,
  min,
  max,
}: {
  label: string;
  hint?: string;
  field: FieldMetadata<string | number | undefined | null>;
  type?: InputType;
  autoComplete?: string;
  className?: string;
  inputMode?: React.HTMLAttributes<HTMLInputElement>["inputMode"];
  placeholder?: string;
  step?: string;
  min?: string;
  max?: string;
}) {
  const props = getInputProps(field, { type: type === "datetime-local" || type === "date" || type === "search" ? "text" : type, ariaAttributes: true });
  return (
    <FieldFrame field={field} label={label} hint={hint} className={className}>
      {(describedBy) => (
        <input
          {...props}
          type={type}
          key={props.key}
          aria-describedby={describedBy}
          autoComplete={autoComplete}
          inputMode={inputMode}
          placeholder={placeholder}
          step={step}
          min={min}
          max={max}
          className="field-input"
        />
      )}
    </FieldFrame>
  );
}

export function TextareaField({ label, hint, field, rows = 3 }: { label: string; hint?: string; field: AnyField; rows?: number }) {
  const props = getTextareaProps(field as FieldMetadata<string>, { ariaAttributes: true });
  return (
    <FieldFrame field={field} label={label} hint={hint}>
      {(describedBy) => <textarea {...props} key={props.key} rows={rows} aria-describedby={describedBy} className="field-input" />}
    </FieldFrame>
  );
}

/** A choice from a list; `placeholder` adds an empty first option ("pilih …"). */
export function SelectField({ label, hint, field, options, placeholder }: { label: string; hint?: string; field: AnyField; options: { value: string; label: string }[]; placeholder?: string }) {
  const props = getSelectProps(field as FieldMetadata<string>, { ariaAttributes: true });
  return (
    <FieldFrame field={field} label={label} hint={hint}>
      {(describedBy) => (
        <select {...props} key={props.key} aria-describedby={describedBy} className="field-input">
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

export function FileField({ label, hint, field, accept }: { label: string; hint?: string; field: AnyField; accept: string }) {
  const props = getInputProps(field as FieldMetadata<string>, { type: "file", ariaAttributes: true });
  return (
    <FieldFrame field={field} label={label} hint={hint}>
      {(describedBy) => (
        <input
          {...props}
          key={props.key}
          accept={accept}
          aria-describedby={describedBy}
          className="field-input file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1 file:font-semibold"
        />
      )}
    </FieldFrame>
  );
}

/** A checkbox; `withErrors` gives it an error line (a box that must be ticked, such as a consent). */
export function CheckboxField({ label, hint, field, withErrors = false }: { label: string; hint?: string; field: AnyField; withErrors?: boolean }) {
  const props = getInputProps(field as FieldMetadata<boolean>, { type: "checkbox" });
  const describedBy = [withErrors && field.errors?.length ? field.errorId : null, hint ? `${field.id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="py-1">
      <div className="flex items-start gap-3">
        <input {...props} key={props.key} aria-describedby={describedBy} className="mt-1 h-5 w-5 shrink-0 rounded border-slate-400 text-brand-600" />
        <div>
          <label htmlFor={field.id} className="font-semibold text-slate-800">
            {label}
          </label>
          {hint ? (
            <p id={`${field.id}-hint`} className="text-sm text-slate-600">
              {hint}
            </p>
          ) : null}
        </div>
      </div>
      {withErrors ? <FieldErrors id={field.errorId} errors={field.errors} /> : null}
    </div>
  );
}

export function FormAlert({ errors, tone = "error" }: { errors?: string[] | null; tone?: "error" | "success" }) {
  const text = useErrorText();
  if (!errors?.length) return null;
  const cls = tone === "error" ? "border-red-300 bg-red-50 text-red-800" : "border-green-300 bg-green-50 text-green-900";
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-lg border px-4 py-3 text-sm font-medium ${cls}`}>
      {errors.map((e) => (
        <p key={e}>{text(e)}</p>
      ))}
    </div>
  );
}

type Choice = { value: string; label: string };

/**
 * A list filter sent as a GET parameter: a labelled select whose first choice (value "") shows
 * everything. `all` names that choice when "Semua" is not the right word.
 */
export function FilterSelect({ id, name, label, value, options, all }: { id?: string; name: string; label: string; value: string | null | undefined; options: Choice[]; all?: string }) {
  const { t } = useTranslation();
  const fieldId = id ?? name;
  return (
    <div>
      <label htmlFor={fieldId} className="field-label">
        {label}
      </label>
      <select id={fieldId} name={name} defaultValue={value ?? ""} className="field-input">
        <option value="">{all ?? t("common.all")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The free-text search of a list filter, sent as a GET parameter. */
export function SearchField({
  id,
  name,
  label,
  value,
  placeholder,
  className,
}: {
  id?: string;
  name: string;
  label: string;
  value: string | null | undefined;
  placeholder?: string;
  className?: string;
}) {
  const fieldId = id ?? name;
  return (
    <div className={className}>
      <label htmlFor={fieldId} className="field-label">
        {label}
      </label>
      <input id={fieldId} type="search" name={name} defaultValue={value ?? ""} className="field-input" placeholder={placeholder} />
    </div>
  );
}

type ZodFormOptions<Schema extends ZodTypeAny> = Omit<Parameters<typeof useForm<z.input<Schema>, z.output<Schema>>>[0], "onValidate" | "shouldRevalidate">;

/**
 * A Conform form validated by its Zod schema in the browser the same way the action validates it
 * on the server: checked when a field is left (or on submit, where said), re-checked as the user
 * types after an error.
 */
export function useZodForm<Schema extends ZodTypeAny>(schema: Schema, options: ZodFormOptions<Schema>) {
  return useForm<z.input<Schema>, z.output<Schema>>({
    shouldValidate: "onBlur",
    ...options,
    onValidate: ({ formData }) => parseForm(formData, schema),
    shouldRevalidate: "onInput",
  });
}

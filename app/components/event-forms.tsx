// Form pieces for the organizer pages: text areas, selects and check boxes that read their
// errors from Conform, plus the plain (per-item) field used in lists of small forms.
import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { useSearchParams } from "@remix-run/react";
import { FieldErrors, FormAlert } from "./forms";

type Field = FieldMetadata<string | number | boolean | undefined | null>;

function describedBy(field: Field, hint?: string) {
  return [field.errors?.length ? field.errorId : null, hint ? `${field.id}-hint` : null].filter(Boolean).join(" ") || undefined;
}

export function TextAreaField({ label, hint, field, rows = 5 }: { label: string; hint?: string; field: Field; rows?: number }) {
  const props = getTextareaProps(field as FieldMetadata<string>);
  return (
    <div>
      <label htmlFor={field.id} className="field-label">
        {label}
      </label>
      <textarea {...props} key={props.key} rows={rows} aria-describedby={describedBy(field, hint)} className="field-input" />
      {hint ? (
        <p id={`${field.id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function SelectField({ label, hint, field, options }: { label: string; hint?: string; field: Field; options: { value: string; label: string }[] }) {
  const props = getSelectProps(field as FieldMetadata<string>);
  return (
    <div>
      <label htmlFor={field.id} className="field-label">
        {label}
      </label>
      <select {...props} key={props.key} aria-describedby={describedBy(field, hint)} className="field-input">
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint ? (
        <p id={`${field.id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function CheckboxField({ label, hint, field }: { label: string; hint?: string; field: Field }) {
  const props = getInputProps(field as FieldMetadata<boolean>, { type: "checkbox" });
  return (
    <div className="flex items-start gap-3 py-1">
      <input {...props} key={props.key} aria-describedby={hint ? `${field.id}-hint` : undefined} className="mt-1 h-5 w-5 shrink-0 rounded border-slate-400 text-brand-600" />
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
  );
}

/** A field of a small uncontrolled form (one per list item); errors come from the action's reply for that item. */
export function PlainField({
  id,
  name,
  label,
  defaultValue,
  errors,
  type = "text",
  multiline = false,
  required = false,
  inputMode,
}: {
  id: string;
  name: string;
  label: string;
  defaultValue?: string | number | null;
  errors?: string[] | null;
  type?: string;
  multiline?: boolean;
  required?: boolean;
  inputMode?: React.HTMLAttributes<HTMLInputElement>["inputMode"];
}) {
  const invalid = Boolean(errors?.length);
  const common = {
    id,
    name,
    defaultValue: defaultValue ?? "",
    "aria-invalid": invalid || undefined,
    "aria-describedby": invalid ? `${id}-error` : undefined,
    required,
    className: "field-input",
  };
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {multiline ? <textarea {...common} rows={3} /> : <input {...common} type={type} inputMode={inputMode} />}
      <FieldErrors id={`${id}-error`} errors={errors ?? undefined} />
    </div>
  );
}

/** "Saved" after a successful post (the action redirects with ?tersimpan=…), hidden once a new reply arrives. */
export function SavedNotice({ hidden }: { hidden?: boolean }) {
  const [params] = useSearchParams();
  const what = params.get("tersimpan");
  if (!what || hidden) return null;
  return <FormAlert tone="success" errors={[`organizer.saved.${what}`]} />;
}

export function PageIntro({ title, intro }: { title: string; intro?: string }) {
  return (
    <div>
      <h2 className="text-xl font-bold">{title}</h2>
      {intro ? <p className="mt-1 text-slate-700">{intro}</p> : null}
    </div>
  );
}

export function itemErrors(actionData: unknown, intent: string, id: string | null) {
  const d = actionData as { intent?: string; id?: string | null; result?: { error?: Record<string, string[] | null> } } | undefined;
  if (!d || d.intent !== intent || (d.id ?? null) !== id) return null;
  return d.result?.error ?? null;
}

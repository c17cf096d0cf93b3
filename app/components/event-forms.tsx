// Pieces of the organizer pages: the plain (per-item) field used in lists of small forms, the
// "saved" notice, a section's heading and the per-item errors of a list action. The Conform-bound
// fields are in forms.tsx.
import { useSearchParams } from "@remix-run/react";
import { FieldErrors, FormAlert } from "./forms";

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
  options,
  emptyOption,
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
  /** A choice instead of free text; `emptyOption` names the first, empty choice. */
  options?: { value: string; label: string }[];
  emptyOption?: string;
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
      {options ? (
        <select {...common}>
          <option value="">{emptyOption ?? ""}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : multiline ? (
        <textarea {...common} rows={3} />
      ) : (
        <input {...common} type={type} inputMode={inputMode} />
      )}
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

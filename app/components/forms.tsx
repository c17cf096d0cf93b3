import { getInputProps, type FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";

/** Field errors are locale keys (optionally "key|{json params}"); they are translated here. */
export function useErrorText() {
  const { t } = useTranslation();
  return (error: string) => {
    const [key, params] = error.split("|");
    return t(key, params ? (JSON.parse(params) as Record<string, string>) : undefined);
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
  const hintId = hint ? `${field.id}-hint` : undefined;
  const props = getInputProps(field, { type: type === "datetime-local" || type === "date" || type === "search" ? "text" : type, ariaAttributes: true });
  const describedBy = [props["aria-describedby"], hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={field.id} className="field-label">
        {label}
      </label>
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
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={field.errorId} errors={field.errors} />
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

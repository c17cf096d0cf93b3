import { useTranslation } from "react-i18next";
import { formatDecimal } from "~/domain/number";
import { FieldErrors } from "./forms";

export type RubricCriterion = { id: string; name: string; description: string; weight: number; scaleMin: number; scaleMax: number };

// Up to 11 values (0–10) a whole scale fits on a phone as large tap targets; wider scales use a number field.
export const MAX_SEGMENTS = 11;

const GRID: Record<number, string> = {
  2: "grid-cols-2",
  3: "grid-cols-3",
  4: "grid-cols-4",
  5: "grid-cols-5",
  6: "grid-cols-6",
  7: "grid-cols-4 sm:grid-cols-7",
  8: "grid-cols-4 sm:grid-cols-8",
  9: "grid-cols-5 sm:grid-cols-9",
  10: "grid-cols-5 sm:grid-cols-10",
  11: "grid-cols-6 sm:grid-cols-11",
};

/** One criterion of the rubric: its description and a score within its scale. */
export function ScoreInput({
  criterion,
  value,
  onChange,
  errors,
  disabled,
}: {
  criterion: RubricCriterion;
  value: number | null;
  onChange: (value: number | null) => void;
  errors?: string[];
  disabled: boolean;
}) {
  const { t, i18n } = useTranslation();
  const c = criterion;
  const name = `score.${c.id}`;
  const count = c.scaleMax - c.scaleMin + 1;
  const descId = `krit-${c.id}-desc`;
  const errId = `krit-${c.id}-err`;
  const invalid = errors && errors.length > 0 ? true : undefined;
  return (
    <fieldset className="space-y-2" aria-describedby={`${descId} ${errId}`} aria-invalid={invalid} data-criterion={c.name}>
      <legend className="text-base font-bold text-slate-900">
        {c.name} <span className="text-sm font-normal text-slate-700">· {t("scoring.weight", { weight: formatDecimal(c.weight, i18n.language) })}</span>
      </legend>
      <p id={descId} className="text-sm text-slate-700">
        {c.description} <span className="whitespace-nowrap">({t("scoring.scale", { min: c.scaleMin, max: c.scaleMax })})</span>
      </p>
      {count <= MAX_SEGMENTS ? (
        <div className={`grid gap-2 ${GRID[count] ?? "grid-cols-5"}`}>
          {Array.from({ length: count }, (_, i) => c.scaleMin + i).map((v) => (
            <label key={v} className="relative block">
              <input
                type="radio"
                name={name}
                value={v}
                checked={value === v}
                onChange={() => onChange(v)}
                disabled={disabled}
                className="peer absolute inset-0 h-full w-full cursor-pointer opacity-0 disabled:cursor-not-allowed"
              />
              <span className="flex min-h-[48px] items-center justify-center rounded-lg border-2 border-slate-300 bg-white text-lg font-bold text-slate-900 peer-checked:border-brand-700 peer-checked:bg-brand-600 peer-checked:text-white peer-focus-visible:outline peer-focus-visible:outline-[3px] peer-focus-visible:outline-offset-2 peer-focus-visible:outline-accent-500 peer-disabled:opacity-70">
                {v}
              </span>
            </label>
          ))}
        </div>
      ) : (
        <input
          type="number"
          name={name}
          inputMode="numeric"
          min={c.scaleMin}
          max={c.scaleMax}
          step={1}
          value={value ?? ""}
          disabled={disabled}
          aria-label={c.name}
          aria-invalid={invalid}
          onChange={(e) => {
            const text = e.currentTarget.value.trim();
            onChange(text === "" ? null : Number(text));
          }}
          className="field-input max-w-[8rem] text-lg"
        />
      )}
      <FieldErrors id={errId} errors={errors} />
    </fieldset>
  );
}

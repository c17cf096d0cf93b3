// Typing a certificate's code: a plain GET form, so it works before (or without) JavaScript and
// the result is a page address people can share.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FieldErrors } from "./forms";

export function CertificateCodeForm({ defaultValue, errors }: { defaultValue?: string; errors?: string[] }) {
  const { t } = useTranslation();
  return (
    <Form method="get" action="/verifikasi" className="space-y-2" noValidate>
      <label htmlFor="kode" className="field-label">
        {t("certificate.lookup.label")}
      </label>
      <p id="kode-hint" className="field-hint">
        {t("certificate.lookup.hint")}
      </p>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
        <div className="sm:flex-1">
          <input
            id="kode"
            name="kode"
            type="text"
            defaultValue={defaultValue}
            maxLength={100}
            autoComplete="off"
            autoCapitalize="characters"
            autoCorrect="off"
            spellCheck={false}
            className="field-input font-mono"
            aria-invalid={errors?.length ? true : undefined}
            aria-describedby="kode-hint kode-error"
          />
          <FieldErrors id="kode-error" errors={errors} />
        </div>
        <button type="submit" className="btn-primary">
          {t("certificate.lookup.submit")}
        </button>
      </div>
    </Form>
  );
}

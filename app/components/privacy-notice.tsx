// The platform's privacy notice: the short form shown where data is first given (sign-up) and
// the full text (/privasi, and the page that asks again after a new version).
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PRIVACY_UPDATED, PRIVACY_VERSION } from "~/domain/privacy";
import { FieldErrors } from "./forms";
import { Card } from "./card";

const SHORT = ["who", "what", "why", "whoSees", "howLong"] as const;
const SECTIONS = ["controller", "data", "purpose", "sharing", "retention", "rights", "security", "changes"] as const;

export function PrivacyVersion() {
  const { t } = useTranslation();
  return <p className="text-sm text-slate-600">{t("privacy.version", { version: PRIVACY_VERSION, date: PRIVACY_UPDATED })}</p>;
}

export function PrivacySummary({ operator }: { operator: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="privasi-ringkas" className="rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm text-slate-800">
      <h2 id="privasi-ringkas" className="font-bold">
        {t("privacy.short.heading")}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {SHORT.map((key) => (
          <li key={key}>{t(`privacy.short.${key}`, { operator })}</li>
        ))}
      </ul>
      <p className="mt-2">
        <Link to="/privasi" className="btn-link" target="_blank" rel="noopener">
          {t("privacy.short.more")}
        </Link>{" "}
        <span className="text-slate-600">({t("privacy.version", { version: PRIVACY_VERSION, date: PRIVACY_UPDATED })})</span>
      </p>
    </section>
  );
}

export function PrivacyFull({ operator, contact }: { operator: string; contact: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="space-y-4 text-slate-800">
      <p>{t("privacy.full.intro")}</p>
      {SECTIONS.map((key) => (
        <section key={key} aria-labelledby={`privasi-${key}`}>
          <h2 id={`privasi-${key}`} className="text-lg font-bold">
            {t(`privacy.full.${key}Title`)}
          </h2>
          <p className="mt-1">{t(`privacy.full.${key}`, { operator })}</p>
        </section>
      ))}
      <Card id="privasi-kontak" title={t("privacy.full.contactTitle")} plain>
        <p className="mt-1 [overflow-wrap:anywhere]">{contact ? t("privacy.full.contact", { contact }) : t("privacy.full.contactNone")}</p>
      </Card>
    </div>
  );
}

/**
 * An event's own notice with the box to tick (`children`): shown to the captain at team
 * registration, to each member joining by invite and to a member claiming an imported place.
 */
export function EventNoticeAgreement({ notice, children }: { notice: string; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="privasi-acara" className="rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm text-slate-800">
      <h2 id="privasi-acara" className="font-bold">
        {t("privacy.eventNotice.title")}
      </h2>
      <p className="mt-1 text-slate-700">{t("privacy.eventNotice.intro")}</p>
      <p className="mt-2 whitespace-pre-line [overflow-wrap:anywhere]">{notice}</p>
      <p className="mt-2">
        <Link to="/privasi" className="btn-link" target="_blank" rel="noopener">
          {t("privacy.short.more")}
        </Link>
      </p>
      {children}
    </section>
  );
}

/**
 * The event's notice with the tick that agrees to it (a plain form field `agreeEventNotice`),
 * for forms outside Conform. Where the action can refuse a missing tick, pass `errors` (an empty
 * list before any refusal) so the tick is tied to its error line.
 */
export function EventNoticeCheck({ notice, label, errors }: { notice: string; label: string; errors?: string[] | null }) {
  return (
    <EventNoticeAgreement notice={notice}>
      <label className="mt-2 flex items-start gap-3 font-semibold text-slate-800">
        <input type="checkbox" name="agreeEventNotice" className="mt-1 h-5 w-5 shrink-0 rounded border-slate-400 text-brand-600" aria-describedby={errors ? "agree-error" : undefined} />
        <span>{label}</span>
      </label>
      {errors ? <FieldErrors id="agree-error" errors={errors} /> : null}
    </EventNoticeAgreement>
  );
}

// The platform's privacy notice: the short form shown where data is first given (sign-up) and
// the full text (/privasi, and the page that asks again after a new version).
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PRIVACY_UPDATED, PRIVACY_VERSION } from "~/domain/privacy";

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
      <section aria-labelledby="privasi-kontak">
        <h2 id="privasi-kontak" className="text-lg font-bold">
          {t("privacy.full.contactTitle")}
        </h2>
        <p className="mt-1 [overflow-wrap:anywhere]">{contact ? t("privacy.full.contact", { contact }) : t("privacy.full.contactNone")}</p>
      </section>
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

// Badges, dates and next-step lines used by the team pages (registration, team page, screening).
import { useTranslation } from "react-i18next";
import type { NextStep } from "~/domain/team-progress";
import { formatInZone, eventZone } from "~/domain/time";

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

/**
 * How to reach a member: the email address and, when they gave one, a WhatsApp link. Shown only
 * to the team and the event's organizers (the loaders decide who gets these fields).
 */
export function MemberContact({ email, whatsappLink }: { email: string | null; whatsappLink: string | null }) {
  const { t } = useTranslation();
  if (email === null) return <span className="text-slate-600">{t("privacy.retention.contactErased")}</span>;
  return (
    <>
      <a href={`mailto:${email}`} className="btn-link font-normal">
        {email}
      </a>
      {whatsappLink ? (
        <>
          {" · "}
          <a href={whatsappLink} className="btn-link font-normal" target="_blank" rel="noreferrer">
            {t("team.page.whatsapp")}
          </a>
        </>
      ) : null}
    </>
  );
}

// Badges, dates and next-step lines used by the team pages (registration, team page, screening).
import type { ReactNode } from "react";
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

/** Places in an imported team kept for people who have not claimed them yet (the address only for organizers). */
export function WaitingPlaces({ places }: { places: { id: string; name: string; role: string; pool: string | null; email?: string | null }[] }) {
  const { t } = useTranslation();
  if (!places.length) return null;
  return (
    <div className="mt-3 rounded-lg border border-dashed border-slate-300 p-3 text-sm">
      <p className="font-semibold">{t("seat.waiting.title", { count: places.length })}</p>
      <p className="text-slate-700">{t("seat.waiting.hint")}</p>
      <ul className="mt-1 space-y-1">
        {places.map((p) => (
          <li key={p.id}>
            <span className="font-medium">{p.name}</span>
            {p.role === "CAPTAIN" ? ` · ${t("team.role.CAPTAIN")}` : ""}
            {p.pool ? ` · ${p.pool}` : ""}
            {p.email ? <span className="break-all text-slate-700"> · {p.email}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

type TeamFacts = { id: string; kimName: string | null; region: string | null; institution: string | null; track: string | null; videoUrl: string | null; proposalName: string | null };

/**
 * The team's registration details as rows of a description list (the caller owns the `<dl>` and
 * may add rows of its own). Video and proposal rows can be left out where the event asks for
 * neither and the team gave none.
 */
export function TeamDetailRows({ team, showVideo = true, showProposal = true }: { team: TeamFacts; showVideo?: boolean; showProposal?: boolean }) {
  const { t } = useTranslation();
  const row = (label: string, value: ReactNode, className = "") => (
    <>
      <dt className="font-semibold text-slate-700">{label}</dt>
      <dd className={`mb-2 sm:mb-0 ${className}`}>{value}</dd>
    </>
  );
  return (
    <>
      {row(t("team.fields.kimName"), team.kimName || "—")}
      {row(t("team.fields.region"), team.region ?? "—")}
      {row(t("team.fields.institution"), team.institution || "—")}
      {row(t("team.fields.track"), team.track ?? "—")}
      {showVideo
        ? row(
            t("team.fields.videoUrl"),
            team.videoUrl ? (
              <a href={team.videoUrl} className="btn-link font-normal" target="_blank" rel="noreferrer">
                {team.videoUrl}
              </a>
            ) : (
              "—"
            ),
            "break-all",
          )
        : null}
      {showProposal
        ? row(
            t("team.fields.proposal"),
            team.proposalName ? (
              <a href={`/tim/${team.id}/proposal`} className="btn-link font-normal" download>
                {t("team.page.downloadProposal", { name: team.proposalName })}
              </a>
            ) : (
              "—"
            ),
          )
        : null}
    </>
  );
}

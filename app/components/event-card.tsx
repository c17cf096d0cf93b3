import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { PhaseKey } from "~/domain/phase";

const PHASE_STYLE: Record<PhaseKey, string> = {
  upcoming: "bg-slate-100 text-slate-800",
  registration: "bg-green-100 text-green-900",
  screening: "bg-amber-100 text-amber-900",
  submission: "bg-brand-100 text-brand-900",
  judging: "bg-purple-100 text-purple-900",
  announcement: "bg-accent-100 text-accent-700",
};

export function PhaseBadge({ phase }: { phase: PhaseKey }) {
  const { t } = useTranslation();
  return <span className={`badge ${PHASE_STYLE[phase]}`}>{t(`phase.${phase}`)}</span>;
}

export function EventCard({ event }: { event: { slug: string; name: string; summary: string; phase: PhaseKey; nextLabel: string | null; teams: number; bannerUrl?: string | null } }) {
  const { t } = useTranslation();
  return (
    <li className="card flex flex-col gap-3">
      {event.bannerUrl ? (
        <img src={event.bannerUrl} alt="" loading="lazy" className="-mx-4 -mt-4 aspect-[3/1] w-[calc(100%+2rem)] max-w-none rounded-t-xl object-cover sm:-mx-6 sm:-mt-6 sm:w-[calc(100%+3rem)]" />
      ) : null}
      <div className="flex items-center justify-between gap-2">
        <PhaseBadge phase={event.phase} />
      </div>
      <h3 className="text-lg font-bold leading-snug">
        <Link to={`/acara/${event.slug}`} className="hover:underline">
          {event.name}
        </Link>
      </h3>
      {event.summary ? <p className="text-sm text-slate-700">{event.summary}</p> : null}
      {event.nextLabel ? <p className="text-sm font-medium text-slate-800">{event.nextLabel}</p> : null}
      <div className="mt-auto">
        <Link to={`/acara/${event.slug}`} className="btn-secondary w-full text-sm" aria-label={`${t("home.viewEvent")}: ${event.name}`}>
          {t("home.viewEvent")}
        </Link>
      </div>
    </li>
  );
}

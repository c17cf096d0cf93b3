import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { announcementsForViewer } from "~/models/announcement.server";
import { Countdown } from "~/components/countdown";
import { PhaseBadge } from "~/components/event-card";
import { normalizeWhatsApp, whatsAppLink } from "~/domain/links";
import { blindPeriod } from "~/domain/blind";
import { canRegister, phaseAt, timelineSteps, type StepStatus } from "~/domain/phase";
import { can } from "~/domain/permissions";
import { formatInZone, eventZone, zoneAbbreviation } from "~/domain/time";
import { toTimeline } from "~/models/event.server";
import { getPublicEventLists, hasPublication } from "~/models/public-event.server";
import { eventContext } from "~/models/event-guards.server";
import { notFound } from "~/services/guards.server";
import { LANGUAGES, resources } from "~/i18n";
import { getLanguage, getT } from "~/services/i18n.server";
import { renderMarkdown } from "~/services/markdown.server";
import { calendarItems, calendarPath, subscribeUrl } from "~/services/calendar.server";
import { SITE_NAME } from "~/components/page-title";
import { Card } from "~/components/card";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: `${data.event.name} — ${SITE_NAME}` }, { name: "description", content: data.event.summary }] : [{ title: SITE_NAME }]);

/** A section's heading in both languages: a text that opens by repeating it is shown without that line. */
const sectionTitles = (key: "about" | "rules") => LANGUAGES.map((l) => resources[l].common.event.public[key]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const now = new Date();
  const context = await eventContext(request, params.slug);
  if (!context) throw notFound();
  const organizer = context.user ? can(context.actor, "manage:event") : false;
  // A private event does not exist for anyone but its organizers.
  if (!context.event.isPublic && !organizer) throw notFound();

  const [lang, t, lists, announcements, publication] = await Promise.all([
    getLanguage(request),
    getT(request),
    getPublicEventLists(context.event.id),
    announcementsForViewer(context.event.id, context.user, 5),
    hasPublication(context.event.id),
  ]);
  const event = { ...context.event, ...lists };
  const tz = eventZone(event.timezone);
  const fmt = (d: Date) => formatInZone(d, tz, lang);
  const timeline = toTimeline(event);
  const blind = blindPeriod(event, now);
  const state = phaseAt(timeline, now);
  const steps = timelineSteps(timeline, now).map((s) => {
    const lines: string[] = [];
    if (s.key === "registration") lines.push(`${fmt(s.startsAt)} – ${fmt(event.registrationClosesAt)}`);
    if (s.key === "screening") lines.push(t("event.public.screeningUntil", { at: fmt(event.screeningClosesAt) }));
    if (s.key === "submission") lines.push(`${fmt(s.startsAt)} – ${fmt(event.submissionClosesAt)}`);
    if (s.key === "announcement") lines.push(fmt(s.startsAt));
    const rounds = s.key === "judging" ? s.rounds.map((r) => ({ id: r.round.id, name: r.round.name, status: r.status, closes: fmt(r.closesAt) })) : [];
    return { key: s.key, status: s.status, lines, rounds };
  });
  // Deadlines still ahead, each with its own calendar links; the feed holds the whole timeline.
  const calendar = event.isPublic
    ? {
        feed: calendarPath(event.slug),
        subscribe: subscribeUrl(event.slug),
        items: calendarItems({ id: event.id, slug: event.slug, name: event.name, timezone: event.timezone, timeline }, t, lang)
          .filter((i) => i.at.getTime() > now.getTime())
          .map((i) => ({ id: i.id, label: i.label, when: i.when, google: i.google, ics: calendarPath(event.slug, i.id) })),
      }
    : null;
  const whatsapp = event.contactWhatsapp ? normalizeWhatsApp(event.contactWhatsapp) : null;
  return {
    event: {
      slug: event.slug,
      name: event.name,
      summary: event.summary,
      isPublic: event.isPublic,
      zone: zoneAbbreviation(tz),
      bannerUrl: event.bannerKey ? `/acara/${event.slug}/banner?v=${event.bannerKey.slice(-8)}` : null,
      descriptionHtml: renderMarkdown(event.description, { omitLeading: sectionTitles("about") }),
      rulesHtml: renderMarkdown(event.rules, { omitLeading: sectionTitles("rules") }),
      contactEmail: event.contactEmail,
      whatsapp: whatsapp ? { display: whatsapp, href: whatsAppLink(whatsapp, t("event.public.waGreeting", { event: event.name })) } : null,
      teamSize: { min: event.minTeamSize, max: event.maxTeamSize },
      pools: event.pools,
      tracks: event.tracks,
      awards: event.awards,
      faqs: event.faqs.map((f) => ({ id: f.id, question: f.question, answerHtml: renderMarkdown(f.answer) })),
      peoplesChoice: event.peoplesChoice && event.votingOpensAt && event.votingClosesAt ? `${fmt(event.votingOpensAt)} – ${fmt(event.votingClosesAt)}` : null,
      galleryPublished: event.galleryPublished && !blind,
    },
    phase: state.phase,
    roundName: state.round?.name ?? null,
    next: state.next
      ? {
          label: t(`deadline.${state.next.key}`, { name: state.next.key === "roundCloses" ? state.next.round.name : "" }),
          at: fmt(state.next.at),
          targetMs: state.next.at.getTime(),
        }
      : null,
    steps,
    calendar,
    serverNowMs: now.getTime(),
    registrationOpen: canRegister(timeline, now).allowed,
    // Someone already in a team is offered their team, not a second registration.
    myTeamId: context.team?.id ?? null,
    organizer,
    resultsPublished: publication,
    votingOpen:
      !blind &&
      event.peoplesChoice &&
      event.votingOpensAt !== null &&
      event.votingClosesAt !== null &&
      event.votingOpensAt.getTime() <= now.getTime() &&
      now.getTime() < event.votingClosesAt.getTime(),
    announcements: announcements.map((a) => ({ id: a.id, title: a.title, bodyHtml: renderMarkdown(a.body), at: fmt(a.createdAt) })),
  };
}

const STEP_STYLE: Record<StepStatus, string> = {
  done: "border-slate-300 bg-white text-slate-700",
  current: "border-brand-600 bg-brand-50 text-slate-900 ring-2 ring-brand-600",
  upcoming: "border-slate-200 bg-white text-slate-800",
};

export default function PublicEventPage() {
  const { t } = useTranslation();
  const { event, phase, roundName, next, serverNowMs, registrationOpen, myTeamId, organizer, resultsPublished, votingOpen, announcements } = useLoaderData<typeof loader>();
  return (
    <article className="space-y-8">
      <header className="overflow-hidden rounded-2xl bg-brand-800 text-white">
        {event.bannerUrl ? <img src={event.bannerUrl} alt="" className="aspect-[3/1] w-full object-cover" /> : null}
        <div className="space-y-4 px-5 py-6 sm:px-8 sm:py-8">
          <div className="flex flex-wrap items-center gap-2">
            <PhaseBadge phase={phase} />
            {roundName ? <span className="badge bg-white/20 text-white">{roundName}</span> : null}
            {!event.isPublic ? <span className="badge bg-amber-100 text-amber-900">{t("event.public.privatePreview")}</span> : null}
          </div>
          <h1 className="text-3xl font-extrabold leading-tight text-white sm:text-4xl">{event.name}</h1>
          {event.summary ? <p className="max-w-2xl text-base text-brand-50 sm:text-lg">{event.summary}</p> : null}
          {next ? (
            <div className="space-y-1">
              <Countdown targetMs={next.targetMs} serverNowMs={serverNowMs} label={`${next.label} — ${next.at}`} />
            </div>
          ) : (
            <p className="font-semibold text-brand-50">{t("event.public.finished")}</p>
          )}
          <div className="flex flex-wrap gap-2">
            {myTeamId ? (
              <Link to={`/tim/${myTeamId}`} className="btn bg-white text-brand-800 hover:bg-brand-50">
                {t("event.public.myTeam")}
              </Link>
            ) : registrationOpen ? (
              <Link to={`/acara/${event.slug}/daftar-tim`} className="btn bg-white text-brand-800 hover:bg-brand-50">
                {t("event.public.registerTeam")}
              </Link>
            ) : null}
            {registrationOpen ? (
              <Link to={`/acara/${event.slug}/cari-tim`} className="btn border border-white/60 text-white hover:bg-white/10">
                {t("finder.eventLink")}
              </Link>
            ) : null}
            {organizer ? (
              <Link to={`/kelola/${event.slug}`} className="btn border border-white/60 text-white hover:bg-white/10">
                {t("event.public.manage")}
              </Link>
            ) : null}
            {event.galleryPublished ? (
              <Link to={`/acara/${event.slug}/galeri`} className="btn border border-white/60 text-white hover:bg-white/10">
                {t("event.public.gallery")}
              </Link>
            ) : null}
            {resultsPublished ? (
              <Link to={`/acara/${event.slug}/hasil`} className="btn bg-accent-500 text-slate-900 hover:bg-accent-100">
                {t("event.public.results")}
              </Link>
            ) : null}
            {votingOpen ? (
              <Link to={`/acara/${event.slug}/pilih`} className="btn border border-white/60 text-white hover:bg-white/10">
                {t("event.public.vote")}
              </Link>
            ) : null}
          </div>
        </div>
      </header>

      {announcements.length ? (
        <Card id="pengumuman" title={t("event.public.announcements")} large className="border-accent-500">
          <ul className="mt-3 divide-y divide-slate-200">
            {announcements.map((a) => (
              <li key={a.id} className="py-3">
                <p className="font-semibold">{a.title}</p>
                <p className="text-sm text-slate-600">{a.at}</p>
                <div className="prose-kim mt-2 text-sm" dangerouslySetInnerHTML={{ __html: a.bodyHtml }} />
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <div className="grid gap-8 lg:grid-cols-3">
        <div className="space-y-8 lg:col-span-2 lg:row-span-2">
          {event.descriptionHtml ? (
            <Card id="tentang" title={t("event.public.about")} large>
              <div className="prose-kim mt-3" dangerouslySetInnerHTML={{ __html: event.descriptionHtml }} />
            </Card>
          ) : null}

          {event.tracks.length ? (
            <Card id="bidang" title={t("event.public.tracks")} large plain>
              <ul className="mt-3 grid gap-3 sm:grid-cols-2">
                {event.tracks.map((tr) => (
                  <li key={tr.id} className="card">
                    <h3 className="font-bold">{tr.name}</h3>
                    {tr.description ? <p className="mt-1 text-sm text-slate-700">{tr.description}</p> : null}
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}

          {event.awards.length ? (
            <Card id="hadiah" title={t("event.public.prizes")} large plain>
              <ul className="mt-3 grid gap-3 sm:grid-cols-2">
                {event.awards.map((a) => (
                  <li key={a.id} className="card flex items-start gap-3">
                    <span aria-hidden="true" className="flex h-10 w-10 shrink-0 items-center justify-center rounded-full bg-accent-100 text-lg">
                      {a.kind === "PLACE" ? "🏆" : a.kind === "PEOPLES_CHOICE" ? "❤" : "★"}
                    </span>
                    <div>
                      <h3 className="font-bold">{a.name}</h3>
                      {a.prize ? <p className="text-sm text-slate-800">{a.prize}</p> : null}
                    </div>
                  </li>
                ))}
              </ul>
              {event.peoplesChoice ? <p className="mt-2 text-sm text-slate-700">{t("event.public.voting", { window: event.peoplesChoice })}</p> : null}
            </Card>
          ) : null}

          {event.rulesHtml ? (
            <Card id="aturan" title={t("event.public.rules")} large>
              <p className="mt-2 text-sm text-slate-700">
                {t("event.public.teamSize", { min: event.teamSize.min, max: event.teamSize.max })}
                {event.pools.length ? ` ${t("event.public.pools", { pools: event.pools.map((p) => `${p.label} ${p.quota}`).join(", ") })}` : ""}
              </p>
              <div className="prose-kim mt-3" dangerouslySetInnerHTML={{ __html: event.rulesHtml }} />
            </Card>
          ) : null}

          {event.faqs.length ? (
            <Card id="faq" title={t("event.public.faq")} large plain>
              <div className="mt-3 space-y-2">
                {event.faqs.map((f) => (
                  <details key={f.id} className="card !p-0">
                    <summary className="flex min-h-[48px] cursor-pointer items-center px-4 py-3 font-semibold">{f.question}</summary>
                    <div className="prose-kim px-4 pb-4" dangerouslySetInnerHTML={{ __html: f.answerHtml }} />
                  </details>
                ))}
              </div>
            </Card>
          ) : null}
        </div>

        {/* On a phone the timeline comes right after the hero: "when?" is the first question. */}
        <aside className="order-first lg:order-none lg:col-start-3 lg:row-start-1">
          <Card id="linimasa" title={t("event.public.timeline")} large>
            <p className="mt-1 text-sm text-slate-700">{t("event.public.zoneNote", { zone: event.zone })}</p>
            <StepList />
            <CalendarLinks />
          </Card>
        </aside>
        {event.contactEmail || event.whatsapp ? (
          <aside className="lg:col-start-3">
            <Card id="kontak" title={t("event.public.contact")} large>
              <ul className="mt-3 space-y-2">
                {event.contactEmail ? (
                  <li>
                    <a href={`mailto:${event.contactEmail}`} className="btn-link break-all">
                      {event.contactEmail}
                    </a>
                  </li>
                ) : null}
                {event.whatsapp ? (
                  <li>
                    <a href={event.whatsapp.href} className="btn-secondary w-full" rel="noopener noreferrer" target="_blank">
                      {t("event.public.whatsapp")}
                    </a>
                  </li>
                ) : null}
              </ul>
            </Card>
          </aside>
        ) : null}
      </div>
    </article>
  );
}

function StepList() {
  const { t } = useTranslation();
  const { steps } = useLoaderData<typeof loader>();
  return (
    <ol className="mt-4 space-y-3">
      {steps.map((s) => (
        <li key={s.key} className={`rounded-lg border p-3 ${STEP_STYLE[s.status]}`} aria-current={s.status === "current" ? "step" : undefined}>
          <div className="flex items-center justify-between gap-2">
            <h3 className="font-bold">{t(`phase.${s.key}`)}</h3>
            <span className="text-xs font-semibold">{t(`event.public.step.${s.status}`)}</span>
          </div>
          {s.lines.map((l) => (
            <p key={l} className="mt-1 text-sm">
              {l}
            </p>
          ))}
          {s.rounds.length ? (
            <ul className="mt-2 space-y-1">
              {s.rounds.map((r) => (
                <li key={r.id} className={`text-sm ${r.status === "current" ? "font-bold" : ""}`} aria-current={r.status === "current" ? "step" : undefined}>
                  {t("event.public.roundCloses", { name: r.name, at: r.closes })}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function CalendarLinks() {
  const { t } = useTranslation();
  const { calendar } = useLoaderData<typeof loader>();
  if (!calendar) return null;
  return (
    <details className="group mt-4 rounded-lg border border-slate-200">
      <summary className="flex min-h-[48px] cursor-pointer items-center px-3 font-semibold text-brand-800">{t("calendar.title")}</summary>
      <div className="space-y-3 border-t border-slate-200 p-3">
        <ul className="space-y-3">
          {calendar.items.map((i) => (
            <li key={i.id}>
              <p className="text-sm font-semibold">{i.label}</p>
              <p className="text-sm text-slate-700">{i.when}</p>
              <div className="mt-1 flex flex-wrap gap-2">
                <a href={i.google} className="btn-secondary min-h-[44px] text-sm" target="_blank" rel="noopener noreferrer" aria-label={t("calendar.addOne", { what: i.label })}>
                  {t("calendar.google")}
                </a>
                <a href={i.ics} className="btn-secondary min-h-[44px] text-sm" aria-label={t("calendar.icsOne", { what: i.label })}>
                  {t("calendar.ics")}
                </a>
              </div>
            </li>
          ))}
        </ul>
        <div className="flex flex-wrap gap-2 border-t border-slate-200 pt-3">
          <a href={calendar.subscribe} className="btn-primary min-h-[44px] text-sm">
            {t("calendar.subscribe")}
          </a>
          <a href={calendar.feed} className="btn-link text-sm">
            {t("calendar.download")}
          </a>
        </div>
        <p className="text-xs text-slate-600">{t("calendar.note")}</p>
      </div>
    </details>
  );
}

export { EventErrorBoundary as ErrorBoundary } from "~/components/error-panel";

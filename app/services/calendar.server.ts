// The event timeline as calendar entries: the .ics feed (/acara/:slug/kalender.ics) and the
// "add to calendar" links of the public event page are made from the same list, in the visitor's
// language, with the deadline in the event's time zone.
import { googleCalendarLink, writeIcs } from "~/domain/ics";
import { milestones, type Milestone, type Timeline } from "~/domain/phase";
import { eventZone, formatInZone } from "~/domain/time";
import type { Language } from "~/i18n";
import { env } from "./env.server";

type T = (key: string, options?: Record<string, unknown>) => string;
export type CalendarEvent = { id: string; slug: string; name: string; timezone: string; timeline: Timeline };

export type CalendarItem = {
  /** "submissionCloses", or "roundCloses-<roundId>" for a round; `?tenggat=` of the feed picks one. */
  id: string;
  label: string;
  at: Date;
  when: string;
  uid: string;
  google: string;
};

const base = () => env().APP_URL.replace(/\/$/, "");

export function milestoneId(m: Milestone): string {
  return m.key === "roundCloses" ? `${m.key}-${m.round.id}` : m.key;
}

export function calendarPath(slug: string, id?: string): string {
  return `/acara/${slug}/kalender.ics${id ? `?tenggat=${encodeURIComponent(id)}` : ""}`;
}

/** A calendar app's subscription address (webcal://) for the feed. */
export function subscribeUrl(slug: string): string {
  return `${base().replace(/^https?:/, "webcal:")}${calendarPath(slug)}`;
}

function describe(event: CalendarEvent, item: { label: string; when: string }, t: T) {
  return t("calendar.description", { what: item.label, at: item.when, url: `${base()}/acara/${event.slug}` });
}

/** Every milestone of the timeline with its texts and links. */
export function calendarItems(event: CalendarEvent, t: T, lang: Language): CalendarItem[] {
  const zone = eventZone(event.timezone);
  const host = new URL(base()).hostname;
  return milestones(event.timeline).map((m) => {
    const id = milestoneId(m);
    const label = t(`deadline.${m.key}`, { name: m.key === "roundCloses" ? m.round.name : "" });
    const when = formatInZone(m.at, zone, lang);
    return {
      id,
      label,
      at: m.at,
      when,
      uid: `${event.id}-${id}@${host}`,
      google: googleCalendarLink({ title: `${event.name}: ${label}`, start: m.at, details: describe(event, { label, when }, t), zone }),
    };
  });
}

/** The iCalendar text of `items` (the whole timeline or one deadline), stamped `now`. */
export function calendarFile(event: CalendarEvent, items: readonly CalendarItem[], t: T, now: Date): string {
  return writeIcs({
    prodId: "-//KIM Hackathon//Linimasa//ID",
    name: t("calendar.name", { event: event.name }),
    zone: eventZone(event.timezone),
    stamp: now,
    entries: items.map((item) => ({
      uid: item.uid,
      start: item.at,
      summary: `${event.name}: ${item.label}`,
      description: describe(event, item, t),
      url: `${base()}/acara/${event.slug}`,
    })),
  });
}

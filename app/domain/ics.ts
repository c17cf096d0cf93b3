// iCalendar (RFC 5545) for an event's timeline, and Google Calendar template links. Pure: the
// caller passes the texts (already translated), the instants and the stamp time.
//
// Times are written with TZID and a VTIMEZONE for the event's zone, so a calendar shows the zone
// the organizers announced. The Indonesian zones have had one fixed offset and no daylight saving
// since 1964, so each VTIMEZONE is a single STANDARD rule.
//
// iCalendar DATE-TIME has whole seconds. A deadline stored to the millisecond is written rounded
// down to its second (16:59:59.999Z → 165959Z): a calendar may show a deadline slightly early,
// never later than it is.
import { zoneAbbreviation, type EventTimeZone } from "./time";

const OFFSET_MINUTES: Record<EventTimeZone, number> = { "Asia/Jakarta": 7 * 60, "Asia/Makassar": 8 * 60, "Asia/Jayapura": 9 * 60 };

export type IcsEntry = {
  /** Globally unique and stable for the same deadline across downloads. */
  uid: string;
  start: Date;
  /** Omitted for a deadline: the event then has no duration (RFC 5545 3.6.1). */
  end?: Date;
  summary: string;
  description?: string;
  url?: string;
};

export type IcsCalendar = {
  /** PRODID, e.g. "-//KIM Hackathon//Linimasa//ID". */
  prodId: string;
  name: string;
  zone: EventTimeZone;
  /** DTSTAMP of every entry: when this calendar was written. */
  stamp: Date;
  entries: readonly IcsEntry[];
};

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The instant, rounded down to its second, as fields of a clock `offsetMinutes` ahead of UTC. */
function clock(d: Date, offsetMinutes: number): string {
  const t = Math.floor(d.getTime() / 1000) * 1000 + offsetMinutes * 60_000;
  const c = new Date(t);
  return `${pad(c.getUTCFullYear(), 4)}${pad(c.getUTCMonth() + 1)}${pad(c.getUTCDate())}T${pad(c.getUTCHours())}${pad(c.getUTCMinutes())}${pad(c.getUTCSeconds())}`;
}

/** UTC DATE-TIME ("20261201T165959Z"), rounded down to the second. */
export function icsUtc(d: Date): string {
  return `${clock(d, 0)}Z`;
}

/** Local DATE-TIME in the event's zone, for a property with TZID ("20261201T235959"). */
export function icsLocal(d: Date, zone: EventTimeZone): string {
  return clock(d, OFFSET_MINUTES[zone]);
}

/** A TEXT value: backslash, semicolon and comma escaped, line breaks as \n, other control characters dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\n/g, "\\n");
}

const encoder = new TextEncoder();

/**
 * Folds a content line so that no physical line exceeds 75 octets (RFC 5545 3.1): the line breaks
 * with CRLF followed by one space, which counts toward the next line's 75. A multi-byte UTF-8
 * character is never split.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

/** The whole calendar: CRLF line ends, folded lines, one VEVENT per entry. */
export function writeIcs(cal: IcsCalendar): string {
  const offset = offsetText(OFFSET_MINUTES[cal.zone]);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${cal.prodId}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(cal.name)}`,
    `X-WR-TIMEZONE:${cal.zone}`,
    "BEGIN:VTIMEZONE",
    `TZID:${cal.zone}`,
    "BEGIN:STANDARD",
    "DTSTART:19700101T000000",
    `TZOFFSETFROM:${offset}`,
    `TZOFFSETTO:${offset}`,
    `TZNAME:${zoneAbbreviation(cal.zone)}`,
    "END:STANDARD",
    "END:VTIMEZONE",
  ];
  for (const e of cal.entries) {
    lines.push("BEGIN:VEVENT", `UID:${escapeText(e.uid)}`, `DTSTAMP:${icsUtc(cal.stamp)}`, `DTSTART;TZID=${cal.zone}:${icsLocal(e.start, cal.zone)}`);
    if (e.end && Math.floor(e.end.getTime() / 1000) > Math.floor(e.start.getTime() / 1000)) lines.push(`DTEND;TZID=${cal.zone}:${icsLocal(e.end, cal.zone)}`);
    lines.push(`SUMMARY:${escapeText(e.summary)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.url) lines.push(`URL:${e.url}`);
    lines.push("TRANSP:TRANSPARENT", "END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}

/**
 * A Google Calendar "add event" link. Dates are UTC (…Z) rounded down to the second; a deadline
 * without an end is given the same start and end. `ctz` makes Google show the event's zone.
 */
export function googleCalendarLink(input: { title: string; start: Date; end?: Date; details?: string; zone: EventTimeZone }): string {
  const params = new URLSearchParams({
    action: "TEMPLATE",
    text: input.title,
    dates: `${icsUtc(input.start)}/${icsUtc(input.end ?? input.start)}`,
    ctz: input.zone,
  });
  if (input.details) params.set("details", input.details);
  return `https://calendar.google.com/calendar/render?${params.toString()}`;
}

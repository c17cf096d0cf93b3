// Time-zone handling for event deadlines. Deadlines are stored as UTC instants,
// but organisers type them (and participants read them) as wall-clock time in
// the event's Indonesian zone. Everything here is pure: callers pass `now`.

export const EVENT_TIME_ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"] as const;

export type EventTimeZone = (typeof EVENT_TIME_ZONES)[number];

export type ZoneAbbreviation = "WIB" | "WITA" | "WIT";

export type DisplayLocale = "id" | "en";

export type FormatStyle = "datetime" | "date" | "time";

export type CountdownParts = {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
  totalMs: number;
};

// Intl would render these zones as "GMT+7" etc.; Indonesians expect the
// official abbreviations, which no CLDR locale provides.
const ABBREVIATIONS: Record<EventTimeZone, ZoneAbbreviation> = {
  "Asia/Jakarta": "WIB",
  "Asia/Makassar": "WITA",
  "Asia/Jayapura": "WIT",
};

export function isEventTimeZone(value: unknown): value is EventTimeZone {
  return typeof value === "string" && (EVENT_TIME_ZONES as readonly string[]).includes(value);
}

/** The event's zone as stored, or WIB when the stored value is not one we support. */
export function eventZone(value: string | null | undefined): EventTimeZone {
  return isEventTimeZone(value) ? value : "Asia/Jakarta";
}

export function zoneAbbreviation(tz: EventTimeZone): ZoneAbbreviation {
  return ABBREVIATIONS[tz];
}

type WallClock = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
};

// Formatter construction is comparatively expensive; offsets are looked up
// for every deadline on every page render.
const wallClockFormatters = new Map<string, Intl.DateTimeFormat>();

function wallClockFormatter(tz: string): Intl.DateTimeFormat {
  let fmt = wallClockFormatters.get(tz);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      hourCycle: "h23",
    });
    wallClockFormatters.set(tz, fmt);
  }
  return fmt;
}

function wallClockAt(instant: number, tz: string): WallClock {
  const parts = wallClockFormatter(tz).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes): number => {
    const part = parts.find((p) => p.type === type);
    return part ? Number.parseInt(part.value, 10) : 0;
  };
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    // Some ICU versions render midnight as "24" even with h23.
    hour: get("hour") % 24,
    minute: get("minute"),
    second: get("second"),
  };
}

function utcMillis(w: WallClock, ms = 0): number {
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour, w.minute, w.second, ms);
  return d.getTime();
}

/** Offset of `tz` from UTC at `instant`, in milliseconds (east positive). */
function offsetAt(instant: number, tz: string): number {
  const wholeSecond = instant - (((instant % 1000) + 1000) % 1000);
  return utcMillis(wallClockAt(wholeSecond, tz)) - wholeSecond;
}

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

function daysInMonth(year: number, month: number): number {
  // Day 0 of the following month is the last day of this one.
  const lastDay = { year, month: month + 1, day: 0, hour: 0, minute: 0, second: 0 };
  return new Date(utcMillis(lastDay)).getUTCDate();
}

/**
 * Interprets an HTML `datetime-local` value as wall-clock time in `tz`.
 * Returns null for anything the browser would not itself produce, so form
 * validation can report a single "invalid date" error.
 */
export function zonedLocalToUtc(local: string, tz: EventTimeZone): Date | null {
  const m = LOCAL_PATTERN.exec(local.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map((s) => Number.parseInt(s ?? "", 10)) as [number, number, number, number, number];
  const second = m[6] ? Number.parseInt(m[6], 10) : 0;
  // ".5" means 500 ms, not 5 ms.
  const ms = m[7] ? Number.parseInt(m[7].padEnd(3, "0"), 10) : 0;
  if (year < 1 || month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;

  const naive = utcMillis({ year, month, day, hour, minute, second }, ms);
  // Two passes converge for any zone whose offset changes at most once near
  // the instant; the Indonesian zones have been fixed-offset since 1964.
  const guess = naive - offsetAt(naive, tz);
  return new Date(naive - offsetAt(guess, tz));
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/**
 * Wall-clock representation for pre-filling a `datetime-local` input.
 * Seconds/milliseconds appear only when non-zero so that the common case
 * round-trips through inputs without `step` attributes. An invalid Date
 * yields "" (an empty input) rather than throwing during render.
 */
export function utcToZonedLocal(date: Date, tz: EventTimeZone): string {
  const t = date.getTime();
  if (Number.isNaN(t)) return "";
  const ms = ((t % 1000) + 1000) % 1000;
  const w = wallClockAt(t - ms, tz);
  let out = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
  if (w.second !== 0 || ms !== 0) out += `:${pad(w.second)}`;
  if (ms !== 0) out += `.${pad(ms, 3)}`;
  return out;
}

const displayFormatters = new Map<string, Intl.DateTimeFormat>();

function displayFormatter(tz: EventTimeZone, locale: DisplayLocale): Intl.DateTimeFormat {
  const cacheKey = `${tz}|${locale}`;
  let fmt = displayFormatters.get(cacheKey);
  if (!fmt) {
    // en-GB for day-month order ("1 December"), matching the Indonesian layout.
    fmt = new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", {
      timeZone: tz,
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    displayFormatters.set(cacheKey, fmt);
  }
  return fmt;
}

/**
 * Human-readable date in the event zone, e.g. "Selasa, 1 Desember 2026 23.59 WIB".
 * Only names (weekday, month) come from Intl; the layout is assembled here
 * because ICU versions differ in connectors ("pukul", "at") and commas, and
 * server- and client-rendered text must match during hydration.
 * The zone abbreviation is appended whenever a time of day is shown; a bare
 * date carries none because "Selasa, 1 Desember 2026 WIB" reads oddly.
 */
export function formatInZone(date: Date, tz: EventTimeZone, locale: DisplayLocale, style: FormatStyle = "datetime"): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return "";
  const { day, time } = dayAndTime(ms, tz, locale);
  switch (style) {
    case "date":
      return day;
    case "time":
      return time;
    case "datetime":
      return `${day} ${time}`;
  }
}

/**
 * The instants a page shows are mostly the same few (an event's deadlines, its timeline), shown
 * on every request; asking ICU for their parts each time cost a few percent of a page. The text
 * of an instant in a zone and language never changes, so it is kept, in a bounded table.
 */
const FORMATTED_MAX = 5000;
const formatted = new Map<string, { day: string; time: string }>();

function dayAndTime(ms: number, tz: EventTimeZone, locale: DisplayLocale): { day: string; time: string } {
  const key = `${ms}|${tz}|${locale}`;
  const known = formatted.get(key);
  if (known) return known;
  const parts = displayFormatter(tz, locale).formatToParts(ms);
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? "";
  const hour = pad(Number.parseInt(get("hour"), 10) % 24);
  // Indonesian convention (PUEBI) separates hours and minutes with a period.
  const time = `${hour}${locale === "id" ? "." : ":"}${get("minute")} ${zoneAbbreviation(tz)}`;
  const day = `${get("weekday")}, ${get("day")} ${get("month")} ${get("year")}`;
  if (formatted.size >= FORMATTED_MAX) formatted.clear();
  const text = { day, time };
  formatted.set(key, text);
  return text;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Remaining time until `to`; clamps at zero so a passed deadline shows 0s. */
export function countdownParts(from: Date, to: Date): CountdownParts {
  const diff = to.getTime() - from.getTime();
  const totalMs = Number.isFinite(diff) && diff > 0 ? diff : 0;
  return {
    days: Math.floor(totalMs / DAY),
    hours: Math.floor((totalMs % DAY) / HOUR),
    minutes: Math.floor((totalMs % HOUR) / MINUTE),
    seconds: Math.floor((totalMs % MINUTE) / SECOND),
    totalMs,
  };
}

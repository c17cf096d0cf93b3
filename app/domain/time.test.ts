import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EVENT_TIME_ZONES, countdownParts, formatInZone, isEventTimeZone, utcToZonedLocal, zoneAbbreviation, zonedLocalToUtc, eventZone, type EventTimeZone } from "./time";

const OFFSET_HOURS: Record<EventTimeZone, number> = {
  "Asia/Jakarta": 7,
  "Asia/Makassar": 8,
  "Asia/Jayapura": 9,
};

describe("zones", () => {
  it("lists the three Indonesian zones with their abbreviations", () => {
    expect(EVENT_TIME_ZONES).toEqual(["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]);
    expect(EVENT_TIME_ZONES.map(zoneAbbreviation)).toEqual(["WIB", "WITA", "WIT"]);
  });

  it("recognises zone strings", () => {
    expect(isEventTimeZone("Asia/Makassar")).toBe(true);
    expect(isEventTimeZone("Asia/Singapore")).toBe(false);
    expect(isEventTimeZone(7)).toBe(false);
  });
});

describe("zonedLocalToUtc", () => {
  it("interprets wall-clock time in each zone", () => {
    expect(zonedLocalToUtc("2026-12-01T23:59", "Asia/Jakarta")?.toISOString()).toBe("2026-12-01T16:59:00.000Z");
    expect(zonedLocalToUtc("2026-12-01T23:59", "Asia/Makassar")?.toISOString()).toBe("2026-12-01T15:59:00.000Z");
    expect(zonedLocalToUtc("2026-12-01T23:59", "Asia/Jayapura")?.toISOString()).toBe("2026-12-01T14:59:00.000Z");
  });

  it("accepts seconds and milliseconds", () => {
    expect(zonedLocalToUtc("2026-12-01T23:59:59.999", "Asia/Jakarta")?.toISOString()).toBe("2026-12-01T16:59:59.999Z");
    expect(zonedLocalToUtc("2026-12-01T23:59:30", "Asia/Jakarta")?.toISOString()).toBe("2026-12-01T16:59:30.000Z");
    expect(zonedLocalToUtc("2026-12-01T23:59:30.5", "Asia/Jakarta")?.toISOString()).toBe("2026-12-01T16:59:30.500Z");
  });

  it("crosses the date line backwards into the previous UTC day", () => {
    expect(zonedLocalToUtc("2027-01-01T00:00", "Asia/Jayapura")?.toISOString()).toBe("2026-12-31T15:00:00.000Z");
  });

  it("uses the tz database rather than a fixed table (Jakarta was +07:30 in 1963)", () => {
    expect(zonedLocalToUtc("1963-06-01T12:00", "Asia/Jakarta")?.toISOString()).toBe("1963-06-01T04:30:00.000Z");
  });

  it("handles leap days", () => {
    expect(zonedLocalToUtc("2028-02-29T08:00", "Asia/Jakarta")?.toISOString()).toBe("2028-02-29T01:00:00.000Z");
    expect(zonedLocalToUtc("2026-02-29T08:00", "Asia/Jakarta")).toBeNull();
  });

  it.each([
    "",
    "2026-12-01",
    "2026-12-01 23:59",
    "2026-13-01T00:00",
    "2026-00-10T00:00",
    "2026-04-31T00:00",
    "2026-12-01T24:00",
    "2026-12-01T23:60",
    "2026-12-01T23:59:60",
    "2026-12-01T23:59:59.1234",
    "0000-01-01T00:00",
    "26-12-01T23:59",
    "2026-12-01T23:59Z",
    "2026-12-01T23:59+07:00",
    "garbage",
  ])("rejects %j", (input) => {
    expect(zonedLocalToUtc(input, "Asia/Jakarta")).toBeNull();
  });

  it("tolerates surrounding whitespace", () => {
    expect(zonedLocalToUtc(" 2026-12-01T23:59 ", "Asia/Jakarta")?.toISOString()).toBe("2026-12-01T16:59:00.000Z");
  });
});

describe("utcToZonedLocal", () => {
  const d = new Date("2026-12-01T16:59:00.000Z");

  it("omits zero seconds", () => {
    expect(utcToZonedLocal(d, "Asia/Jakarta")).toBe("2026-12-01T23:59");
    expect(utcToZonedLocal(d, "Asia/Makassar")).toBe("2026-12-02T00:59");
    expect(utcToZonedLocal(d, "Asia/Jayapura")).toBe("2026-12-02T01:59");
  });

  it("includes non-zero seconds and milliseconds", () => {
    expect(utcToZonedLocal(new Date("2026-12-01T16:59:59.000Z"), "Asia/Jakarta")).toBe("2026-12-01T23:59:59");
    expect(utcToZonedLocal(new Date("2026-12-01T16:59:59.999Z"), "Asia/Jakarta")).toBe("2026-12-01T23:59:59.999");
    expect(utcToZonedLocal(new Date("2026-12-01T16:59:00.010Z"), "Asia/Jakarta")).toBe("2026-12-01T23:59:00.010");
  });

  it("renders midnight as 00, not 24", () => {
    expect(utcToZonedLocal(new Date("2026-12-01T17:00:00Z"), "Asia/Jakarta")).toBe("2026-12-02T00:00");
  });

  it("returns empty string for an invalid date", () => {
    expect(utcToZonedLocal(new Date(Number.NaN), "Asia/Jakarta")).toBe("");
  });

  const instant = fc.integer({
    min: Date.UTC(1970, 0, 1),
    max: Date.UTC(2200, 0, 1),
  });
  const zone = fc.constantFrom(...EVENT_TIME_ZONES);

  it("round-trips every instant (property)", () => {
    fc.assert(
      fc.property(instant, zone, (t, tz) => {
        const local = utcToZonedLocal(new Date(t), tz);
        expect(zonedLocalToUtc(local, tz)?.getTime()).toBe(t);
      }),
    );
  });

  it("applies the fixed offset of each zone (property)", () => {
    fc.assert(
      fc.property(instant, zone, (t, tz) => {
        const shifted = new Date(t + OFFSET_HOURS[tz] * 3_600_000);
        const expected = shifted.toISOString().slice(0, 23);
        const local = utcToZonedLocal(new Date(t), tz);
        const full = `${local.slice(0, 16)}:${local.slice(17, 19) || "00"}.${local.slice(20, 23) || "000"}`;
        expect(full).toBe(expected);
      }),
    );
  });
});

describe("formatInZone", () => {
  const d = new Date("2026-12-01T16:59:00.000Z");

  it("formats Indonesian date-time with WIB", () => {
    expect(formatInZone(d, "Asia/Jakarta", "id")).toBe("Selasa, 1 Desember 2026 23.59 WIB");
  });

  it("formats English date-time with WIB", () => {
    expect(formatInZone(d, "Asia/Jakarta", "en")).toBe("Tuesday, 1 December 2026 23:59 WIB");
  });

  it("moves to the next day in eastern zones", () => {
    expect(formatInZone(d, "Asia/Makassar", "id")).toBe("Rabu, 2 Desember 2026 00.59 WITA");
    expect(formatInZone(d, "Asia/Jayapura", "en")).toBe("Wednesday, 2 December 2026 01:59 WIT");
  });

  it("gives the same text for an instant however often and in whichever order it is asked", () => {
    // More distinct instants than the table of formatted ones keeps, so it fills and starts over.
    const start = Date.UTC(2026, 11, 1, 16, 59);
    for (let i = 0; i < 6000; i++) formatInZone(new Date(start + i * 60_000), i % 2 ? "Asia/Jakarta" : "Asia/Jayapura", i % 3 ? "id" : "en");
    expect(formatInZone(d, "Asia/Jakarta", "en")).toBe("Tuesday, 1 December 2026 23:59 WIB");
    expect(formatInZone(d, "Asia/Jakarta", "id")).toBe("Selasa, 1 Desember 2026 23.59 WIB");
    expect(formatInZone(d, "Asia/Jayapura", "id", "time")).toBe("01.59 WIT");
    expect(formatInZone(new Date(start + 5999 * 60_000), "Asia/Makassar", "id")).toBe("Minggu, 6 Desember 2026 04.58 WITA");
    expect(formatInZone(new Date(start + 5999 * 60_000), "Asia/Makassar", "id", "date")).toBe("Minggu, 6 Desember 2026");
  });

  it("supports date and time styles", () => {
    expect(formatInZone(d, "Asia/Jakarta", "id", "date")).toBe("Selasa, 1 Desember 2026");
    expect(formatInZone(d, "Asia/Jakarta", "id", "time")).toBe("23.59 WIB");
    expect(formatInZone(d, "Asia/Jayapura", "en", "time")).toBe("01:59 WIT");
  });

  it("never shows GMT offsets and always ends with the abbreviation (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.constantFrom(...EVENT_TIME_ZONES), fc.constantFrom("id" as const, "en" as const), (t, tz, locale) => {
        const s = formatInZone(new Date(t), tz, locale);
        expect(s).not.toMatch(/GMT|UTC/);
        expect(s.endsWith(` ${zoneAbbreviation(tz)}`)).toBe(true);
        expect(s).toMatch(/ \d{2}[.:]\d{2} WI(B|TA|T)$/);
      }),
    );
  });

  it("returns empty string for an invalid date", () => {
    expect(formatInZone(new Date(Number.NaN), "Asia/Jakarta", "id")).toBe("");
  });
});

describe("countdownParts", () => {
  it("splits a duration", () => {
    const from = new Date("2026-12-01T00:00:00Z");
    const to = new Date("2026-12-03T04:05:06.700Z");
    expect(countdownParts(from, to)).toEqual({
      days: 2,
      hours: 4,
      minutes: 5,
      seconds: 6,
      totalMs: 2 * 86_400_000 + 4 * 3_600_000 + 5 * 60_000 + 6_700,
    });
  });

  it("is zero at and after the target", () => {
    const t = new Date("2026-12-01T00:00:00Z");
    const zero = { days: 0, hours: 0, minutes: 0, seconds: 0, totalMs: 0 };
    expect(countdownParts(t, t)).toEqual(zero);
    expect(countdownParts(new Date(t.getTime() + 1), t)).toEqual(zero);
    expect(countdownParts(new Date(Number.NaN), t)).toEqual(zero);
  });

  it("recombines to totalMs minus sub-second remainder (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: -1e11, max: 1e11 }), (a, delta) => {
        const p = countdownParts(new Date(a), new Date(a + delta));
        expect(p.totalMs).toBe(Math.max(0, delta));
        for (const v of [p.days, p.hours, p.minutes, p.seconds]) expect(v).toBeGreaterThanOrEqual(0);
        expect(p.hours).toBeLessThan(24);
        expect(p.minutes).toBeLessThan(60);
        expect(p.seconds).toBeLessThan(60);
        const recombined = ((p.days * 24 + p.hours) * 60 + p.minutes) * 60_000 + p.seconds * 1000;
        expect(p.totalMs - recombined).toBeGreaterThanOrEqual(0);
        expect(p.totalMs - recombined).toBeLessThan(1000);
      }),
    );
  });
});

describe("eventZone", () => {
  it("keeps a supported zone and falls back to WIB otherwise", () => {
    expect(eventZone("Asia/Makassar")).toBe("Asia/Makassar");
    expect(eventZone("Asia/Jayapura")).toBe("Asia/Jayapura");
    expect(eventZone("Europe/Paris")).toBe("Asia/Jakarta");
    expect(eventZone(null)).toBe("Asia/Jakarta");
  });
});

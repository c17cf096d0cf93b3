import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeText, foldLine, googleCalendarLink, icsLocal, icsUtc, writeIcs } from "./ics";
import { EVENT_TIME_ZONES, utcToZonedLocal } from "./time";

const octets = (s: string) => new TextEncoder().encode(s).length;
/** Undoes folding as a reader does (RFC 5545 3.1): CRLF followed by one space or tab is removed. */
const unfold = (s: string) => s.replace(/\r\n[ \t]/g, "");

describe("iCalendar text", () => {
  it("escapes backslash, semicolon, comma and line breaks, and drops other control characters", () => {
    expect(escapeText("Babak 1; final, lalu \\ selesai")).toBe("Babak 1\\; final\\, lalu \\\\ selesai");
    expect(escapeText("baris satu\r\nbaris dua\nbaris tiga\rempat")).toBe("baris satu\\nbaris dua\\nbaris tiga\\nempat");
    expect(escapeText("tab\tbel\u0007nol\u0000")).toBe("tab\tbelnol");
  });

  it("folds at 75 octets with CRLF and a space, never inside a UTF-8 character", () => {
    const line = `SUMMARY:${"é".repeat(40)}${"a".repeat(100)}🎉🎉`;
    const folded = foldLine(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(2);
    for (const [i, p] of parts.entries()) {
      expect(octets(p)).toBeLessThanOrEqual(75);
      if (i > 0) expect(p.startsWith(" ")).toBe(true);
      // No replacement character: every piece is whole UTF-8.
      expect(p).not.toContain("\uFFFD");
    }
    // The first line holds 8 + 33×2 = 74 octets: the next "é" (2 octets) would make 76.
    expect(octets(parts[0]!)).toBe(74);
    expect(unfold(folded)).toBe(line);
    expect(foldLine("A".repeat(75))).toBe("A".repeat(75));
    expect(foldLine("A".repeat(76))).toBe(`${"A".repeat(75)}\r\n A`);
  });

  it("folds and unfolds any text back to itself", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), (s) => {
        const folded = foldLine(`DESCRIPTION:${escapeText(s)}`);
        for (const p of folded.split("\r\n")) expect(octets(p)).toBeLessThanOrEqual(75);
        expect(unfold(folded)).toBe(`DESCRIPTION:${escapeText(s)}`);
      }),
    );
  });
});

describe("iCalendar times", () => {
  it("writes a deadline at an exact millisecond rounded down to its second", () => {
    const deadline = new Date("2026-12-01T16:59:59.999Z");
    expect(icsUtc(deadline)).toBe("20261201T165959Z");
    expect(icsLocal(deadline, "Asia/Jakarta")).toBe("20261201T235959");
    expect(icsLocal(deadline, "Asia/Makassar")).toBe("20261202T005959");
    expect(icsLocal(deadline, "Asia/Jayapura")).toBe("20261202T015959");
    expect(icsUtc(new Date("2026-12-01T17:00:00.000Z"))).toBe("20261201T170000Z");
  });

  it("agrees with the event's wall clock in every zone", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) }), fc.constantFrom(...EVENT_TIME_ZONES), (t, zone) => {
        const d = new Date(Math.floor(t / 1000) * 1000);
        const wall = utcToZonedLocal(d, zone).replace(/[-:]/g, "");
        expect(icsLocal(d, zone)).toBe(wall.length === 13 ? `${wall}00` : wall);
      }),
    );
  });
});

describe("writeIcs", () => {
  const cal = writeIcs({
    prodId: "-//KIM Hackathon//Linimasa//ID",
    name: "Linimasa KIM Hackathon Jatim, 2026",
    zone: "Asia/Jakarta",
    stamp: new Date("2026-11-15T03:04:05.678Z"),
    entries: [
      {
        uid: "ev1-submissionCloses@kim.example",
        start: new Date("2026-12-01T16:59:59.999Z"),
        summary: "KIM Hackathon: Pengumpulan karya ditutup",
        description: "Selasa, 1 Desember 2026 23.59 WIB\nhttps://kim.example/acara/x",
        url: "https://kim.example/acara/x",
      },
      { uid: "ev1-registration@kim.example", start: new Date("2026-11-01T01:00:00Z"), end: new Date("2026-11-20T16:59:00Z"), summary: "Pendaftaran" },
    ],
  });
  const lines = cal.split("\r\n");

  it("is a VCALENDAR with a VTIMEZONE and one VEVENT per entry, CRLF throughout", () => {
    expect(cal.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(cal.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines).toContain("VERSION:2.0");
    expect(lines).toContain("PRODID:-//KIM Hackathon//Linimasa//ID");
    expect(lines).toContain("X-WR-CALNAME:Linimasa KIM Hackathon Jatim\\, 2026");
    expect(cal).toContain("BEGIN:VTIMEZONE\r\nTZID:Asia/Jakarta\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0700\r\nTZOFFSETTO:+0700\r\nTZNAME:WIB\r\nEND:STANDARD\r\nEND:VTIMEZONE");
    expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(2);
    expect(lines.filter((l) => l === "DTSTAMP:20261115T030405Z")).toHaveLength(2);
    for (const l of lines) expect(octets(l)).toBeLessThanOrEqual(75);
  });

  it("writes a deadline without an end and a window with one, in the event's zone", () => {
    const events = unfold(cal).split("BEGIN:VEVENT").slice(1);
    expect(events[0]).toContain("UID:ev1-submissionCloses@kim.example\r\n");
    expect(events[0]).toContain("DTSTART;TZID=Asia/Jakarta:20261201T235959\r\n");
    expect(events[0]).not.toContain("DTEND");
    expect(events[0]).toContain("DESCRIPTION:Selasa\\, 1 Desember 2026 23.59 WIB\\nhttps://kim.example/acara/x\r\n");
    expect(events[1]).toContain("DTSTART;TZID=Asia/Jakarta:20261101T080000\r\nDTEND;TZID=Asia/Jakarta:20261120T235900\r\n");
  });
});

describe("googleCalendarLink", () => {
  it("gives UTC dates to the second and the event's zone", () => {
    const link = new URL(googleCalendarLink({ title: "Pengumpulan karya ditutup", start: new Date("2026-12-01T16:59:59.999Z"), details: "a & b", zone: "Asia/Jakarta" }));
    expect(link.origin + link.pathname).toBe("https://calendar.google.com/calendar/render");
    expect(link.searchParams.get("action")).toBe("TEMPLATE");
    expect(link.searchParams.get("dates")).toBe("20261201T165959Z/20261201T165959Z");
    expect(link.searchParams.get("ctz")).toBe("Asia/Jakarta");
    expect(link.searchParams.get("text")).toBe("Pengumpulan karya ditutup");
    expect(link.searchParams.get("details")).toBe("a & b");
  });
});

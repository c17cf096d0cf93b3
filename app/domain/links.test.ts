import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_URL_LENGTH, normalizeWhatsApp, parseHttpUrl, safeRedirect, whatsAppLink, youtubeEmbedUrl, youtubeId } from "./links";

describe("parseHttpUrl", () => {
  it.each([
    ["https://github.com/kim-id/garuda", "https://github.com/kim-id/garuda"],
    ["  HTTPS://GitHub.com/Kim-ID/Garuda  ", "https://github.com/Kim-ID/Garuda"],
    ["http://tim-garuda.vercel.app", "http://tim-garuda.vercel.app/"],
    ["https://demo.kim.or.id:8443/a?b=1#c", "https://demo.kim.or.id:8443/a?b=1#c"],
    ["https://demo.kim.or.id:443/", "https://demo.kim.or.id/"],
    ["https://bücher.de/", "https://xn--bcher-kva.de/"],
    ["https://example.com/path%20with%20space", "https://example.com/path%20with%20space"],
    ["https:///example.com", "https://example.com/"],
  ])("accepts %j", (input, expected) => {
    expect(parseHttpUrl(input)).toBe(expected);
  });

  it.each([
    "javascript:alert(1)",
    "JavaScript://example.com/%0aalert(1)",
    "data:text/html,<script>alert(1)</script>",
    "ftp://example.com/file",
    "mailto:a@example.com",
    "/relative/path",
    "//example.com/protocol-relative",
    "github.com/kim-id/garuda",
    "https://localhost:3000",
    "http://app.localhost",
    "https://intranet/",
    "https://kim.internal/",
    "https://printer.local/",
    "http://127.0.0.1/",
    "http://0x7f.1/",
    "http://2130706433/",
    "http://[::1]/",
    "http://192.168.1.10:8080/admin",
    "https://user:pass@example.com/",
    "https://bank.example.com@evil.example.org/",
    "https://example.com./",
    "https://exa mple.com/",
    "https://example.com/a\tb",
    "https://example.com/\u202egnp.exe",
    "https://",
    "",
    "   ",
  ])("rejects %j", (input) => {
    expect(parseHttpUrl(input)).toBeNull();
  });

  it("enforces the length limit", () => {
    const path = "a".repeat(MAX_URL_LENGTH - "https://example.com/".length);
    expect(parseHttpUrl(`https://example.com/${path}`)).toBe(`https://example.com/${path}`);
    expect(parseHttpUrl(`https://example.com/${path}a`)).toBeNull();
    // Normalisation can grow a URL (percent-encoding); the limit applies to the output too.
    expect(parseHttpUrl(`https://example.com/${"é".repeat(1000)}`)).toBeNull();
  });

  it("rejects non-strings", () => {
    expect(parseHttpUrl(null)).toBeNull();
    expect(parseHttpUrl(undefined)).toBeNull();
  });

  it("is idempotent and always yields http(s) with a dotted host", () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (raw) => {
        const once = parseHttpUrl(raw);
        if (once === null) return;
        expect(parseHttpUrl(once)).toBe(once);
        const url = new URL(once);
        expect(["http:", "https:"]).toContain(url.protocol);
        expect(url.hostname).toContain(".");
        expect(once.length).toBeLessThanOrEqual(MAX_URL_LENGTH);
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 100 }), (s) => {
        const out = parseHttpUrl(s);
        if (out !== null) expect(out).toMatch(/^https?:\/\//);
      }),
    );
  });
});

describe("youtubeId / youtubeEmbedUrl", () => {
  const ID = "dQw4w9WgXcQ";
  it.each([
    `https://www.youtube.com/watch?v=${ID}`,
    `https://youtube.com/watch?v=${ID}&t=42s&list=PL123`,
    `https://www.youtube.com/watch?feature=share&v=${ID}`,
    `https://m.youtube.com/watch?v=${ID}`,
    `https://music.youtube.com/watch?v=${ID}`,
    `http://www.youtube.com/watch?v=${ID}`,
    `https://youtu.be/${ID}`,
    `https://youtu.be/${ID}?si=AbCdEf123&t=10`,
    `https://www.youtube.com/shorts/${ID}`,
    `https://youtube.com/shorts/${ID}?feature=share`,
    `https://www.youtube.com/embed/${ID}?start=30`,
    `https://www.youtube-nocookie.com/embed/${ID}`,
    `https://www.youtube.com/live/${ID}`,
    `youtu.be/${ID}`,
    `www.youtube.com/watch?v=${ID}`,
    `  https://YOUTU.BE/${ID}  `,
  ])("extracts from %s", (url) => {
    expect(youtubeId(url)).toBe(ID);
  });

  it.each([
    "https://vimeo.com/123456789",
    `https://www.youtube.com/watch?v=${ID}x`,
    "https://www.youtube.com/watch?v=short",
    `https://www.youtube.com/watch?vid=${ID}`,
    `https://www.youtube.com/channel/${ID}`,
    `https://www.youtube.com/shorts/${ID}/extra`,
    `https://evil.example/watch?v=${ID}`,
    `https://youtube.com.evil.example/watch?v=${ID}`,
    `https://notyoutube.com/watch?v=${ID}`,
    `https://youtu.be.evil.example/${ID}`,
    `https://user@youtu.be/${ID}`,
    `https://youtu.be:8080/${ID}`,
    `javascript:alert('${ID}')`,
    `https://youtu.be/${ID.slice(0, 10)}"`,
    `https://www.youtube.com/watch?v=${ID.slice(0, 10)}%3C`,
    "",
  ])("rejects %s", (url) => {
    expect(youtubeId(url)).toBeNull();
  });

  it("builds a privacy-enhanced embed URL", () => {
    expect(youtubeEmbedUrl(ID)).toBe(`https://www.youtube-nocookie.com/embed/${ID}`);
  });

  it("refuses to embed anything that is not an id", () => {
    expect(() => youtubeEmbedUrl("../../evil")).toThrow("invalid_youtube_id");
    expect(() => youtubeEmbedUrl(`${ID}?autoplay=1`)).toThrow("invalid_youtube_id");
  });

  it("always returns an embeddable id", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        const id = youtubeId(`https://youtu.be/${s}`);
        if (id !== null) expect(() => youtubeEmbedUrl(id)).not.toThrow();
      }),
    );
  });
});

describe("normalizeWhatsApp", () => {
  it.each([
    ["0812-3456-7890", "+6281234567890"],
    ["081234567890", "+6281234567890"],
    ["62812 3456 7890", "+6281234567890"],
    ["+62 812 3456 7890", "+6281234567890"],
    ["+62 (0)812-3456-7890", "+6281234567890"],
    ["0062 812 3456 7890", "+6281234567890"],
    ["812.3456.7890", "+6281234567890"],
    ["+62\u00a0857\u00a01234\u00a05678", "+6285712345678"],
    ["0812-345-678", "+62812345678"],
    ["0812-3456-78901", "+62812345678901"],
    ["+6281234567890", "+6281234567890"],
  ])("normalises %j", (input, expected) => {
    expect(normalizeWhatsApp(input)).toBe(expected);
  });

  it.each([
    "021-555-1234",
    "+62 21 5551234",
    "0812-345-67",
    "0812-3456-789012",
    "+1 415 555 0100",
    "+65 8123 4567",
    "0802-3456-7890",
    "08l2-3456-7890",
    "0812/3456/7890",
    "+ 62 812",
    "++6281234567890",
    "+0812345678",
    "",
    "not a number",
    "0".repeat(100),
  ])("rejects %j", (input) => {
    expect(normalizeWhatsApp(input)).toBeNull();
  });

  it("rejects non-strings", () => {
    expect(normalizeWhatsApp(null)).toBeNull();
    expect(normalizeWhatsApp(undefined)).toBeNull();
  });

  const mobileNsn = fc.tuple(fc.integer({ min: 1, max: 9 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 10 })).map(([second, rest]) => `8${second}${rest.join("")}`);
  const separated = (digits: string) =>
    fc.array(fc.constantFrom("", "", "", " ", "-", ".", "\u00a0"), { minLength: digits.length, maxLength: digits.length }).map((seps) => Array.from(digits, (d, i) => d + (seps[i] ?? "")).join(""));

  it("accepts every prefix style for every plausible number", () => {
    fc.assert(
      fc.property(mobileNsn, fc.constantFrom("0", "62", "+62", "+62 ", "0062", "+62 (0)", ""), (nsn, prefix) => {
        expect(normalizeWhatsApp(prefix + nsn)).toBe(`+62${nsn}`);
      }),
    );
  });

  it("is idempotent on its own output", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          mobileNsn.chain((nsn) => separated(`0${nsn}`)),
          fc.string({ unit: fc.constantFrom(..."0123456789+-() .\u00a0"), maxLength: 24 }),
        ),
        (input) => {
          const once = normalizeWhatsApp(input);
          if (once === null) return;
          expect(once).toMatch(/^\+628[1-9]\d{7,10}$/);
          expect(normalizeWhatsApp(once)).toBe(once);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("whatsAppLink", () => {
  it("builds a wa.me link", () => {
    expect(whatsAppLink("+6281234567890")).toBe("https://wa.me/6281234567890");
  });

  it("encodes the prefilled text", () => {
    expect(whatsAppLink("+6281234567890", "Halo panitia KIM! Tim #1 & 2? 🎉")).toBe("https://wa.me/6281234567890?text=Halo%20panitia%20KIM!%20Tim%20%231%20%26%202%3F%20%F0%9F%8E%89");
    expect(whatsAppLink("+6281234567890", "")).toBe("https://wa.me/6281234567890");
  });

  it("accepts any form normalizeWhatsApp accepts and rejects the rest", () => {
    expect(whatsAppLink("0812-3456-7890")).toBe("https://wa.me/6281234567890");
    expect(() => whatsAppLink("021-555-1234")).toThrow("invalid_whatsapp_number");
  });

  it("keeps arbitrary text inside the query parameter", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), (text) => {
        const url = new URL(whatsAppLink("+6281234567890", text));
        expect(url.origin).toBe("https://wa.me");
        expect(url.pathname).toBe("/6281234567890");
        if (text) expect(url.searchParams.get("text")).toBe(text);
      }),
    );
  });
});

describe("safeRedirect", () => {
  it.each(["/", "/dashboard", "/events/jakarta-2025?tab=tim#anggota", "/a/b/../c", "/%2F%2Fevil.example", "/search?q=a%20b"])("allows %j", (to) => {
    expect(safeRedirect(to)).toBe(to);
  });

  it.each([
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "/\\/evil.example",
    "\\\\evil.example",
    "/x\\..\\..\\/evil",
    "https://evil.example",
    "http:evil.example",
    "javascript:alert(1)",
    "evil.example",
    "dashboard",
    "",
    " /dashboard",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/\u0000",
    "/ok\u007f",
    "/\u2028",
    "/\u202e",
  ])("refuses %j", (to) => {
    expect(safeRedirect(to)).toBe("/");
  });

  it("refuses overlong paths", () => {
    expect(safeRedirect(`/${"a".repeat(3000)}`)).toBe("/");
  });

  it("uses the fallback for non-string form values", () => {
    expect(safeRedirect(null)).toBe("/");
    expect(safeRedirect(undefined, "/login")).toBe("/login");
    expect(safeRedirect(new File(["x"], "a.txt"), "/home")).toBe("/home");
    expect(safeRedirect("//evil.example", "/home")).toBe("/home");
  });

  it("reads values straight from FormData", () => {
    const form = new FormData();
    form.set("redirectTo", "/events/1");
    expect(safeRedirect(form.get("redirectTo"))).toBe("/events/1");
    expect(safeRedirect(form.get("missing"))).toBe("/");
  });

  const ORIGIN = "https://kim.example";
  const trickyPiece = fc.constantFrom(
    "/",
    "//",
    "\\",
    "/\\",
    "\\/",
    ".",
    "..",
    ":",
    "@",
    "?",
    "#",
    "%2f",
    "%5c",
    "%09",
    "\t",
    "\n",
    "\r",
    " ",
    "\u0000",
    "\u00a0",
    "\u2028",
    "\u3002",
    "evil.example",
    "http:",
    "https:",
    "javascript:",
    "a",
    "%",
    "&",
  );
  const trickyString = fc.array(trickyPiece, { maxLength: 8 }).map((parts) => parts.join(""));

  it("never returns something that resolves to another origin", () => {
    fc.assert(
      fc.property(fc.oneof(trickyString, fc.string({ unit: "binary" }), fc.webUrl()), (to) => {
        const out = safeRedirect(to, "/fallback");
        expect(new URL(out, ORIGIN).origin).toBe(ORIGIN);
        // Also as the browser would see it in a Location header relative to a deep page.
        expect(new URL(out, `${ORIGIN}/a/b/c?d#e`).origin).toBe(ORIGIN);
        expect(out === "/fallback" || out === to).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});

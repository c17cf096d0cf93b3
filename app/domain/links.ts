/*
 * Validation/normalisation for user-supplied links: project/demo URLs,
 * YouTube pitch videos, WhatsApp contact numbers and post-login redirects.
 * Every function returns null (or the fallback) instead of throwing on bad
 * input, except the link builders, which only accept already-validated values.
 */

export const MAX_URL_LENGTH = 2048;

// Whitespace and control characters are stripped or reinterpreted by URL
// parsers, so their presence means the string is not what it looks like.
const UNSAFE_URL_CHARS = /[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/;

/**
 * Returns a normalised absolute http(s) URL, or null.
 *
 * Requires an explicit http/https scheme ("github.com/x" is rejected: guessing
 * the scheme is the form's job, with a visible hint). Rejects credentials
 * ("https://bank.example@evil.example"), IP literals and single-label or
 * local hosts — a public project link always has a registrable domain, and
 * this keeps the value safe to hand to a server-side fetcher (link previews).
 */
export function parseHttpUrl(input: string | null | undefined): string | null {
  if (typeof input !== "string") return null;
  const s = input.trim();
  if (s.length === 0 || s.length > MAX_URL_LENGTH || UNSAFE_URL_CHARS.test(s)) return null;
  if (!/^https?:\/\//i.test(s)) return null;
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.username !== "" || url.password !== "") return null;
  if (!isPublicDomainName(url.hostname)) return null;
  const href = url.href;
  return href.length > MAX_URL_LENGTH ? null : href;
}

function isPublicDomainName(hostname: string): boolean {
  // The URL parser has already lower-cased and punycoded the host and turned
  // numeric forms like "0x7f.1" into dotted IPv4, so checking the TLD shape
  // rules out IPv4; IPv6 literals keep their brackets.
  if (hostname.startsWith("[")) return false;
  const labels = hostname.split(".");
  if (labels.length < 2 || labels.some((label) => label.length === 0 || label.length > 63)) return false;
  const tld = labels[labels.length - 1] ?? "";
  if (!/^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(tld)) return false;
  // Reserved for local/testing use; never a real public site.
  return !["localhost", "local", "internal", "test", "invalid", "example"].includes(tld) && !hostname.endsWith(".localhost");
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const YOUTUBE_HOSTS = new Set(["youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com", "youtube-nocookie.com", "www.youtube-nocookie.com"]);
const YOUTUBE_PATH_PREFIXES = new Set(["shorts", "embed", "live", "v", "e"]);

/**
 * Extracts the 11-character video id from the common YouTube URL shapes
 * (watch?v=, youtu.be/, /shorts/, /embed/, /live/, mobile and music hosts,
 * extra query parameters). A missing scheme is tolerated because people paste
 * "youtu.be/…" from the share sheet; only the id is ever used.
 */
export function youtubeId(input: string | null | undefined): string | null {
  if (typeof input !== "string") return null;
  const s = input.trim();
  if (s.length === 0 || s.length > MAX_URL_LENGTH || UNSAFE_URL_CHARS.test(s)) return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(s) ? s : `https://${s}`);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  if (url.username !== "" || url.password !== "" || url.port !== "") return null;
  const segments = url.pathname.split("/").filter(Boolean);
  let candidate: string | null | undefined = null;
  if (url.hostname === "youtu.be") {
    candidate = segments.length === 1 ? segments[0] : null;
  } else if (YOUTUBE_HOSTS.has(url.hostname)) {
    if (segments.length === 1 && segments[0] === "watch") candidate = url.searchParams.get("v");
    else if (segments.length === 2 && YOUTUBE_PATH_PREFIXES.has(segments[0] ?? "")) candidate = segments[1];
  }
  return candidate && YOUTUBE_ID.test(candidate) ? candidate : null;
}

/** Privacy-enhanced embed URL. Throws on anything that is not a bare video id. */
export function youtubeEmbedUrl(id: string): string {
  if (!YOUTUBE_ID.test(id)) throw new TypeError("invalid_youtube_id");
  return `https://www.youtube-nocookie.com/embed/${id}`;
}

/*
 * Indonesian mobile numbers: national significant number (after +62) starts
 * with 8 and is 9–12 digits long (e.g. 0812-345-678 → 9, 0812-3456-78901 → 12).
 * The second digit is 1–9: every assigned mobile prefix is 81x–89x.
 */
const ID_MOBILE_NSN = /^8[1-9]\d{7,10}$/;
// Separators people actually type or paste: spaces (incl. NBSP), dashes, dots, parentheses.
const PHONE_SEPARATORS = /[\s\u00a0\-.()\u2010-\u2015]/g;

/**
 * Normalises an Indonesian mobile number to E.164 ("+628…"). Accepts
 * "0812-3456-7890", "62812…", "+62 812 …", "+62 (0)812…", "0062 812…", "812…".
 * Returns null for landlines, other countries and anything implausible.
 */
export function normalizeWhatsApp(input: string | null | undefined): string | null {
  if (typeof input !== "string" || input.length > 64) return null;
  const compact = input.trim().replace(PHONE_SEPARATORS, "");
  // "+62 (0)812…" is a common way of writing it, hence the optional 0 after 62.
  const match = /^(?:(?:\+|00)?62)?0?(\d+)$/.exec(compact);
  if (!match) return null;
  const nsn = match[1] ?? "";
  return ID_MOBILE_NSN.test(nsn) ? `+62${nsn}` : null;
}

/** wa.me click-to-chat link. Throws if `e164` is not a valid Indonesian mobile number. */
export function whatsAppLink(e164: string, text?: string): string {
  const normalized = normalizeWhatsApp(e164);
  if (normalized === null) throw new TypeError("invalid_whatsapp_number");
  const base = `https://wa.me/${normalized.slice(1)}`;
  return text ? `${base}?text=${encodeURIComponent(text)}` : base;
}

const REDIRECT_BASE = "https://redirect-check.invalid";

/**
 * Returns `to` if it is a same-site path ("/…"), else `fallback`. Accepts a
 * FormData value directly (a File is never a path). Refuses protocol-relative
 * ("//host"), backslash variants ("/\host", which browsers treat as "//"),
 * absolute URLs and any whitespace/control character (browsers strip tabs and
 * newlines inside URLs, turning "/\t/evil" into "//evil"). As a final guard the
 * path must resolve to the same origin under the WHATWG URL parser.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string") return fallback;
  if (to.length === 0 || to.length > MAX_URL_LENGTH) return fallback;
  if (to[0] !== "/" || to[1] === "/" || to[1] === "\\") return fallback;
  if (to.includes("\\") || UNSAFE_URL_CHARS.test(to)) return fallback;
  try {
    if (new URL(to, REDIRECT_BASE).origin !== REDIRECT_BASE) return fallback;
  } catch {
    return fallback;
  }
  return to;
}

/**
 * Where a fresh login goes: back to the page the person came from, except the home page (where
 * the header's login link is pressed by everyone), which says nothing about what they came to
 * do. The dashboard does: it leads with each role's work.
 */
export function landingAfterLogin(to: FormDataEntryValue | string | null | undefined): string {
  const target = safeRedirect(to, "/dasbor");
  return new URL(target, REDIRECT_BASE).pathname === "/" ? "/dasbor" : target;
}

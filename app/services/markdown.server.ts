import MarkdownIt from "markdown-it";
import { RecentlyUsed } from "./recently-used.server";

/*
 * Markdown for user-authored content (event descriptions, announcements,
 * submission write-ups). Everything here treats the source as hostile.
 *
 * Safety model (layered, so one mistake does not open a hole):
 *  1. `html: false` — raw HTML is never parsed as HTML; it is rendered as
 *     escaped text by markdown-it.
 *  2. `validateLink` is an allow-list (http, https, mailto, site-relative
 *     "/path"). markdown-it calls it after resolving entities/backslash
 *     escapes and percent-encoding the destination, so entity-encoded,
 *     whitespace-split and mixed-case schemes are judged on the final href. A rejected destination makes markdown-it
 *     give up on the link/image syntax, which then renders as literal text.
 *  3. A final core rule re-checks every link and image token, strips
 *     attributes we did not put there, demotes headings and whitelists fence
 *     languages. It would catch a future markdown-it change that bypasses (2).
 *
 * Images: kept, but only from https URLs — organisers want poster images in
 * event descriptions. http images would trigger mixed-content warnings, and
 * relative/data URLs are not needed (uploads are shown through dedicated UI).
 * A non-https image degrades to its alt text. Images get
 * `referrerpolicy="no-referrer"` so the page URL (which may carry private
 * ids) is not leaked to the image host, and `loading="lazy"`.
 */

const md = new MarkdownIt({
  html: false,
  linkify: true,
  typographer: false,
  // Organisers paste text from WhatsApp/Docs where a single newline is meant
  // as a line break; CommonMark would silently join those lines.
  breaks: true,
});

type Token = ReturnType<typeof md.parse>[number];

const SCHEME_RE = /^([a-z][a-z0-9+.-]*):/i;
// Anything below space, DEL and C1 controls: browsers strip or reinterpret
// these inside URLs, which is how "java\tscript:" tricks work.
const CONTROL_OR_SPACE_RE = /[\u0000-\u0020\u007f-\u009f]/;

function isAllowedHref(url: string): boolean {
  if (url.length === 0 || CONTROL_OR_SPACE_RE.test(url)) return false;
  if (url.startsWith("/")) {
    // "//host" and "/\host" are protocol-relative in browsers.
    return !url.startsWith("//") && !url.startsWith("/\\");
  }
  const scheme = SCHEME_RE.exec(url)?.[1]?.toLowerCase();
  if (scheme === "mailto") return url.length > "mailto:".length;
  if (scheme === "http" || scheme === "https") return hasHttpHost(url);
  return false;
}

function hasHttpHost(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === "http:" || parsed.protocol === "https:") && parsed.hostname !== "";
  } catch {
    return false;
  }
}

function isAllowedImageSrc(url: string): boolean {
  return isAllowedHref(url) && /^https:/i.test(url);
}

function isExternalHref(url: string): boolean {
  return /^https?:/i.test(url);
}

md.validateLink = isAllowedHref;

// Language names end up in a class attribute; keep them boring so the output
// never contains attacker-chosen text inside a tag.
const FENCE_LANG_RE = /^[A-Za-z0-9_+#.-]{1,32}$/;

function plainTextOf(tokens: readonly Token[] | null): string {
  if (!tokens) return "";
  let text = "";
  for (const token of tokens) {
    if (token.type === "text" || token.type === "code_inline") text += token.content;
    else if (token.type === "softbreak" || token.type === "hardbreak") text += " ";
    else if (token.type === "image") text += plainTextOf(token.children);
  }
  return text;
}

function keepAttrs(token: Token, names: readonly string[]): void {
  token.attrs = token.attrs?.filter(([name]) => names.includes(name)) ?? null;
}

function sanitizeInline(children: Token[], TokenCtor: new (type: string, tag: string, nesting: 0) => Token): Token[] {
  const out: Token[] = [];
  // Parallel stack so a dropped link_open also drops its matching close.
  const keptLinks: boolean[] = [];
  for (const token of children) {
    if (token.type === "link_open") {
      const href = token.attrGet("href");
      const ok = typeof href === "string" && isAllowedHref(href);
      keptLinks.push(ok);
      if (!ok) continue;
      keepAttrs(token, ["href", "title"]);
      if (isExternalHref(href)) {
        token.attrSet("rel", "nofollow noopener noreferrer");
        token.attrSet("target", "_blank");
      }
    } else if (token.type === "link_close") {
      if (keptLinks.pop() !== true) continue;
    } else if (token.type === "image") {
      const src = token.attrGet("src");
      if (typeof src !== "string" || !isAllowedImageSrc(src)) {
        const alt = new TokenCtor("text", "", 0);
        alt.content = plainTextOf(token.children);
        out.push(alt);
        continue;
      }
      keepAttrs(token, ["src", "alt", "title"]);
      token.attrSet("loading", "lazy");
      token.attrSet("referrerpolicy", "no-referrer");
    } else if (token.type === "html_inline") {
      // Unreachable with html:false; kept as text if a future option flips it.
      token.type = "text";
    }
    out.push(token);
  }
  return out;
}

md.core.ruler.push("kim_sanitize", (state) => {
  for (const token of state.tokens) {
    if (token.type === "heading_open" || token.type === "heading_close") {
      // The page owns <h1> (event title); user content starts at <h2>.
      const level = Number(token.tag.slice(1));
      token.tag = `h${Math.min(6, Math.max(2, level + 1))}`;
    } else if (token.type === "fence") {
      const lang = token.info.trim().split(/\s+/)[0] ?? "";
      token.info = FENCE_LANG_RE.test(lang) ? lang : "";
    } else if (token.type === "inline" && token.children) {
      token.children = sanitizeInline(token.children, state.Token);
    }
  }
  return true;
});

// Defence in depth for the (disabled) raw-HTML token types: escape, never emit.
md.renderer.rules.html_block = (tokens, idx) => `<p>${md.utils.escapeHtml(tokens[idx]?.content ?? "")}</p>\n`;
md.renderer.rules.html_inline = (tokens, idx) => md.utils.escapeHtml(tokens[idx]?.content ?? "");

const sameText = (text: string) =>
  text
    .toLocaleLowerCase("id")
    .replace(/[\s.:;!?\u2026\u2013\u2014-]+/g, " ")
    .trim();

/**
 * Renders untrusted Markdown to HTML that is safe to inject with dangerouslySetInnerHTML.
 * `omitLeading`: texts the page already shows just above (the section's heading, the project's
 * title and tagline). A heading or paragraph at the very start of the text that only repeats one
 * of them is left out, so a screen reader does not hear the same heading twice.
 */
export function renderMarkdown(source: string, { omitLeading = [] }: { omitLeading?: readonly string[] } = {}): string {
  if (source.length > MAX_KEPT_SOURCE) return renderFresh(source, omitLeading);
  const key = JSON.stringify([omitLeading, source]);
  let html = rendered.get(key);
  if (html === undefined) rendered.set(key, (html = renderFresh(source, omitLeading)));
  return html;
}

/**
 * The same text renders to the same HTML, and the event page renders its description, rules,
 * FAQ answers and announcements on every visit: the most recently rendered texts are kept (up to
 * 128 of at most 16,000 characters each, a few MB at most).
 */
const rendered = new RecentlyUsed<string, string>(128);
const MAX_KEPT_SOURCE = 16_000;

function renderFresh(source: string, omitLeading: readonly string[]): string {
  const omit = new Set(omitLeading.map(sameText).filter(Boolean));
  if (omit.size === 0) return md.render(source);
  const env = {};
  const tokens = md.parse(source, env);
  let start = 0;
  while (
    start + 2 < tokens.length &&
    (tokens[start].type === "heading_open" || tokens[start].type === "paragraph_open") &&
    tokens[start + 1].type === "inline" &&
    omit.has(sameText(plainTextOf(tokens[start + 1].children)))
  ) {
    start += 3;
  }
  return md.renderer.render(tokens.slice(start), md.options, env);
}

// Bidi overrides/isolates can visually reorder a summary (e.g. fake file
// extensions); they have no business in a card snippet or meta description.
const STRIP_FROM_PLAIN_RE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Flattens Markdown to a single line of plain text for cards and
 * `<meta name="description">`. Code blocks and images are omitted (noise in a
 * summary); link text is kept, URLs are not. The result is NOT HTML-escaped —
 * render it as text (React does) or escape it yourself.
 * Truncates to at most `maxLength` code points, preferring a word boundary and
 * ending with "…" when shortened.
 */
export function markdownToPlainText(source: string, maxLength: number): string {
  const parts: string[] = [];
  for (const token of md.parse(source, {})) {
    if (token.type === "inline") {
      parts.push(plainTextOf(token.children?.filter((child) => child.type !== "image") ?? null));
    }
  }
  const text = parts.join(" ").replace(STRIP_FROM_PLAIN_RE, "").replace(/\s+/g, " ").trim();
  return truncate(text, maxLength);
}

function truncate(text: string, maxLength: number): string {
  const limit = Math.floor(maxLength);
  if (!(limit > 0)) return "";
  // Code points, so an emoji is never split into a lone surrogate.
  const chars = Array.from(text);
  if (chars.length <= limit) return text;
  if (limit === 1) return "…";
  const cut = chars.slice(0, limit - 1);
  const head = cut.join("");
  const lastSpace = head.lastIndexOf(" ");
  // Only back off to a word boundary if it does not throw away most of the text.
  const base = lastSpace >= head.length * 0.6 ? head.slice(0, lastSpace) : head;
  return `${base.replace(/[\s.,;:!?\-\u2013\u2014]+$/u, "")}…`;
}

// A few seconds of caching for anonymous visitors' public pages (home, event page, gallery,
// leaderboard). Rendering costs ~60× the bytes alone; with thousands of phones reloading the
// leaderboard in a ceremony, each instance renders a page at most once per TTL per language.
// Signed-in visitors (session cookie) always get a fresh render.

import { EncodedVariants } from "./compress.server";

/** A page as kept: its body, and that body compressed in each encoding a visitor has asked for so far. */
export type CachedPage = { status: number; headers: Record<string, string>; body: Buffer; encoded: EncodedVariants; expires: number };

const PUBLIC_PATH = /^\/(?:$|acara\/[a-z0-9-]+(?:\/(?:galeri|hasil|proyek\/[A-Za-z0-9_-]+))?\/?$)/;

export function cacheKey(input: { method: string; path: string; search: string; cookie: string | undefined }): string | null {
  if (input.method !== "GET") return null;
  if (!PUBLIC_PATH.test(input.path)) return null;
  const cookie = input.cookie ?? "";
  if (/(?:^|;\s*)kim_session=/.test(cookie)) return null;
  const lng = /(?:^|;\s*)lng=([^;]*)/.exec(cookie)?.[1] ?? "";
  return `${input.path}${input.search}|${lng}`;
}

/**
 * Whether a cached key shows data of the event `slug` (its pages, or the home page that lists
 * events); `null` matches every key.
 */
export function showsEvent(key: string, slug: string | null): boolean {
  if (slug === null) return true;
  const path = key.slice(0, key.search(/[?|]/));
  return path === "/" || path === `/acara/${slug}` || path.startsWith(`/acara/${slug}/`);
}

export class MicroCache {
  private entries = new Map<string, CachedPage>();
  private inflight = new Map<string, Promise<void>>();
  /** Bumped by every invalidation: a render that began before it must not be stored. */
  private generation = 0;

  constructor(
    private ttlMs = 5_000,
    private maxEntries = 500,
  ) {}

  get(key: string, now: number): CachedPage | null {
    const hit = this.entries.get(key);
    if (!hit) return null;
    if (hit.expires <= now) {
      this.entries.delete(key);
      return null;
    }
    return hit;
  }

  /** The generation a render starts in; pass it to `set` when the render is done. */
  current(): number {
    return this.generation;
  }

  /** Drops every entry `matches` selects, and keeps renders already running from storing theirs. */
  invalidate(matches: (key: string) => boolean): void {
    this.generation++;
    for (const key of [...this.entries.keys()]) if (matches(key)) this.entries.delete(key);
  }

  /** Keeps the page; gives back its encodings (made as first asked for), or nothing when the page was not kept. */
  set(key: string, page: Omit<CachedPage, "expires" | "encoded">, now: number, startedIn = this.generation): EncodedVariants | undefined {
    if (startedIn !== this.generation) return undefined;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    const encoded = new EncodedVariants(page.body);
    this.entries.set(key, { ...page, encoded, expires: now + this.ttlMs });
    return encoded;
  }

  /** Lets the first request for a key render while the others wait for its result. */
  async waitForInflight(key: string): Promise<void> {
    await this.inflight.get(key);
  }

  begin(key: string): () => void {
    let done!: () => void;
    this.inflight.set(key, new Promise<void>((r) => (done = r)));
    return () => {
      this.inflight.delete(key);
      done();
    };
  }

  isInflight(key: string): boolean {
    return this.inflight.has(key);
  }
}

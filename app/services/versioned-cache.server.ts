// A small in-process cache for values derived from database data, keyed by the data's version.
// The version is read from the database on every request, so a stale entry can never be served
// by any instance: a changed version is a different key. Concurrent callers of one key share a
// single computation (single-flight), and memory is bounded by evicting the least recently used
// entries and every older version of the same subject.

export type VersionedCache<T> = {
  /** The value for `subject` at `version`, computed at most once while it stays cached. */
  get(subject: string, version: string, compute: () => Promise<T>): Promise<T>;
  /** How many computations ran (for tests and diagnostics). */
  readonly computations: number;
  clear(): void;
};

export function versionedCache<T>(maxEntries: number): VersionedCache<T> {
  // Map iteration order is insertion order: re-inserting on use keeps the oldest first.
  const entries = new Map<string, { subject: string; value: Promise<T> }>();
  let computations = 0;

  const keyOf = (subject: string, version: string) => `${subject}\u0000${version}`;

  return {
    get(subject, version, compute) {
      const key = keyOf(subject, version);
      const hit = entries.get(key);
      if (hit) {
        entries.delete(key);
        entries.set(key, hit);
        return hit.value;
      }
      for (const [k, e] of entries) if (e.subject === subject) entries.delete(k);
      computations++;
      const value = compute();
      entries.set(key, { subject, value });
      // A failed computation must not stick: the next caller tries again.
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next().value as string;
        entries.delete(oldest);
      }
      return value;
    },
    get computations() {
      return computations;
    },
    clear() {
      entries.clear();
    },
  };
}

/**
 * A Map bounded to its `limit` most recently used entries: reading an entry makes it the most
 * recent, and adding one beyond the limit drops the least recently used.
 */
export class RecentlyUsed<K, V> extends Map<K, V> {
  constructor(readonly limit: number) {
    super();
  }

  override get(key: K): V | undefined {
    const value = super.get(key);
    if (value !== undefined) {
      super.delete(key);
      super.set(key, value);
    }
    return value;
  }

  override set(key: K, value: V): this {
    super.delete(key);
    if (this.size >= this.limit) super.delete(this.keys().next().value as K);
    return super.set(key, value);
  }
}

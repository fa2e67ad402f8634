interface Entry<V> {
  value: V;
  size: number;
  storedAt: number;
}

/**
 * A map bounded by a size budget (the least recently used entries go first) whose entries also
 * expire a fixed time after they were stored. `sizeOf` says what an entry costs (bytes, or 1).
 */
export class LruCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private used = 0;

  constructor(
    private readonly budget: number,
    private readonly ttlMs: number,
    private readonly sizeOf: (value: V) => number = () => 1,
  ) {}

  get(key: string, now = performance.now()): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (now - entry.storedAt > this.ttlMs) {
      this.delete(key);
      return undefined;
    }
    // Map keeps insertion order: moving the entry to the end makes it the most recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V, now = performance.now()) {
    this.delete(key);
    const size = this.sizeOf(value);
    if (size > this.budget) return;
    this.entries.set(key, { value, size, storedAt: now });
    this.used += size;
    for (const [oldest, entry] of this.entries) {
      if (this.used <= this.budget) break;
      this.entries.delete(oldest);
      this.used -= entry.size;
    }
  }

  delete(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.used -= entry.size;
  }

  clear() {
    this.entries.clear();
    this.used = 0;
  }

  /** What the entries cost together, in `sizeOf` units. */
  get usage() {
    return this.used;
  }

  get count() {
    return this.entries.size;
  }
}

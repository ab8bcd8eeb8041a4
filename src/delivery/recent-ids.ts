/**
 * Remembers the ids seen lately: an update a platform delivers twice (a webhook retried after a
 * slow answer, a poll repeated after a crash) is recognised in memory before anything else looks
 * at it. Bounded: the oldest ids are forgotten first.
 */
export class RecentIds<T = number> {
  private readonly ids = new Set<T>();

  constructor(private readonly capacity = 1000) {}

  /** True when `id` was seen before; otherwise remembers it and returns false. */
  seen(id: T): boolean {
    if (this.ids.has(id)) return true;
    this.ids.add(id);
    if (this.ids.size > this.capacity) {
      // A Set iterates in insertion order: the first value is the oldest.
      const oldest = this.ids.values().next();
      if (!oldest.done) this.ids.delete(oldest.value);
    }
    return false;
  }

  has(id: T): boolean {
    return this.ids.has(id);
  }
}

/**
 * Remembers the update ids seen lately, so an update Telegram delivers twice (a webhook retried
 * after a slow answer, a poll repeated after a crash) reaches the engine once. Bounded: the
 * oldest ids are forgotten first, which is safe because Telegram's retries come within minutes.
 */
export class RecentIds {
  private readonly ids = new Set<number>();

  constructor(private readonly capacity = 1000) {}

  /** True when `id` was seen before; otherwise remembers it and returns false. */
  seen(id: number): boolean {
    if (this.ids.has(id)) return true;
    this.ids.add(id);
    if (this.ids.size > this.capacity) {
      // A Set iterates in insertion order: the first value is the oldest.
      const oldest = this.ids.values().next();
      if (!oldest.done) this.ids.delete(oldest.value);
    }
    return false;
  }
}

/**
 * Events between the processes on one store. `publish` appends an event to the store's feed;
 * `start` follows the feed — pushed by the store where it can (a MongoDB change stream on a replica
 * set), polled otherwise (SQLite, a standalone MongoDB) — and hands other processes' events to the
 * listeners. A process tells its own parts about its own events directly (it has the whole event at
 * hand; see `src/escalation/ticket-events.ts`), so listeners hear each event once.
 *
 * Delivery is at most once per process and only while it runs: a process hears what was appended
 * after it started following. Events carry ids and states only; listeners read the rest from the
 * store.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { silentLogger, type Logger } from '../logging';
import type { FeedEvent, FeedEventInput, FeedStore, FeedTopic } from '../store/types';

export type EventListener = (event: FeedEvent) => void | Promise<void>;

export interface EventBusOptions {
  /** How often the feed is polled when the store cannot push (ms). Default 250. */
  pollMs?: number;
  /** How long the feed keeps events (ms). Default one day. */
  keepMs?: number;
  clock?: () => Date;
  logger?: Logger;
}

/** Events read per poll. */
const BATCH = 200;
const PRUNE_EVERY_MS = 3600_000;

export class EventBus {
  /** This process, as the events it appends name it. */
  readonly origin = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly listeners = new Map<FeedTopic, Set<EventListener>>();
  private readonly pollMs: number;
  private readonly keepMs: number;
  private readonly clock: () => Date;
  private readonly log: Logger;
  /** The highest seq read, and the seqs read lately (the store may show appends out of seq order). */
  private cursor = 0;
  private readonly seen = new Set<number>();
  private timer?: NodeJS.Timeout;
  private polling?: Promise<void>;
  private unwatch?: () => Promise<void>;
  private prunedAt = 0;

  constructor(
    private readonly feed: FeedStore,
    options: EventBusOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 250;
    this.keepMs = options.keepMs ?? 24 * 3600_000;
    this.clock = options.clock ?? (() => new Date());
    this.log = options.logger ?? silentLogger;
  }

  /** Listens to one topic's events from other processes; returns the way to stop. */
  on(topic: FeedTopic, listener: EventListener): () => void {
    const set = this.listeners.get(topic) ?? new Set();
    set.add(listener);
    this.listeners.set(topic, set);
    return () => set.delete(listener);
  }

  /**
   * Appends the event to the feed for the other processes. A feed that cannot be written is
   * logged, not thrown: the change the event reports is stored already, and other processes see
   * it on their next read of the store (a page load, a tick).
   */
  async publish(event: Omit<FeedEventInput, 'origin'>): Promise<void> {
    try {
      await this.feed.append({ ...event, origin: this.origin });
    } catch (error) {
      this.log.warn({ err: error, topic: event.topic, kind: event.kind }, 'event not written to the feed; other processes will not hear of it');
    }
  }

  /** Follows the feed from its newest event on. */
  async start(): Promise<void> {
    if (this.timer || this.unwatch) return;
    this.cursor = await this.feed.head();
    // What is already there is not news, including appends that show up behind the newest one.
    if (this.feed.reorderWindow > 0) {
      for (const old of await this.feed.after(Math.max(0, this.cursor - this.feed.reorderWindow), BATCH)) this.seen.add(old.seq);
    }
    if (this.feed.watch) {
      try {
        this.unwatch = await this.feed.watch((event) => this.receive(event), (error) => this.watchFailed(error));
        return;
      } catch (error) {
        this.log.warn({ err: error }, 'the store cannot push events; polling the feed instead');
      }
    }
    this.poll();
  }

  /** Stops following the feed (the listeners stay, for a later start). */
  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.polling;
    const unwatch = this.unwatch;
    this.unwatch = undefined;
    await unwatch?.().catch(() => undefined);
  }

  private watchFailed(error: unknown): void {
    this.log.warn({ err: error }, 'the event stream from the store broke; polling the feed instead');
    const unwatch = this.unwatch;
    this.unwatch = undefined;
    void unwatch?.().catch(() => undefined);
    this.poll();
  }

  private poll(): void {
    this.timer = setTimeout(() => {
      this.polling = this.readFeed()
        .catch((error: unknown) => this.log.warn({ err: error }, 'reading the event feed failed; trying again'))
        .finally(() => {
          this.polling = undefined;
          if (this.timer) this.poll();
        });
    }, this.pollMs);
    this.timer.unref();
  }

  /** Reads what was appended since the last read, batch by batch when a follower fell behind. */
  private async readFeed(): Promise<void> {
    for (;;) {
      const before = this.cursor;
      const events = await this.feed.after(Math.max(0, before - this.feed.reorderWindow), BATCH);
      for (const event of events) this.receive(event);
      if (events.length < BATCH || this.cursor === before) break;
    }
    await this.pruneNow();
  }

  /** An event from the feed: delivered once, and only when another process appended it. */
  private receive(event: FeedEvent): void {
    if (this.seen.has(event.seq)) return;
    this.seen.add(event.seq);
    this.cursor = Math.max(this.cursor, event.seq);
    // Seqs this far behind are never read again: forget them.
    for (const seq of this.seen) if (seq < this.cursor - this.feed.reorderWindow - BATCH) this.seen.delete(seq);
    if (event.origin === this.origin) return;
    for (const listener of this.listeners.get(event.topic) ?? []) {
      Promise.resolve()
        .then(() => listener(event))
        .catch((error: unknown) => this.log.warn({ err: error, topic: event.topic, kind: event.kind }, 'an event listener failed'));
    }
  }

  /** Any process may forget old events; doing it once an hour per process is plenty. */
  private async pruneNow(): Promise<void> {
    const now = this.clock().getTime();
    if (now - this.prunedAt < PRUNE_EVERY_MS) return;
    this.prunedAt = now;
    await this.feed.prune(new Date(now - this.keepMs));
  }
}

/**
 * Writes the store cannot take right now — SQLite locked by another process, read-only or full,
 * MongoDB unreachable — are held here and tried again, in the order they were made, until the
 * store takes them. Answering never waits for them: a resident's update is handled from memory,
 * its answer sent from memory, and the writes that record it land when the store is back.
 *
 * Bounded: past `limit` nothing more is held and the caller is told (a hand-off the store cannot
 * take is refused to the resident rather than promised). While anything is held, new holdable
 * writes queue behind it without touching the store, so a locked SQLite file blocks the event loop
 * once per retry, not once per message. `/healthz` reports the queue (degraded).
 */
import { silentLogger, type Logger } from '../logging';
import { isStoreUnavailable } from './store-trouble';

export interface HeldWritesOptions {
  /** Writes held at most. Default 1000. */
  limit?: number;
  /** How often the held writes are tried again (ms). Default 1000. */
  retryMs?: number;
  logger?: Logger;
}

/** What became of a write: made now (with its result), or held for later. */
export type HeldResult<T> = { held: false; value: T } | { held: true };

/** Thrown when a write cannot be made and the queue is full: nothing remembers it. */
export class HeldWritesFull extends Error {
  constructor(label: string) {
    super(`the store is unavailable and too many writes are waiting already: ${label} not kept`);
  }
}

interface Held {
  label: string;
  write: () => Promise<unknown>;
  landed: () => void;
}

/** Makes a write through `held` when there is one (held while the store refuses it), else straight away. */
export async function holdable(held: HeldWrites | undefined, label: string, write: () => Promise<unknown>): Promise<void> {
  if (held) await held.run(label, write);
  else await write();
}

export interface HeldStatus {
  /** Writes waiting for the store. */
  held: number;
  /** Since when the store has been refusing writes. */
  since?: Date;
  lastError?: string;
  /** Held writes the store refused for another reason when tried again (logged and left out). */
  dropped: number;
}

export class HeldWrites {
  private readonly queue: Held[] = [];
  private readonly limit: number;
  private readonly retryMs: number;
  private readonly log: Logger;
  private timer?: NodeJS.Timeout;
  private replaying?: Promise<void>;
  private since?: Date;
  private lastError?: string;
  private dropped = 0;
  private readonly waiters: (() => void)[] = [];

  constructor(options: HeldWritesOptions = {}) {
    this.limit = options.limit ?? 1000;
    this.retryMs = options.retryMs ?? 1000;
    this.log = options.logger ?? silentLogger;
  }

  /** True while writes are waiting: the store refused the last attempt. */
  get troubled(): boolean {
    return this.queue.length > 0;
  }

  /**
   * Makes the write now — or, when the store is unavailable (or writes are held already, to keep
   * their order), holds it to be made later. `onLanded` runs once a held write is made. Rejects
   * with the store's error for any other failure, and with HeldWritesFull when it cannot be held.
   */
  async run<T>(label: string, write: () => Promise<T>, onLanded?: () => void): Promise<HeldResult<T>> {
    if (this.queue.length === 0) {
      try {
        return { held: false, value: await write() };
      } catch (error) {
        if (!isStoreUnavailable(error)) throw error;
        this.refused(error);
      }
    }
    if (this.queue.length >= this.limit) throw new HeldWritesFull(label);
    this.queue.push({ label, write, landed: onLanded ?? (() => undefined) });
    if (this.queue.length === 1 || this.queue.length % 100 === 0) {
      this.log.error({ held: this.queue.length, write: label, since: this.since }, 'the store refuses writes; holding them in memory and retrying in order');
    }
    this.schedule();
    return { held: true };
  }

  status(): HeldStatus {
    return { held: this.queue.length, ...(this.since ? { since: this.since } : {}), ...(this.lastError ? { lastError: this.lastError } : {}), dropped: this.dropped };
  }

  /** Resolves once nothing is held (the store took everything). */
  settled(): Promise<void> {
    if (this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Tries the held writes once more (at shutdown); what the store still refuses is logged as lost. */
  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.replay();
    if (this.queue.length > 0) {
      this.log.error({ lost: this.queue.map((h) => h.label) }, 'stopping with writes the store never took: they are lost');
      this.queue.splice(0);
    }
  }

  private refused(error: unknown): void {
    this.since ??= new Date();
    this.lastError = error instanceof Error ? error.message : String(error);
  }

  private schedule(): void {
    if (this.timer || this.replaying) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.replay().finally(() => this.queue.length > 0 && this.schedule());
    }, this.retryMs);
    this.timer.unref();
  }

  private replay(): Promise<void> {
    this.replaying ??= (async () => {
      while (this.queue.length > 0) {
        const next = this.queue[0];
        try {
          await next.write();
        } catch (error) {
          if (isStoreUnavailable(error)) {
            this.refused(error);
            return;
          }
          this.dropped++;
          this.log.error({ err: error, write: next.label }, 'a held write was refused when tried again; left out');
        }
        this.queue.shift();
        next.landed();
      }
      this.log.info({ since: this.since }, 'the store takes writes again; everything held is written');
      this.since = undefined;
      this.lastError = undefined;
      for (const waiter of this.waiters.splice(0)) waiter();
    })().finally(() => (this.replaying = undefined));
    return this.replaying;
  }
}

/**
 * The engine's outcome counts, kept in memory and added to the store's hourly counts about once a
 * second in one write, so counting costs the answering path a map update. A failed write is kept
 * and added to the next one; `stop()` writes what is left. A process killed between two writes
 * loses at most that second's counts: these are figures for a dashboard, not records.
 */
import type { OutcomeEntry, OutcomePort } from '../engine/ports';
import { silentLogger, type Logger } from '../logging';
import type { OutcomeCount, OutcomeStore } from '../store/types';
import { hourOf, outcomeKey } from '../store/compose';

export interface OutcomeTallyOptions {
  /** How long counts may wait before they are written (ms); default 1000. */
  flushMs?: number;
  logger?: Logger;
}

export class OutcomeTally implements OutcomePort {
  private pending = new Map<string, OutcomeCount>();
  private timer?: NodeJS.Timeout;
  private writing: Promise<void> = Promise.resolve();
  private readonly flushMs: number;
  private readonly log: Logger;

  constructor(
    private readonly store: Pick<OutcomeStore, 'add'>,
    options: OutcomeTallyOptions = {},
  ) {
    this.flushMs = options.flushMs ?? 1000;
    this.log = options.logger ?? silentLogger;
  }

  count(entry: OutcomeEntry): void {
    this.addTo(this.pending, { hour: hourOf(entry.at), channel: entry.channel, lang: entry.lang, outcome: entry.outcome, detail: entry.detail, count: 1 });
    // Unref'd: counts waiting to be written never keep a finished process alive (stop() writes them).
    this.timer ??= setTimeout(() => void this.flush(), this.flushMs).unref();
  }

  /** Writes the counts so far; resolves once they are in the store (or kept for the next try). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.writing = this.writing.then(() => this.write());
    return this.writing;
  }

  /** Writes what is left; call on shutdown. */
  stop(): Promise<void> {
    return this.flush();
  }

  private async write(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    try {
      await this.store.add([...batch.values()]);
    } catch (error) {
      for (const count of batch.values()) this.addTo(this.pending, count);
      this.log.warn({ err: error, keys: batch.size }, 'message outcome counts not written; kept for the next try');
      this.timer ??= setTimeout(() => void this.flush(), Math.max(this.flushMs, 1000)).unref();
    }
  }

  private addTo(counts: Map<string, OutcomeCount>, count: OutcomeCount): void {
    const key = outcomeKey(count);
    const known = counts.get(key);
    if (known) known.count += count.count;
    else counts.set(key, { ...count });
  }
}

/**
 * Conversation state with write-behind: the engine reads and updates conversations here, and
 * changed ones are written to the store in one batch (one transaction) a few milliseconds later,
 * so a disk flush per message is not on the answer's critical path. Reads see pending writes
 * first. `flush()` is awaited on shutdown, and a failed batch is kept and retried, never dropped.
 */
import { silentLogger, type Logger } from '../logging';
import type { Conversation, ConversationStore } from '../store/types';

export interface ConversationBookOptions {
  /** How long changes may wait before they are written. */
  flushDelayMs?: number;
  /** Write at once when this many conversations are waiting. */
  maxPending?: number;
  logger?: Logger;
}

export class ConversationBook {
  private readonly pending = new Map<string, Conversation>();
  /**
   * The batch being written. A read between taking it out of `pending` and the store's commit must
   * still see it: MongoDB's write takes a network round trip, during which the store has the
   * state before (a resident just handed to an operator would be answered by the bot again).
   */
  private writing = new Map<string, Conversation>();
  private timer?: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();
  private readonly delay: number;
  private readonly maxPending: number;
  private readonly log: Logger;
  /** Set while the store refuses the batches: what is pending is only in memory. */
  private failing = false;

  constructor(
    private readonly store: Pick<ConversationStore, 'get' | 'saveMany'>,
    options: ConversationBookOptions = {},
  ) {
    this.delay = options.flushDelayMs ?? 50;
    this.maxPending = options.maxPending ?? 1000;
    this.log = options.logger ?? silentLogger;
  }

  async get(channel: string, chatId: string): Promise<Conversation | null> {
    const k = key(channel, chatId);
    return this.pending.get(k) ?? this.writing.get(k) ?? this.store.get(channel, chatId);
  }

  /** Conversations whose state the store refused and that wait in memory (0 while the store takes them). */
  get unsaved(): number {
    return this.failing ? this.pending.size : 0;
  }

  /** Records the new state; it is written with the next batch. */
  put(conversation: Conversation): void {
    this.pending.set(key(conversation.channel, conversation.chatId), conversation);
    if (this.pending.size >= this.maxPending) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.delay);
  }

  /** Writes everything pending; resolves once it is durable in the store. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    // Batches are written one after another, so a later state never lands before an earlier one.
    this.flushing = this.flushing.then(() => this.writeBatch());
    return this.flushing;
  }

  private async writeBatch(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = new Map(this.pending);
    this.writing = batch;
    this.pending.clear();
    try {
      await this.store.saveMany([...batch.values()]);
      this.failing = false;
    } catch (error) {
      this.failing = true;
      // Put back what was not superseded meanwhile and try again shortly.
      for (const [k, c] of batch) if (!this.pending.has(k)) this.pending.set(k, c);
      this.log.error({ err: error, conversations: batch.size }, 'saving conversation state failed; will retry');
      // Unref'd: a store that stays down must not keep a finished process alive forever.
      this.timer ??= setTimeout(() => void this.flush(), Math.max(this.delay, 1000)).unref();
    } finally {
      this.writing = new Map();
    }
  }
}

function key(channel: string, chatId: string): string {
  return `${channel}\u0000${chatId}`;
}

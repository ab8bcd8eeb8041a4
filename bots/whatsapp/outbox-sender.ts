/**
 * The pacing queue for outgoing WhatsApp messages, kept in the store's outbox so that nothing
 * queued is lost on a restart. Messages to one chat leave in the order they were queued, at most
 * one per `perChatIntervalMs`; across all chats at most `globalPerMinute`. The spacing itself is
 * the Telegram channel's FloodControl, which is generic: it reserves slots in call order.
 *
 * Delivery is at least once: a message sent just before a crash, but not yet marked sent, goes
 * out again after the restart. Within one process a message is never handed out twice.
 */
import type { Logger } from '../../src/logging';
import { maskId } from '../../src/logging';
import type { OutboxStore, OutgoingMessage } from '../../src/store/types';
import { FloodControl } from '../shared/flood';
import { reason } from '../shared/errors';
import { backoffDelay } from './backoff';
import { maskNumbers } from './mask-text';
import type { Timers } from './timers';

export interface OutboxSenderOptions {
  /** Minimum gap between two messages to one chat (ms). Default 1000. */
  perChatIntervalMs?: number;
  /** Messages a minute across all chats (WHATSAPP_GLOBAL_RATE_PER_MIN). */
  globalPerMinute: number;
  /** Attempts before a message is given up (and listed by `OutboxStore.failed`). Default 5. */
  maxAttempts?: number;
  /** First retry delay after a failed send (ms), doubling per attempt. Default 2000. */
  retryBaseMs?: number;
  /** Longest retry delay (ms). Default 300000. */
  retryMaxMs?: number;
  /** Messages read from the store at a time. Default 100. */
  batchSize?: number;
}

export interface OutboxSenderParts {
  channel: string;
  outbox: OutboxStore;
  /** Sends one text; rejects when WhatsApp did not take it. */
  deliver: (chatId: string, text: string) => Promise<unknown>;
  timers: Timers;
  logger: Logger;
}

/** Flood control never retries here: a failed send is rescheduled through the store instead. */
const noRetryAfter = (): undefined => undefined;

/** Thrown inside a paced call when the sender paused while the call waited for its slot. */
const PAUSED = new Error('outbox paused');

/** What became of one message: gone from the queue, due again later, or left for after `resume`. */
type Outcome = 'done' | 'retry' | 'paused';

export class OutboxSender {
  private readonly flood: FloodControl;
  private readonly maxAttempts: number;
  private readonly retry: { baseMs: number; maxMs: number };
  private readonly batchSize: number;
  /** Ids handed to a lane and not yet settled: a store read racing a send must not hand them out again. */
  private readonly taken = new Set<string>();
  /** Ids settled (sent or failed) → the read number after which the store no longer lists them. */
  private readonly settled = new Map<string, number>();
  private readonly lanes = new Map<string, OutgoingMessage[]>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly retryTimers = new Map<string, () => void>();
  /** A store read that failed is tried again after a while. */
  private cancelPumpRetry?: () => void;
  private reads = 0;
  private pumping?: Promise<void>;
  private again = false;
  private active = false;
  /** Resolves when the sender pauses: a lane waiting for its slot stops waiting. */
  private paused!: Promise<void>;
  private signalPaused!: () => void;

  constructor(
    private readonly parts: OutboxSenderParts,
    options: OutboxSenderOptions,
  ) {
    this.armPause();
    this.flood = new FloodControl({
      perChatIntervalMs: options.perChatIntervalMs ?? 1000,
      globalPerSecond: options.globalPerMinute / 60,
      // A stop must not wait out the pacing gaps of messages that stay queued anyway.
      sleep: (ms) => Promise.race([parts.timers.sleep(ms), this.paused]),
      now: parts.timers.now,
    });
    this.maxAttempts = options.maxAttempts ?? 5;
    this.retry = { baseMs: options.retryBaseMs ?? 2000, maxMs: options.retryMaxMs ?? 300_000 };
    this.batchSize = options.batchSize ?? 100;
  }

  /** Queues texts for a chat (durably, before resolving) and sends them when the client is ready. */
  async enqueue(chatId: string, texts: string[]): Promise<void> {
    if (texts.length === 0) return;
    await this.parts.outbox.enqueue(texts.map((text) => ({ channel: this.parts.channel, chatId, text })));
    this.kick();
  }

  /** The client is ready: deliver what is queued, including what an earlier run left. */
  resume(): void {
    if (!this.active) this.armPause();
    this.active = true;
    this.kick();
  }

  /** The client is gone: lanes stop before their next message; what is unsent stays in the store. */
  pause(): void {
    this.active = false;
    this.signalPaused();
  }

  private armPause(): void {
    this.paused = new Promise((resolve) => (this.signalPaused = resolve));
  }

  /** Pauses and waits for the sends already under way; the rest stays queued in the store. */
  async stop(): Promise<void> {
    this.pause();
    for (const cancel of this.retryTimers.values()) cancel();
    this.retryTimers.clear();
    this.cancelPumpRetry?.();
    this.cancelPumpRetry = undefined;
    await this.idle();
  }

  /** Resolves once no store read and no lane is running. */
  async idle(): Promise<void> {
    while (this.pumping || this.running.size > 0) {
      await Promise.all([this.pumping, ...this.running.values()]);
    }
  }

  /** Reads the queue again soon; coalesces calls while a read is under way. */
  kick(): void {
    if (!this.active) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = this.pump()
      .catch((error: unknown) => {
        this.parts.logger.error({ err: error }, 'reading the WhatsApp outbox failed; trying again');
        this.cancelPumpRetry ??= this.parts.timers.schedule(() => {
          this.cancelPumpRetry = undefined;
          this.kick();
        }, this.retry.baseMs);
      })
      .finally(() => {
        this.pumping = undefined;
        if (this.again) this.kick();
      });
  }

  private async pump(): Promise<void> {
    this.again = false;
    const read = ++this.reads;
    const pending = await this.parts.outbox.pending(this.parts.channel, this.batchSize);
    // Anything settled before this read began is no longer listed by the store.
    for (const [id, at] of this.settled) if (at < read) this.settled.delete(id);
    const held = new Set<string>();
    const now = this.parts.timers.now();
    let laned = 0;
    for (const message of pending) {
      if (!this.active) return;
      const chat = message.chatId;
      if (this.taken.has(message.id) || this.settled.has(message.id)) continue;
      // A chat waiting for a retry keeps its later messages behind the one that must wait.
      if (held.has(chat) || this.retryTimers.has(chat)) {
        held.add(chat);
        continue;
      }
      if (message.retryAt && message.retryAt.getTime() > now) {
        held.add(chat);
        this.retryLater(chat, message.retryAt.getTime() - now);
        continue;
      }
      // Ids grow with enqueue order, so appending keeps a running lane in order.
      this.taken.add(message.id);
      const lane = this.lanes.get(chat) ?? [];
      lane.push(message);
      this.lanes.set(chat, lane);
      laned++;
      if (!this.running.has(chat)) this.runLane(chat);
    }
    // A full batch that brought new work may have more behind it. A full batch of messages already
    // in lanes is read again when a lane finishes (not now: that would spin).
    if (pending.length === this.batchSize && laned > 0) this.again = true;
  }

  private runLane(chat: string): void {
    const run = this.drainLane(chat)
      .catch((error: unknown) => {
        // The store failed under a send: release the lane and come back to it later.
        this.parts.logger.error({ err: error, chat: maskId(chat) }, 'WhatsApp send lane failed; retrying later');
        for (const m of this.lanes.get(chat)?.splice(0) ?? []) this.taken.delete(m.id);
        this.retryLater(chat, this.retry.baseMs);
      })
      .finally(() => {
        this.running.delete(chat);
        // A read may have appended to the lane after its loop ended: run it again rather than strand it.
        if ((this.lanes.get(chat)?.length ?? 0) > 0) return this.runLane(chat);
        this.lanes.delete(chat);
        // Messages beyond the last batch, or held back behind this lane, are read now.
        this.kick();
      });
    this.running.set(chat, run);
  }

  private async drainLane(chat: string): Promise<void> {
    const lane = this.lanes.get(chat) ?? [];
    while (lane.length > 0) {
      if (!this.active) {
        // Not sent: released, so the next read after `resume` hands them out again, in order.
        for (const m of lane.splice(0)) this.taken.delete(m.id);
        break;
      }
      const message = lane[0];
      const outcome = await this.sendOne(message);
      if (outcome === 'paused') continue; // released at the top of the loop
      lane.shift();
      this.settled.set(message.id, this.reads);
      this.taken.delete(message.id);
      if (outcome === 'retry') {
        // A retry is due later: the chat's later messages wait for it, so they are released too.
        for (const m of lane.splice(0)) this.taken.delete(m.id);
        break;
      }
    }
  }

  /** Sends one message and records the outcome in the store. */
  private async sendOne(message: OutgoingMessage): Promise<Outcome> {
    const { outbox, logger } = this.parts;
    const call = () => (this.active ? this.parts.deliver(message.chatId, message.text) : Promise.reject(PAUSED));
    try {
      await this.flood.run(call, noRetryAfter, message.chatId);
    } catch (error) {
      if (error === PAUSED) return 'paused';
      const why = reason(error);
      const attempts = message.attempts + 1;
      const chat = maskId(message.chatId);
      if (attempts >= this.maxAttempts) {
        await outbox.markFailed(message.id, why);
        logger.error({ chat, attempts, reason: maskNumbers(why) }, 'WhatsApp message given up after repeated failures');
        return 'done';
      }
      const delay = backoffDelay(attempts - 1, this.retry);
      await outbox.markFailed(message.id, why, new Date(this.parts.timers.now() + delay));
      logger.warn({ chat, attempts, reason: maskNumbers(why), retryInMs: delay }, 'WhatsApp message not sent; will retry');
      this.retryLater(message.chatId, delay);
      return 'retry';
    }
    await outbox.markSent(message.id);
    return 'done';
  }

  private retryLater(chat: string, delay: number): void {
    if (this.retryTimers.has(chat)) return;
    const cancel = this.parts.timers.schedule(() => {
      this.retryTimers.delete(chat);
      this.kick();
    }, delay);
    this.retryTimers.set(chat, cancel);
  }
}

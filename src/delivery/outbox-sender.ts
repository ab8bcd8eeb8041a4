/**
 * The one sender of a channel's outbox (one per Telegram token, one per WhatsApp number): every
 * message to a resident or a group waits in the store's outbox and leaves through here, paced by
 * the pipe's FloodControl. Messages to one chat leave in the order they were queued; a chat
 * waiting for its second or for a retry never holds up another chat.
 *
 * What a failed send becomes (the transport classifies it): a 429 holds the whole pipe for its
 * `retry_after` and the message is tried again; a 5xx or a network error is retried with growing
 * delays until the message is older than `maxAgeMs` (or has failed `maxAttempts` times), then it is
 * given up and listed as failed for the staff; a 403 (the resident blocked the bot) gives up the
 * chat's queued messages; any other refusal gives up that message.
 *
 * The sender wakes when something is queued in this process (`kick`), and reads the queue every
 * `pollMs` for what other processes queued. Delivery is at least once: a message sent just before a
 * crash, but not yet marked sent, goes out again after the restart. Within one process a message
 * is never handed out twice.
 *
 * When the store refuses writes, answering goes on: messages the store could not queue are sent
 * from memory (`sendNow`), and marks the store refuses are held (`HeldWrites`) — the message they
 * mark is not handed out again meanwhile.
 */
import { maskId, maskNumbers, silentLogger, type Logger } from '../logging';
import type { OutboxStore, OutgoingInput, OutgoingMessage } from '../store/types';
import { backoffDelay } from './backoff';
import { FloodAborted, FloodControl, type FloodOptions } from './flood-control';
import type { HeldWrites } from './held-writes';
import type { Timers } from './timers';

/** What a failed send means for the message. */
export type SendFailure =
  | { kind: 'retry-after'; ms: number; reason: string }
  | { kind: 'transient'; reason: string }
  | { kind: 'blocked'; reason: string }
  | { kind: 'rejected'; reason: string };

/** How a channel sends one outbox item. */
export interface OutboxTransport<P> {
  /** The messages one item goes out as (a long Telegram answer is several), in order. */
  render(item: OutgoingMessage): P[];
  send(chatId: string, part: P): Promise<void>;
  classify(error: unknown): SendFailure;
}

export interface OutboxSenderOptions {
  /** Pacing of the pipe (per chat, per group, overall). */
  flood?: Omit<FloodOptions, 'sleep' | 'now' | 'aborted'>;
  /** A message not delivered by this age (ms) is given up and listed as failed. Default 24 h. */
  maxAgeMs?: number;
  /** The clock the store dates messages by, for their age. Default: the timers' clock. */
  storeClock?: () => Date;
  /** Failed attempts (not counting 429s) after which a message is given up. Default: no limit. */
  maxAttempts?: number;
  /** First retry delay after a failed send (ms), doubling per attempt. Default 1000. */
  retryBaseMs?: number;
  /** Longest retry delay (ms). Default 60000. */
  retryMaxMs?: number;
  /** Messages read from the store at a time. Default 200. */
  batchSize?: number;
  /** How often the queue is read for messages other processes queued (ms); 0: only when kicked. Default 1000. */
  pollMs?: number;
}

export interface OutboxSenderParts<P> {
  /** The outbox queue this sender owns: the channel's name. */
  channel: string;
  outbox: Pick<OutboxStore, 'pending' | 'markSent' | 'markFailed'>;
  transport: OutboxTransport<P>;
  timers: Timers;
  /** Where marks the store refuses wait (without it, a refused mark fails the lane, retried later). */
  held?: HeldWrites;
  logger?: Logger;
}

/** What became of one message: gone from the queue, due again later, its chat blocked, or left for after `resume`. */
type Outcome = 'done' | 'retry' | 'blocked' | 'paused';

/** A mark the store has not taken yet: the message is not handed out meanwhile (and its chat waits, for a retry). */
type HeldMark = { kind: 'sent' | 'failed' } | { kind: 'retry'; at: number };

const DAY_MS = 24 * 3600_000;
const MEMORY = 'mem:';

export class OutboxSender<P> {
  /** The pipe's pace: the channel's other calls (callback answers, alerts) go through it too. */
  readonly flood: FloodControl;
  private readonly log: Logger;
  private readonly maxAgeMs: number;
  private readonly storeClock: () => Date;
  private readonly maxAttempts: number;
  private readonly retry: { baseMs: number; maxMs: number };
  private readonly batchSize: number;
  private readonly pollMs: number;
  /** Ids handed to a lane and not yet settled: a store read racing a send must not hand them out again. */
  private readonly taken = new Set<string>();
  /** Ids settled (sent or failed) → the read number after which the store no longer lists them. */
  private readonly settled = new Map<string, number>();
  /** Parts of a multi-part message already sent, so a retry goes on from the first unsent one. */
  private readonly partsSent = new Map<string, number>();
  private readonly lanes = new Map<string, OutgoingMessage[]>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly retryTimers = new Map<string, () => void>();
  /** Messages the store could not queue, sent from memory (ids start with `mem:`). */
  private readonly memory: OutgoingMessage[] = [];
  private memorySeq = 0;
  private readonly heldMarks = new Map<string, HeldMark>();
  /** A store read that failed is tried again after a while. */
  private cancelPumpRetry?: () => void;
  private cancelPoll?: () => void;
  private reads = 0;
  private pumping?: Promise<void>;
  private again = false;
  private active = false;
  /** Resolves when the sender pauses: a lane waiting for its slot stops waiting. */
  private paused!: Promise<void>;
  private signalPaused!: () => void;

  constructor(
    private readonly parts: OutboxSenderParts<P>,
    options: OutboxSenderOptions = {},
  ) {
    this.log = parts.logger ?? silentLogger;
    this.armPause();
    this.flood = new FloodControl({
      ...options.flood,
      // A pause must not wait out the pacing gaps of messages that stay queued anyway.
      sleep: (ms) => Promise.race([parts.timers.sleep(ms), this.paused]),
      now: parts.timers.now,
      aborted: () => !this.active,
    });
    this.maxAgeMs = options.maxAgeMs ?? DAY_MS;
    this.storeClock = options.storeClock ?? (() => new Date(parts.timers.now()));
    this.maxAttempts = options.maxAttempts ?? Infinity;
    this.retry = { baseMs: options.retryBaseMs ?? 1000, maxMs: options.retryMaxMs ?? 60_000 };
    this.batchSize = options.batchSize ?? 200;
    this.pollMs = options.pollMs ?? 1000;
  }

  /** Starts (or resumes) sending: what is queued, including what an earlier run left. */
  resume(): void {
    if (!this.active) this.armPause();
    this.active = true;
    this.schedulePoll();
    this.kick();
  }

  /** Stops before each lane's next message (the channel went away); what is unsent stays queued. */
  pause(): void {
    this.active = false;
    this.signalPaused();
    this.cancelPoll?.();
    this.cancelPoll = undefined;
  }

  /**
   * Stops sending. With `graceMs`, what is in hand may go out for that long first (a graceful
   * stop sends the answers of the updates it finished); then it pauses and waits for the sends
   * already under way. The rest stays queued in the store for the next start.
   */
  async stop(graceMs = 0): Promise<void> {
    if (graceMs > 0 && this.active) {
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
      await Promise.race([this.idle(), grace]);
      clearTimeout(timer);
    }
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

  /**
   * Sends messages the store could not queue (it refuses writes): from memory, in this process
   * only, with the same pace and retries, after what is queued for the same chat.
   */
  sendNow(items: OutgoingInput[]): void {
    const at = new Date(this.parts.timers.now());
    for (const item of items) this.memory.push({ ...item, id: `${MEMORY}${++this.memorySeq}`, createdAt: at, attempts: 0 });
    this.kick();
  }

  /** Reads the queue again now (something was queued); coalesces calls while a read is under way. */
  kick(): void {
    if (!this.active) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = this.pump()
      .catch((error: unknown) => {
        this.log.error({ err: error }, `reading the ${this.parts.channel} outbox failed; trying again`);
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

  private armPause(): void {
    this.paused = new Promise((resolve) => (this.signalPaused = resolve));
  }

  private schedulePoll(): void {
    if (this.pollMs <= 0 || this.cancelPoll) return;
    this.cancelPoll = this.parts.timers.schedule(() => {
      this.cancelPoll = undefined;
      if (!this.active) return;
      this.kick();
      this.schedulePoll();
    }, this.pollMs);
  }

  private async pump(): Promise<void> {
    this.again = false;
    const read = ++this.reads;
    let pending: OutgoingMessage[] = [];
    let failure: unknown;
    try {
      pending = await this.parts.outbox.pending(this.parts.channel, this.batchSize);
    } catch (error) {
      // What waits in memory goes out even when the store cannot be read.
      failure = error;
    }
    // Anything settled before this read began is no longer listed by the store.
    if (failure === undefined) for (const [id, at] of this.settled) if (at < read) this.settled.delete(id);
    const held = new Set<string>();
    const now = this.parts.timers.now();
    let laned = 0;
    for (const message of [...pending, ...this.memory]) {
      if (!this.active) return;
      const chat = message.chatId;
      if (this.taken.has(message.id) || this.settled.has(message.id)) continue;
      const mark = this.heldMarks.get(message.id);
      if (mark) {
        // Its mark is not in the store yet: not handed out again; a retry still holds its chat.
        if (mark.kind === 'retry') {
          held.add(chat);
          this.retryLater(chat, Math.max(0, mark.at - now));
        }
        continue;
      }
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
    if (failure !== undefined) throw failure;
  }

  private runLane(chat: string): void {
    const run = this.drainLane(chat)
      .catch((error: unknown) => {
        // The store failed under a send: release the lane and come back to it later.
        this.log.error({ err: error, chat: maskId(chat) }, 'send lane failed; retrying later');
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
      this.settle(lane.shift() as OutgoingMessage);
      if (outcome === 'blocked') {
        // The resident blocked the bot: the chat's other queued messages would be refused too.
        for (const m of lane.splice(0)) {
          await this.markFailed(m, 'not sent: the resident blocked the bot');
          this.settle(m);
        }
      }
      if (outcome === 'retry') {
        // A retry is due later: the chat's later messages wait for it, so they are released too.
        for (const m of lane.splice(0)) this.taken.delete(m.id);
        break;
      }
    }
  }

  private settle(message: OutgoingMessage): void {
    this.settled.set(message.id, this.reads);
    this.taken.delete(message.id);
    this.partsSent.delete(message.id);
  }

  /** Sends one message (all its parts) and records the outcome in the store. */
  private async sendOne(message: OutgoingMessage): Promise<Outcome> {
    const { transport } = this.parts;
    const chat = message.chatId;
    let rendered: P[];
    try {
      rendered = transport.render(message);
    } catch (error) {
      await this.markFailed(message, `cannot be rendered: ${String(error)}`);
      return 'done';
    }
    for (let part = this.partsSent.get(message.id) ?? 0; part < rendered.length; ) {
      let release: () => void;
      try {
        release = await this.flood.acquire(chat, 'high');
      } catch (error) {
        if (error instanceof FloodAborted) return 'paused';
        throw error;
      }
      let failure: SendFailure | undefined;
      try {
        if (!this.active) return 'paused';
        await transport.send(chat, rendered[part]);
      } catch (error) {
        failure = transport.classify(error);
      } finally {
        release();
      }
      if (!failure) {
        this.partsSent.set(message.id, ++part);
        continue;
      }
      if (failure.kind === 'retry-after') {
        this.flood.pause(failure.ms);
        this.log.warn({ chat: maskId(chat), retryAfterMs: failure.ms }, 'too many requests; holding every send for the time asked');
        continue;
      }
      return this.failed(message, failure);
    }
    await this.markSent(message);
    return 'done';
  }

  private async failed(message: OutgoingMessage, failure: SendFailure): Promise<Outcome> {
    const { timers } = this.parts;
    const chat = maskId(message.chatId);
    const why = maskNumbers(failure.reason);
    const attempts = message.attempts + 1;
    const age = this.storeClock().getTime() - message.createdAt.getTime();
    if (failure.kind === 'transient' && attempts < this.maxAttempts && age < this.maxAgeMs) {
      const delay = backoffDelay(attempts - 1, this.retry);
      await this.markFailed(message, failure.reason, new Date(timers.now() + delay));
      this.log.warn({ chat, attempts, reason: why, retryInMs: delay }, 'message not sent; will retry');
      this.retryLater(message.chatId, delay);
      return 'retry';
    }
    await this.markFailed(message, failure.reason);
    const level = failure.kind === 'blocked' ? 'info' : 'error';
    this.log[level]({ chat, attempts, reason: why, kind: failure.kind }, 'message given up');
    return failure.kind === 'blocked' ? 'blocked' : 'done';
  }

  private markSent(message: OutgoingMessage): Promise<void> {
    if (message.id.startsWith(MEMORY)) return Promise.resolve(this.forget(message));
    return this.mark(message, { kind: 'sent' }, () => this.parts.outbox.markSent(message.id));
  }

  /** With `retryAt`: due again then; without: given up (listed as failed, for the staff). */
  private markFailed(message: OutgoingMessage, reason: string, retryAt?: Date): Promise<void> {
    if (message.id.startsWith(MEMORY)) {
      Object.assign(message, { attempts: message.attempts + 1, lastError: reason, retryAt });
      if (!retryAt) this.forget(message);
      return Promise.resolve();
    }
    const mark: HeldMark = retryAt ? { kind: 'retry', at: retryAt.getTime() } : { kind: 'failed' };
    return this.mark(message, mark, () => this.parts.outbox.markFailed(message.id, reason, retryAt));
  }

  /** A mark in the store; one the store refuses is held, and the message kept out of the lanes until it lands. */
  private async mark(message: OutgoingMessage, kind: HeldMark, write: () => Promise<void>): Promise<void> {
    const { held } = this.parts;
    if (!held) return write();
    const outcome = await held.run(`outbox mark (${kind.kind})`, write, () => {
      this.heldMarks.delete(message.id);
      this.kick();
    });
    if (outcome.held) this.heldMarks.set(message.id, kind);
  }

  private forget(message: OutgoingMessage): void {
    const i = this.memory.indexOf(message);
    if (i >= 0) this.memory.splice(i, 1);
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

/**
 * The pace of one sending pipe (one Telegram token, one WhatsApp number): calls are spaced to stay
 * under the platform's limits — for Telegram about one message a second in a chat, twenty a minute
 * in a group, thirty a second overall — and a 429 holds the whole pipe for the `retry_after`
 * Telegram names.
 *
 * Two waits, one after the other, never one inside the other: first the chat's own (its previous
 * message must be a full interval old, counted from when that call *finished*, because Telegram
 * counts arrivals), then a global slot. A chat waiting for its second therefore holds no global
 * slot, and one resident's "did this help?" never delays another resident's answer. Global slots
 * go to replies first; alerts (`'low'`) take only the slots replies leave free.
 */

export interface FloodOptions {
  /** Minimum gap between two messages to one chat (ms). Default 1000. */
  perChatIntervalMs?: number;
  /** Minimum gap in groups and channels (negative chat ids): Telegram allows ~20 a minute there. Default 3000. */
  perGroupIntervalMs?: number;
  /** Calls per second across all chats. Default 30. */
  globalPerSecond?: number;
  /** How many times `run` retries one call after a 429. Default 3. */
  maxRetries?: number;
  /** A 429 asking to wait longer than this (seconds) is not retried but reported. Default 120. */
  maxRetryAfterSeconds?: number;
  /** Milliseconds per second of `retry_after`; tests may shrink it. Default 1000. */
  retryAfterUnitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** True once waiting is pointless (the sender stopped): waits end at once with `FloodAborted`. */
  aborted?: () => boolean;
}

/** Reads the `retry_after` seconds out of a driver's 429 error; undefined for any other error. */
export type RetryAfterOf = (error: unknown) => number | undefined;

/** Who a global slot is for: replies to residents first, alerts with what is left. */
export type Priority = 'high' | 'low';

/** Thrown by a wait that ended because `aborted()` became true. */
export class FloodAborted extends Error {
  constructor() {
    super('sending stopped');
  }
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** See the window in the constructor. */
const WINDOW_SLACK_MS = 50;

/** Chats whose next slot is in the past are forgotten once the map grows past this. */
const PRUNE_AT = 1000;

interface ChatPace {
  /** When the chat's next message may go (ms). */
  next: number;
  /** Set while a call to the chat is under way: the next one waits for it to finish. */
  busy?: Promise<void>;
}

export class FloodControl {
  private readonly perChatMs: number;
  private readonly perGroupMs: number;
  private readonly globalGapMs: number;
  private readonly maxRetries: number;
  private readonly maxRetryAfter: number;
  private readonly unitMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly aborted: () => boolean;
  private globalNext = 0;
  /** When the latest calls actually started, oldest first (see `spaced`). */
  private readonly starts: number[] = [];
  /** The calls passing `spaced`, one after another. */
  private spacing: Promise<void> = Promise.resolve();
  private readonly window: { ms: number; calls: number };
  private pausedUntil = 0;
  private readonly chats = new Map<string, ChatPace>();

  constructor(options: FloodOptions = {}) {
    this.perChatMs = options.perChatIntervalMs ?? 1000;
    this.perGroupMs = options.perGroupIntervalMs ?? 3000;
    this.globalGapMs = 1000 / (options.globalPerSecond ?? 30);
    const windowMs = Math.max(1000, this.globalGapMs);
    // Counted over a little more than the window: Telegram counts arrivals, and the network's
    // jitter must not put one call too many into a second that our clock kept right.
    const calls = Math.max(1, Math.floor(windowMs / this.globalGapMs + 1e-9));
    this.window = { ms: windowMs + (calls > 1 ? WINDOW_SLACK_MS : 0), calls };
    this.maxRetries = options.maxRetries ?? 3;
    this.maxRetryAfter = options.maxRetryAfterSeconds ?? 120;
    this.unitMs = options.retryAfterUnitMs ?? 1000;
    this.sleep = options.sleep ?? defaultSleep;
    this.now = options.now ?? Date.now;
    this.aborted = options.aborted ?? (() => false);
  }

  /**
   * Runs `call` when the limits allow, retrying it after a 429's `retry_after`. `chat` is set for
   * calls that post into a chat; calls such as answerCallbackQuery only take a global slot.
   *
   * @example await flood.run(() => api.sendMessage(id, text), retryAfterOf, String(id))
   */
  async run<T>(call: () => Promise<T>, retryAfterOf: RetryAfterOf, chat?: string, priority: Priority = 'high'): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const done = await this.acquire(chat, priority);
      try {
        return await call();
      } catch (error) {
        const retryAfter = retryAfterOf(error);
        if (retryAfter === undefined || attempt >= this.maxRetries || retryAfter > this.maxRetryAfter) throw error;
        this.pause(retryAfter * this.unitMs);
      } finally {
        done();
      }
    }
  }

  /**
   * Waits for the chat's turn, then for a global slot. Resolves a `done` to call when the call has
   * finished: the chat's next message waits its interval from then.
   */
  async acquire(chat?: string, priority: Priority = 'high'): Promise<() => void> {
    const release = chat === undefined ? () => undefined : await this.chatTurn(chat);
    try {
      await this.globalSlot(priority);
    } catch (error) {
      release();
      throw error;
    }
    return release;
  }

  /** Holds every call for `ms` (Telegram's 429 `retry_after`: the bot as a whole is too fast). */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
  }

  private async chatTurn(chat: string): Promise<() => void> {
    let pace = this.chats.get(chat);
    if (!pace) {
      pace = { next: 0 };
      this.chats.set(chat, pace);
      if (this.chats.size > PRUNE_AT) this.prune(chat);
    }
    while (pace.busy) await pace.busy;
    let finished!: () => void;
    pace.busy = new Promise<void>((resolve) => (finished = resolve));
    const release = () => {
      pace.next = this.now() + (chat.startsWith('-') ? this.perGroupMs : this.perChatMs);
      pace.busy = undefined;
      finished();
    };
    try {
      await this.waitUntil(pace.next);
    } catch (error) {
      release();
      throw error;
    }
    return release;
  }

  private async globalSlot(priority: Priority): Promise<void> {
    for (;;) {
      const now = this.now();
      if (this.pausedUntil > now) {
        await this.waitUntil(this.pausedUntil);
        continue;
      }
      if (priority === 'high') {
        // Slots are reserved in call order, so concurrent replies queue instead of racing.
        const at = Math.max(now, this.globalNext);
        this.globalNext = at + this.globalGapMs;
        await this.waitUntil(at);
        // A 429 that came meanwhile holds this call too; it takes a new slot afterwards.
        if (this.pausedUntil > this.now()) continue;
        return this.spaced();
      }
      // Low priority reserves nothing ahead: it takes a slot only when one is free now.
      if (this.globalNext <= now) {
        this.globalNext = now + this.globalGapMs;
        return this.spaced();
      }
      await this.waitUntil(this.globalNext);
    }
  }

  /**
   * Reserved slots are a gap apart, but a timer that fires late (a busy event loop) would start
   * its call right before the next one's. What is checked is what Telegram counts: no more than the
   * rate's calls in any one-second window (or one per gap, for rates under one a second; both with a
   * little slack), and no two calls closer than half a gap, so a late call's successor may catch up
   * but never bunch. Calls pass this check one at a time, so each waits once and nobody else can
   * start meanwhile; a clock that does not move (a test's) never makes it spin.
   */
  private spaced(): Promise<void> {
    const turn = this.spacing.then(() => this.spaceOne());
    this.spacing = turn.catch(() => undefined);
    return turn;
  }

  private async spaceOne(): Promise<void> {
    const { ms, calls } = this.window;
    const last = this.starts[this.starts.length - 1] ?? -Infinity;
    const windowFrom = this.starts.length < calls ? -Infinity : this.starts[0] + ms;
    const due = Math.max(windowFrom, last + this.globalGapMs / 2);
    if (this.now() < due) await this.waitUntil(due);
    this.starts.push(this.now());
    if (this.starts.length > calls) this.starts.shift();
  }

  private async waitUntil(at: number): Promise<void> {
    if (this.aborted()) throw new FloodAborted();
    const wait = at - this.now();
    if (wait > 0) await this.sleep(wait);
    if (this.aborted()) throw new FloodAborted();
  }

  private prune(keep: string): void {
    const now = this.now();
    for (const [chat, pace] of this.chats) if (chat !== keep && !pace.busy && pace.next <= now) this.chats.delete(chat);
  }
}

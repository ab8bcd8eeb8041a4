/**
 * Flood control for outgoing messages, shared by the Telegram drivers and the WhatsApp outbox:
 * calls are spaced to stay under the platform's limits (for Telegram about one message a second
 * in a chat, about thirty a second overall)
 * and a call refused with 429 is retried after the `retry_after` Telegram names. Slots are
 * reserved synchronously, so concurrent senders queue in call order instead of racing.
 */

export interface FloodOptions {
  /** Minimum gap between two messages to one chat (ms). Default 1000. */
  perChatIntervalMs?: number;
  /** Minimum gap in groups and channels (negative chat ids): Telegram allows ~20 a minute there. Default 3000. */
  perGroupIntervalMs?: number;
  /** Calls per second across all chats. Default 30. */
  globalPerSecond?: number;
  /** How many times one call is retried after a 429. Default 3. */
  maxRetries?: number;
  /** A 429 asking to wait longer than this (seconds) is not retried but reported. Default 120. */
  maxRetryAfterSeconds?: number;
  /** Milliseconds per second of `retry_after`; tests may shrink it. Default 1000. */
  retryAfterUnitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** Reads the `retry_after` seconds out of a driver's 429 error; undefined for any other error. */
export type RetryAfterOf = (error: unknown) => number | undefined;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Chats whose next slot is in the past are forgotten once the map grows past this. */
const PRUNE_AT = 1000;

export class FloodControl {
  private readonly perChatMs: number;
  private readonly perGroupMs: number;
  private readonly globalGapMs: number;
  private readonly maxRetries: number;
  private readonly maxRetryAfter: number;
  private readonly unitMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private globalNext = 0;
  private readonly chatNext = new Map<string, number>();

  constructor(options: FloodOptions = {}) {
    this.perChatMs = options.perChatIntervalMs ?? 1000;
    this.perGroupMs = options.perGroupIntervalMs ?? 3000;
    this.globalGapMs = 1000 / (options.globalPerSecond ?? 30);
    this.maxRetries = options.maxRetries ?? 3;
    this.maxRetryAfter = options.maxRetryAfterSeconds ?? 120;
    this.unitMs = options.retryAfterUnitMs ?? 1000;
    this.sleep = options.sleep ?? defaultSleep;
    this.now = options.now ?? Date.now;
  }

  /**
   * Runs `call` when the limits allow. `chat` is set for calls that post into a chat (they count
   * against that chat's one-a-second); calls such as answerCallbackQuery only take a global slot.
   *
   * @example await flood.run(() => api.sendMessage(id, text), retryAfterOf, String(id))
   */
  async run<T>(call: () => Promise<T>, retryAfterOf: RetryAfterOf, chat?: string): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      await this.slot(chat);
      try {
        return await call();
      } catch (error) {
        const retryAfter = retryAfterOf(error);
        if (retryAfter === undefined || attempt >= this.maxRetries || retryAfter > this.maxRetryAfter) throw error;
        // Everything else bound for the same chat (or, for chat-less calls, everything) waits too.
        const until = this.now() + retryAfter * this.unitMs;
        if (chat !== undefined) this.chatNext.set(chat, Math.max(this.chatNext.get(chat) ?? 0, until));
        else this.globalNext = Math.max(this.globalNext, until);
      }
    }
  }

  private async slot(chat: string | undefined): Promise<void> {
    const now = this.now();
    let at = Math.max(now, this.globalNext);
    if (chat !== undefined) at = Math.max(at, this.chatNext.get(chat) ?? 0);
    this.globalNext = at + this.globalGapMs;
    if (chat !== undefined) {
      this.chatNext.set(chat, at + (chat.startsWith('-') ? this.perGroupMs : this.perChatMs));
      if (this.chatNext.size > PRUNE_AT) this.prune(now);
    }
    if (at > now) await this.sleep(at - now);
  }

  private prune(now: number): void {
    for (const [chat, next] of this.chatNext) if (next <= now) this.chatNext.delete(chat);
  }
}

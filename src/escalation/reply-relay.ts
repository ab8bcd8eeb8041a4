/**
 * Delivers what operators (and the bot, after a hand-off) say to a resident outside a resident's
 * own update: the replies go into the store's outbox first and leave it only when the resident's
 * channel took them. A channel that is down or throws keeps them queued; they are retried with a
 * growing delay and never dropped, so an operator's answer survives outages and restarts.
 *
 * Channel-agnostic: it knows channels only through the engine's `Channel.send` contract.
 */
import type { Channel } from '../engine/channel';
import type { Reply } from '../engine/types';
import { maskId, silentLogger, type Logger } from '../logging';
import type { OutgoingMessage, Store } from '../store/types';

/** The outbox queue of a channel's hand-off deliveries (kept apart from the channel's own queue). */
export function relayQueue(channel: string): string {
  return `handoff:${channel}`;
}

/** Where a message to a resident stands, as the console shows it. */
export interface PendingDelivery {
  id: string;
  text: string;
  attempts: number;
  lastError?: string;
  retryAt?: Date;
}

export interface ReplyRelayOptions {
  store: Pick<Store, 'outbox'>;
  /** The running channels by name; a name that is missing counts as a channel that is down. */
  channels: (name: string) => Pick<Channel, 'send'> | undefined;
  /** Every channel name a delivery may be queued for (so queued deliveries are found after a restart). */
  channelNames: () => readonly string[];
  clock?: () => Date;
  /** First retry delay (ms), doubling per attempt up to `retryMaxMs`. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  logger?: Logger;
}

export class ReplyRelay {
  private readonly clock: () => Date;
  private readonly retryBaseMs: number;
  private readonly retryMaxMs: number;
  private readonly log: Logger;
  private running?: Promise<void>;
  private again = false;
  private timer?: NodeJS.Timeout;

  constructor(private readonly options: ReplyRelayOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.retryBaseMs = options.retryBaseMs ?? 2000;
    this.retryMaxMs = options.retryMaxMs ?? 300_000;
    this.log = options.logger ?? silentLogger;
  }

  /** Queues replies for a resident and tries to deliver them at once. */
  async queue(channel: string, chatId: string, replies: Reply[]): Promise<void> {
    if (replies.length === 0) return;
    // One outbox item per reply, its choices kept with it: the payload is ours, not channel text.
    await this.options.store.outbox.enqueue(
      replies.map((reply) => ({ channel: relayQueue(channel), chatId, text: JSON.stringify(reply) })),
    );
    void this.deliverDue();
  }

  /** Deliveries to one resident still waiting, oldest first (none once everything went out). */
  async pendingFor(channel: string, chatId: string): Promise<PendingDelivery[]> {
    const pending = await this.options.store.outbox.pending(relayQueue(channel), 1000);
    return pending
      .filter((m) => m.chatId === chatId)
      .map((m) => ({
        id: m.id,
        text: replyOf(m).text,
        attempts: m.attempts,
        ...(m.lastError !== undefined && { lastError: m.lastError }),
        ...(m.retryAt !== undefined && { retryAt: m.retryAt }),
      }));
  }

  /** Checks the queue every `intervalMs` (retries fall due; a restarted process resumes). */
  start(intervalMs = 1000): void {
    this.stop();
    this.timer = setInterval(() => void this.deliverDue(), intervalMs);
    this.timer.unref();
    void this.deliverDue();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Sends everything that is due; calls while a round runs fold into one more round. */
  deliverDue(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        for (const name of this.options.channelNames()) await this.deliverChannel(name);
      } while (this.again);
    })()
      .catch((error: unknown) => this.log.warn({ err: error }, 'hand-off delivery round failed; retried on the next tick'))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async deliverChannel(name: string): Promise<void> {
    const { outbox } = this.options.store;
    const pending = await outbox.pending(relayQueue(name), 100);
    // A chat whose earlier message must wait holds its later ones back: never reorder a chat.
    const blocked = new Set<string>();
    const now = this.clock();
    for (const message of pending) {
      if (blocked.has(message.chatId)) continue;
      if (message.retryAt && message.retryAt > now) {
        blocked.add(message.chatId);
        continue;
      }
      const channel = this.options.channels(name);
      try {
        if (!channel) throw new Error(`channel ${name} is not running`);
        await channel.send(message.chatId, [replyOf(message)]);
        await outbox.markSent(message.id);
      } catch (error) {
        blocked.add(message.chatId);
        const delay = Math.min(this.retryMaxMs, this.retryBaseMs * 2 ** message.attempts);
        const text = error instanceof Error ? error.message : String(error);
        // Always with a retry time: an operator's answer is never given up on.
        await outbox.markFailed(message.id, text, new Date(now.getTime() + delay));
        this.log.warn({ channel: name, chat: maskId(message.chatId), attempts: message.attempts + 1, err: text }, 'hand-off delivery failed; will retry');
      }
    }
  }
}

function replyOf(message: OutgoingMessage): Reply {
  try {
    const parsed = JSON.parse(message.text) as Partial<Reply>;
    if (typeof parsed.text === 'string') return { text: parsed.text, ...(parsed.choices && { choices: parsed.choices }) };
  } catch {
    // Not ours (plain text queued by hand): send it as it is.
  }
  return { text: message.text };
}

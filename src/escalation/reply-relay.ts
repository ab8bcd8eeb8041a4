/**
 * Delivers what operators (and the bot, after a hand-off) say to a resident outside a resident's
 * own update: the replies go into the resident's channel's outbox — through the channel when it
 * runs in this process (so its sender wakes at once), straight into the store otherwise, where the
 * process serving that channel picks them up. The channel's one sender paces, retries and, past
 * the age limit, gives up and lists them as failed; nothing here is sent twice or dropped.
 *
 * Channel-agnostic: it knows channels only through the engine's `Channel.send` contract.
 */
import { open, seal } from '../delivery/envelope';
import type { Channel } from '../engine/channel';
import type { Reply } from '../engine/types';
import type { OutgoingMessage, Store } from '../store/types';

/** Where a message to a resident stands, as the console shows it. */
export interface PendingDelivery {
  id: string;
  text: string;
  attempts: number;
  lastError?: string;
  retryAt?: Date;
  /** Given up: it will not be sent (too old, refused, or the resident blocked the bot). */
  failed?: boolean;
}

export interface ReplyRelayOptions {
  store: Pick<Store, 'outbox'>;
  /** The channels this process runs, by name; a channel it does not run gets its messages queued in the store. */
  channels: (name: string) => Pick<Channel, 'send'> | undefined;
}

/** How many of a channel's queued and failed messages are looked through for one resident's. */
const LOOK_AT = 1000;

export class ReplyRelay {
  constructor(private readonly options: ReplyRelayOptions) {}

  /** Queues replies for a resident; resolves once they are stored in the outbox. */
  async queue(channel: string, chatId: string, replies: Reply[]): Promise<void> {
    if (replies.length === 0) return;
    const running = this.options.channels(channel);
    if (running) return running.send(chatId, replies);
    await this.options.store.outbox.enqueue(replies.map((reply) => ({ channel, chatId, text: seal({ reply }) })));
  }

  /**
   * Messages to one resident not delivered: those still queued (oldest first), then those given up
   * since `since` (newest first).
   */
  async pendingFor(channel: string, chatId: string, since = new Date(0)): Promise<PendingDelivery[]> {
    const { outbox } = this.options.store;
    const mine = (m: OutgoingMessage) => m.chatId === chatId;
    const queued = (await outbox.pending(channel, LOOK_AT)).filter(mine).map((m) => delivery(m));
    const failed = (await outbox.failed(channel, LOOK_AT)).filter((m) => mine(m) && m.createdAt >= since).map((m) => delivery(m, true));
    return [...queued, ...failed];
  }
}

function delivery(m: OutgoingMessage, failed = false): PendingDelivery {
  return {
    id: m.id,
    text: open(m.text).reply.text,
    attempts: m.attempts,
    ...(m.lastError !== undefined && { lastError: m.lastError }),
    ...(m.retryAt !== undefined && { retryAt: m.retryAt }),
    ...(failed && { failed }),
  };
}

/**
 * The Telegram operator group (OPERATOR_CHAT_ID): a second way to work tickets, over the same
 * OperatorDesk as the console inbox. Each new ticket is posted to the group — in a forum topic of
 * its own when the group has topics — an operator's reply to that post (or any message in the
 * ticket's topic) goes to the resident, and `/close` there closes the ticket.
 *
 * Which ticket a message is about is read from the message it replies to ("#12 …" heads every post
 * and topic name), so nothing has to be remembered across restarts.
 */
import type { DeskEvent, OperatorDesk } from '../../src/escalation/operator-desk';
import { DeskError } from '../../src/escalation/operator-desk';
import { ticketNumber } from '../../src/store/ticket-id';
import type { Ticket } from '../../src/store/types';
import { silentLogger, type Logger } from '../../src/logging';
import { safeError } from '../shared/errors';
import { FloodControl, type FloodOptions } from '../shared/flood';
import type { MessageView, UpdateView } from './map-update';

/** The Bot API calls the group makes, apart from the driver (sending does not compete with polling). */
export interface GroupApi {
  sendMessage(chatId: string, text: string, options?: { threadId?: number; replyTo?: number }): Promise<number>;
  /** Opens a forum topic and returns its thread id. */
  createForumTopic(chatId: string, name: string): Promise<number>;
  /** True when the group is a forum (has topics). */
  isForum(chatId: string): Promise<boolean>;
}

/** A refused Bot API call, with the wait Telegram asked for on a 429. */
class GroupCallError extends Error {
  constructor(
    message: string,
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

const retryAfterOf = (error: unknown) => (error instanceof GroupCallError ? error.retryAfter : undefined);

/**
 * A GroupApi over plain HTTP to the Bot API (the configured API root). Calls go through the same
 * flood control as the channel (a group takes about 20 messages a minute; 429 `retry_after` is
 * honoured); `flood` lets tests shrink the pacing.
 */
export function botApiGroupClient(apiRoot: string, token: string, flood: FloodOptions = {}): GroupApi {
  const limiter = new FloodControl(flood);
  const call = <T>(method: string, payload: Record<string, unknown>): Promise<T> => {
    const post = async () => {
      const res = await fetch(`${apiRoot}/bot${token}/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
      });
      const body = (await res.json()) as { ok: boolean; result?: T; description?: string; parameters?: { retry_after?: number } };
      if (!body.ok || body.result === undefined) {
        throw new GroupCallError(`${method} failed: ${body.description ?? res.status}`, body.parameters?.retry_after);
      }
      return body.result;
    };
    // Only messages count against the group's pacing; reading the chat or opening a topic does not.
    return limiter.run(post, retryAfterOf, method === 'sendMessage' ? String(payload.chat_id) : undefined);
  };
  return {
    async sendMessage(chatId, text, options = {}) {
      const payload: Record<string, unknown> = { chat_id: chatId, text };
      if (options.threadId !== undefined) payload.message_thread_id = options.threadId;
      if (options.replyTo !== undefined) payload.reply_parameters = { message_id: options.replyTo, allow_sending_without_reply: true };
      return (await call<{ message_id: number }>('sendMessage', payload)).message_id;
    },
    async createForumTopic(chatId, name) {
      return (await call<{ message_thread_id: number }>('createForumTopic', { chat_id: chatId, name })).message_thread_id;
    },
    async isForum(chatId) {
      return (await call<{ is_forum?: boolean }>('getChat', { chat_id: chatId })).is_forum === true;
    },
  };
}

export interface OperatorGroupOptions {
  desk: OperatorDesk;
  chatId: string;
  api: GroupApi;
  logger?: Logger;
  /**
   * True the first time a marker is taken, in any process: the desk's events reach every bot
   * process on the store, and only one of them may post each ticket. Default: always true (one process).
   */
  once?: (marker: string) => Promise<boolean>;
}

/** Topic names are limited to 128 characters. */
const TOPIC_NAME_LIMIT = 128;

export class OperatorGroup {
  private readonly log: Logger;
  private forum?: Promise<boolean>;
  /** Work in progress (posts, replies), so tests and shutdown can wait for it. */
  private readonly inFlight = new Set<Promise<void>>();
  private readonly onChange = (event: DeskEvent) => this.track(this.announce(event));

  constructor(private readonly options: OperatorGroupOptions) {
    this.log = options.logger ?? silentLogger;
  }

  start(): void {
    this.options.desk.on('change', this.onChange);
  }

  async stop(): Promise<void> {
    this.options.desk.off('change', this.onChange);
    await this.idle();
  }

  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  /** For the channel's `intercept`: true (taken) for every update from the operator group. */
  readonly intercept = (update: UpdateView): boolean => {
    const message = update.message;
    if (!message || String(message.chat.id) !== this.options.chatId) return false;
    if (!message.from?.is_bot && message.text) this.track(this.fromOperator(message));
    return true;
  };

  private track(work: Promise<void>): void {
    const done = work
      .catch((error: unknown) => this.log.warn({ err: safeError(error) }, 'operator group action failed'))
      .finally(() => this.inFlight.delete(done));
    this.inFlight.add(done);
  }

  private async announce(event: DeskEvent): Promise<void> {
    if (event.kind !== 'opened' && event.kind !== 'overdue') return;
    const once = this.options.once ?? (async () => true);
    if (!(await once(`operator-group:${event.kind}:${event.ticket.id}`))) return;
    if (event.kind === 'opened') await this.post(event.ticket);
    else await this.options.api.sendMessage(this.options.chatId, `#${event.ticket.id} is still waiting in the queue.`);
  }

  private async post(ticket: Ticket): Promise<void> {
    const { api, chatId } = this.options;
    const head = `#${ticket.id} · ${ticket.lang} · ${ticket.channel}${ticket.topic ? ` · ${ticket.topic}` : ''}`;
    const text = `${head}\n${ticket.question}\n\nReply to this message to answer the resident; /close in reply closes the ticket.`;
    this.forum ??= api.isForum(chatId).catch(() => false);
    if (await this.forum) {
      const threadId = await api.createForumTopic(chatId, `#${ticket.id} ${ticket.question}`.slice(0, TOPIC_NAME_LIMIT));
      await api.sendMessage(chatId, text, { threadId });
    } else {
      await api.sendMessage(chatId, text);
    }
  }

  private async fromOperator(message: MessageView): Promise<void> {
    const id = ticketOf(message);
    if (!id) return; // Operators talking among themselves.
    const text = message.text ?? '';
    const operator = `telegram:${message.from?.username ?? message.from?.id ?? 'unknown'}`;
    const answer = (note: string) =>
      this.options.api.sendMessage(this.options.chatId, note, { threadId: message.message_thread_id, replyTo: message.message_id });
    try {
      if (/^\/close(@\w+)?\s*$/.test(text)) {
        await this.options.desk.close(id, operator);
        await answer(`#${id} closed.`);
      } else {
        await this.options.desk.reply(id, operator, text);
      }
    } catch (error) {
      if (!(error instanceof DeskError)) throw error;
      await answer(error.message);
    }
  }
}

/** The ticket a group message is about: "#12" at the head of the post or topic it replies to. */
function ticketOf(message: MessageView): string | undefined {
  const replied = message.reply_to_message;
  const head = replied?.forum_topic_created?.name ?? replied?.text ?? '';
  const m = /^#(\d+)/.exec(head);
  return m && ticketNumber(m[1]) !== undefined ? m[1] : undefined;
}

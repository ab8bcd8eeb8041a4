/**
 * The Telegram operator group (OPERATOR_CHAT_ID): a second way to work tickets, over the same
 * OperatorDesk as the console inbox. Each new ticket is posted to the group — in a forum topic of
 * its own when the group has topics — an operator's reply to that post (or any message in the
 * ticket's topic) goes to the resident, and `/close` there closes the ticket.
 *
 * With the FAQ at hand (`faq`), a post also lists the entries the bot ranked first for the
 * question, and `/faq 2` (or `/faq entry-id`) sends that entry's answer, as the console's button
 * does: the resident's words are then noted for the entry (learning from residents).
 *
 * An urgent ticket (the resident wrote that someone is in danger now) says URGENT in its post and
 * topic name; one marked urgent while it waits is announced again.
 *
 * Which ticket a message is about is read from the message it replies to ("#12 …" heads every post
 * and topic name), and which entry "/faq 2" means from the post's list when the operator replies
 * to the post, so nothing has to be remembered across restarts.
 */
import type { DeskEvent, OperatorDesk } from '../../src/escalation/operator-desk';
import { DeskError } from '../../src/escalation/operator-desk';
import { likelyEntries, replyWithEntry, type FaqReplyDeps } from '../../src/escalation/faq-reply';
import { questionLabel } from '../../src/faq/entry-text';
import type { FaqEntryInput } from '../../src/faq/types';
import { ticketNumber } from '../../src/store/ticket-id';
import type { Ticket } from '../../src/store/types';
import { silentLogger, type Logger } from '../../src/logging';
import { safeError } from '../shared/errors';
import type { MessageView, UpdateView } from './map-update';

/** The Bot API calls the group makes, through the token's one pipe (`TelegramChannel.groupApi`). */
export interface GroupApi {
  /** Queues a message for the group (the token's outbox: paced, retried, kept across restarts). */
  sendMessage(chatId: string, text: string, options?: { threadId?: number; replyTo?: number }): Promise<void>;
  /** Opens a forum topic and returns its thread id. */
  createForumTopic(chatId: string, name: string): Promise<number>;
  /** True when the group is a forum (has topics). */
  isForum(chatId: string): Promise<boolean>;
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
  /** The FAQ, to offer and send entries' answers; without it the group answers in words only. */
  faq?: Omit<FaqReplyDeps, 'desk'>;
}

/** How a post calls an urgent ticket, and how its topic's name marks it (names are short). */
const URGENT = 'URGENT (someone may be in danger now)';
const URGENT_MARK = '🚨';

/** Said of a ticket marked urgent while open: queued, it is to be taken first; taken, its operator should look. */
function becameUrgent(ticket: Ticket): string {
  const what = ticket.status === 'queued' ? 'take it first' : "see the resident's last message";
  return `#${ticket.id} is now ${URGENT}: ${what}.`;
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

  /**
   * For the channel's `intercept`: every update from the operator group is taken (a promise that
   * resolves when the operator's action is done, so the update counts as handled only then);
   * anything else is left to the engine (undefined).
   */
  readonly intercept = (update: UpdateView): Promise<void> | undefined => {
    const message = update.message;
    if (!message || String(message.chat.id) !== this.options.chatId) return undefined;
    if (message.from?.is_bot || !message.text) return Promise.resolve();
    return this.fromOperator(message, update.update_id).catch((error: unknown) => this.log.warn({ err: safeError(error) }, 'operator group action failed'));
  };

  private track(work: Promise<void>): void {
    const done = work
      .catch((error: unknown) => this.log.warn({ err: safeError(error) }, 'operator group action failed'))
      .finally(() => this.inFlight.delete(done));
    this.inFlight.add(done);
  }

  private async announce(event: DeskEvent): Promise<void> {
    const withdrawn = event.kind === 'closed' && event.withdrawn === true;
    if (event.kind !== 'opened' && event.kind !== 'overdue' && event.kind !== 'urgent' && !withdrawn) return;
    const once = this.options.once ?? (async () => true);
    if (!(await once(`operator-group:${withdrawn ? 'withdrawn' : event.kind}:${event.ticket.id}`))) return;
    if (event.kind === 'opened') await this.post(event.ticket);
    else if (withdrawn) await this.options.api.sendMessage(this.options.chatId, `#${event.ticket.id} was withdrawn by the resident. Nothing to do.`);
    else if (event.kind === 'urgent') await this.options.api.sendMessage(this.options.chatId, becameUrgent(event.ticket));
    else await this.options.api.sendMessage(this.options.chatId, `#${event.ticket.id} is still waiting in the queue.`);
  }

  private async post(ticket: Ticket): Promise<void> {
    const { api, chatId } = this.options;
    const head = `#${ticket.id}${ticket.urgent ? ` · ${URGENT}` : ''} · ${ticket.lang} · ${ticket.channel}${ticket.topic ? ` · ${ticket.topic}` : ''}`;
    const likely = this.likely(ticket);
    const offer = likely.length === 0 ? '' : `\n\n${OFFER_HEAD}\n${likely.map((e, i) => entryLine(e, i + 1, ticket.lang)).join('\n')}`;
    const text = `${head}\n${ticket.question}${offer}\n\nReply to this message to answer the resident; /close in reply closes the ticket.`;
    // A failed look-up is asked again next time rather than remembered as "no topics".
    this.forum ??= api.isForum(chatId).catch((error: unknown) => {
      this.forum = undefined;
      throw error;
    });
    let threadId: number | undefined;
    try {
      const name = `#${ticket.id} ${ticket.urgent ? `${URGENT_MARK} ` : ''}${ticket.question}`;
      if (await this.forum) threadId = await api.createForumTopic(chatId, name.slice(0, TOPIC_NAME_LIMIT));
    } catch (error) {
      // Posted without a topic rather than not at all: "#12" still tells operators which ticket it is.
      this.log.warn({ err: safeError(error), ticket: ticket.id }, 'could not open a forum topic for the ticket; posting in the group');
    }
    await api.sendMessage(chatId, text, threadId === undefined ? {} : { threadId });
  }

  private async fromOperator(message: MessageView, updateId: number): Promise<void> {
    const id = ticketOf(message);
    if (!id) return; // Operators talking among themselves.
    const text = message.text ?? '';
    const operator = `telegram:${message.from?.username ?? message.from?.id ?? 'unknown'}`;
    const answer = (note: string) =>
      this.options.api.sendMessage(this.options.chatId, note, { threadId: message.message_thread_id, replyTo: message.message_id });
    try {
      const faq = /^\/faq(?:@\w+)?(?:\s+(\S+))?\s*$/.exec(text);
      if (/^\/close(@\w+)?\s*$/.test(text)) {
        await this.options.desk.close(id, operator);
        await answer(`#${id} closed.`);
      } else if (faq) {
        const entryId = await this.sendEntry(id, operator, faq[1] ?? '', message, updateId);
        await answer(`#${id} answered with the FAQ entry "${entryId}".`);
      } else {
        // Keyed by the update: an update handled again after a restart does not reply twice.
        await this.options.desk.reply(id, operator, text, `telegram:${updateId}`);
      }
    } catch (error) {
      if (!(error instanceof DeskError)) throw error;
      await answer(error.message);
    }
  }

  /** The entries the bot ranks first for the ticket's question (none without the FAQ). */
  private likely(ticket: Ticket): FaqEntryInput[] {
    const { faq } = this.options;
    return faq ? likelyEntries(faq, ticket, new Date()) : [];
  }

  /**
   * `/faq 2` or `/faq entry-id`: sends that entry's answer on the ticket. A number is read from the
   * list of the post the operator replied to, or else (in a topic, without replying) from the
   * entries the bot ranks first now. Resolves to the entry sent.
   */
  private async sendEntry(id: string, operator: string, choice: string, message: MessageView, updateId: number): Promise<string> {
    const { faq, desk } = this.options;
    if (!faq) throw new DeskError('not-found', 'The FAQ is not available to this group: answer in words.');
    const ticket = await desk.get(id);
    if (!ticket) throw new DeskError('not-found', `No ticket #${id}`);
    let entryId = choice;
    if (/^\d+$/.test(choice)) {
      const n = Number(choice);
      const likely = this.likely(ticket);
      entryId = listedEntry(message.reply_to_message?.text, n) ?? likely[n - 1]?.id ?? '';
      if (!entryId) {
        const numbers = likely.length > 0 ? `/faq 1 to /faq ${likely.length}` : 'the bot ranks no entry for this question';
        throw new DeskError('not-found', `No FAQ entry number ${n} for #${id}: ${numbers}, or /faq and the entry's id.`);
      }
    } else if (!choice) {
      throw new DeskError('not-found', 'Which entry? /faq and its number in the list, or /faq and the entry\'s id.');
    }
    await replyWithEntry({ ...faq, desk }, ticket, operator, entryId, new Date(), `telegram:${updateId}`);
    return entryId;
  }
}

/** "2. water-outage: Почему нет воды в доме?" — the number, the id and the entry's first question. */
function entryLine(entry: FaqEntryInput, n: number, lang: Ticket['lang']): string {
  return `${n}. ${entry.id}: ${questionLabel(entry, lang)}`;
}

/** Heads a post's list of entries (the resident's words above it may hold anything). */
const OFFER_HEAD = 'The FAQ may answer it (/faq and the number sends that answer):';

/** The id listed as number `n` in a ticket's post (see entryLine), if the text is one. */
function listedEntry(post: string | undefined, n: number): string | undefined {
  const list = post?.split(`\n${OFFER_HEAD}\n`)[1];
  return list === undefined ? undefined : new RegExp(`^${n}\\. (\\S+):`, 'm').exec(list)?.[1];
}

/** The ticket a group message is about: "#12" at the head of the post or topic it replies to. */
function ticketOf(message: MessageView): string | undefined {
  const replied = message.reply_to_message;
  const head = replied?.forum_topic_created?.name ?? replied?.text ?? '';
  const m = /^#(\d+)/.exec(head);
  return m && ticketNumber(m[1]) !== undefined ? m[1] : undefined;
}

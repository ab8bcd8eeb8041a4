/**
 * The conversation engine: one incoming message in, the replies out. It knows nothing of
 * Telegram or WhatsApp; storage, the FAQ catalog, the clock and the texts come in through the
 * constructor. Each conversation is handled strictly in order (KeyedQueue). What a resident wrote
 * to an operator goes on the ticket before the reply is returned; conversation state (language,
 * offered choices, mode) is written behind in small batches so no disk flush sits on the answer's
 * path, and `drain()` writes whatever is pending.
 */
import { SubscriptionDialog } from '../alerts/subscription-dialog';
import { DEFAULT_DISTRICTS } from '../alerts/topics';
import { HandoffDesk } from '../escalation';
import type { FaqCatalog } from '../faq/catalog';
import type { FaqEntryInput } from '../faq/types';
import { isLive, MENU_TOPICS } from '../faq/types';
import { createTranslator, type Translator } from '../i18n';
import { FALLBACK_LANG, LANGS, type Lang } from '../i18n/languages';
import { detectLanguage, langFromHint } from '../language/detect';
import { maskId, silentLogger, type Logger } from '../logging';
import { decide } from '../matcher';
import type { Thresholds } from '../matcher/types';
import type { Conversation, Store, Ticket, TicketInput, TranscriptLine } from '../store/types';
import { CommandRecognizer, type Command } from './commands';
import { ConversationBook } from './conversation-book';
import { CHOICE, RATING_SCORES, parseChoice } from './choices';
import { classifyText, cleanText, normalizePhrase } from './input';
import { KeyedQueue } from './keyed-queue';
import type { Choice, EngineResult, EscalationReason, IncomingMessage, Outcome, Reply } from './types';

/** How many lines of a conversation are kept for the ticket excerpt. */
const RECENT_LINES = 20;

export interface EngineOptions {
  store: Pick<Store, 'conversations' | 'tickets' | 'audit' | 'alerts'>;
  catalog: FaqCatalog;
  /** Where escalations go; by default a desk over the same store. */
  handoff?: HandoffDesk;
  /** Interface texts; by default the project's locales. */
  translator?: Translator;
  thresholds: Thresholds;
  /** Language of a conversation nothing is known about yet. */
  defaultLang?: Lang;
  clock?: () => Date;
  logger?: Logger;
  /** Districts a resident may pick for alerts (ALERT_DISTRICTS). */
  alertDistricts?: readonly string[];
}

/** What one step of the dialogue produced, before it is saved. */
interface Step {
  replies: Reply[];
  outcome: Outcome;
}

export class ConversationEngine {
  private readonly store: EngineOptions['store'];
  private readonly catalog: FaqCatalog;
  readonly handoff: HandoffDesk;
  private readonly tr: Translator;
  private readonly thresholds: Thresholds;
  private readonly defaultLang: Lang;
  private readonly clock: () => Date;
  private readonly log: Logger;
  private readonly commands: CommandRecognizer;
  private readonly queue = new KeyedQueue();
  private readonly conversations: ConversationBook;
  private readonly subscriptions: SubscriptionDialog;

  constructor(options: EngineOptions) {
    this.store = options.store;
    this.catalog = options.catalog;
    this.handoff = options.handoff ?? new HandoffDesk(options.store);
    this.tr = options.translator ?? createTranslator();
    this.thresholds = options.thresholds;
    this.defaultLang = options.defaultLang ?? FALLBACK_LANG;
    this.clock = options.clock ?? (() => new Date());
    this.log = options.logger ?? silentLogger;
    this.commands = new CommandRecognizer(this.tr);
    this.conversations = new ConversationBook(options.store.conversations, { logger: this.log });
    this.subscriptions = new SubscriptionDialog(options.store.alerts, this.tr, options.alertDistricts ?? DEFAULT_DISTRICTS);
  }

  /** Handles one message; messages of one conversation are processed in arrival order. */
  handle(message: IncomingMessage): Promise<EngineResult> {
    return this.queue.run(`${message.channel}\u0000${message.chatId}`, () => this.process(message));
  }

  /**
   * An operator closed the ticket: the bot has the conversation again and asks for a 1–5 rating.
   * Runs in the conversation's queue like a message, and returns the replies for the caller to
   * deliver (the resident sent nothing to answer).
   */
  resumeAfterHandoff(ticket: Ticket): Promise<Reply[]> {
    return this.queue.run(`${ticket.channel}\u0000${ticket.chatId}`, async () => {
      const now = this.clock();
      const conv =
        (await this.conversations.get(ticket.channel, ticket.chatId)) ??
        this.fresh({ channel: ticket.channel, chatId: ticket.chatId, kind: 'text' }, now);
      if (conv.ticketId === ticket.id) {
        conv.mode = 'bot';
        conv.ticketId = undefined;
      }
      const lang = conv.lang ?? ticket.lang;
      const choices = RATING_SCORES.map((score) => ({ id: CHOICE.rating(score), label: String(score) }));
      const replies: Reply[] = [{ text: this.tr.t(lang, 'escalation.closed', { ticket: ticket.id }), choices }];
      remember(conv, { from: 'bot', text: replies[0].text, at: now });
      conv.offered = choices;
      conv.updatedAt = now;
      this.conversations.put(conv);
      return replies;
    });
  }

  /** Resolves once every message accepted so far has been handled and its state written. */
  async drain(): Promise<void> {
    await this.queue.drain();
    await this.conversations.flush();
  }

  private async process(message: IncomingMessage): Promise<EngineResult> {
    const now = message.receivedAt ?? this.clock();
    const conv = (await this.conversations.get(message.channel, message.chatId)) ?? this.fresh(message, now);
    const text = cleanText(message.text);
    const kind = message.kind === 'text' ? classifyText(text) : null;

    // A number or the words of an offered choice select it (WhatsApp has no buttons).
    const choiceId = message.choiceId ?? (kind === 'question' ? this.typedChoice(text, conv.offered) : undefined);
    const command = !choiceId && kind === 'question' ? this.commands.recognize(text) : null;
    conv.lang = this.replyLanguage(conv, kind === 'question' && !choiceId && !command ? text : '', message.langHint);

    const residentLine = this.describe(message, text);
    const step = await this.route(conv, message, text, kind, choiceId, command, residentLine, now);

    if (residentLine) remember(conv, { from: 'resident', text: residentLine, at: now });
    for (const reply of step.replies) remember(conv, { from: 'bot', text: reply.text, at: now });
    const offered = step.replies.flatMap((r) => r.choices ?? []);
    // Keep the last offer while the bot stays silent (queued ticket), so a late "2" still works.
    if (step.replies.length > 0) conv.offered = offered;
    conv.updatedAt = now;
    // Written in the next batch (see ConversationBook); tickets and audit were written already.
    this.conversations.put(conv);

    this.log.debug(
      { channel: message.channel, chat: maskId(message.chatId), outcome: step.outcome.kind, lang: conv.lang },
      'message handled',
    );
    return { replies: step.replies, lang: conv.lang, outcome: step.outcome };
  }

  private async route(
    conv: Conversation,
    message: IncomingMessage,
    text: string,
    kind: ReturnType<typeof classifyText> | null,
    choiceId: string | undefined,
    command: Command | null,
    residentLine: string,
    now: Date,
  ): Promise<Step> {
    const lang = conv.lang ?? this.defaultLang;

    // Language and help work even while an operator has the conversation.
    if (command?.name === 'select-lang') return this.setLanguage(conv, command.lang);
    if (command?.name === 'lang') return this.offerLanguages(lang);
    if (command?.name === 'help') return this.reply(lang, 'help', { kind: 'command', name: 'help' });
    // Unsubscribing is honoured at once, whoever has the conversation.
    if (command?.name === 'unsubscribe') return this.alertStep(await this.subscriptions.unsubscribe(conv, lang), 'unsubscribe');
    const langChoice = choiceId ? parseChoice(choiceId) : null;
    if (langChoice?.kind === 'lang') return this.setLanguage(conv, langChoice.lang);
    if (langChoice?.kind === 'alert-topic') return this.alertStep(await this.subscriptions.pickTopic(conv, lang, langChoice.topic), 'subscribe');
    if (langChoice?.kind === 'alert-district') {
      return this.alertStep(await this.subscriptions.pickDistrict(conv, lang, langChoice.index), 'subscribe');
    }

    if (conv.mode === 'operator' && conv.ticketId) {
      if (await this.handoff.isOpen(conv.ticketId)) {
        return this.addToTicket(conv, conv.ticketId, residentLine, now);
      }
      // The operator closed the ticket elsewhere: the bot has the conversation again.
      conv.mode = 'bot';
      conv.ticketId = undefined;
    }

    if (choiceId) return this.choose(conv, choiceId, now);
    if (kind === null) return this.nonText(lang, message);
    if (command) return this.command(conv, command, now);
    switch (kind) {
      case 'empty':
        return this.reply(lang, 'input.empty', { kind: 'unsupported' });
      case 'symbols':
        return this.reply(lang, 'input.emoji', { kind: 'unsupported' });
      case 'long':
        return this.escalate(conv, text, 'no-match', now, 'input.tooLong');
      case 'question':
        return this.answerQuestion(conv, text, now);
    }
  }

  // --- Questions ---------------------------------------------------------------------------

  private answerQuestion(conv: Conversation, text: string, now: Date): Promise<Step> | Step {
    const lang = conv.lang ?? this.defaultLang;
    const candidates = this.catalog.match(text, lang, now, 3);
    const decision = decide({ candidates }, this.thresholds);
    conv.lastQuestion = text;
    if (decision.kind === 'answer') {
      const entry = this.catalog.get(decision.id);
      if (entry) return this.answer(conv, entry, decision.score);
    }
    if (decision.kind === 'suggest') {
      const entries = decision.ids.map((id) => this.catalog.get(id)).filter((e): e is FaqEntryInput => !!e);
      const choices = entries.map((e) => ({ id: CHOICE.faq(e.id), label: questionLabel(e, lang) }));
      choices.push({ id: CHOICE.operator, label: this.tr.t(lang, 'suggest.none') });
      return {
        replies: [{ text: this.tr.t(lang, 'suggest.title'), choices }],
        outcome: { kind: 'suggest', faqIds: entries.map((e) => e.id), score: decision.score },
      };
    }
    return this.escalate(conv, text, 'no-match', now, 'escalation.noMatch');
  }

  private answer(conv: Conversation, entry: FaqEntryInput, score: number): Step {
    const lang = conv.lang ?? this.defaultLang;
    const replies: Reply[] = [];
    const own = entry.answer[lang];
    if (own) {
      replies.push({ text: own });
    } else {
      // Russian first, then whatever the entry has: an answer in another language beats none.
      const fallback = entry.answer[FALLBACK_LANG] ?? LANGS.map((l) => entry.answer[l]).find(Boolean) ?? '';
      replies.push({ text: `${this.tr.t(lang, 'answer.fallback')}\n\n${fallback}` });
    }
    replies.push({
      text: this.tr.t(lang, 'answer.ask'),
      choices: [
        { id: CHOICE.helpful, label: this.tr.t(lang, 'answer.yes') },
        { id: CHOICE.notHelpful, label: this.tr.t(lang, 'answer.no') },
      ],
    });
    conv.lastFaqId = entry.id;
    return { replies, outcome: { kind: 'answer', faqId: entry.id, score } };
  }

  // --- Choices and commands ----------------------------------------------------------------

  private async choose(conv: Conversation, choiceId: string, now: Date): Promise<Step> {
    const lang = conv.lang ?? this.defaultLang;
    const choice = parseChoice(choiceId);
    switch (choice?.kind) {
      case 'menu':
        return this.menu(lang, now, 'menu.title');
      case 'topic':
        return this.topic(lang, choice.topic, now);
      case 'faq': {
        const entry = this.catalog.get(choice.id);
        if (entry && isLive(entry, now)) return this.answer(conv, entry, 1);
        break;
      }
      case 'operator':
        return this.escalate(conv, conv.lastQuestion ?? '', choice.reason, now);
      case 'feedback':
        return this.feedback(conv, choice.helpful);
      case 'rating':
        return this.rate(conv, choice.score);
      default:
        break;
    }
    // Unknown, forged or out-of-date choice (an entry deleted since): say so and show the menu.
    return this.menu(lang, now, 'input.staleChoice');
  }

  private command(conv: Conversation, command: Command, now: Date): Promise<Step> | Step {
    const lang = conv.lang ?? this.defaultLang;
    switch (command.name) {
      case 'start': {
        const menu = this.menu(lang, now, 'menu.title');
        return {
          replies: [{ text: this.tr.t(lang, 'greeting') }, ...menu.replies],
          outcome: { kind: 'command', name: 'start' },
        };
      }
      case 'menu':
        return this.menu(lang, now, 'menu.title');
      case 'operator':
        return this.escalate(conv, conv.lastQuestion ?? '', 'requested', now);
      case 'subscribe':
        return this.alertStep(this.subscriptions.offerTopics(lang), 'subscribe');
      default:
        // 'lang', 'select-lang' and 'help' were handled before the operator check.
        return this.reply(lang, 'help', { kind: 'command', name: 'help' });
    }
  }

  private menu(lang: Lang, now: Date, titleKey: string): Step {
    const present = new Set(this.catalog.live(now).map((e) => topicOf(e)));
    const topics = [...MENU_TOPICS, 'general', 'other'].filter((t) => present.has(t));
    const choices = topics.map((topic) => ({ id: CHOICE.topic(topic), label: this.tr.t(lang, `topics.${topic}`) }));
    choices.push({ id: CHOICE.operator, label: this.tr.t(lang, 'choices.operator') });
    return { replies: [{ text: this.tr.t(lang, titleKey), choices }], outcome: { kind: 'command', name: 'menu' } };
  }

  private topic(lang: Lang, topic: string, now: Date): Step {
    const entries = this.catalog.live(now).filter((e) => topicOf(e) === topic);
    const back = { id: CHOICE.menu, label: this.tr.t(lang, 'menu.back') };
    if (entries.length === 0) {
      return { replies: [{ text: this.tr.t(lang, 'menu.empty'), choices: [back] }], outcome: { kind: 'command', name: 'menu' } };
    }
    const choices: Choice[] = entries.map((e) => ({ id: CHOICE.faq(e.id), label: questionLabel(e, lang) }));
    choices.push(back);
    const title = this.tr.t(lang, 'menu.topicTitle', { topic: this.tr.t(lang, `topics.${topic}`) });
    return { replies: [{ text: title, choices }], outcome: { kind: 'command', name: 'menu' } };
  }

  private offerLanguages(lang: Lang): Step {
    const choices = LANGS.map((l) => ({ id: CHOICE.lang(l), label: this.tr.t(l, 'lang.name') }));
    return { replies: [{ text: this.tr.t(lang, 'lang.prompt'), choices }], outcome: { kind: 'command', name: 'lang' } };
  }

  private async setLanguage(conv: Conversation, lang: Lang): Promise<Step> {
    conv.lang = lang;
    conv.langChosen = true;
    await this.subscriptions.languageChanged(conv, lang);
    return this.reply(lang, 'lang.set', { kind: 'command', name: 'lang' });
  }

  private alertStep(replies: Reply[], name: 'subscribe' | 'unsubscribe'): Step {
    return { replies, outcome: { kind: 'command', name } };
  }

  private async feedback(conv: Conversation, helpful: boolean): Promise<Step> {
    const lang = conv.lang ?? this.defaultLang;
    // Feedback feeds the staff's "unanswered questions" view; the resident's id is not kept.
    await this.store.audit.record({
      actor: `resident:${conv.channel}`,
      action: helpful ? 'feedback.helpful' : 'feedback.not-helpful',
      target: conv.lastFaqId,
      detail: { question: conv.lastQuestion ?? null, lang },
    });
    if (helpful) return this.reply(lang, 'feedback.thanks', { kind: 'feedback', helpful });
    return {
      replies: [
        {
          text: this.tr.t(lang, 'feedback.sorry'),
          choices: [
            { id: CHOICE.operatorNotHelpful, label: this.tr.t(lang, 'feedback.operator') },
            { id: CHOICE.menu, label: this.tr.t(lang, 'feedback.menu') },
          ],
        },
      ],
      outcome: { kind: 'feedback', helpful },
    };
  }

  /** The rating goes to the audit log against the resident's latest closed ticket. */
  private async rate(conv: Conversation, score: number): Promise<Step> {
    const lang = conv.lang ?? this.defaultLang;
    const ticket = await this.store.tickets.latestClosed(conv.channel, conv.chatId);
    await this.store.audit.record({
      actor: `resident:${conv.channel}`,
      action: 'ticket.rating',
      target: ticket?.id,
      detail: { score, operator: ticket?.assignee ?? null },
    });
    return this.reply(lang, 'escalation.rated', { kind: 'rating', score });
  }

  // --- Escalation --------------------------------------------------------------------------

  private async escalate(
    conv: Conversation,
    question: string,
    reason: EscalationReason,
    now: Date,
    leadKey?: string,
  ): Promise<Step> {
    const lang = conv.lang ?? this.defaultLang;
    const input: TicketInput = {
      channel: conv.channel,
      chatId: conv.chatId,
      lang,
      question: question || this.tr.t(lang, 'choices.operator'),
      reason,
      topic: conv.lastFaqId ? this.catalog.get(conv.lastFaqId)?.topic : undefined,
      excerpt: [...conv.recent],
    };
    const ticket = await this.handoff.start(input);
    conv.mode = 'operator';
    conv.ticketId = ticket.id;
    conv.lastQuestion = undefined;
    conv.lastFaqId = undefined;
    this.log.info({ channel: conv.channel, chat: maskId(conv.chatId), ticket: ticket.id, reason }, 'escalated');
    const queued = this.tr.t(lang, 'escalation.queued', { ticket: ticket.id });
    return {
      replies: [{ text: leadKey ? `${this.tr.t(lang, leadKey)} ${queued}` : queued }],
      outcome: { kind: 'escalate', ticketId: ticket.id, reason },
    };
  }

  /**
   * While an operator has the conversation every message goes on the ticket. The resident is
   * told once that it was added; after that the bot keeps quiet until the operator answers.
   */
  private async addToTicket(conv: Conversation, ticketId: string, line: string, now: Date): Promise<Step> {
    const lang = conv.lang ?? this.defaultLang;
    await this.handoff.append(ticketId, { from: 'resident', text: line, at: now });
    const acknowledged = conv.recent.some((l) => l.from === 'bot' && l.text === this.appendedText(lang, ticketId));
    const outcome: Outcome = { kind: 'queued', ticketId };
    if (acknowledged) return { replies: [], outcome };
    return { replies: [{ text: this.appendedText(lang, ticketId) }], outcome };
  }

  private appendedText(lang: Lang, ticketId: string): string {
    return this.tr.t(lang, 'escalation.appended', { ticket: ticketId });
  }

  // --- Helpers -----------------------------------------------------------------------------

  private reply(lang: Lang, key: string, outcome: Outcome): Step {
    return { replies: [{ text: this.tr.t(lang, key) }], outcome };
  }

  private nonText(lang: Lang, message: IncomingMessage): Step {
    const key =
      message.kind === 'voice' || message.kind === 'audio'
        ? 'input.voice'
        : message.kind === 'location'
          ? 'input.location'
          : 'input.unsupported';
    return this.reply(lang, key, { kind: 'unsupported' });
  }

  /** The resident's line as kept on the conversation and tickets: text, or the kind of media. */
  private describe(message: IncomingMessage, text: string): string {
    if (message.kind === 'text') return message.choiceId ? `[${message.choiceId}]` : text;
    return text ? `[${message.kind}] ${text}` : `[${message.kind}]`;
  }

  private typedChoice(text: string, offered: Choice[]): string | undefined {
    if (offered.length === 0) return undefined;
    const number = /^\s*(\d{1,2})\s*[.)]?\s*$/.exec(text);
    if (number) return offered[Number(number[1]) - 1]?.id;
    const phrase = normalizePhrase(text);
    return offered.find((c) => normalizePhrase(c.label) === phrase)?.id;
  }

  /**
   * The language to reply in: an explicit choice wins; otherwise what the text is written in;
   * when the text does not tell (a number, "ok"), what we knew, then the channel's hint.
   */
  private replyLanguage(conv: Conversation, text: string, hint: string | undefined): Lang {
    if (conv.langChosen && conv.lang) return conv.lang;
    const known = conv.lang ?? langFromHint(hint) ?? this.defaultLang;
    if (!text) return known;
    const detected = detectLanguage(text, known);
    return detected.confident ? detected.lang : known;
  }

  private fresh(message: IncomingMessage, now: Date): Conversation {
    return {
      channel: message.channel,
      chatId: message.chatId,
      langChosen: false,
      mode: 'bot',
      offered: [],
      recent: [],
      createdAt: now,
      updatedAt: now,
    };
  }
}

function remember(conv: Conversation, line: TranscriptLine): void {
  conv.recent.push(line);
  if (conv.recent.length > RECENT_LINES) conv.recent.splice(0, conv.recent.length - RECENT_LINES);
}

function topicOf(entry: FaqEntryInput): string {
  return (MENU_TOPICS as readonly string[]).includes(entry.topic) || entry.topic === 'general' ? entry.topic : 'other';
}

/** A choice label for an entry: its first question in the language, else in any language. */
function questionLabel(entry: FaqEntryInput, lang: Lang): string {
  return entry.questions[lang]?.[0] ?? LANGS.map((l) => entry.questions[l]?.[0]).find(Boolean) ?? entry.id;
}

/**
 * The conversation engine's core: one incoming message in, the replies out. It knows nothing of
 * Telegram, WhatsApp or who answers what; the handlers registered with `use` decide (language,
 * hand-off, menu, FAQ answers, feedback, escalation, alerts…). Per message the core does four things:
 *
 * 1. queue — messages of one conversation are handled strictly in order (KeyedQueue), and so are
 *    a channel's deliveries of their replies (`handle`'s `deliver`, `inTurn`);
 * 2. load — the conversation's state, and what the message is (text kind, picked choice, command);
 * 3. run the handlers, a `(turn, next)` chain;
 * 4. save — the one place conversation state is written. State before speech: when the turn
 *    changed the language the resident chose, it is stored before the replies that announce it
 *    are handed on; the rest is written behind, in small batches a few milliseconds later
 *    (ConversationBook), so no disk flush sits on most answers' path. That includes who has the
 *    conversation (its mode and ticket): a hand-off's durable record is its ticket, stored by the
 *    hand-off port before the reply, and start-up gives every open ticket's conversation back to
 *    its operator (escalation/restore-handoffs.ts). A turn the bot starts itself (`speak`) is
 *    stored before its replies are returned.
 *
 * Tickets and audit records are written by the handlers through their ports before they reply.
 */
import type { Translator } from '../i18n';
import { FALLBACK_LANG, type Lang } from '../i18n/languages';
import { isFrequentWord, type WordEvidence } from '../language/detect';
import { meantInRussianLayout } from '../language/keyboard-layout';
import { maskId, silentLogger, type Logger } from '../logging';
import { afterTopicShift } from '../matcher/sentences/topic-shift';
import type { Conversation, ConversationStore, TranscriptLine } from '../store/types';
import { ChoicePositionReader, scaledRating } from './choice-position';
import { parseChoice, TYPED_NOTHING } from './choices';
import { CommandRecognizer, type Command } from './commands';
import { ConversationBook } from './conversation-book';
import { classifyText, cleanText, normalizePhrase } from './input';
import { KeyedQueue } from './keyed-queue';
import { choiceSaid, gestureSaid, mainSmallTalk, SmallTalkReader } from './small-talk';
import { compose, Turn, type Handler, type TurnInput } from './turn';
import type { Choice, EngineResult, IncomingMessage, Reply } from './types';

/** How many lines of a conversation are kept for the ticket excerpt. */
const RECENT_LINES = 20;

export interface EngineOptions {
  /** Where conversation state lives. */
  conversations: Pick<ConversationStore, 'get' | 'saveMany'>;
  /** For the typed command words of every language. */
  translator: Translator;
  /** Language of a conversation nothing is known about yet. */
  defaultLang?: Lang;
  clock?: () => Date;
  logger?: Logger;
  /**
   * The FAQ's words, to tell Russian typed in the wrong keyboard layout from Latin text (with the
   * frequent words, commands and courtesy the engine knows itself).
   */
  vocabulary?: WordEvidence;
}

export class ConversationEngine {
  private readonly defaultLang: Lang;
  private readonly clock: () => Date;
  private readonly log: Logger;
  private readonly commands: CommandRecognizer;
  private readonly smallTalk: SmallTalkReader;
  private readonly positions: ChoicePositionReader;
  /** Whether a word is one residents write (see EngineOptions.vocabulary). */
  private readonly knowsWord: (word: string) => boolean;
  private readonly queue = new KeyedQueue();
  private readonly book: ConversationBook;
  private readonly handlers: Handler[] = [];
  private chain: Handler = compose([]);

  constructor(options: EngineOptions) {
    this.defaultLang = options.defaultLang ?? FALLBACK_LANG;
    this.clock = options.clock ?? (() => new Date());
    this.log = options.logger ?? silentLogger;
    this.commands = new CommandRecognizer(options.translator);
    this.smallTalk = new SmallTalkReader(options.translator);
    this.positions = new ChoicePositionReader(options.translator);
    this.book = new ConversationBook(options.conversations, { logger: this.log });
    const vocabulary = options.vocabulary;
    this.knowsWord = (word) =>
      isFrequentWord(word) || this.smallTalk.knowsWord(word) || this.commands.knowsWord(word) || (vocabulary?.languagesOf(word).length ?? 0) > 0;
  }

  /** Adds handlers to the end of the chain; a turn goes through them in registration order. */
  use(...handlers: Handler[]): this {
    this.handlers.push(...handlers);
    this.chain = compose(this.handlers);
    return this;
  }

  /**
   * Handles one message; messages of one conversation are processed in arrival order. A channel
   * that sends the replies itself passes `deliver`: it runs in the conversation's turn, after the
   * state is saved, so one message's replies are out before the next message is handled.
   */
  handle(message: IncomingMessage, deliver?: (result: EngineResult) => Promise<void>): Promise<EngineResult> {
    return this.inTurn(message.channel, message.chatId, async () => {
      const result = await this.process(message);
      await deliver?.(result);
      return result;
    });
  }

  /** Runs `task` in the conversation's turn: after what the conversation has in hand, before what comes next. */
  inTurn<T>(channel: string, chatId: string, task: () => Promise<T>): Promise<T> {
    return this.queue.run(conversationKey(channel, chatId), task);
  }

  /**
   * A turn the bot starts itself, with nothing to answer (after an operator closed a hand-off):
   * runs in the conversation's queue like a message; `step` updates the conversation and returns
   * what to say. The state is stored before the replies are returned, for the caller to deliver.
   */
  speak(channel: string, chatId: string, step: (conversation: Conversation, now: Date) => Reply[]): Promise<Reply[]> {
    return this.inTurn(channel, chatId, async () => {
      const now = this.clock();
      const conversation = await this.load(channel, chatId, now);
      const replies = step(conversation, now);
      this.record(conversation, undefined, replies, now);
      await this.save(conversation, true);
      return replies;
    });
  }

  /** Conversations whose state waits in memory because the store refuses it (for the health report). */
  get unsavedConversations(): number {
    return this.book.unsaved;
  }

  /** Resolves once every message accepted so far has been handled and its state written. */
  async drain(): Promise<void> {
    await this.queue.drain();
    await this.book.flush();
  }

  private async process(message: IncomingMessage): Promise<EngineResult> {
    const now = message.receivedAt ?? this.clock();
    const conversation = await this.load(message.channel, message.chatId, now);
    const before = announced(conversation);
    const input = this.read(message, conversation.offered);
    // A reaction only ever answers the question open: otherwise it is no message to the helpline.
    if (message.reaction && !input.choiceId) return { replies: [], lang: conversation.lang ?? this.defaultLang, outcome: { kind: 'ignored' } };
    const turn = new Turn(message, conversation, input, now, this.defaultLang);
    await this.chain(turn, async () => undefined);
    if (!turn.outcome) throw new Error('no handler settled the message: the engine needs a fallback handler last');
    this.record(conversation, turn.input.residentLine, turn.replies, now);
    await this.save(conversation, announced(conversation) !== before);
    this.log.debug(
      { channel: message.channel, chat: maskId(message.chatId), outcome: turn.outcome.kind, lang: turn.lang },
      'message handled',
    );
    return { replies: turn.replies, lang: turn.lang, outcome: turn.outcome };
  }

  private async load(channel: string, chatId: string, now: Date): Promise<Conversation> {
    return (await this.book.get(channel, chatId)) ?? fresh(channel, chatId, now);
  }

  /**
   * What the message is: the cleaned text and its kind, the choice it picks, the command it is, or
   * the small talk it is.
   */
  private read(message: IncomingMessage, offered: Choice[]): TurnInput {
    const typed = cleanText(message.text);
    // Russian typed in the Latin layout is read as the Russian meant; the transcript keeps both.
    const meant = message.kind === 'text' ? meantInRussianLayout(typed, this.knowsWord) : null;
    const text = meant ?? typed;
    const kind = message.kind === 'text' ? classifyText(text) : null;
    const talk = kind === 'question' ? this.smallTalk.read(text) : kind === 'symbols' ? gestureSaid(text) : null;
    // The text without its courtesy, for a pick and for a command: worked out once, when first asked.
    const withoutCourtesy = new Once(() => this.smallTalk.withoutCourtesy(text));
    // A reaction is a yes or a no, never a rating or a position: "⭐" on a bot's message is praise, not one star.
    const picked = message.choiceId ?? (message.reaction ? undefined : this.typedPick(text, kind, offered, withoutCourtesy));
    const choiceId = picked ?? (talk ? choiceSaid(talk, offered) : undefined);
    const command = !choiceId && kind === 'question' ? this.command(text, withoutCourtesy) : null;
    const smallTalk = !choiceId && !command && talk ? mainSmallTalk(talk) : null;
    // Neither a pick, a command nor small talk: a question for the FAQ.
    const forFaq = kind === 'question' && !choiceId && !command && !smallTalk;
    // A turn to another question ("Спасибо, лифт починили. Но вопрос другой: …") is read first: its
    // words are courtesy's too ("другой вопрос", "another question"), and without them the thanks
    // before it would read as the question.
    const question = forFaq ? this.smallTalk.withoutCourtesyParts(afterTopicShift(text)) : text;
    const input: TurnInput = { text, question, kind, choiceId, choice: choiceId ? parseChoice(choiceId) : null, command, smallTalk, residentLine: describe(message, meant ? `${typed} → ${meant}` : typed) };
    if (meant) input.typed = typed;
    if (forFaq && this.commands.namesPerson(text)) input.namesPerson = true;
    return input;
  }

  /**
   * The offered choice a typed text picks (WhatsApp has no buttons): a rating written as one ("9/10",
   * "⭐⭐⭐⭐⭐", also as symbols alone), a number or the words of a choice, or a position typed
   * otherwise ("второй", "№2", also with courtesy around it).
   */
  private typedPick(text: string, kind: TurnInput['kind'], offered: Choice[], withoutCourtesy: Once<string | undefined>): string | undefined {
    if (kind !== 'question' && kind !== 'symbols') return undefined;
    const rating = typedRating(text, offered);
    if (rating || kind === 'symbols') return rating;
    const typed = typedChoice(text, offered);
    if (typed || offered.length === 0) return typed;
    const position = this.positions.read(withoutCourtesy.get() ?? text, offered.length);
    if (position === undefined) return undefined;
    return offered[position - 1]?.id ?? TYPED_NOTHING;
  }

  /** The command a text is, also with courtesy around it ("меню, пожалуйста", "english please"). */
  private command(text: string, withoutCourtesy: Once<string | undefined>): Command | null {
    const exact = this.commands.recognize(text);
    if (exact) return exact;
    const bare = withoutCourtesy.get();
    return bare ? this.commands.recognize(bare) : null;
  }

  /** The turn's lines go on the conversation; what was offered is remembered for a typed answer. */
  private record(conversation: Conversation, residentLine: string | undefined, replies: Reply[], now: Date): void {
    if (residentLine) remember(conversation, { from: 'resident', text: residentLine, at: now });
    for (const reply of replies) remember(conversation, { from: 'bot', text: reply.text, at: now });
    // Keep the last offer while the bot stays silent (queued ticket), so a late "2" still works.
    if (replies.length > 0) conversation.offered = replies.flatMap((r) => r.choices ?? []);
    conversation.updatedAt = now;
  }

  /**
   * The one place conversation state is written: behind (see ConversationBook), or with `now`
   * stored before the caller goes on — "state before speech" for the turn it is passed for. A store
   * that cannot take the write leaves it pending in the book (read from memory, retried).
   */
  private async save(conversation: Conversation, now: boolean): Promise<void> {
    this.book.put(conversation);
    if (now) await this.book.flush();
  }
}

/**
 * What a reply may announce that the store has no other record of: the language the resident
 * chose. A change of it is stored before the replies leave. (Who has the conversation is recorded
 * by the ticket: see the header.)
 */
function announced(c: Conversation): string {
  return c.langChosen ? (c.lang ?? '') : '';
}

/** A value worked out once, when first asked (a class, not a closure made per message: ARCHITECTURE.md, "Hot paths"). */
class Once<T> {
  private made = false;
  private value?: T;

  constructor(private readonly make: () => T) {}

  get(): T {
    if (!this.made) {
      this.value = this.make();
      this.made = true;
    }
    return this.value as T;
  }
}

function conversationKey(channel: string, chatId: string): string {
  return `${channel}\u0000${chatId}`;
}

function fresh(channel: string, chatId: string, now: Date): Conversation {
  return { channel, chatId, langChosen: false, mode: 'bot', offered: [], recent: [], createdAt: now, updatedAt: now };
}

function remember(conversation: Conversation, line: TranscriptLine): void {
  conversation.recent.push(line);
  if (conversation.recent.length > RECENT_LINES) conversation.recent.splice(0, conversation.recent.length - RECENT_LINES);
}

/** The resident's line as kept on the conversation and tickets: text, or the kind of media. */
function describe(message: IncomingMessage, text: string): string {
  if (message.reaction) return `[reaction] ${text}`;
  if (message.kind === 'text') return message.choiceId ? `[${message.choiceId}]` : text;
  return text ? `[${message.kind}] ${text}` : `[${message.kind}]`;
}

/** The rating choice a row of stars or a score on another scale picks, when a rating is offered. */
function typedRating(text: string, offered: Choice[]): string | undefined {
  const ratings = offered.filter((c) => parseChoice(c.id)?.kind === 'rating');
  if (ratings.length === 0) return undefined;
  const score = scaledRating(text, ratings.length);
  return score === undefined ? undefined : ratings[score - 1]?.id;
}

/**
 * The choice a typed text picks. A lone number picks the offered choice of that number; one that
 * picks nothing (nothing offered, or out of range) is a stale choice, never a question for the FAQ
 * or an operator.
 */
function typedChoice(text: string, offered: Choice[]): string | undefined {
  const number = /^\s*(\d{1,2})\s*[.)]?\s*$/.exec(text);
  if (number) return offered[Number(number[1]) - 1]?.id ?? TYPED_NOTHING;
  if (offered.length === 0) return undefined;
  const phrase = normalizePhrase(text);
  return offered.find((c) => normalizePhrase(c.label) === phrase)?.id;
}

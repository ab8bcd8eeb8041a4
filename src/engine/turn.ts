/**
 * One message's way through the engine: what the core read from it, the conversation it belongs to,
 * and what the handlers decide to say. Handlers are `(turn, next)` functions, composed like
 * grammY's middleware: each either handles the turn or passes it on with `next()`.
 */
import { FALLBACK_LANG, type Lang } from '../i18n/languages';
import type { Conversation } from '../store/types';
import type { Command } from './commands';
import type { ParsedChoice } from './choices';
import type { TextKind } from './input';
import type { SmallTalk } from './small-talk';
import type { EscalationReason, IncomingMessage, Outcome, Reply } from './types';

/** What the core read from a message before any handler sees it. */
export interface TurnInput {
  /** The text, cleaned (control characters removed, Unicode normalised, trimmed). */
  text: string;
  /**
   * What the FAQ is asked: the text without its parts that are only courtesy ("Здравствуйте! …
   * Спасибо заранее."); the text itself when it has none. The resident's words stay whole in `text`.
   */
  question: string;
  /** What kind of text it is; null for media, locations and other non-text messages. */
  kind: TextKind | null;
  /** The choice picked: a button's id, or a typed number or choice label mapped to what was offered. */
  choiceId?: string;
  /** The picked choice parsed; null when none was picked or its id is stale or forged. */
  choice: ParsedChoice | null;
  /** A command (/menu, "меню", …), only for a question-like text that picked no choice. */
  command: Command | null;
  /** Courtesy and nothing else ("спасибо", "добрый день", "ок"), when the text is neither a choice nor a command. */
  smallTalk: SmallTalk | null;
  /** The resident's line as kept on the conversation and tickets: text, or the kind of media. */
  residentLine: string;
  /**
   * The text as typed, when `text` is what it was read as instead: Russian typed in the Latin
   * keyboard layout (language/keyboard-layout.ts). The resident line then has both.
   */
  typed?: string;
  /**
   * A short message that is no command but names a person to talk to ("хочу оператора",
   * CommandRecognizer.namesPerson): unanswered, it was a request for one.
   */
  namesPerson?: true;
}

/** A question the answering handlers could not settle, for whoever takes unanswered questions. */
export interface Unanswered {
  question: string;
  reason: EscalationReason;
  /** Said before the hand-off's own words (e.g. why the question went to a person). */
  leadKey?: string;
  /** FAQ entries that may answer it after all: offered to read while the resident waits. */
  hints?: string[];
}

export type Next = () => Promise<void>;
export type Handler = (turn: Turn, next: Next) => Promise<void> | void;

export class Turn {
  replies: Reply[] = [];
  outcome?: Outcome;
  /** Set by an answering handler that passes a question on (no FAQ entry fits). */
  unanswered?: Unanswered;

  constructor(
    readonly message: IncomingMessage,
    readonly conversation: Conversation,
    readonly input: TurnInput,
    readonly now: Date,
    private readonly defaultLang: Lang = FALLBACK_LANG,
  ) {}

  /** What this turn's writes are keyed by (channel and update id), when the channel gave the update's id. */
  get ref(): string | undefined {
    return this.message.id === undefined ? undefined : `${this.message.channel}:${this.message.id}`;
  }

  /** The language to reply in (the language handler settles it first). */
  get lang(): Lang {
    return this.conversation.lang ?? this.defaultLang;
  }

  /** Settles the turn: what to say and where the message belonged. */
  answer(outcome: Outcome, ...replies: Reply[]): void {
    this.outcome = outcome;
    this.replies = replies;
  }
}

/**
 * Folds handlers into one: each runs with a `next` that runs the rest, the last `next` being
 * `last`. The same shape as grammY's composer.
 *
 * @example compose([language, menu])(turn, async () => undefined)
 */
export function compose(handlers: readonly Handler[]): Handler {
  return (turn, last) => runFrom(handlers, 0, turn, last);
}

/**
 * The handlers from the `i`th on, each with a `next` that runs the rest. A function of the module,
 * not a named closure made for every message (ARCHITECTURE.md, "Hot paths").
 */
async function runFrom(handlers: readonly Handler[], i: number, turn: Turn, last: Next): Promise<void> {
  if (i === handlers.length) return last();
  await handlers[i](turn, () => runFrom(handlers, i + 1, turn, last));
}

import type { Lang } from '../i18n/languages';

/**
 * What a channel adapter hands to the engine. Plain data: no Telegram or WhatsApp types.
 */
export type MessageKind =
  | 'text'
  | 'photo'
  | 'video'
  | 'voice'
  | 'audio'
  | 'sticker'
  | 'location'
  | 'contact'
  | 'document'
  | 'other';

export interface IncomingMessage {
  /** Channel name, e.g. 'telegram', 'whatsapp', 'terminal'. Together with chatId it names a conversation. */
  channel: string;
  /** The channel's id of the chat the reply must go to (a WhatsApp number is personal data: never log it). */
  chatId: string;
  /** The channel's id of the sender, when it differs from the chat. */
  userId?: string;
  kind: MessageKind;
  /** The text typed by the resident (or a media caption). */
  text?: string;
  /** Set when the resident pressed a button / picked a choice the engine offered earlier. */
  choiceId?: string;
  /**
   * Set when `text` is an emoji the resident reacted with to one of the bot's messages rather than
   * wrote. A 👍 or 👎 (🙏, ❤️: thanks) answers the bot's open yes-or-no question as typed; any other
   * reaction, or one with no such question open, is left alone: no reply, nothing recorded.
   */
  reaction?: true;
  /** The channel's guess at the resident's language (Telegram's language_code); a tie-breaker only. */
  langHint?: string;
  /** When the channel received it; defaults to the engine's clock. */
  receivedAt?: Date;
  /**
   * The channel's id of the update it came in (unique in the channel): an update handled again
   * after a restart finds the ticket it opened and the ticket line it added, instead of adding more.
   */
  id?: string;
}

/** An option the resident can pick: a button on Telegram, a numbered line on WhatsApp. */
export interface Choice {
  /** Short, stable id (fits Telegram's 64-byte callback data), e.g. 'topic:curfew', 'faq:bank-hours'. */
  id: string;
  label: string;
}

/** One message the engine wants sent to the resident. Text is plain (no markup): adapters escape it. */
export interface Reply {
  text: string;
  choices?: Choice[];
}

/** Where the engine decided a message belongs; useful for adapters, logs and the eval. */
export type Outcome =
  | { kind: 'answer'; faqId: string; score: number }
  | { kind: 'suggest'; faqIds: string[]; score: number }
  /** `faqIds`: entries offered to read while the resident waits (they may already answer it). */
  | { kind: 'escalate'; ticketId: string; reason: EscalationReason; faqIds?: string[] }
  /** The hand-off could not be stored: the resident was told to try again or call 109, not promised an operator. */
  | { kind: 'handoff-failed'; reason: EscalationReason }
  | { kind: 'queued'; ticketId: string }
  | { kind: 'command'; name: string }
  | { kind: 'feedback'; helpful: boolean }
  | { kind: 'rating'; score: number }
  /** Thanks, "ok", goodbye: answered in kind, never a ticket. */
  | { kind: 'small-talk'; said: 'thanks' | 'ok' | 'bye' }
  /** A question that names nothing ("где?"): asked what it is about, with the topics. */
  | { kind: 'clarify' }
  | { kind: 'unsupported' }
  /** A reaction that answers nothing the bot asked (IncomingMessage.reaction): no reply. */
  | { kind: 'ignored' };

export type EscalationReason = 'requested' | 'no-match' | 'not-helpful';

export interface EngineResult {
  replies: Reply[];
  /** The language the replies are written in. */
  lang: Lang;
  outcome: Outcome;
}

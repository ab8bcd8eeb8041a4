/**
 * What the engine needs from the rest of the helpline, declared here so that dependencies point one
 * way: `src/escalation` implements the hand-off port, the store's audit log the audit port, and the
 * app plugs them in. The engine never imports either.
 */
import type { Lang } from '../i18n/languages';
import type { AuditInput, LearningSource, TicketInput, TicketStatus, TranscriptLine } from '../store/types';

/**
 * The hand-off could not be recorded (the store refuses writes): the resident must not be promised
 * an operator who will never see the question.
 */
export class HandoffUnavailable extends Error {
  constructor(cause: unknown) {
    super(`the hand-off could not be stored: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'HandoffUnavailable';
  }
}

/** Why a resident withdrew a hand-off: an answer offered with it helped, or they cancelled it. */
export type WithdrawReason = 'answered' | 'cancelled';

/** Whoever takes a conversation over from the bot (human operators). */
export interface HandoffPort {
  /**
   * Opens a hand-off (a ticket) and resolves once it is stored; an input with a known `source`
   * finds its ticket. Rejects with HandoffUnavailable when the store cannot take it.
   */
  start(input: TicketInput): Promise<{ id: string }>;
  /**
   * Adds what the resident wrote while the hand-off is open (once per `ref`, when given); resolves
   * once it is stored or held to be stored. Rejects with HandoffUnavailable when it can be neither.
   */
  append(ticketId: string, line: TranscriptLine, ref?: string): Promise<void>;
  /**
   * Marks an open hand-off urgent: the resident wrote, while waiting, that someone is in danger now.
   * Resolves once stored or held to be stored; rejects with HandoffUnavailable when it can be neither.
   */
  markUrgent(ticketId: string): Promise<void>;
  /**
   * The hand-off while it is not finished (an operator may finish it from elsewhere), with why it
   * was opened, the update that opened it (`source`), if known, and whether an operator has taken
   * it yet (`status`); null once it is finished or gone.
   */
  openTicket(ticketId: string): Promise<(Pick<TicketInput, 'reason' | 'source'> & { status: TicketStatus }) | null>;
  /**
   * Closes an open hand-off the resident no longer needs: an entry offered with it answered the
   * question ('answered', the default), or they cancelled it ('cancelled'). Resolves false when it
   * was no longer open. Rejects with HandoffUnavailable when the store cannot take it.
   */
  withdraw(ticketId: string, why?: WithdrawReason): Promise<boolean>;
  /**
   * Records the resident's rating of the latest finished hand-off of this chat; resolves false,
   * recording nothing, when the chat has none (a forged or stale rating button).
   */
  rate(channel: string, chatId: string, score: number): Promise<boolean>;
}

/** Where the engine records what staff should see (a resident's feedback on an answer). */
export interface AuditPort {
  record(entry: AuditInput): Promise<void>;
}

/**
 * Where the engine notes what residents teach: the words of a question that led them to an entry
 * (picked from "did you mean", or answered and found helpful). Editors turn them into variants.
 */
export interface LearningPort {
  note(input: { entryId: string; lang: Lang; text: string; source: LearningSource }): Promise<void>;
}

/** What became of one resident's message, for the staff's figures (messages per hour, answered share). */
export interface OutcomeEntry {
  channel: string;
  lang: Lang;
  /** An `Outcome` kind, or 'picked' for an entry picked from a list (not a typed question). */
  outcome: string;
  /** The FAQ entry answered, the escalation's reason, the command's name… */
  detail?: string;
  at: Date;
}

/** Where the engine counts outcomes. Synchronous: counting must never wait on storage. */
export interface OutcomePort {
  count(entry: OutcomeEntry): void;
}

/**
 * The shared core of the Telegram channel: one update in, the engine's replies out. Drivers
 * supply only a `TelegramApi` (how to make the outgoing calls with their client); mapping and
 * routing live here once, and where the outgoing calls go is the caller's `TelegramSink` — the
 * channel's outbox and paced pipe, or a paced client straight away for a middleware in a centre's
 * own bot. Ordering is the engine's: a turn's replies are handed over in the conversation's turn.
 */
import type { ConversationEngine } from '../../src/engine/engine';
import type { Reply } from '../../src/engine/types';
import { maskId, type Logger } from '../../src/logging';
import { safeError } from '../shared/errors';
import { PARSE_MODE } from './escape';
import type { RetryAfterOf } from '../../src/delivery/flood-control';
import { mapUpdate, type BotIdentity, type UpdateView } from './map-update';
import type { InlineKeyboard } from './render';

/** The outgoing calls the channel makes, as each driver's client makes them. */
export interface TelegramApi {
  sendMessage(chatId: number | string, message: SendPayload): Promise<{ message_id: number }>;
  answerCallbackQuery(callbackId: string): Promise<unknown>;
  /** Removes the inline keyboard from a message (after one of its buttons was pressed). */
  removeKeyboard(chatId: number, messageId: number): Promise<unknown>;
  /** Opens a forum topic in a group and resolves its thread id (the operator group). */
  createForumTopic(chatId: string, name: string): Promise<number>;
  /** True when the group has forum topics. */
  isForum(chatId: string): Promise<boolean>;
  /** Reads `retry_after` from the driver's 429 error. */
  retryAfterOf: RetryAfterOf;
  /** The Bot API's error code of a refused call (403, 400, 500…); undefined when Telegram never answered. */
  errorCodeOf(error: unknown): number | undefined;
}

export interface SendPayload {
  text: string;
  parse_mode: typeof PARSE_MODE;
  reply_markup?: InlineKeyboard;
  reply_parameters?: { message_id: number; allow_sending_without_reply: boolean };
  message_thread_id?: number;
}

/** Where the handler's outgoing calls go. */
export interface TelegramSink {
  /** Stops a pressed button's spinner. */
  answerCallback(callbackId: string): Promise<void>;
  /** Removes the keyboard of a message one of whose buttons was pressed (cosmetic). */
  removeKeyboard(chatId: number, messageId: number): Promise<void>;
  /** The turn's replies, handed over in the conversation's turn after its state is saved. */
  replies(chatId: number, replies: Reply[], replyTo: number | undefined): Promise<void>;
}

export interface HandlerOptions {
  engine: ConversationEngine;
  logger: Logger;
  /** Remove a message's buttons once one was pressed, so old menus are not pressed again. Default true. */
  removeKeyboardOnPress?: boolean;
  /**
   * Which button presses are the helpline's. Default: all of them, and a stale or forged one gets
   * the engine's polite reply. A bot with buttons of its own passes e.g.
   * `(data) => parseChoice(data) !== null`, and the other presses go to its next middleware.
   */
  takeCallback?: (data: string) => boolean;
  /**
   * Sees each update first and takes it away from the engine by returning a promise (resolved when
   * its own work is done): the operator group's messages are operators' work, not a resident's
   * questions. Undefined leaves the update to the engine.
   */
  intercept?: (update: UpdateView) => Promise<void> | undefined;
}

/** What became of an update: a middleware passes 'ignored' ones on to the next handler. */
export type HandleOutcome = 'handled' | 'duplicate' | 'ignored';

export class UpdateHandler {
  private readonly engine: ConversationEngine;
  private readonly log: Logger;
  private readonly removeKeyboardOnPress: boolean;
  private readonly takeCallback: (data: string) => boolean;
  private readonly intercept: (update: UpdateView) => Promise<void> | undefined;

  constructor(options: HandlerOptions) {
    this.engine = options.engine;
    this.log = options.logger;
    this.removeKeyboardOnPress = options.removeKeyboardOnPress ?? true;
    this.takeCallback = options.takeCallback ?? (() => true);
    this.intercept = options.intercept ?? (() => undefined);
  }

  /**
   * Handles one update and resolves once its turn is over (its replies handed to `sink`). `id` is
   * the update's id for the engine (what its ticket writes are keyed by). Rejects when the engine
   * failed; a failed callback answer or keyboard removal is only logged.
   */
  async handle(update: UpdateView, me: BotIdentity, sink: TelegramSink, id?: string): Promise<HandleOutcome> {
    const intercepted = this.intercept(update);
    if (intercepted) {
      await intercepted;
      return 'handled';
    }
    const mapped = mapUpdate(update, me);
    if (mapped.kind === 'ignore') {
      this.log.debug({ update: update.update_id, reason: mapped.reason }, 'update ignored');
      return 'ignored';
    }
    if (mapped.kind === 'answer-only') {
      this.log.debug({ update: update.update_id, reason: mapped.reason }, 'callback answered without routing');
      await this.answerCallback(sink, mapped.callbackId);
      return 'handled';
    }
    const { message, chatId, callback, replyTo } = mapped;
    if (callback && message.choiceId !== undefined && !this.takeCallback(message.choiceId)) {
      this.log.debug({ update: update.update_id }, 'button press left to the next handler');
      return 'ignored';
    }
    if (id !== undefined) message.id = id;
    // Stop the button's spinner at once, even while earlier messages of the chat are in hand.
    const answered = callback ? this.answerCallback(sink, callback.id) : Promise.resolve();
    const work = this.engine.handle(message, async (result) => {
      if (callback?.messageId !== undefined && this.removeKeyboardOnPress) {
        const messageId = callback.messageId;
        await sink.removeKeyboard(chatId, messageId).catch((error: unknown) => {
          // The message may be too old to edit or already without buttons: cosmetic only.
          this.log.debug({ err: safeError(error), chat: maskId(String(chatId)) }, 'could not remove the old keyboard');
        });
      }
      await sink.replies(chatId, result.replies, replyTo);
    });
    try {
      await Promise.all([answered, work]);
    } catch (error) {
      this.log.error({ err: safeError(error), chat: maskId(message.chatId), update: update.update_id }, 'update failed');
      throw error;
    }
    return 'handled';
  }

  private async answerCallback(sink: TelegramSink, callbackId: string): Promise<void> {
    try {
      await sink.answerCallback(callbackId);
    } catch (error) {
      // Usually "query is too old" after a restart; the resident still gets the engine's reply.
      this.log.debug({ err: safeError(error) }, 'answerCallbackQuery failed');
    }
  }
}

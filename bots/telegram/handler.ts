/**
 * The shared core of the Telegram channel: one update in, the engine's replies out. Drivers
 * supply only a `TelegramApi` (how to make the few outgoing calls with their client); dedupe,
 * mapping, rendering and flood control live here once. Ordering is the engine's: replies are sent
 * in the conversation's turn, so one chat's messages never interleave.
 */
import type { ConversationEngine } from '../../src/engine/engine';
import type { Reply } from '../../src/engine/types';
import { maskId, type Logger } from '../../src/logging';
import { RecentIds } from './dedupe';
import { safeError } from '../shared/errors';
import { PARSE_MODE } from './escape';
import { FloodControl, type FloodOptions, type RetryAfterOf } from '../shared/flood';
import { CHANNEL_NAME, mapUpdate, type BotIdentity, type UpdateView } from './map-update';
import { renderReplies, type InlineKeyboard } from './render';

/** The outgoing calls the channel makes, as each driver's client makes them. */
export interface TelegramApi {
  sendMessage(chatId: number | string, message: SendPayload): Promise<unknown>;
  answerCallbackQuery(callbackId: string): Promise<unknown>;
  /** Removes the inline keyboard from a message (after one of its buttons was pressed). */
  removeKeyboard(chatId: number, messageId: number): Promise<unknown>;
  /** Reads `retry_after` from the driver's 429 error. */
  retryAfterOf: RetryAfterOf;
}

export interface SendPayload {
  text: string;
  parse_mode: typeof PARSE_MODE;
  reply_markup?: InlineKeyboard;
  reply_parameters?: { message_id: number; allow_sending_without_reply: boolean };
}

export interface HandlerOptions {
  engine: ConversationEngine;
  logger: Logger;
  flood?: FloodOptions;
  /** How many recent update ids are remembered to drop duplicates. Default 1000. */
  dedupeSize?: number;
  /** Remove a message's buttons once one was pressed, so old menus are not pressed again. Default true. */
  removeKeyboardOnPress?: boolean;
  /**
   * Which button presses are the helpline's. Default: all of them, and a stale or forged one gets
   * the engine's polite reply. A bot with buttons of its own passes e.g.
   * `(data) => parseChoice(data) !== null`, and the other presses go to its next middleware.
   */
  takeCallback?: (data: string) => boolean;
  /**
   * Sees each update first and returns true to take it away from the engine: the operator group's
   * messages are operators' work, not a resident's questions.
   */
  intercept?: (update: UpdateView) => boolean;
}

/** What became of an update: a middleware passes 'ignored' ones on to the next handler. */
export type HandleOutcome = 'handled' | 'duplicate' | 'ignored';

export class UpdateHandler {
  private readonly engine: ConversationEngine;
  private readonly log: Logger;
  private readonly flood: FloodControl;
  private readonly recent: RecentIds;
  private readonly removeKeyboardOnPress: boolean;
  private readonly takeCallback: (data: string) => boolean;
  private readonly intercept: (update: UpdateView) => boolean;
  /** Updates accepted and not yet answered. */
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(options: HandlerOptions) {
    this.engine = options.engine;
    this.log = options.logger;
    this.flood = new FloodControl(options.flood);
    this.recent = new RecentIds(options.dedupeSize);
    this.removeKeyboardOnPress = options.removeKeyboardOnPress ?? true;
    this.takeCallback = options.takeCallback ?? (() => true);
    this.intercept = options.intercept ?? (() => false);
  }

  /**
   * Handles one update and resolves when its replies are sent. Never rejects: a failure is
   * logged, because one resident's broken update must not stop the bot for everyone else.
   */
  async handle(update: UpdateView, api: TelegramApi, me: BotIdentity): Promise<HandleOutcome> {
    if (this.recent.seen(update.update_id)) {
      this.log.debug({ update: update.update_id }, 'duplicate update dropped');
      return 'duplicate';
    }
    if (this.intercept(update)) return 'handled';
    const mapped = mapUpdate(update, me);
    if (mapped.kind === 'ignore') {
      this.log.debug({ update: update.update_id, reason: mapped.reason }, 'update ignored');
      return 'ignored';
    }
    if (mapped.kind === 'answer-only') {
      this.log.debug({ update: update.update_id, reason: mapped.reason }, 'callback answered without routing');
      await this.answerCallback(api, mapped.callbackId);
      return 'handled';
    }
    const { message, chatId, callback, replyTo } = mapped;
    if (callback && message.choiceId !== undefined && !this.takeCallback(message.choiceId)) {
      this.log.debug({ update: update.update_id }, 'button press left to the next handler');
      return 'ignored';
    }
    // Stop the button's spinner at once, even while earlier messages of the chat are in hand.
    const answered = callback ? this.answerCallback(api, callback.id) : Promise.resolve();
    const work = this.engine
      .handle(message, async (result) => {
        if (callback?.messageId !== undefined && this.removeKeyboardOnPress) {
          await this.removeKeyboard(api, chatId, callback.messageId);
        }
        await this.deliver(api, chatId, result.replies, replyTo);
      })
      .catch((error: unknown) => {
        this.log.error({ err: safeError(error), chat: maskId(message.chatId), update: update.update_id }, 'update failed');
      });
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
    await Promise.all([answered, work]);
    return 'handled';
  }

  /** Sends replies that answer no update (an operator's answer), in order with the chat's other replies. */
  send(api: TelegramApi, chatId: string, replies: Reply[]): Promise<void> {
    const target = /^-?\d+$/.test(chatId) ? Number(chatId) : chatId;
    return this.engine.inTurn(CHANNEL_NAME, chatId, () => this.deliver(api, target, replies, undefined, true));
  }

  /** Resolves when every update accepted so far has been answered. */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  private async deliver(
    api: TelegramApi,
    chatId: number | string,
    replies: Reply[],
    replyTo: number | undefined,
    rethrow = false,
  ): Promise<void> {
    const key = String(chatId);
    const messages = renderReplies(replies, this.log);
    for (const [i, message] of messages.entries()) {
      const payload: SendPayload = { text: message.html, parse_mode: PARSE_MODE };
      if (message.keyboard) payload.reply_markup = message.keyboard;
      // Only the first part quotes the resident's message; the rest follow it.
      if (i === 0 && replyTo !== undefined) {
        payload.reply_parameters = { message_id: replyTo, allow_sending_without_reply: true };
      }
      try {
        await this.flood.run(() => api.sendMessage(chatId, payload), api.retryAfterOf, key);
      } catch (error) {
        // A blocked bot or a deleted chat: the rest of the replies would fail the same way.
        this.log.warn({ err: safeError(error), chat: maskId(key), part: i + 1, of: messages.length }, 'reply not delivered');
        if (rethrow) throw error;
        return;
      }
    }
  }

  private async answerCallback(api: TelegramApi, callbackId: string): Promise<void> {
    try {
      await this.flood.run(() => api.answerCallbackQuery(callbackId), api.retryAfterOf);
    } catch (error) {
      // Usually "query is too old" after a restart; the resident still gets the engine's reply.
      this.log.debug({ err: safeError(error) }, 'answerCallbackQuery failed');
    }
  }

  private async removeKeyboard(api: TelegramApi, chatId: number, messageId: number): Promise<void> {
    try {
      await this.flood.run(() => api.removeKeyboard(chatId, messageId), api.retryAfterOf);
    } catch (error) {
      // The message may be too old to edit or already without buttons: cosmetic only.
      this.log.debug({ err: safeError(error), chat: maskId(String(chatId)) }, 'could not remove the old keyboard');
    }
  }
}

/**
 * The Telegraf driver: the helpline as Telegraf middleware, and the client calls and long polling
 * the shared channel needs. Same handler, same paced pipe as the grammY driver.
 */
import { Telegraf, TelegramError, type Context, type Middleware, type Telegram } from 'telegraf';
import type { ConversationEngine } from '../../src/engine/engine';
import type { Driver, FailureKind } from './channel';
import type { TelegramApi } from './handler';
import { ALLOWED_UPDATES, botIdentity, type UpdateView } from './map-update';
import { middlewareStep, type MiddlewareOptions } from './middleware';

/**
 * The outgoing calls of the shared handler, made with a Telegraf `Telegram` client.
 *
 * @example await handler.send(telegrafApi(bot.telegram), chatId, replies)
 */
export function telegrafApi(telegram: Telegram): TelegramApi {
  return {
    sendMessage: (chatId, message) => telegram.sendMessage(chatId, message.text, message),
    answerCallbackQuery: (id) => telegram.answerCbQuery(id),
    // Without reply_markup, Telegram removes the message's inline keyboard.
    removeKeyboard: (chatId, messageId) => telegram.editMessageReplyMarkup(chatId, messageId, undefined, undefined),
    createForumTopic: async (chatId, name) => (await telegram.createForumTopic(chatId, name)).message_thread_id,
    isForum: async (chatId) => {
      const chat = await telegram.getChat(chatId);
      return 'is_forum' in chat && chat.is_forum === true;
    },
    retryAfterOf: (error) =>
      error instanceof TelegramError && error.code === 429 ? error.parameters?.retry_after : undefined,
    errorCodeOf: (error) => (error instanceof TelegramError ? error.code : undefined),
  };
}

/**
 * The helpline as Telegraf middleware, for a centre that already runs a Telegraf bot. Updates
 * the helpline does not take go on to the next middleware.
 *
 * @example
 * const bot = new Telegraf(token);
 * bot.use(telegrafHelplineMiddleware(app.engine, { logger: app.logger }));
 * bot.launch();
 */
export function telegrafHelplineMiddleware(engine: ConversationEngine, options: MiddlewareOptions = {}): Middleware<Context> {
  return middlewareStep(engine, options, (ctx: Context) => ({ update: ctx.update, api: telegrafApi(ctx.telegram), me: botIdentity(ctx.botInfo) }));
}

/**
 * The Telegraf driver of the runnable channel (`TELEGRAM_DRIVER=telegraf`).
 *
 * @example new TelegramChannel(parts, createTelegrafDriver)
 */
export function createTelegrafDriver(token: string, apiRoot: string): Driver {
  // webhookReply off: every reply is a real API call, so flood control and errors see all of them.
  const bot = new Telegraf(token, { telegram: { apiRoot, webhookReply: false } });
  let loop: Promise<void> | undefined;
  let running = false;
  return {
    api: telegrafApi(bot.telegram),
    setMyCommands: (commands, lang) => bot.telegram.setMyCommands(commands, lang ? { language_code: lang } : undefined),
    setCommandsMenuButton: () => bot.telegram.setChatMenuButton({ menuButton: { type: 'commands' } }),
    setWebhook: (url, secret) => bot.telegram.setWebhook(url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] }),
    async getMe() {
      const me = await bot.telegram.getMe();
      // Known now, so launch() does not ask again.
      bot.botInfo = me;
      return botIdentity(me);
    },
    async startPolling(onUpdate: (update: UpdateView) => Promise<void>, onFatal: (error: unknown) => void) {
      // Telegraf asks for the next batch — and so confirms this one — only after this resolves.
      bot.use((ctx) => onUpdate(ctx.update));
      // launch() reports only once polling ends; a webhook left from an earlier run, or a token
      // revoked since getMe, should fail start() instead, so that call is made here first.
      await bot.telegram.deleteWebhook();
      running = true;
      loop = bot.launch({ allowedUpdates: [...ALLOWED_UPDATES] }).catch((error: unknown) => {
        running = false;
        onFatal(error);
      });
    },
    async stopPolling() {
      // Telegraf's stop() throws when polling already ended (e.g. after a fatal error).
      if (running) bot.stop('channel stopped');
      running = false;
      await loop;
    },
    classify,
  };
}

function classify(error: unknown): FailureKind {
  if (error instanceof TelegramError) return error.code === 401 ? 'unauthorized' : 'refused';
  return 'unreachable';
}

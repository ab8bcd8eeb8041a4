/**
 * The grammY driver (the default): the helpline as grammY middleware, and the client calls and
 * long polling the shared channel needs. Outgoing calls go through the channel's one paced pipe
 * (`src/delivery/flood-control.ts`) rather than grammY's auto-retry/throttler plugins, so both
 * drivers behave alike.
 */
import { Bot, GrammyError, type Api, type Context, type Middleware } from 'grammy';
import type { ConversationEngine } from '../../src/engine/engine';
import type { Driver, FailureKind } from './channel';
import type { TelegramApi } from './handler';
import { ALLOWED_UPDATES, botIdentity, type UpdateView } from './map-update';
import { middlewareStep, type MiddlewareOptions } from './middleware';

/**
 * The helpline as grammY middleware, for a centre that already runs a grammY bot. Updates the
 * helpline does not take (edited messages, channel posts, group chatter not addressed to the
 * bot) go on to the next middleware.
 *
 * @example
 * const bot = new Bot(token);
 * bot.command('internal', staffOnly);
 * bot.use(helplineMiddleware(app.engine, { logger: app.logger }));
 * bot.start();
 */
export function helplineMiddleware(engine: ConversationEngine, options: MiddlewareOptions = {}): Middleware<Context> {
  return middlewareStep(engine, options, (ctx: Context) => ({ update: ctx.update, api: grammyApi(ctx.api), me: botIdentity(ctx.me) }));
}

/**
 * The outgoing calls of the shared handler, made with a grammY `Api`.
 *
 * @example await handler.send(grammyApi(bot.api), chatId, replies)
 */
export function grammyApi(api: Api): TelegramApi {
  return {
    sendMessage: (chatId, message) => api.sendMessage(chatId, message.text, message),
    answerCallbackQuery: (id) => api.answerCallbackQuery(id),
    // Without reply_markup, Telegram removes the message's inline keyboard.
    removeKeyboard: (chatId, messageId) => api.editMessageReplyMarkup(chatId, messageId),
    createForumTopic: async (chatId, name) => (await api.createForumTopic(chatId, name)).message_thread_id,
    isForum: async (chatId) => (await api.getChat(chatId)).is_forum === true,
    retryAfterOf: (error) =>
      error instanceof GrammyError && error.error_code === 429 ? error.parameters.retry_after : undefined,
    errorCodeOf: (error) => (error instanceof GrammyError ? error.error_code : undefined),
  };
}

/**
 * The grammY driver of the runnable channel (see `createTelegramChannel`).
 *
 * @example new TelegramChannel(parts, createGrammyDriver)
 */
export function createGrammyDriver(token: string, apiRoot: string): Driver {
  const bot = new Bot(token, { client: { apiRoot } });
  let loop: Promise<void> | undefined;
  return {
    api: grammyApi(bot.api),
    async getMe() {
      const me = await bot.api.getMe();
      // Known now, so bot.start() does not ask again.
      bot.botInfo = me;
      return botIdentity(me);
    },
    setMyCommands: (commands, lang) => bot.api.setMyCommands(commands, lang ? { language_code: lang } : undefined),
    setCommandsMenuButton: () => bot.api.setChatMenuButton({ menu_button: { type: 'commands' } }),
    setWebhook: (url, secret) => bot.api.setWebhook(url, { secret_token: secret, allowed_updates: ALLOWED_UPDATES }),
    async startPolling(onUpdate: (update: UpdateView) => Promise<void>, onFatal: (error: unknown) => void) {
      // grammY asks for the next batch — and so confirms this one — only after this resolves:
      // once the update is stored (the channel answers it in the background).
      bot.use((ctx) => onUpdate(ctx.update));
      await new Promise<void>((resolve, reject) => {
        let started = false;
        loop = bot
          .start({
            allowed_updates: ALLOWED_UPDATES,
            onStart: () => {
              started = true;
              resolve();
            },
          })
          .then(resolve, (error: unknown) => (started ? onFatal(error) : reject(error)));
      });
    },
    async stopPolling() {
      // stop() confirms the offset with one last getUpdates; if that fails the updates come again
      // on the next start and the dedupe there cannot help, but nothing is lost.
      await bot.stop().catch(() => undefined);
      await loop;
    },
    classify,
  };
}

function classify(error: unknown): FailureKind {
  if (error instanceof GrammyError) return error.error_code === 401 ? 'unauthorized' : 'refused';
  // HttpError (no connection, DNS, TLS) and the start-up timeout: Telegram never answered.
  return 'unreachable';
}

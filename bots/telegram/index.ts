/**
 * The Telegram channel of the helpline.
 *
 * Commonly used:
 * - `createTelegramChannel(parts)`: the runnable channel, driver and mode chosen from the settings.
 * - `helplineMiddleware(engine)` / `telegrafHelplineMiddleware(engine)`: the helpline inside a
 *   centre's existing grammY or Telegraf bot.
 *
 * Advanced: `TelegramChannel` with an explicit driver factory, and the drivers.
 *
 * Internal, exported for tests and other adapters: the shared pieces the drivers are built from.
 */
import { TelegramChannel, type DriverFactory, type TelegramChannelOptions, type TelegramParts } from './channel';
import { createGrammyDriver } from './grammy';
import { createTelegrafDriver } from './telegraf';

// --- Commonly used ---------------------------------------------------------------------------
export { helplineMiddleware } from './grammy';
export type { MiddlewareOptions } from './middleware';
export { telegrafHelplineMiddleware } from './telegraf';
export type { TelegramChannelOptions } from './channel';
export type { FloodOptions } from '../../src/delivery/flood-control';

// --- Advanced --------------------------------------------------------------------------------
export { TelegramChannel, DEFAULT_API_ROOT, type TelegramParts, type Driver, type DriverFactory } from './channel';
export { createGrammyDriver, grammyApi } from './grammy';
export { createTelegrafDriver, telegrafApi } from './telegraf';

// --- Internal --------------------------------------------------------------------------------
export { UpdateHandler, type TelegramApi, type TelegramSink, type HandleOutcome } from './handler';
export { telegramTransport, telegramMessages, classifyTelegramError } from './transport';
export { middlewareStep, type ContextParts } from './middleware';
export { mapUpdate, botIdentity, type UpdateView, type BotIdentity } from './map-update';
export { renderReplies, CALLBACK_DATA_LIMIT } from './render';
export { splitText, TELEGRAM_TEXT_LIMIT } from './split';
export { escapeHtml } from './escape';

const DRIVERS: Record<TelegramParts['telegram']['driver'], DriverFactory> = {
  grammy: createGrammyDriver,
  telegraf: createTelegrafDriver,
};

/**
 * The Telegram channel from its parts: grammY or Telegraf per `TELEGRAM_DRIVER`, long polling, or a
 * webhook server on `TELEGRAM_WEBHOOK_PORT` when `TELEGRAM_WEBHOOK_URL` is set.
 *
 * @example
 * const channel = createTelegramChannel({ engine, logger, translator, telegram: config.telegram, inbox: store.inbox, outbox: store.outbox });
 * await channel.start(); // throws one clear line on a bad token or an unreachable API
 * process.once('SIGTERM', () => void channel.stop());
 */
export function createTelegramChannel(parts: TelegramParts, options: TelegramChannelOptions = {}): TelegramChannel {
  return new TelegramChannel(parts, DRIVERS[parts.telegram.driver], options);
}

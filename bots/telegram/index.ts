/**
 * The Telegram channel of the helpline.
 *
 * Commonly used:
 * - `createTelegramChannel(app)`: the runnable channel, driver and mode chosen from the config.
 * - `helplineMiddleware(engine)` / `telegrafHelplineMiddleware(engine)`: the helpline inside a
 *   centre's existing grammY or Telegraf bot.
 *
 * Advanced: `createChannelFor` / `TelegramChannel` with an explicit engine and settings (tests,
 * other wiring), and the drivers.
 *
 * Internal, exported for tests and other adapters: the shared pieces the drivers are built from.
 */
import type { App } from '../../src/app';
import type { Channel } from '../../src/engine/channel';
import { TelegramChannel, type ChannelParts, type DriverFactory, type TelegramChannelOptions } from './channel';
import { createGrammyDriver } from './grammy';
import { createTelegrafDriver } from './telegraf';

// --- Commonly used ---------------------------------------------------------------------------
export { helplineMiddleware } from './grammy';
export type { MiddlewareOptions } from './middleware';
export { telegrafHelplineMiddleware } from './telegraf';
export type { TelegramChannelOptions } from './channel';
export type { FloodOptions } from '../shared/flood';

// --- Advanced --------------------------------------------------------------------------------
export { TelegramChannel, DEFAULT_API_ROOT, type ChannelParts, type Driver, type DriverFactory } from './channel';
export { createGrammyDriver, grammyApi } from './grammy';
export { createTelegrafDriver, telegrafApi } from './telegraf';

// --- Internal --------------------------------------------------------------------------------
export { UpdateHandler, type TelegramApi, type HandleOutcome } from './handler';
export { middlewareStep, type ContextParts } from './middleware';
export { mapUpdate, botIdentity, type UpdateView, type BotIdentity } from './map-update';
export { renderReplies, CALLBACK_DATA_LIMIT } from './render';
export { splitText, TELEGRAM_TEXT_LIMIT } from './split';
export { escapeHtml } from './escape';

const DRIVERS: Record<ChannelParts['telegram']['driver'], DriverFactory> = {
  grammy: createGrammyDriver,
  telegraf: createTelegrafDriver,
};

/**
 * The Telegram channel for an app: grammY or Telegraf per `TELEGRAM_DRIVER`, long polling, or a
 * webhook server on `TELEGRAM_WEBHOOK_PORT` when `TELEGRAM_WEBHOOK_URL` is set.
 *
 * @example
 * const channel = createTelegramChannel(app);
 * await channel.start(); // throws one clear line on a bad token or an unreachable API
 * process.once('SIGTERM', () => void channel.stop());
 */
export function createTelegramChannel(app: App, options: TelegramChannelOptions = {}): Channel {
  return createChannelFor({ engine: app.engine, logger: app.logger, telegram: app.config.telegram }, options);
}

/**
 * The same from its parts: an engine, a logger and the Telegram settings.
 *
 * @example createChannelFor({ engine, logger, telegram: { token, driver: 'telegraf', webhookPort: 8443 } })
 */
export function createChannelFor(parts: ChannelParts, options: TelegramChannelOptions = {}): TelegramChannel {
  return new TelegramChannel(parts, DRIVERS[parts.telegram.driver], options);
}

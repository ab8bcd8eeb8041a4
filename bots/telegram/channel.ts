/**
 * The runnable Telegram channel, written once: start-up checks, long polling or webhook intake,
 * command registration, graceful stop. What differs between grammY and Telegraf — the client and
 * its polling loop — sits behind the small `Driver` interface (`grammy.ts`, `telegraf.ts`).
 */
import type { Channel } from '../../src/engine/channel';
import type { Reply } from '../../src/engine/types';
import type { Config } from '../../src/config';
import type { Translator } from '../../src/i18n';
import { LANGS, type Lang } from '../../src/i18n/languages';
import type { Logger } from '../../src/logging';
import type { ChannelParts } from '../shared/parts';
import { botCommands, type BotCommandText } from './commands';
import { reason, safeError } from '../shared/errors';
import type { FloodOptions } from '../shared/flood';
import { UpdateHandler, type TelegramApi } from './handler';
import { CHANNEL_NAME, type BotIdentity, type UpdateView } from './map-update';
import { startWebhookServer, type WebhookServer } from './webhook';

export const DEFAULT_API_ROOT = 'https://api.telegram.org';

const BAD_TOKEN = 'Telegram rejected the bot token (401 Unauthorized): check TELEGRAM_BOT_TOKEN';

/** How a driver failed a call: the start-up error message depends on it. */
export type FailureKind = 'unauthorized' | 'unreachable' | 'refused';

/** What a Telegram library must provide to run the channel. */
export interface Driver {
  readonly api: TelegramApi;
  getMe(): Promise<BotIdentity>;
  setMyCommands(commands: BotCommandText[], languageCode?: Lang): Promise<unknown>;
  /** Shows the command list behind the menu button next to the input field. */
  setCommandsMenuButton(): Promise<unknown>;
  setWebhook(url: string, secret: string): Promise<unknown>;
  /** Starts the library's long polling; every update goes to `onUpdate`. Resolves once polling runs. */
  startPolling(onUpdate: (update: UpdateView) => void, onFatal: (error: unknown) => void): Promise<void>;
  /** Stops polling and confirms the updates taken so far. */
  stopPolling(): Promise<void>;
  classify(error: unknown): FailureKind;
}

export interface TelegramChannelOptions {
  /** Outgoing rate limits and 429 retries (tests shrink them). */
  flood?: FloodOptions;
  /** Recent update ids remembered against duplicate delivery. Default 1000. */
  dedupeSize?: number;
  /** Remove a message's buttons after one was pressed. Default true. */
  removeKeyboardOnPress?: boolean;
  /** How long getMe may take before the API root is called unreachable (ms). Default 15000. */
  startTimeoutMs?: number;
  /** Interface the webhook server listens on. Default: all interfaces. */
  webhookHost?: string;
  /** Path the webhook server answers on, when a proxy rewrites it. Default: the webhook URL's path. */
  webhookPath?: string;
  /** Register the command list and the menu button at start. Default true. */
  registerCommands?: boolean;
  /** Takes updates away from the engine (the operator group); see `HandlerOptions.intercept`. */
  intercept?: (update: UpdateView) => boolean;
}

/** What the Telegram channel is built from. */
export interface TelegramParts extends ChannelParts {
  /** For the command menu's descriptions in each language. */
  translator: Translator;
  telegram: Config['telegram'];
}

export type DriverFactory = (token: string, apiRoot: string) => Driver;

export class TelegramChannel implements Channel {
  readonly name = CHANNEL_NAME;
  private readonly driver: Driver;
  private readonly handler: UpdateHandler;
  private readonly log: Logger;
  private readonly apiRoot: string;
  private readonly inFlight = new Set<Promise<unknown>>();
  private webhook?: WebhookServer;
  private polling = false;
  private me?: BotIdentity;

  constructor(
    private readonly parts: TelegramParts,
    createDriver: DriverFactory,
    private readonly options: TelegramChannelOptions = {},
  ) {
    const token = parts.telegram.token;
    if (!token) throw new Error('TELEGRAM_BOT_TOKEN is not set: the Telegram channel needs a token from @BotFather');
    this.apiRoot = parts.telegram.apiRoot ?? DEFAULT_API_ROOT;
    this.driver = createDriver(token, this.apiRoot);
    this.log = parts.logger.child({ channel: CHANNEL_NAME, driver: parts.telegram.driver });
    this.handler = new UpdateHandler({
      engine: parts.engine,
      logger: this.log,
      flood: options.flood,
      dedupeSize: options.dedupeSize,
      removeKeyboardOnPress: options.removeKeyboardOnPress,
      intercept: options.intercept,
    });
  }

  /** The webhook server's port once started in webhook mode (useful when configured as 0). */
  get webhookPort(): number | undefined {
    return this.webhook?.port;
  }

  async start(): Promise<void> {
    const me = await this.identify();
    this.me = me;
    if (this.options.registerCommands ?? true) await this.registerCommands();
    const { webhookUrl, webhookSecret } = this.parts.telegram;
    if (webhookUrl) {
      await this.startWebhook(me, webhookUrl, webhookSecret);
    } else {
      await this.driver.startPolling((update) => this.accept(update, me), (error) => this.onPollingFailure(error));
      this.polling = true;
      this.log.info({ bot: me.username, apiRoot: this.apiRoot }, 'Telegram bot started (long polling)');
    }
  }

  async stop(): Promise<void> {
    if (this.polling) {
      this.polling = false;
      await this.driver.stopPolling();
    }
    if (this.webhook) {
      await this.webhook.close();
      this.webhook = undefined;
    }
    // Updates already taken are answered before we say we are stopped.
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
    await this.handler.drain();
    await this.parts.engine.drain();
    this.log.info('Telegram bot stopped');
  }

  send(chatId: string, replies: Reply[]): Promise<void> {
    return this.handler.send(this.driver.api, chatId, replies);
  }

  /** getMe: the one call whose failure stops start-up, reported as one clear line. */
  private async identify(): Promise<BotIdentity> {
    const timeoutMs = this.options.startTimeoutMs ?? 15000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return await Promise.race([this.driver.getMe(), timeout]);
    } catch (error) {
      switch (this.driver.classify(error)) {
        case 'unauthorized':
          throw new Error(BAD_TOKEN);
        case 'unreachable':
          throw new Error(`cannot reach the Telegram Bot API at ${this.apiRoot}: ${reason(error)}`);
        default:
          throw new Error(`Telegram refused getMe at ${this.apiRoot}: ${reason(error)}`);
      }
    } finally {
      clearTimeout(timer);
    }
  }

  /** Nice to have: a failure here is a warning, and the bot answers residents regardless. */
  private async registerCommands(): Promise<void> {
    const commands = botCommands(this.parts.translator);
    const calls: [string, () => Promise<unknown>][] = [
      // Without a language code: what clients in any other language show.
      ['setMyCommands', () => this.driver.setMyCommands(commands.ru)],
      ...LANGS.map((lang): [string, () => Promise<unknown>] => [`setMyCommands(${lang})`, () => this.driver.setMyCommands(commands[lang], lang)]),
      ['setChatMenuButton', () => this.driver.setCommandsMenuButton()],
    ];
    for (const [name, call] of calls) {
      try {
        await call();
      } catch (error) {
        this.log.warn({ call: name, err: safeError(error) }, `${name} failed; carrying on without it`);
      }
    }
  }

  private async startWebhook(me: BotIdentity, url: string, secret: string | undefined): Promise<void> {
    // Config insists on a secret with a webhook URL; the check here guards other callers.
    if (!secret) throw new Error('TELEGRAM_WEBHOOK_SECRET is required with TELEGRAM_WEBHOOK_URL');
    const path = this.options.webhookPath ?? new URL(url).pathname;
    this.webhook = await startWebhookServer({
      port: this.parts.telegram.webhookPort,
      host: this.options.webhookHost,
      path,
      secret,
      logger: this.log,
      onUpdate: (update) => this.accept(update, me),
    });
    try {
      await this.driver.setWebhook(url, secret);
    } catch (error) {
      await this.webhook.close();
      this.webhook = undefined;
      throw new Error(`Telegram refused setWebhook for ${url}: ${reason(error)}`);
    }
    this.log.info({ bot: me.username, path, port: this.webhook.port }, 'Telegram bot started (webhook)');
  }

  /** Takes an update in the background (polling and webhook must not wait for one slow chat). */
  private accept(update: UpdateView, me: BotIdentity): void {
    const task = this.handler.handle(update, this.driver.api, me).catch((error: unknown) => {
      // handle() logs its own failures; this only guards against a malformed update.
      this.log.error({ err: safeError(error), update: update.update_id }, 'update could not be handled');
    });
    this.inFlight.add(task);
    void task.finally(() => this.inFlight.delete(task));
  }

  private onPollingFailure(error: unknown): void {
    this.polling = false;
    const kind = this.driver.classify(error);
    const why = kind === 'unauthorized' ? BAD_TOKEN : `long polling stopped: ${reason(error)}`;
    this.log.error({ bot: this.me?.username, err: safeError(error) }, why);
  }
}

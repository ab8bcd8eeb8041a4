/**
 * The runnable Telegram channel, written once: start-up checks, long polling or webhook intake,
 * command registration, graceful stop. What differs between grammY and Telegraf — the client and
 * its polling loop — sits behind the small `Driver` interface (`grammy.ts`, `telegraf.ts`).
 *
 * One token, one pipe: every update is stored in the inbox before Telegram is told it arrived, its
 * answer goes into the outbox in the same step that marks it handled, and every message the token
 * sends — answers, operator replies, rating questions, SLA notices, operator-group posts, alerts —
 * leaves through the one outbox sender and its pace (`src/delivery/`), with the driver's client.
 */
import type { Channel } from '../../src/engine/channel';
import type { Reply } from '../../src/engine/types';
import type { Config } from '../../src/config';
import { seal, type Envelope } from '../../src/delivery/envelope';
import type { FloodOptions } from '../../src/delivery/flood-control';
import type { HeldWrites } from '../../src/delivery/held-writes';
import { Intake } from '../../src/delivery/intake';
import { OutboxSender, type OutboxSenderOptions } from '../../src/delivery/outbox-sender';
import { realTimers } from '../../src/delivery/timers';
import type { Translator } from '../../src/i18n';
import { LANGS, type Lang } from '../../src/i18n/languages';
import type { Logger } from '../../src/logging';
import type { InboxStore, OutboxStore, OutgoingInput } from '../../src/store/types';
import type { ChannelParts } from '../shared/parts';
import { botCommands, type BotCommandText } from './commands';
import { reason, safeError } from '../shared/errors';
import { UpdateHandler, type SendPayload, type TelegramApi, type TelegramSink } from './handler';
import { CHANNEL_NAME, type BotIdentity, type UpdateView } from './map-update';
import type { GroupApi } from './operator-group';
import { telegramTransport } from './transport';
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
  /**
   * Starts the library's long polling; every update goes to `onUpdate`, and the library confirms
   * it (the next getUpdates offset) only after that resolved. Resolves once polling runs.
   */
  startPolling(onUpdate: (update: UpdateView) => Promise<void>, onFatal: (error: unknown) => void): Promise<void>;
  /** Stops polling and confirms the updates taken so far. */
  stopPolling(): Promise<void>;
  classify(error: unknown): FailureKind;
}

export interface TelegramChannelOptions {
  /** The pipe's pace: per chat, per group, overall (tests shrink them). */
  flood?: FloodOptions;
  /** Retries and how long a message may wait before it is given up (see OutboxSender). */
  delivery?: Omit<OutboxSenderOptions, 'flood'>;
  /** Remove a message's buttons after one was pressed. Default true. */
  removeKeyboardOnPress?: boolean;
  /** How long getMe may take before the API root is called unreachable (ms). Default 15000. */
  startTimeoutMs?: number;
  /** Interface the webhook server listens on. Default: all interfaces. */
  webhookHost?: string;
  /** Path the webhook server answers on, when a proxy rewrites it. Default: the webhook URL's path. */
  webhookPath?: string;
  /** How long a stop lets queued messages go out before it leaves them for the next start (ms). Default 5000. */
  stopGraceMs?: number;
  /** Register the command list and the menu button at start. Default true. */
  registerCommands?: boolean;
  /** Takes updates away from the engine (the operator group); see `HandlerOptions.intercept`. */
  intercept?: (update: UpdateView) => Promise<void> | undefined;
}

/** What the Telegram channel is built from. */
export interface TelegramParts extends ChannelParts {
  /** For the command menu's descriptions in each language. */
  translator: Translator;
  telegram: Config['telegram'];
  /** Where updates are kept until handled. */
  inbox: InboxStore;
  /** Where every message this token sends waits for its turn (and survives restarts). */
  outbox: OutboxStore;
  /** Where writes wait while the store refuses them (answering goes on from memory). */
  held?: HeldWrites;
}

export type DriverFactory = (token: string, apiRoot: string) => Driver;

export class TelegramChannel implements Channel {
  readonly name = CHANNEL_NAME;
  private readonly driver: Driver;
  private readonly handler: UpdateHandler;
  private readonly intake: Intake<UpdateView>;
  /** The token's one sender: every message leaves through it, paced. */
  readonly sender: OutboxSender<SendPayload>;
  private readonly log: Logger;
  private readonly apiRoot: string;
  /** Calls made beside the outbox (keyboard removals) that stop() waits for. */
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
      removeKeyboardOnPress: options.removeKeyboardOnPress,
      intercept: options.intercept,
    });
    const unitMs = options.flood?.retryAfterUnitMs;
    this.sender = new OutboxSender(
      { channel: CHANNEL_NAME, outbox: parts.outbox, transport: telegramTransport(this.driver.api, this.log, unitMs), timers: realTimers, held: parts.held, logger: this.log },
      { ...options.delivery, flood: options.flood },
    );
    this.intake = new Intake({
      channel: CHANNEL_NAME,
      inbox: parts.inbox,
      sender: this.sender,
      held: parts.held,
      idOf: (update) => String(update.update_id),
      encode: (update) => JSON.stringify(update),
      decode: (payload) => JSON.parse(payload) as UpdateView,
      handle: (update, id) => this.handleUpdate(update, id),
      logger: this.log,
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
    // What is queued from before a restart goes out first; then what was stored and not answered.
    this.sender.resume();
    await this.intake.recover();
    const { webhookUrl, webhookSecret } = this.parts.telegram;
    if (webhookUrl) {
      await this.startWebhook(me, webhookUrl, webhookSecret);
    } else {
      await this.driver.startPolling((update) => this.intake.take(update), (error) => this.onPollingFailure(error));
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
    // Updates already taken are answered (queued) before we say we are stopped; what is queued
    // and not sent yet stays in the outbox for the next start.
    await this.intake.drain();
    await this.parts.engine.drain();
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
    await this.sender.stop(this.options.stopGraceMs ?? 5000);
    this.log.info('Telegram bot stopped');
  }

  /** Queues replies for a chat (durably, before resolving); the sender delivers them in the chat's order. */
  async send(chatId: string, replies: Reply[]): Promise<void> {
    await this.queue(chatId, replies.map((reply) => ({ reply })));
  }

  /** The operator group's calls, through this token's pipe: posts go through the outbox like everything else. */
  readonly groupApi: GroupApi = {
    sendMessage: (chatId, text, options = {}) => {
      const envelope: Envelope = { reply: { text } };
      if (options.threadId !== undefined) envelope.thread = options.threadId;
      if (options.replyTo !== undefined) envelope.replyTo = options.replyTo;
      return this.queue(chatId, [envelope]);
    },
    createForumTopic: (chatId, name) => this.call(() => this.driver.api.createForumTopic(chatId, name)),
    isForum: (chatId) => this.call(() => this.driver.api.isForum(chatId)),
  };

  /** The driver's client, for calls made through this pipe (the alert transport). */
  get api(): TelegramApi {
    return this.driver.api;
  }

  /** A call beside the outbox (no message to a chat), through the pipe's pace. */
  call<T>(fn: () => Promise<T>): Promise<T> {
    return this.sender.flood.run(fn, this.driver.api.retryAfterOf);
  }

  private async queue(chatId: string, envelopes: Envelope[]): Promise<void> {
    if (envelopes.length === 0) return;
    await this.parts.outbox.enqueue(envelopes.map((e) => ({ channel: CHANNEL_NAME, chatId, text: seal(e) })));
    this.sender.kick();
  }

  /**
   * Handles one stored update: its answer is queued and the update marked handled in one step
   * (in the conversation's turn), then the sender is woken.
   */
  private async handleUpdate(update: UpdateView, id: string): Promise<void> {
    const me = this.me;
    if (!me) throw new Error('the channel is not started');
    let completed = false;
    const complete = async (outgoing: OutgoingInput[]) => {
      completed = true;
      await this.intake.complete(id, outgoing);
    };
    const sink: TelegramSink = {
      answerCallback: async (callbackId) => void (await this.call(() => this.driver.api.answerCallbackQuery(callbackId))),
      removeKeyboard: async (chatId, messageId) => {
        // Cosmetic, so not waited for: the answer must not queue behind it.
        const work = this.call(() => this.driver.api.removeKeyboard(chatId, messageId)).catch((error: unknown) =>
          this.log.debug({ err: safeError(error) }, 'could not remove the old keyboard'),
        );
        this.inFlight.add(work);
        void work.finally(() => this.inFlight.delete(work));
      },
      replies: (chatId, replies, replyTo) =>
        complete(
          replies.map((reply, i) => ({
            channel: CHANNEL_NAME,
            chatId: String(chatId),
            text: seal({ reply, ...(i === 0 && replyTo !== undefined ? { replyTo } : {}) }),
            dedupeKey: `${CHANNEL_NAME}:${id}:${i}`,
          })),
        ),
    };
    await this.handler.handle(update, me, sink, id);
    if (!completed) await complete([]);
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
      onUpdate: (update) => this.intake.take(update),
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

  private onPollingFailure(error: unknown): void {
    this.polling = false;
    const kind = this.driver.classify(error);
    const why = kind === 'unauthorized' ? BAD_TOKEN : `long polling stopped: ${reason(error)}`;
    this.log.error({ bot: this.me?.username, err: safeError(error) }, why);
  }
}

/**
 * The composition root: the one place that builds the running bot — the app (store, catalog,
 * translator, the engine and its handlers, the desks, the event bus; see `app.ts`), the channels
 * from `bots/`, each from the same narrow parts, and the jobs around them (scheduled FAQ changes,
 * the SLA watch, the alert sender, the staff console). Nothing else in `src/` knows `bots/`.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { telegramAlertTransport } from '../bots/telegram/alert-transport';
import { createTelegramChannel, TelegramChannel, type TelegramParts } from '../bots/telegram';
import { OperatorGroup } from '../bots/telegram/operator-group';
import { TerminalChat } from '../bots/terminal';
import { whatsappAlertTransport } from '../bots/whatsapp/alert-transport';
import { createWhatsAppChannel, WhatsAppChannel, type WhatsAppParts } from '../bots/whatsapp';
import { AlertLoop, announceAlertsDue } from './alerts/alert-loop';
import { AlertSender, type AlertTransport } from './alerts/sender';
import type { App } from './app';
import type { Config } from './config';
import { channelHealth } from './console/channel-health';
import { deliveryHealth } from './delivery/health';
import { createConsoleServer, type ConsoleServer } from './console/server';
import type { Channel } from './engine/channel';
import { SlaWatch } from './escalation/sla-watch';
import { FaqScheduler } from './schedule/scheduler';

/** The Telegram channel's parts from the app: its settings, the inbox and the outbox. */
export function telegramParts(app: App): TelegramParts {
  const { store } = app;
  return { engine: app.engine, logger: app.logger, translator: app.translator, telegram: app.config.telegram, inbox: store.inbox, outbox: store.outbox, held: app.held };
}

/** The WhatsApp channel's parts from the app: its settings, the inbox, the outbox, and the store's files for the login. */
export function whatsappParts(app: App): WhatsAppParts {
  const { config, store } = app;
  return {
    engine: app.engine,
    logger: app.logger,
    whatsapp: config.whatsapp,
    dataDir: config.dataDir,
    inbox: store.inbox,
    outbox: store.outbox,
    held: app.held,
    ...(store.files ? { sessionFiles: store.files } : {}),
  };
}

export interface Bot {
  /** The channels this process serves, the terminal chat included. */
  readonly channels: readonly Channel[];
  /** The terminal chat, when one was opened; its `closed` resolves when the resident leaves. */
  readonly chat?: TerminalChat;
  /** Starts the channels, then the jobs; rejects (nothing else started) when a channel cannot start. */
  start(): Promise<void>;
  /** Stops everything and closes the app; safe to call more than once. */
  stop(): Promise<void>;
}

export interface BotOptions {
  /** Open a terminal chat as well (`npm run chat`). */
  chat: boolean;
  /** A terminal is attached: with no channel configured, the terminal chat is opened. */
  interactive: boolean;
}

/**
 * Whether the bot opens a terminal chat: asked for, or no channel configured with a terminal
 * attached. Known from the configuration before anything is built, so the entry point can keep
 * info logs out of the conversation (src/main.ts).
 */
export function opensTerminalChat(config: { telegram: Pick<Config['telegram'], 'token'>; whatsapp: Pick<Config['whatsapp'], 'enabled'> }, options: BotOptions): boolean {
  const channelConfigured = Boolean(config.telegram.token) || config.whatsapp.enabled;
  return options.chat || (!channelConfigured && options.interactive);
}

/** Builds the bot over an app: channels from the configuration, and the jobs that run around them. */
export function composeBot(app: App, options: BotOptions): Bot {
  const channels = configuredChannels(app);
  const chat = opensTerminalChat(app.config, options) ? new TerminalChat({ engine: app.engine }) : undefined;
  if (chat) channels.push(chat);
  const { config, logger, store } = app;
  // Every process runs the scheduler; the lease in the store lets one of them apply each change.
  const scheduler = new FaqScheduler({ store, cron: config.scheduleCron, logger });
  const sla = new SlaWatch({ store, desk: app.desk, relay: app.relay, translator: app.translator, slaMinutes: config.operators.slaMinutes, hours: config.operators.hours, logger });
  const alerts = alertLoop(app, channels);
  let consoleServer: ConsoleServer | undefined;
  let stopping: Promise<void> | undefined;
  return {
    channels,
    ...(chat ? { chat } : {}),
    async start() {
      for (const channel of channels) await channel.start();
      scheduler.start();
      // From now on operator replies for these channels wake their senders at once.
      for (const channel of channels) app.channels.set(channel.name, channel);
      sla.start();
      alerts?.start();
      consoleServer = await startConsole(app, channels, alerts);
    },
    stop() {
      stopping ??= (async () => {
        await consoleServer?.close();
        await scheduler.stop();
        await alerts?.stop();
        await sla.stop();
        await Promise.allSettled(channels.map((c) => c.stop()));
        await app.close();
      })();
      return stopping;
    },
  };
}

/**
 * Telegram when a bot token is set (with the operator group when OPERATOR_CHAT_ID is: its updates
 * arrive through the same token and its posts leave through the same pipe), WhatsApp when enabled.
 */
function configuredChannels(app: App): Channel[] {
  const channels: Channel[] = [];
  const groupChat = app.config.operators.chatId;
  const delivery = { maxAgeMs: app.config.outbox.maxAgeMinutes * 60_000 };
  if (app.config.telegram.token) {
    let group: OperatorGroup | undefined;
    const telegram = createTelegramChannel(telegramParts(app), { delivery, intercept: (update) => group?.intercept(update) });
    if (groupChat) {
      const once = (marker: string) => app.store.leases.once(marker, new Date());
      const faq = { catalog: app.catalog, learning: app.store.learning, translator: app.translator, logger: app.logger };
      group = new OperatorGroup({ desk: app.desk, chatId: groupChat, api: telegram.groupApi, logger: app.logger, once, faq });
      group.start();
    }
    channels.push(telegram);
  }
  if (app.config.whatsapp.enabled) channels.push(createWhatsAppChannel(whatsappParts(app), { pacing: delivery }));
  return channels;
}

/**
 * The alert sender for the channels this process serves, each through its channel's one pipe;
 * recipients of a channel this process does not serve stay pending for a process that does.
 */
function alertLoop(app: App, channels: readonly Channel[]): AlertLoop | undefined {
  const { config, logger } = app;
  const transports = new Map<string, AlertTransport>();
  const telegram = channels.find((c): c is TelegramChannel => c instanceof TelegramChannel);
  if (telegram) transports.set(telegram.name, telegramAlertTransport({ pipe: telegram, perSecond: config.alerts.telegramPerSecond }));
  const whatsapp = channels.find((c): c is WhatsAppChannel => c instanceof WhatsAppChannel);
  if (whatsapp) transports.set(whatsapp.name, whatsappAlertTransport({ client: () => whatsapp.readyClient(), perMinute: config.alerts.whatsappPerMinute, pipe: whatsapp.flood }));
  if (transports.size === 0) return undefined;
  const holder = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  return new AlertLoop(new AlertSender({ store: app.store, transports, holder, logger }), { cron: config.scheduleCron, bus: app.bus, logger });
}

/**
 * Starts the staff console. A console that cannot listen (port taken by another bot process on
 * the same machine) is logged and skipped: answering residents matters more than the console.
 */
async function startConsole(app: App, channels: readonly Channel[], alerts: AlertLoop | undefined): Promise<ConsoleServer | undefined> {
  const { config, logger } = app;
  const options = config.console;
  if (!options.enabled) return undefined;
  const server = await createConsoleServer(
    {
      store: app.store,
      catalog: app.catalog,
      thresholds: config.thresholds,
      logger,
      translator: app.translator,
      channels: () => channelHealth(channels),
      desk: app.desk,
      alertDistricts: config.alerts.districts,
      alertSender: announceAlertsDue(app.bus, alerts),
      delivery: () => deliveryHealth({ held: app.held, engine: app.engine, outbox: app.store.outbox, channels: () => channels.map((c) => c.name) }),
    },
    { ...options, slaMinutes: config.operators.slaMinutes, utcOffsetMinutes: config.operators.utcOffsetMinutes },
  );
  try {
    const url = await server.listen(options.port, options.host);
    logger.info({ url }, 'staff console listening');
    return server;
  } catch (error) {
    logger.error(`staff console not started on ${options.host}:${options.port}: ${error instanceof Error ? error.message : String(error)}`);
    await server.close();
    return undefined;
  }
}

/**
 * Entry point (`npm start`, `npm run chat`): validate the configuration, assemble the app, serve
 * the configured channels, and open a terminal chat when asked (--chat) or when no channel is
 * configured and a terminal is attached. Stops gracefully on SIGINT/SIGTERM.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { createChannels } from '../bots';
import { telegramAlertTransport } from '../bots/telegram/alert-transport';
import { DEFAULT_API_ROOT } from '../bots/telegram/channel';
import { whatsappAlertTransport } from '../bots/whatsapp/alert-transport';
import { WhatsAppChannel } from '../bots/whatsapp/channel';
import { TerminalChat } from '../bots/terminal';
import { AlertLoop, announceAlertsDue } from './alerts/alert-loop';
import { AlertSender, type AlertTransport } from './alerts/sender';
import { createApp, type App } from './app';
import { ConfigError, loadConfig } from './config';
import { channelHealth } from './console/channel-health';
import { createConsoleServer, type ConsoleServer } from './console/server';
import type { Channel } from './engine/channel';
import { createLogger, type Logger } from './logging';
import { SlaWatch } from './escalation/sla-watch';
import { FaqScheduler } from './schedule/scheduler';

/**
 * Starts the staff console. A console that cannot listen (port taken by another bot process on
 * the same machine) is logged and skipped: answering residents matters more than the console.
 */
async function startConsole(app: App, channels: readonly Channel[], logger: Logger, alerts: AlertLoop | undefined): Promise<ConsoleServer | undefined> {
  const { console: options, thresholds } = app.config;
  if (!options.enabled) return undefined;
  const server = await createConsoleServer(
    {
      store: app.store,
      catalog: app.catalog,
      thresholds,
      logger,
      channels: () => channelHealth(channels),
      desk: app.desk,
      alertDistricts: app.config.alerts.districts,
      alertSender: announceAlertsDue(app.bus, alerts),
    },
    options,
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

/**
 * The alert sender for the channels this process serves; recipients of a channel this process
 * does not serve stay pending for a process that does.
 */
function alertLoop(app: App, channels: readonly Channel[], logger: Logger): AlertLoop | undefined {
  const { telegram, alerts, scheduleCron } = app.config;
  const transports = new Map<string, AlertTransport>();
  if (telegram.token) {
    transports.set('telegram', telegramAlertTransport({ apiRoot: telegram.apiRoot ?? DEFAULT_API_ROOT, token: telegram.token, perSecond: alerts.telegramPerSecond }));
  }
  const whatsapp = channels.find((c): c is WhatsAppChannel => c instanceof WhatsAppChannel);
  if (whatsapp) transports.set(whatsapp.name, whatsappAlertTransport({ client: () => whatsapp.readyClient(), perMinute: alerts.whatsappPerMinute }));
  if (transports.size === 0) return undefined;
  const holder = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  return new AlertLoop(new AlertSender({ store: app.store, transports, holder, logger }), { cron: scheduleCron, bus: app.bus, logger });
}

async function main(argv: string[]): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  const wantChat = argv.includes('--chat');
  // In a terminal chat, info logs would interleave with the conversation: keep them to warnings.
  const level = wantChat && config.logLevel === 'info' ? 'warn' : config.logLevel;
  const logger = createLogger(level, process.stderr);
  const app = await createApp(config, { logger });

  const channels: Channel[] = createChannels(app);
  const interactive = Boolean(process.stdin.isTTY);
  let chat: TerminalChat | undefined;
  if (wantChat || (channels.length === 0 && interactive)) {
    chat = new TerminalChat({ engine: app.engine });
    channels.push(chat);
  }
  if (channels.length === 0) {
    logger.error(
      'No channel configured and no terminal attached: set TELEGRAM_BOT_TOKEN or WHATSAPP_ENABLED=1 ' +
        '(see .env.example), or run `npm run chat` in a terminal.',
    );
    await app.close();
    return 1;
  }

  // Every process runs the scheduler; the lease in the store lets one of them apply each change.
  const scheduler = new FaqScheduler({ store: app.store, cron: config.scheduleCron, logger });
  // Filled once the channels run; `stop` may be called before that.
  const started: { console?: ConsoleServer; sla?: SlaWatch; alerts?: AlertLoop } = {};

  let stopping: Promise<void> | undefined;
  const stop = (why: string) => {
    stopping ??= (async () => {
      logger.info({ why }, 'stopping');
      await started.console?.close();
      await scheduler.stop();
      await started.alerts?.stop();
      await started.sla?.stop();
      await Promise.allSettled(channels.map((c) => c.stop()));
      await app.close();
    })();
    return stopping;
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  try {
    for (const channel of channels) await channel.start();
  } catch (error) {
    // One clear line, then stop what did start: a half-running bot is worse than none.
    logger.error(`cannot start: ${error instanceof Error ? error.message : String(error)}`);
    await stop('start-up failed');
    return 1;
  }
  scheduler.start();
  // Operator replies queued before a restart go out as soon as their channel runs again.
  for (const channel of channels) app.channels.set(channel.name, channel);
  app.relay.start();
  started.sla = new SlaWatch({
    store: app.store,
    desk: app.desk,
    relay: app.relay,
    translator: app.translator,
    slaMinutes: config.operators.slaMinutes,
    hours: config.operators.hours,
    logger,
  });
  started.sla.start();
  started.alerts = alertLoop(app, channels, logger);
  started.alerts?.start();
  started.console = await startConsole(app, channels, logger, started.alerts);
  logger.info({ channels: channels.map((c) => c.name) }, 'helpline bot is running');

  if (chat) {
    await chat.closed;
    await stop('terminal chat closed');
    return 0;
  }
  await new Promise<void>((resolve) => process.once('beforeExit', () => resolve()));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`helpline bot failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);

/**
 * Entry point (`npm start`, `npm run chat`): validate the configuration, assemble the app and the
 * bot around it (`compose.ts`), serve the configured channels, and open a terminal chat when asked
 * (--chat) or when no channel is configured and a terminal is attached. Stops gracefully on
 * SIGINT/SIGTERM.
 */
import { createApp } from './app';
import { composeBot, opensTerminalChat } from './compose';
import { ConfigError, loadConfig } from './config';
import { createLogger, logStrayRejections } from './logging';

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
  const botOptions = { chat: argv.includes('--chat'), interactive: Boolean(process.stdin.isTTY) };
  // In a terminal chat (`npm run chat`, or `npm start` with no channel configured), info logs would
  // interleave with the conversation: keep them to warnings.
  const level = opensTerminalChat(config, botOptions) && config.logLevel === 'info' ? 'warn' : config.logLevel;
  const logger = createLogger(level, process.stderr);
  // A library's background task that rejects (RemoteAuth's backup timer) must not end the bot.
  logStrayRejections(logger);
  const app = await createApp(config, { logger });
  const bot = composeBot(app, botOptions);
  if (bot.channels.length === 0) {
    logger.error(
      'No channel configured and no terminal attached: set TELEGRAM_BOT_TOKEN or WHATSAPP_ENABLED=1 ' +
        '(see .env.example), or run `npm run chat` in a terminal.',
    );
    await bot.stop();
    return 1;
  }

  const stop = (why: string) => {
    logger.info({ why }, 'stopping');
    return bot.stop();
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  try {
    await bot.start();
  } catch (error) {
    // One clear line, then stop what did start: a half-running bot is worse than none.
    logger.error(`cannot start: ${error instanceof Error ? error.message : String(error)}`);
    await stop('start-up failed');
    return 1;
  }
  logger.info({ channels: bot.channels.map((c) => c.name) }, 'helpline bot is running');

  if (bot.chat) {
    await bot.chat.closed;
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

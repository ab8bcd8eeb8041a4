/** createTelegramChannel(telegramParts(app)): the driver comes from the configuration, the engine from the app. */
import { createTelegramChannel } from '../../../bots/telegram';
import { createApp, type App } from '../../../src/app';
import { telegramParts } from '../../../src/compose';
import { loadConfig } from '../../../src/config';
import { createTranslator } from '../../../src/i18n';
import { FakeBotApi } from '../../support/bot-api-server';
import { tempDir } from '../../support/fixtures';
import { DRIVERS } from './helpers';

const tr = createTranslator();

describe.each(DRIVERS)('createTelegramChannel with TELEGRAM_DRIVER=%s', (driver) => {
  let api: FakeBotApi;
  let app: App;
  let tmp: ReturnType<typeof tempDir>;

  beforeEach(async () => {
    api = new FakeBotApi();
    await api.start();
    tmp = tempDir();
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      DATA_DIR: tmp.dir,
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_DRIVER: driver,
      TELEGRAM_API_ROOT: api.url,
    });
    app = await createApp(config);
  });
  afterEach(async () => {
    await app.close();
    await api.stop();
    tmp.cleanup();
  });

  it('runs the app engine over long polling and stops cleanly', async () => {
    const channel = createTelegramChannel(telegramParts(app), { flood: { perChatIntervalMs: 10 } });
    expect(channel.name).toBe('telegram');
    await channel.start();
    api.push(api.text({ id: 8080 }, '/help'));
    const [help] = await api.waitForMessages(8080, 1);
    expect(help.text).toBe(tr.t('ru', 'help'));
    await channel.stop();
    await api.waitFor('polling to end', () => api.openPolls === 0);
  });

  it('refuses to start without a token', () => {
    const telegram = { ...app.config.telegram, token: undefined };
    expect(() => createTelegramChannel({ ...telegramParts(app), telegram })).toThrow(/TELEGRAM_BOT_TOKEN is not set/);
  });
});

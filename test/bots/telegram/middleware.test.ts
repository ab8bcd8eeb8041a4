/**
 * The helpline inside a centre's existing bot: `bot.use(helplineMiddleware(engine))` with grammY,
 * `bot.use(telegrafHelplineMiddleware(engine))` with Telegraf, the bots' own long polling against
 * the fake Bot API. What the helpline does not take reaches the bot's next middleware.
 */
import { Bot } from 'grammy';
import { Telegraf } from 'telegraf';
import { helplineMiddleware, telegrafHelplineMiddleware, type MiddlewareOptions } from '../../../bots/telegram';
import { parseChoice } from '../../../src/engine/choices';
import { createTranslator } from '../../../src/i18n';
import { FakeBotApi } from '../../support/bot-api-server';
import { createHarness, type Harness } from '../../support/engine';
import { DRIVERS, FAST_FLOOD, TEST_FAQ, type DriverName } from './helpers';

const tr = createTranslator();

interface ExistingBot {
  /** Resolves with the update_id of the first update that reached the bot's own next middleware. */
  passedOn: Promise<number>;
  stop(): Promise<void>;
}

function runExistingBot(driver: DriverName, api: FakeBotApi, harness: Harness, extra: MiddlewareOptions = {}): ExistingBot {
  const options: MiddlewareOptions = { flood: FAST_FLOOD, ...extra };
  let passed!: (id: number) => void;
  const passedOn = new Promise<number>((resolve) => (passed = resolve));
  if (driver === 'grammy') {
    const bot = new Bot(api.token, { client: { apiRoot: api.url } });
    bot.use(helplineMiddleware(harness.engine, options));
    bot.use((ctx) => passed(ctx.update.update_id));
    const running = bot.start();
    return {
      passedOn,
      async stop() {
        await bot.stop();
        await running;
      },
    };
  }
  const bot = new Telegraf(api.token, { telegram: { apiRoot: api.url } });
  bot.use(telegrafHelplineMiddleware(harness.engine, options));
  bot.use((ctx) => passed(ctx.update.update_id));
  const running = bot.launch();
  return {
    passedOn,
    async stop() {
      bot.stop('test over');
      await running;
    },
  };
}

describe.each(DRIVERS)('helpline middleware in an existing %s bot', (driver) => {
  let api: FakeBotApi;
  let harness: Harness;
  let bot: ExistingBot | undefined;

  beforeEach(async () => {
    api = new FakeBotApi();
    await api.start();
    harness = await createHarness({ faq: TEST_FAQ });
  });
  afterEach(async () => {
    await bot?.stop();
    await harness.close();
    await api.stop();
  });

  it('answers residents and passes what it does not take to the next middleware', async () => {
    bot = runExistingBot(driver, api, harness);
    const me = { id: 4242 };
    api.push(api.text(me, 'Когда начинается комендантский час?'));
    const [answer, ask] = await api.waitForMessages(me.id, 2);
    expect(answer.text).toBe('Комендантский час: с 23:00 до 07:00.');
    expect(ask.keyboard?.map((row) => row[0].callback_data)).toEqual(['fb:yes', 'fb:no']);

    api.push(api.press(me, 'fb:yes', ask.messageId));
    const [, , thanks] = await api.waitForMessages(me.id, 3);
    expect(thanks.text).toBe(tr.t('ru', 'feedback.thanks'));

    const edited = api.push({ edited_message: { message_id: 1, date: 1, edit_date: 2, chat: { id: me.id, type: 'private' }, text: 'x' } });
    await expect(bot.passedOn).resolves.toBe(edited.update_id);
    expect(api.sentTo(me.id)).toHaveLength(3);
  });

  it('leaves the bot\'s own buttons to it when told which presses are the helpline\'s', async () => {
    bot = runExistingBot(driver, api, harness, { takeCallback: (data) => parseChoice(data) !== null });
    const me = { id: 4343 };
    api.push(api.press(me, 'menu', 1));
    const [menu] = await api.waitForMessages(me.id, 1);
    expect(menu.text).toBe(tr.t('ru', 'menu.title'));
    const own = api.push(api.press(me, 'centre:shift-report', 2));
    await expect(bot.passedOn).resolves.toBe(own.update_id);
    expect(api.sentTo(me.id)).toHaveLength(1);
  });
});

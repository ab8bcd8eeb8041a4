/**
 * Shared set-up for the Telegram tests: a fake Bot API, a real engine over SQLite (createHarness),
 * a channel of the chosen driver pointed at the fake, and a logger whose lines the test can read.
 */
import type { Config } from '../../../src/config';
import { createTelegramChannel, type TelegramChannel, type TelegramChannelOptions } from '../../../bots/telegram';
import { FakeBotApi } from '../../support/bot-api-server';
import { createHarness, type Harness, type HarnessOptions } from '../../support/engine';
import { SMALL_FAQ } from '../../support/fixtures';
import { LogLines } from '../../support/logs';

export { LogLines } from '../../support/logs';
import type { FaqEntryInput } from '../../../src/faq/types';

export type DriverName = Config['telegram']['driver'];
export const DRIVERS: DriverName[] = ['grammy', 'telegraf'];

/** A long answer (about 9,500 characters) with characters HTML mode must escape. */
export const LONG_ANSWER = Array.from(
  { length: 120 },
  (_, i) => `Пункт ${i + 1}: при эвакуации возьмите документы & воду, <не> паникуйте, *спокойно* выходите_на_улицу.`,
).join(' ');

export const TEST_FAQ: FaqEntryInput[] = [
  ...SMALL_FAQ,
  {
    id: 'evacuation',
    topic: 'safety',
    questions: { ru: ['Как проходит эвакуация?'], en: ['How does the evacuation work?'] },
    answer: { ru: LONG_ANSWER, en: 'Follow the wardens.' },
  },
];

/** Tests shrink the per-chat gap; the 429 and spacing tests set their own. */
export const FAST_FLOOD = { perChatIntervalMs: 10, perGroupIntervalMs: 10, globalPerSecond: 1000 };
/** …and the retry delays after a failed send. */
export const FAST_RETRIES = { retryBaseMs: 20, retryMaxMs: 200 };

export interface Rig {
  api: FakeBotApi;
  harness: Harness;
  logs: LogLines;
  channel: TelegramChannel;
  /** A channel on the current harness engine (after harness.restart(), a new one is needed). */
  makeChannel(telegram?: Partial<Config['telegram']>, options?: TelegramChannelOptions): TelegramChannel;
  close(): Promise<void>;
}

export async function createRig(driver: DriverName, store: Pick<HarnessOptions, 'busyTimeoutMs' | 'tune' | 'thresholds'> = {}): Promise<Rig> {
  const api = new FakeBotApi();
  await api.start();
  const harness = await createHarness({ faq: TEST_FAQ, ...store });
  const logs = new LogLines();
  const started: TelegramChannel[] = [];
  const makeChannel = (telegram: Partial<Config['telegram']> = {}, options: TelegramChannelOptions = {}) => {
    const channel = createTelegramChannel(
      {
        engine: harness.engine,
        logger: logs.logger,
        translator: harness.translator,
        telegram: { token: api.token, driver, apiRoot: api.url, webhookPort: 0, ...telegram },
        inbox: harness.store.inbox,
        outbox: harness.store.outbox,
        held: harness.held,
      },
      // The store dates messages by the harness's clock: their age is measured on it too.
      { flood: FAST_FLOOD, delivery: { ...FAST_RETRIES, storeClock: harness.clock.now }, ...options },
    );
    started.push(channel);
    return channel;
  };
  const rig: Rig = {
    api,
    harness,
    logs,
    channel: makeChannel(),
    makeChannel,
    async close() {
      for (const channel of started) await channel.stop().catch(() => undefined);
      await harness.close();
      await api.stop();
    },
  };
  return rig;
}

/**
 * Alert fan-out through the local Bot API server with the real SQLite store. The issue asks for
 * 2,000 subscribers at 200 messages/s (10 s of sending) for the rate, 429 and 403 checks; the
 * restart uses 400 at 400/s, which exercises the same paths in less time.
 */
import { Api } from 'grammy';
import { telegramAlertTransport } from '../../../bots/telegram/alert-transport';
import { grammyApi } from '../../../bots/telegram/grammy';
import { FloodControl } from '../../../src/delivery/flood-control';
import { AlertSender } from '../../../src/alerts/sender';
import type { Lang } from '../../../src/i18n/languages';
import { SqliteStore } from '../../../src/store/sqlite';
import type { Store } from '../../../src/store/types';
import { FakeBotApi } from '../../support/bot-api-server';
import { TestClock } from '../../support/engine';
import { tempDir } from '../../support/fixtures';

const TEXT = { ru: 'Комендантский час с 23:00', kk: 'Коменданттық сағат 23:00-ден', en: 'Curfew from 23:00' };
const LANG_OF = (i: number): Lang => (['ru', 'kk', 'en'] as const)[i % 3];
const CHAT = (i: number) => String(100000 + i);

async function subscribe(store: Store, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await store.alerts.saveSubscription({ channel: 'telegram', chatId: CHAT(i), topics: ['curfew'], lang: LANG_OF(i) });
  }
}

describe('alert delivery over Telegram', () => {
  let api: FakeBotApi;
  let tmp: { dir: string; cleanup: () => void };
  const stores: Store[] = [];
  const open = () => {
    const store = new SqliteStore(tmp.dir);
    stores.push(store);
    return store;
  };
  // The token's pipe with room to spare: the alert ceiling is what these tests measure.
  const pipe = () => ({ api: grammyApi(new Api(api.token, { apiRoot: api.url })), sender: { flood: new FloodControl({ globalPerSecond: 2000 }) } });
  const sender = (store: Store, perSecond: number, holder = 'p1', clock?: TestClock) =>
    new AlertSender({
      store,
      holder,
      transports: new Map([['telegram', telegramAlertTransport({ pipe: pipe(), perSecond })]]),
      ...(clock ? { clock: clock.now } : {}),
    });

  beforeEach(async () => {
    api = new FakeBotApi();
    await api.start();
    tmp = tempDir();
  });
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
    await api.stop();
    tmp.cleanup();
  });

  it('sends each subscriber exactly one message in their language, within the rate, through a 429 and 403s', async () => {
    const store = open();
    const N = 2000;
    const RATE = 200;
    await subscribe(store, N);
    const alert = await store.alerts.create({ text: TEXT, topics: ['curfew'], districts: [], runAt: new Date(0), createdBy: 'ed' });
    // The first three chats have blocked the bot.
    api.fail('sendMessage', { error_code: 403, description: 'Forbidden: bot was blocked by the user' }, 3);
    const s = sender(store, RATE);
    const run = s.runDue();
    await api.waitFor('300 messages', () => api.sent.length >= 300, 30_000);
    api.fail('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
    await run;

    const calls = api.callsOf('sendMessage');
    // Any 1-second window holds at most RATE calls: call i and call i+RATE are ≥ 1 s apart.
    for (let i = 0; i + RATE < calls.length; i++) expect(calls[i + RATE].at - calls[i].at).toBeGreaterThanOrEqual(1000);
    const refused = calls.findIndex((c) => c.status === 429);
    expect(refused).toBeGreaterThan(0);
    expect(calls[refused + 1].at - calls[refused].at).toBeGreaterThanOrEqual(995);

    for (let i = 0; i < N; i++) {
      const got = api.sentTo(Number(CHAT(i)));
      expect(got.map((m) => m.text)).toEqual(i < 3 ? [] : [TEXT[LANG_OF(i)]]);
    }
    const progress = await store.alerts.progress(alert.id);
    expect(progress.telegram).toEqual({ pending: 0, sent: N - 3, failed: 0, blocked: 3, skipped: 0 });
    expect((await store.alerts.recipients(alert.id, ['blocked']))[0]).toMatchObject({ chatId: CHAT(0), reason: expect.stringMatching(/blocked/) });
    expect((await store.alerts.get(alert.id))?.status).toBe('done');
    // A blocked resident is not retried on a later run.
    await sender(store, RATE).runDue();
    expect(api.callsOf('sendMessage')).toHaveLength(calls.length);
  }, 90_000); // 2,000 messages at 200/s take at least ten seconds; a loaded CI machine needs room beyond that.

  it('resumes after a restart halfway without sending anyone the alert twice; one process per alert', async () => {
    const first = open();
    const N = 400;
    await subscribe(first, N);
    const alert = await first.alerts.create({ text: TEXT, topics: ['curfew'], districts: [], runAt: new Date(0), createdBy: 'ed' });
    const a = sender(first, 400, 'p1');
    const running = a.runDue();
    await api.waitFor('half sent', () => api.sent.length >= N / 2, 30_000);
    // A second process while the first holds the lease: it sends nothing.
    const rival = open();
    expect(await sender(rival, 400, 'p2').deliver(alert.id)).toBe('busy');
    await a.stop();
    await running;
    await first.close();
    const sentBefore = api.sent.length;
    expect(sentBefore).toBeLessThan(N);

    const second = open();
    expect(await sender(second, 400, 'p2').deliver(alert.id)).toBe('done');
    const perChat = new Map<number, number>();
    for (const m of api.sent) perChat.set(m.chatId, (perChat.get(m.chatId) ?? 0) + 1);
    expect(perChat.size).toBe(N);
    expect([...perChat.values()].every((n) => n === 1)).toBe(true);
    expect((await second.alerts.progress(alert.id)).telegram).toMatchObject({ sent: N, pending: 0 });
  }, 60_000);

  it('fires a scheduled alert at its time by the clock, honours unsubscribes, and cancel stops the rest', async () => {
    const store = open();
    const clock = new TestClock(new Date('2026-03-01T08:00:00Z'));
    await subscribe(store, 200);
    const alert = await store.alerts.create({ text: TEXT, topics: ['curfew'], districts: [], runAt: new Date('2026-03-01T09:00:00Z'), createdBy: 'ed' });
    const s = sender(store, 100, 'p1', clock);
    await s.runDue();
    expect(api.sent).toHaveLength(0);
    clock.advance(60 * 60 * 1000);
    const run = s.runDue();
    await api.waitFor('20 sent', () => api.sent.length >= 20, 20_000);
    await store.alerts.deleteSubscription('telegram', CHAT(199));
    expect(await store.alerts.finish(alert.id, 'cancelled')).toBe(true);
    await run;
    const sent = api.sent.length;
    expect(sent).toBeLessThan(40);
    const progress = (await store.alerts.progress(alert.id)).telegram;
    expect(progress.sent).toBe(sent);
    expect(progress.skipped).toBe(200 - sent);
    expect((await store.alerts.recipients(alert.id, ['skipped'])).find((r) => r.chatId === CHAT(199))?.reason).toBe('unsubscribed');
    await s.runDue();
    expect(api.sent).toHaveLength(sent);
  });
});

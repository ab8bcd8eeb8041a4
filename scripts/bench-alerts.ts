/**
 * Alert fan-out figures for `npm run bench`: one alert to N subscribers through a local stand-in
 * for the Bot API (answers every sendMessage with ok), with the real SQLite store in a temporary
 * folder. "Unthrottled" shows the sender's own ceiling (store writes and HTTP); "limit" sends a
 * short sample at the configured Telegram rate and projects the time for N.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Api } from 'grammy';
import { telegramAlertTransport } from '../bots/telegram/alert-transport';
import { grammyApi } from '../bots/telegram/grammy';
import { FloodControl } from '../src/delivery/flood-control';
import { AlertSender } from '../src/alerts/sender';
import { round } from './bench-figures';
import { withTempStore } from './bench-store';

export interface FanoutFigures {
  subscribers: number;
  unthrottled_s: number;
  unthrottled_msgs_per_s: number;
  peak_rss_mb: number;
  limit_per_s: number;
  limit_measured_msgs_per_s: number;
  limit_projected_s: number;
}

/** The smallest Bot API that counts messages; no recording, so it costs the sender nothing. */
async function stubApi(): Promise<{ url: string; count: () => number; close: () => Promise<void> }> {
  let n = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      n++;
      res.setHeader('content-type', 'application/json');
      res.end('{"ok":true,"result":{"message_id":1}}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, count: () => n, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function fanout(subscribers: number, perSecond: number): Promise<{ seconds: number; sent: number; peakRss: number }> {
  const api = await stubApi();
  try {
    return await withTempStore('alerts', async (store) => {
      for (let i = 0; i < subscribers; i++) {
        await store.alerts.saveSubscription({ channel: 'telegram', chatId: String(1_000_000 + i), topics: ['curfew'], lang: 'ru' });
      }
      await store.alerts.create({ text: { ru: 'Комендантский час' }, topics: ['curfew'], districts: [], runAt: new Date(0), createdBy: 'bench' });
      // The token's pipe left wide open: the figure is the alert ceiling's and the sender's own.
      const pipe = { api: grammyApi(new Api('1:bench', { apiRoot: api.url })), sender: { flood: new FloodControl({ globalPerSecond: 1_000_000, perChatIntervalMs: 0 }) } };
      const transport = telegramAlertTransport({ pipe, perSecond });
      const sender = new AlertSender({ store, holder: 'bench', transports: new Map([['telegram', transport]]) });
      let peakRss = process.memoryUsage().rss;
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
      const t0 = performance.now();
      await sender.runDue();
      const seconds = (performance.now() - t0) / 1000;
      clearInterval(sampler);
      return { seconds, sent: api.count(), peakRss };
    });
  } finally {
    await api.close();
  }
}

export async function alertFanout(subscribers: number, limitPerSecond: number): Promise<FanoutFigures> {
  const free = await fanout(subscribers, 1_000_000);
  // Ten seconds at the limit are enough to see the rate hold; the full run would take N / rate.
  const sample = await fanout(limitPerSecond * 10, limitPerSecond);
  return {
    subscribers,
    unthrottled_s: round(free.seconds),
    unthrottled_msgs_per_s: Math.round(free.sent / free.seconds),
    peak_rss_mb: Math.round(free.peakRss / 1024 / 1024),
    limit_per_s: limitPerSecond,
    limit_measured_msgs_per_s: round(sample.sent / sample.seconds),
    limit_projected_s: Math.round(subscribers / limitPerSecond),
  };
}

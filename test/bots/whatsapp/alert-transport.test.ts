/**
 * Alert delivery over WhatsApp through the transport, with a fake client and a fake clock for the
 * pacing (the whole WhatsApp channel with its browser life cycle is covered in test/whatsapp).
 */
import { whatsappAlertTransport } from '../../../bots/whatsapp/alert-transport';
import type { WhatsAppClient } from '../../../bots/whatsapp/client';
import { AlertSender } from '../../../src/alerts/sender';
import { FloodControl } from '../../../src/delivery/flood-control';
import { SqliteStore } from '../../../src/store/sqlite';

describe('alert delivery over WhatsApp', () => {
  it('waits while disconnected, then sends at the configured slow rate and records a failed send', async () => {
    const store = new SqliteStore(':memory:');
    const chats = ['77010000001@c.us', '77010000002@c.us', '77010000003@c.us', '77010000004@c.us'];
    for (const chatId of chats) await store.alerts.saveSubscription({ channel: 'whatsapp', chatId, topics: ['utilities'], lang: 'kk' });
    const alert = await store.alerts.create({ text: { kk: 'Су болмайды', ru: 'Воды не будет' }, topics: ['utilities'], districts: [], runAt: new Date(0), createdBy: 'ed' });

    let fakeNow = 0;
    const sent: { chatId: string; text: string; at: number }[] = [];
    const client: WhatsAppClient = {
      on: () => undefined,
      removeAllListeners: () => undefined,
      initialize: async () => undefined,
      destroy: async () => undefined,
      sendMessage: async (chatId, text) => {
        if (chatId === chats[2]) throw new Error('Evaluation failed: invalid wid');
        sent.push({ chatId, text, at: fakeNow });
        return {};
      },
      getChats: async () => [],
    };
    const link: { client?: WhatsAppClient } = {};
    const clock = { now: () => fakeNow, sleep: async (ms: number) => void (fakeNow += ms) };
    const transport = whatsappAlertTransport({
      client: () => link.client,
      perMinute: 20,
      // The number's pipe, with room to spare: the alert rate is what is measured.
      pipe: new FloodControl({ ...clock, globalPerSecond: 100 }),
      clock,
    });
    const sender = new AlertSender({ store, holder: 'p1', transports: new Map([['whatsapp', transport]]) });

    await sender.runDue();
    expect((await store.alerts.get(alert.id))?.status).toBe('sending');
    expect((await store.alerts.progress(alert.id)).whatsapp).toMatchObject({ pending: 4 });

    link.client = client;
    expect(await sender.deliver(alert.id)).toBe('done');
    expect(sent.map((s) => [s.chatId, s.text])).toEqual([
      [chats[0], 'Су болмайды'],
      [chats[1], 'Су болмайды'],
      [chats[3], 'Су болмайды'],
    ]);
    // 20 a minute: 3 s between sends (the failed attempt took a slot too).
    expect(sent[1].at - sent[0].at).toBe(3000);
    expect(sent[2].at - sent[1].at).toBe(6000);
    expect(await store.alerts.recipients(alert.id, ['failed'])).toEqual([expect.objectContaining({ chatId: chats[2], reason: 'Evaluation failed: invalid wid' })]);
    await store.close();
  });
});

/** The outbox: a channel's queue of messages still to deliver. */
import type { Store } from '../../../src/store/types';
import { eachTest, type StoreUnderTest } from './index';

export function outboxContract(open: StoreUnderTest): void {
  describe('outbox', () => {
    let store!: Store;
    eachTest(open, (opened) => (store = opened));

    const out = (chatId: string, text: string, channel = 'whatsapp') => ({ channel, chatId, text });

    it('queues messages in order with ids, dates and no attempts yet', async () => {
      const queued = await store.outbox.enqueue([out('a@c.us', 'one'), out('b@c.us', 'two'), out('a@c.us', 'three')]);
      expect(queued.map((m) => m.text)).toEqual(['one', 'two', 'three']);
      expect(new Set(queued.map((m) => m.id)).size).toBe(3);
      expect(queued[0]).toMatchObject({ channel: 'whatsapp', chatId: 'a@c.us', attempts: 0 });
      expect(queued[0].createdAt).toBeInstanceOf(Date);
      expect(queued[0].retryAt).toBeUndefined();
      expect(queued[0].lastError).toBeUndefined();
      expect(await store.outbox.pending('whatsapp')).toEqual(queued);
      expect(await store.outbox.enqueue([])).toEqual([]);
    });

    it('lists pending messages oldest first, per channel, up to a limit', async () => {
      await store.outbox.enqueue([out('a', '1'), out('x', 'tg', 'telegram')]);
      await store.outbox.enqueue([out('b', '2')]);
      await store.outbox.enqueue([out('a', '3')]);
      expect((await store.outbox.pending('whatsapp')).map((m) => m.text)).toEqual(['1', '2', '3']);
      expect((await store.outbox.pending('whatsapp', 2)).map((m) => m.text)).toEqual(['1', '2']);
      expect((await store.outbox.pending('telegram')).map((m) => m.text)).toEqual(['tg']);
      expect(await store.outbox.pending('nobody')).toEqual([]);
    });

    it('removes a message marked sent; marking again or an unknown id changes nothing', async () => {
      const [first, second] = await store.outbox.enqueue([out('a', '1'), out('a', '2')]);
      await store.outbox.markSent(first.id);
      await store.outbox.markSent(first.id);
      await store.outbox.markSent('no-such-message');
      await store.outbox.markSent('424242');
      expect(await store.outbox.pending('whatsapp')).toEqual([second]);
    });

    it('keeps a failed message queued with its retry time, counting attempts', async () => {
      const [m] = await store.outbox.enqueue([out('a', '1')]);
      const retryAt = new Date('2030-01-01T00:00:01.250Z');
      await store.outbox.markFailed(m.id, 'timeout', retryAt);
      await store.outbox.markFailed(m.id, 'timeout again', retryAt);
      const [again] = await store.outbox.pending('whatsapp');
      expect(again).toMatchObject({ id: m.id, attempts: 2, lastError: 'timeout again', retryAt });
      expect(again.retryAt).toBeInstanceOf(Date);
      expect(await store.outbox.failed('whatsapp')).toEqual([]);
    });

    it('takes a message given up on out of the queue and lists it as failed, newest first', async () => {
      const [a, b, c] = await store.outbox.enqueue([out('a', '1'), out('a', '2'), out('a', '3')]);
      await store.outbox.markFailed(a.id, 'retry later', new Date('2030-01-01T00:00:00Z'));
      await store.outbox.markFailed(a.id, 'banned');
      await store.outbox.markFailed(c.id, 'not on WhatsApp');
      expect((await store.outbox.pending('whatsapp')).map((m) => m.id)).toEqual([b.id]);
      const failed = await store.outbox.failed('whatsapp');
      expect(failed.map((m) => m.id)).toEqual([c.id, a.id]);
      expect(failed[1]).toMatchObject({ attempts: 2, lastError: 'banned' });
      expect(failed[1].retryAt).toBeUndefined();
      // A message given up on is final: neither a late "sent" nor another failure revives it.
      await store.outbox.markSent(a.id);
      await store.outbox.markFailed(a.id, 'again', new Date());
      expect((await store.outbox.failed('whatsapp')).map((m) => m.id)).toEqual([c.id, a.id]);
      expect(await store.outbox.failed('whatsapp', 1)).toHaveLength(1);
      expect(await store.outbox.failed('telegram')).toEqual([]);
    });

    it('queues a message with a dedupe key once, whoever queues it again', async () => {
      const first = await store.outbox.enqueue([{ ...out('a', '1'), dedupeKey: 'u:1:0' }, out('a', 'plain')]);
      const again = await store.outbox.enqueue([{ ...out('a', '1 again'), dedupeKey: 'u:1:0' }, { ...out('a', '2'), dedupeKey: 'u:1:1' }]);
      expect(first.map((m) => m.text)).toEqual(['1', 'plain']);
      expect(again.map((m) => m.text)).toEqual(['2']);
      expect((await store.outbox.pending('whatsapp')).map((m) => m.text)).toEqual(['1', 'plain', '2']);
    });

    it('keeps ids growing across batches, after messages were sent', async () => {
      const [a] = await store.outbox.enqueue([out('a', '1')]);
      await store.outbox.markSent(a.id);
      const [b] = await store.outbox.enqueue([out('a', '2')]);
      expect(b.id).not.toBe(a.id);
      expect(Number(b.id)).toBeGreaterThan(Number(a.id));
    });

    it("never shows a chat's later message before an earlier one, however many enqueue at once", async () => {
      const snapshots: string[][] = [];
      let done = false;
      const watch = (async () => {
        while (!done) {
          snapshots.push((await store.outbox.pending('whatsapp', 1000)).filter((m) => m.chatId === 'a').map((m) => m.id));
          await new Promise((resolve) => setImmediate(resolve));
        }
      })();
      const batches = await Promise.all(Array.from({ length: 30 }, (_, i) => store.outbox.enqueue([out('a', `m${i}`), out('b', `n${i}`)])));
      done = true;
      await watch;
      const order = batches.map(([a]) => a.id).sort((x, y) => Number(x) - Number(y));
      expect((await store.outbox.pending('whatsapp', 1000)).filter((m) => m.chatId === 'a').map((m) => m.id)).toEqual(order);
      // Every view the sender could have had is a beginning of the final order: nothing visible out of turn.
      for (const seen of snapshots) expect(seen).toEqual(order.slice(0, seen.length));
    });
  });
}

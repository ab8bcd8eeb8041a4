/** The inbox: updates stored before they are confirmed, recognised when they come again, completed with their answer. */
import type { InboundInput, Store } from '../../../src/store/types';
import { eachTest, type StoreUnderTest } from './index';

export function inboxContract(open: StoreUnderTest): void {
  describe('inbox', () => {
    let store!: Store;
    eachTest(open, (opened) => (store = opened));

    const update = (updateId: string, channel = 'telegram'): InboundInput => ({
      channel,
      updateId,
      payload: JSON.stringify({ update_id: Number(updateId) || updateId }),
      receivedAt: new Date('2022-01-10T08:00:00.250Z'),
    });
    const reply = (chatId: string, text: string, dedupeKey?: string) => ({ channel: 'telegram', chatId, text, ...(dedupeKey ? { dedupeKey } : {}) });

    it('stores an update once and says whether it is new, pending or handled', async () => {
      expect(await store.inbox.record(update('10'))).toBe('new');
      expect(await store.inbox.record(update('10'))).toBe('pending');
      // The same id on another channel is another update.
      expect(await store.inbox.record(update('10', 'whatsapp'))).toBe('new');
      await store.inbox.complete('telegram', '10');
      expect(await store.inbox.record(update('10'))).toBe('handled');
      expect(await store.inbox.record(update('10', 'whatsapp'))).toBe('pending');
    });

    it('lists a channel\'s unhandled updates in arrival order, with their payload, up to a limit', async () => {
      for (const id of ['30', '5', '17']) await store.inbox.record(update(id));
      await store.inbox.record(update('w1', 'whatsapp'));
      await store.inbox.complete('telegram', '5');
      const pending = await store.inbox.unhandled('telegram');
      expect(pending).toEqual([update('30'), update('17')]);
      expect(pending[0].receivedAt).toBeInstanceOf(Date);
      expect(await store.inbox.unhandled('telegram', 1)).toEqual([update('30')]);
      expect((await store.inbox.unhandled('whatsapp')).map((u) => u.updateId)).toEqual(['w1']);
    });

    it('queues the answer with the completion, and a completion repeated queues nothing twice', async () => {
      await store.inbox.record(update('40'));
      const answer = [reply('7', 'one', 'telegram:40:0'), reply('7', 'two', 'telegram:40:1')];
      await store.inbox.complete('telegram', '40', answer);
      await store.inbox.complete('telegram', '40', answer);
      expect((await store.outbox.pending('telegram')).map((m) => m.text)).toEqual(['one', 'two']);
      expect(await store.inbox.unhandled('telegram')).toEqual([]);
    });

    it('marks handled an update completed without having been recorded (the store was down when it came)', async () => {
      await store.inbox.complete('telegram', '50', [reply('8', 'late')]);
      expect(await store.inbox.record(update('50'))).toBe('handled');
      expect((await store.outbox.pending('telegram')).map((m) => m.text)).toEqual(['late']);
    });

    it('forgets handled updates received before a moment, and keeps unhandled ones', async () => {
      await store.inbox.record(update('60'));
      await store.inbox.record(update('61'));
      await store.inbox.complete('telegram', '60');
      expect(await store.inbox.prune(new Date('2022-01-10T08:00:00.251Z'))).toBe(1);
      expect(await store.inbox.prune(new Date('2022-01-10T08:00:00.251Z'))).toBe(0);
      expect(await store.inbox.record(update('60'))).toBe('new');
      expect((await store.inbox.unhandled('telegram')).map((u) => u.updateId)).toEqual(['61', '60']);
    });
  });
}

/** The feed of ticket and alert events other processes follow. */
import type { Store } from '../../../src/store/types';
import { eachTest, type StoreUnderTest } from './index';

export function feedContract(open: StoreUnderTest): void {
  describe('event feed', () => {
    let store!: Store;
    eachTest(open, (opened) => (store = opened));

    it('appends events with growing seqs and reads those after a seq, oldest first', async () => {
      expect(await store.feed.head()).toBe(0);
      const a = await store.feed.append({ topic: 'ticket', kind: 'opened', subject: '7', origin: 'p1' });
      const b = await store.feed.append({ topic: 'ticket', kind: 'claimed', subject: '7', data: { operator: 'op@x.kz' }, origin: 'p2' });
      const c = await store.feed.append({ topic: 'alert', kind: 'started', subject: '3', origin: 'p1' });
      expect(b.seq).toBeGreaterThan(a.seq);
      expect(c.seq).toBeGreaterThan(b.seq);
      expect(a.at).toBeInstanceOf(Date);
      expect(a.data).toBeUndefined();
      expect(await store.feed.head()).toBe(c.seq);
      expect(await store.feed.after(0, 10)).toEqual([a, b, c]);
      expect((await store.feed.after(a.seq, 10)).map((e) => e.kind)).toEqual(['claimed', 'started']);
      expect(await store.feed.after(a.seq, 1)).toEqual([b]);
      expect(await store.feed.after(c.seq, 10)).toEqual([]);
    });

    it('forgets events older than a moment', async () => {
      const old = await store.feed.append({ topic: 'ticket', kind: 'opened', subject: '1', origin: 'p1' });
      expect(await store.feed.prune(new Date(old.at.getTime() + 1))).toBe(1);
      expect(await store.feed.after(0, 10)).toEqual([]);
      expect(await store.feed.prune(new Date(old.at.getTime() + 1))).toBe(0);
    });
  });
}

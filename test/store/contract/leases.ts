/** Leases between processes. */
import type { Store } from '../../../src/store/types';
import { eachTest, type StoreUnderTest } from './index';

export function leasesContract(open: StoreUnderTest): void {
  describe('leases', () => {
    let store!: Store;
    eachTest(open, (opened) => (store = opened));

    const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));

    it('gives a lease to one holder until it expires, renews it for the holder', async () => {
      expect(await store.leases.acquire('job', 'p1', at(0), at(30))).toBe(true);
      expect(await store.leases.acquire('job', 'p2', at(10), at(40))).toBe(false);
      expect(await store.leases.acquire('job', 'p1', at(20), at(50))).toBe(true);
      expect(await store.leases.acquire('job', 'p2', at(40), at(70))).toBe(false);
      expect(await store.leases.acquire('job', 'p2', at(50), at(80))).toBe(true);
      expect(await store.leases.acquire('other', 'p1', at(50), at(80))).toBe(true);
    });

    it('lets exactly one of many concurrent callers win', async () => {
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => store.leases.acquire('race', `p${i}`, at(0), at(30))),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('frees the lease on release by its holder only', async () => {
      await store.leases.acquire('job', 'p1', at(0), at(30));
      await store.leases.release('job', 'p2');
      expect(await store.leases.acquire('job', 'p2', at(1), at(30))).toBe(false);
      await store.leases.release('job', 'p1');
      expect(await store.leases.acquire('job', 'p2', at(2), at(30))).toBe(true);
    });

    it('gives a "once" marker to the first taker only, for good', async () => {
      expect(await store.leases.once('notice:1', at(0))).toBe(true);
      expect(await store.leases.once('notice:1', at(0))).toBe(false);
      expect(await store.leases.once('notice:1', new Date(Date.UTC(2026, 6, 1)))).toBe(false);
      expect(await store.leases.once('notice:2', at(0))).toBe(true);
    });
  });
}

/** Hourly message outcome counts: added up per key, across calls and callers, read by hour range. */
import type { OutcomeCount, Store } from '../../../src/store/types';
import { eachTest, type StoreUnderTest } from './index';

const at = (iso: string) => new Date(iso);
const count = (hour: string, outcome: string, n: number, more: Partial<OutcomeCount> = {}): OutcomeCount => ({
  hour: at(hour),
  channel: 'telegram',
  lang: 'ru',
  outcome,
  count: n,
  ...more,
});

export function outcomesContract(open: StoreUnderTest): void {
  describe('message outcomes', () => {
    let store!: Store;
    eachTest(open, (opened) => (store = opened));

    it('adds counts of one hour and key together, cutting times to the hour, and keeps keys apart', async () => {
      await store.outcomes.add([
        count('2026-01-17T10:05:00Z', 'answer', 2, { detail: 'curfew-hours' }),
        count('2026-01-17T10:59:59.999Z', 'answer', 1, { detail: 'curfew-hours' }),
        count('2026-01-17T10:30:00Z', 'answer', 1, { detail: 'bank-hours' }),
        count('2026-01-17T10:30:00Z', 'escalate', 1, { detail: 'no-match', lang: 'kk' }),
        count('2026-01-17T11:00:00Z', 'suggest', 4, { channel: 'whatsapp' }),
        count('2026-01-17T11:00:00Z', 'command', 0, { detail: 'menu' }),
      ]);
      // A second process counting the same hour adds to it.
      await store.outcomes.add([count('2026-01-17T10:10:00Z', 'answer', 5, { detail: 'curfew-hours' })]);

      const got = await store.outcomes.between(at('2026-01-17T00:00:00Z'), at('2026-01-18T00:00:00Z'));
      const key = (c: OutcomeCount) => `${c.hour.toISOString()} ${c.channel} ${c.lang} ${c.outcome} ${c.detail ?? '-'} ${c.count}`;
      expect(got.map(key).sort()).toEqual(
        [
          '2026-01-17T10:00:00.000Z telegram ru answer curfew-hours 8',
          '2026-01-17T10:00:00.000Z telegram ru answer bank-hours 1',
          '2026-01-17T10:00:00.000Z telegram kk escalate no-match 1',
          '2026-01-17T11:00:00.000Z whatsapp ru suggest - 4',
        ].sort(),
      );
      expect(got[0].hour).toBeInstanceOf(Date);
      expect(got.map((c) => c.hour.getTime())).toEqual([...got.map((c) => c.hour.getTime())].sort((a, b) => a - b));
      expect(got.find((c) => c.outcome === 'suggest')).not.toHaveProperty('detail');
    });

    it('reads the hours starting at or after `from` and before `to`', async () => {
      await store.outcomes.add([count('2026-01-17T09:00:00Z', 'answer', 1), count('2026-01-17T10:00:00Z', 'answer', 2), count('2026-01-17T11:00:00Z', 'answer', 3)]);
      const got = await store.outcomes.between(at('2026-01-17T10:00:00Z'), at('2026-01-17T11:00:00Z'));
      expect(got.map((c) => c.count)).toEqual([2]);
      expect(await store.outcomes.between(at('2026-01-18T00:00:00Z'), at('2026-01-19T00:00:00Z'))).toEqual([]);
    });

    it('refuses a count that is not a whole number of 0 or more, and adds nothing of that batch', async () => {
      await expect(store.outcomes.add([count('2026-01-17T10:00:00Z', 'answer', 1), count('2026-01-17T10:00:00Z', 'suggest', -1)])).rejects.toThrow(/whole number/);
      await expect(store.outcomes.add([count('2026-01-17T10:00:00Z', 'answer', 1.5)])).rejects.toThrow(/whole number/);
      expect(await store.outcomes.between(at('2026-01-17T00:00:00Z'), at('2026-01-18T00:00:00Z'))).toEqual([]);
    });
  });
}

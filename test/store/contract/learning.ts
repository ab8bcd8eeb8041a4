/** Question variants residents' choices suggest. */
import type { Store } from '../../../src/store/types';
import { eachTest, type StoreUnderTest } from './index';

export function learningContract(open: StoreUnderTest): void {
  describe('learning', () => {
    let store!: Store;
    eachTest(open, (opened) => (store = opened));

    it('counts the same words for the same entry and language as one suggestion', async () => {
      await store.learning.note({ entryId: 'lift', lang: 'ru', text: 'Лифт не работает!!', source: 'picked' });
      await store.learning.note({ entryId: 'lift', lang: 'ru', text: 'лифт  не работает', source: 'helpful' });
      await store.learning.note({ entryId: 'lift', lang: 'ru', text: 'лифт не работает', source: 'picked' });
      await store.learning.note({ entryId: 'lift', lang: 'kk', text: 'лифт не работает', source: 'picked' });
      await store.learning.note({ entryId: 'snow', lang: 'ru', text: 'лифт не работает', source: 'picked' });
      const lift = await store.learning.list({ entryId: 'lift' });
      expect(lift.map((v) => [v.lang, v.text, v.picked, v.helpful, v.status])).toEqual(
        expect.arrayContaining([
          ['ru', 'Лифт не работает!!', 2, 1, 'pending'],
          ['kk', 'лифт не работает', 1, 0, 'pending'],
        ]),
      );
      expect(lift).toHaveLength(2);
      // The most seen first.
      expect(lift[0].lang).toBe('ru');
      expect((await store.learning.list()).length).toBe(3);
    });

    it('keeps every note of concurrent residents', async () => {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          store.learning.note({ entryId: 'lift', lang: 'en', text: 'elevator broken', source: i % 2 ? 'picked' : 'helpful' }),
        ),
      );
      const [v] = await store.learning.list({ entryId: 'lift' });
      expect(v.picked + v.helpful).toBe(20);
    });

    it('settles a pending suggestion once, and keeps it settled when seen again', async () => {
      await store.learning.note({ entryId: 'lift', lang: 'en', text: 'elevator broken', source: 'picked' });
      const [v] = await store.learning.list();
      const accepted = await store.learning.decide(v.id, 'accepted', 'editor@x.kz');
      expect(accepted).toMatchObject({ status: 'accepted', decidedBy: 'editor@x.kz' });
      expect(accepted?.decidedAt).toBeInstanceOf(Date);
      expect(await store.learning.decide(v.id, 'rejected', 'other@x.kz')).toBeNull();
      await store.learning.note({ entryId: 'lift', lang: 'en', text: 'Elevator broken', source: 'picked' });
      expect(await store.learning.list()).toEqual([]);
      const [again] = await store.learning.list({ status: ['accepted'] });
      expect(again).toMatchObject({ id: v.id, status: 'accepted', picked: 2 });
    });

    it("keeps out messages with a phone number, an IIN or an e-mail address: they are a resident's own", async () => {
      const own = [
        'позвоните мне 8 701 123 45 67, когда дадут свет',
        'мой ИИН 900101300123, когда придёт пособие',
        'ответьте на aigerim.s@mail.kz, как записаться',
        'call me on +7 (701) 123-45-67 about the lift',
      ];
      for (const text of own) await store.learning.note({ entryId: 'lift', lang: 'ru', text, source: 'picked' });
      expect(await store.learning.list()).toEqual([]);
      // Short numbers are words like any other: a bus, an hour, a sum.
      await store.learning.note({ entryId: 'lift', lang: 'ru', text: 'автобус 12 ходит после 23:00? проезд 200 тенге?', source: 'picked' });
      expect((await store.learning.list()).map((v) => v.text)).toEqual(['автобус 12 ходит после 23:00? проезд 200 тенге?']);
    });

    it('ignores empty and overlong words, and unknown ids', async () => {
      await store.learning.note({ entryId: 'lift', lang: 'ru', text: ' ?! ', source: 'picked' });
      await store.learning.note({ entryId: 'lift', lang: 'ru', text: 'слово '.repeat(100), source: 'picked' });
      expect(await store.learning.list()).toEqual([]);
      expect(await store.learning.get('no-such-id')).toBeNull();
      expect(await store.learning.get('123456789012345678901234')).toBeNull();
      expect(await store.learning.decide('999', 'accepted', 'editor@x.kz')).toBeNull();
    });
  });
}

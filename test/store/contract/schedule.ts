/** Scheduled FAQ changes. */
import type { Store } from '../../../src/store/types';
import { faq } from './fixtures';
import { eachTest, type StoreUnderTest } from './index';

export function scheduleContract(open: StoreUnderTest): void {
  describe('scheduled changes', () => {
    let store!: Store;
    eachTest(open, (opened) => (store = opened));

    const t = (iso: string) => new Date(iso);

    it('keeps a scheduled save with its entry and lists it by run time', async () => {
      const entry = faq('curfew', { validUntil: t('2026-02-01T00:00:00Z') });
      const later = await store.schedule.add({ faqId: 'curfew', action: 'save', entry, runAt: t('2026-01-18T00:00:00Z'), createdBy: 'ed' });
      const sooner = await store.schedule.add({ faqId: 'old', action: 'delete', runAt: t('2026-01-10T00:00:00Z'), createdBy: 'ed' });
      expect(later).toMatchObject({ faqId: 'curfew', action: 'save', status: 'pending', createdBy: 'ed' });
      expect(later.entry).toEqual(entry);
      expect(later.id).not.toBe(sooner.id);
      expect((await store.schedule.list()).map((c) => c.id)).toEqual([sooner.id, later.id]);
    });

    it('keeps an entry without questions in any language as it was given', async () => {
      const entry = faq('answer-only', { questions: {} });
      const change = await store.schedule.add({ faqId: 'answer-only', action: 'save', entry, runAt: t('2026-01-18T00:00:00Z'), createdBy: 'ed' });
      expect(change.entry).toEqual(entry);
      expect((await store.schedule.list())[0].entry).toEqual(entry);
    });

    it('refuses a save without its entry', async () => {
      await expect(store.schedule.add({ faqId: 'x', action: 'save', runAt: new Date(), createdBy: 'ed' })).rejects.toThrow();
    });

    it('lists only pending changes that are due, and finishes each once', async () => {
      const a = await store.schedule.add({ faqId: 'a', action: 'delete', runAt: t('2026-01-10T00:00:00Z'), createdBy: 'ed' });
      await store.schedule.add({ faqId: 'b', action: 'delete', runAt: t('2026-01-20T00:00:00Z'), createdBy: 'ed' });
      expect((await store.schedule.due(t('2026-01-15T00:00:00Z'))).map((c) => c.faqId)).toEqual(['a']);
      expect(await store.schedule.finish(a.id, 'done', t('2026-01-15T00:00:00Z'))).toBe(true);
      expect(await store.schedule.finish(a.id, 'cancelled', t('2026-01-15T00:00:01Z'))).toBe(false);
      expect(await store.schedule.due(t('2026-01-15T00:00:00Z'))).toEqual([]);
      const [done] = await store.schedule.list({ status: ['done'] });
      expect(done).toMatchObject({ id: a.id, status: 'done', finishedAt: t('2026-01-15T00:00:00Z') });
      expect(await store.schedule.finish('999999', 'done', new Date())).toBe(false);
    });

    it('keeps the error of a failed change', async () => {
      const a = await store.schedule.add({ faqId: 'a', action: 'delete', runAt: t('2026-01-10T00:00:00Z'), createdBy: 'ed' });
      await store.schedule.finish(a.id, 'failed', t('2026-01-10T00:00:01Z'), 'no such entry');
      expect((await store.schedule.list({ status: ['failed'] }))[0]).toMatchObject({ error: 'no such entry' });
    });
  });
}

/** FAQ entries, versions, the revision counter and the audit of FAQ changes. */
import type { FaqEntryInput } from '../../../src/faq/types';
import type { Store } from '../../../src/store/types';
import { faq, faqSnapshot } from './fixtures';
import { eachTest, type StoreUnderTest } from './index';

export function faqContract(open: StoreUnderTest): void {
  describe('FAQ', () => {
    let store!: Store;
    eachTest(open, (opened) => (store = opened));

    it('creates version 1 and keeps every version, newest first', async () => {
      const v1 = await store.faq.save(faq('bank-hours'), 'alice');
      expect(v1).toMatchObject({ id: 'bank-hours', version: 1, updatedBy: 'alice' });
      expect(v1.updatedAt).toBeInstanceOf(Date);
      const v2 = await store.faq.save(faq('bank-hours', { answer: { ru: 'Новый ответ.' } }), 'bob');
      expect(v2).toMatchObject({ version: 2, updatedBy: 'bob', answer: { ru: 'Новый ответ.' } });
      expect(await store.faq.get('bank-hours')).toEqual(v2);
      const history = await store.faq.history('bank-hours');
      expect(history.map((e) => e.version)).toEqual([2, 1]);
      expect(history[0]).toEqual(v2);
      expect(history[1]).toMatchObject({ updatedBy: 'alice', answer: faq('bank-hours').answer });
    });

    it('reverts by saving an old version as a new one', async () => {
      await store.faq.save(faq('a'), 'alice');
      await store.faq.save(faq('a', { topic: 'health' }), 'alice');
      const [, old] = await store.faq.history('a');
      const reverted = await store.faq.save(old, 'bob');
      expect(reverted).toMatchObject({ version: 3, topic: 'curfew' });
    });

    it('round-trips validity dates and per-language texts', async () => {
      const entry = faq('scheduled', {
        questions: { kk: ['Қашан?', 'Қайда?'] },
        answer: { kk: 'Ертең.' },
        validFrom: new Date('2022-01-10T01:00:00.250Z'),
        validUntil: new Date('2022-02-01T00:00:00Z'),
      });
      await store.faq.save(entry, 'alice');
      const got = await store.faq.get('scheduled');
      expect(got?.validFrom).toBeInstanceOf(Date);
      expect(got).toMatchObject(entry);
      expect(got?.questions).toEqual({ kk: ['Қашан?', 'Қайда?'] });
    });

    it("keeps residents' learned wordings until someone says which the entry has", async () => {
      const learned = { ru: ['когда банк откроется', 'банк работает?'] };
      const v1 = await store.faq.save({ ...faq('bank-hours'), learned }, 'alice');
      expect(v1.learned).toEqual(learned);
      expect((await store.faq.get('bank-hours'))?.learned).toEqual(learned);
      // An edit that does not list them (the console's form, a scheduled edit) keeps them…
      const v2 = await store.faq.save(faq('bank-hours', { topic: 'office-hours' }), 'bob');
      expect(v2).toMatchObject({ version: 2, learned });
      // …an identical save with them is no new version, and one that lists none removes them.
      expect((await store.faq.save({ ...v2, learned: { ru: [...learned.ru] } }, 'bob')).version).toBe(2);
      const v3 = await store.faq.save({ ...v2, learned: {} }, 'bob');
      expect(v3.version).toBe(3);
      expect(v3.learned).toBeUndefined();
      expect((await store.faq.history('bank-hours')).map((e) => e.learned)).toEqual([undefined, learned, learned]);
    });

    it('imports keep the learned wordings of entries that do not list them, and take those that do', async () => {
      const learned = { kk: ['банк қашан ашылады'] };
      await store.faq.save({ ...faq('a'), learned }, 'alice');
      await store.faq.save({ ...faq('b'), learned }, 'alice');
      const summary = await store.faq.import([faq('a'), { ...faq('b'), learned: {} }], 'bob');
      expect(summary).toMatchObject({ unchanged: 1, updated: 1 });
      expect((await store.faq.get('a'))?.learned).toEqual(learned);
      expect((await store.faq.get('b'))?.learned).toBeUndefined();
    });

    it('does not make a new version when the content is identical', async () => {
      const v1 = await store.faq.save(faq('same'), 'alice');
      const revision = await store.faq.revision();
      // The same content with languages in another key order is still the same content.
      const reordered = { ...faq('same'), answer: { en: 'Answer about same.', ru: 'Ответ про same.' } };
      const again = await store.faq.save(reordered, 'bob');
      expect(again).toEqual(v1);
      expect(await store.faq.history('same')).toHaveLength(1);
      expect(await store.faq.revision()).toBe(revision);
    });

    it('deletes an entry but keeps its history; re-creating continues the numbering', async () => {
      await store.faq.save(faq('gone'), 'alice');
      await store.faq.save(faq('gone', { topic: 'health' }), 'alice');
      expect(await store.faq.delete('gone', 'bob')).toBe(true);
      expect(await store.faq.delete('gone', 'bob')).toBe(false);
      expect(await store.faq.get('gone')).toBeNull();
      expect(await store.faq.list()).toEqual([]);
      expect((await store.faq.history('gone')).map((e) => e.version)).toEqual([2, 1]);
      const back = await store.faq.save(faq('gone'), 'carol');
      expect(back.version).toBe(3);
    });

    it('lists entries in the order they were created', async () => {
      for (const id of ['c', 'a', 'b']) await store.faq.save(faq(id), 'alice');
      await store.faq.save(faq('a', { topic: 'health' }), 'alice');
      expect((await store.faq.list()).map((e) => e.id)).toEqual(['c', 'a', 'b']);
    });

    it("tells every entry's version, and reads chosen entries, in list order", async () => {
      for (const id of ['c', 'a', 'b', 'd']) await store.faq.save(faq(id), 'alice');
      await store.faq.save(faq('a', { topic: 'health' }), 'alice');
      await store.faq.delete('d', 'alice');
      expect([...(await store.faq.versions())]).toEqual([
        ['c', 1],
        ['a', 2],
        ['b', 1],
      ]);
      const chosen = await store.faq.getMany(['b', 'missing', 'd', 'c']);
      expect(chosen).toEqual([await store.faq.get('c'), await store.faq.get('b')]);
      expect(await store.faq.getMany([])).toEqual([]);
    });

    it('grows the revision on every change and only then', async () => {
      const r0 = await store.faq.revision();
      await store.faq.save(faq('a'), 'x');
      const r1 = await store.faq.revision();
      await store.faq.save(faq('a'), 'x');
      expect(await store.faq.revision()).toBe(r1);
      await store.faq.save(faq('a', { topic: 'health' }), 'x');
      const r2 = await store.faq.revision();
      await store.faq.delete('a', 'x');
      const r3 = await store.faq.revision();
      await store.faq.import([faq('b')], 'x');
      const r4 = await store.faq.revision();
      expect([r0, r1, r2, r3]).toEqual([...[r0, r1, r2, r3]].sort((p, q) => p - q));
      expect(new Set([r0, r1, r2, r3, r4]).size).toBe(5);
    });

    it('imports, reporting created, updated, unchanged and deleted', async () => {
      await store.faq.import([faq('a'), faq('b'), faq('c')], 'alice');
      const summary = await store.faq.import([faq('a'), faq('b', { topic: 'health' }), faq('d')], 'bob');
      expect(summary).toEqual({ created: 1, updated: 1, unchanged: 1, deleted: 0 });
      expect((await store.faq.list()).map((e) => e.id).sort()).toEqual(['a', 'b', 'c', 'd']);
      expect((await store.faq.get('b'))?.version).toBe(2);
      expect((await store.faq.get('a'))?.updatedBy).toBe('alice');
    });

    it('with replace, deletes the entries missing from the import', async () => {
      await store.faq.import([faq('a'), faq('b'), faq('c')], 'alice');
      const summary = await store.faq.import([faq('b'), faq('e')], 'bob', { replace: true });
      expect(summary).toEqual({ created: 1, updated: 0, unchanged: 1, deleted: 2 });
      expect((await store.faq.list()).map((e) => e.id).sort()).toEqual(['b', 'e']);
      expect(await store.faq.history('a')).toHaveLength(1);
    });

    it('a dry run says what an import would do and writes nothing', async () => {
      await store.faq.import([faq('a'), faq('b'), faq('c')], 'alice');
      const before = await faqSnapshot(store);
      const audit = await store.audit.list();
      const plan = await store.faq.import([faq('b', { topic: 'health' }), faq('e')], 'bob', { replace: true, dryRun: true });
      expect(plan).toEqual({ created: 1, updated: 1, unchanged: 0, deleted: 2 });
      expect(await faqSnapshot(store)).toEqual(before);
      expect(await store.audit.list()).toEqual(audit);
      expect(await store.faq.import([faq('b', { topic: 'health' }), faq('e')], 'bob', { replace: true })).toEqual(plan);
    });

    it('imports all or nothing: a bad entry leaves the store unchanged', async () => {
      await store.faq.import([faq('a'), faq('b')], 'alice');
      const before = await faqSnapshot(store);
      // Typed data can still arrive broken (from JSON, a form): the store refuses it as a whole.
      const broken = { ...faq('c'), topic: undefined } as unknown as FaqEntryInput;
      await expect(
        store.faq.import([faq('a', { topic: 'health' }), faq('new'), broken, faq('z')], 'bob', { replace: true }),
      ).rejects.toThrow();
      expect(await faqSnapshot(store)).toEqual(before);
    });

    it('refuses an import naming the same id twice, changing nothing', async () => {
      await store.faq.import([faq('a')], 'alice');
      const before = await faqSnapshot(store);
      await expect(store.faq.import([faq('b'), faq('b', { topic: 'health' })], 'bob')).rejects.toThrow(/"b"/);
      expect(await faqSnapshot(store)).toEqual(before);
    });

    it('records FAQ changes in the audit log', async () => {
      await store.faq.save(faq('a'), 'alice');
      await store.faq.delete('a', 'bob');
      await store.faq.import([faq('b')], 'carol');
      const actions = (await store.audit.list()).map((r) => [r.actor, r.action]);
      expect(actions).toEqual([
        ['carol', 'faq.import'],
        ['bob', 'faq.delete'],
        ['alice', 'faq.create'],
      ]);
    });

    it('lets two writers create the same new entry at once: both succeed, one version is kept', async () => {
      const saved = await Promise.all([store.faq.save(faq('same'), 'p1'), store.faq.save(faq('same'), 'p2')]);
      expect(saved.map((e) => e.version)).toEqual([1, 1]);
      expect((await store.faq.history('same')).map((e) => e.version)).toEqual([1]);
    });

    it('lets two processes seed an empty store with the same file at once', async () => {
      const file = Array.from({ length: 20 }, (_, i) => faq(`seed-${i}`));
      const summaries = await Promise.all([store.faq.import(file, 'seed'), store.faq.import(file, 'seed')]);
      for (const summary of summaries) expect(summary.created + summary.unchanged).toBe(20);
      expect((await store.faq.list()).map((e) => [e.id, e.version])).toEqual(file.map((e) => [e.id, 1]));
      for (const e of file) expect(await store.faq.history(e.id)).toHaveLength(1);
    });
  });
}

import { FaqCatalog } from '../../src/faq/catalog';
import { createMatcher } from '../../src/matcher';
import { SqliteStore } from '../../src/store/sqlite';
import { seededStore } from '../support/fixtures';

describe('FaqCatalog.refresh', () => {
  let seeded: Awaited<ReturnType<typeof seededStore>>;
  let store: SqliteStore;
  beforeEach(async () => {
    seeded = await seededStore('test');
    store = seeded.store;
  });
  afterEach(() => seeded.close());

  // A question the prior coefficients and this FAQ's own fit judge differently.
  const question = 'сосед говорит трубу прорвало, вода';

  it("calibrates the first fill at once: the first messages get the FAQ's own confidence", async () => {
    const catalog = new FaqCatalog(createMatcher());
    await catalog.refresh(store.faq);
    const fitted = createMatcher();
    fitted.load(await store.faq.list());
    const prior = createMatcher();
    for (const entry of await store.faq.list()) prior.upsert(entry);
    const now = new Date();
    // The premise: the prior would have said something else.
    expect(prior.match(question, 'ru').suggestScore).not.toBeCloseTo(fitted.match(question, 'ru').suggestScore ?? 0, 3);
    expect(catalog.match(question, 'ru', now).suggestScore).toBeCloseTo(fitted.match(question, 'ru').suggestScore ?? 0, 9);
  });

  it('takes a later change entry by entry, once the first fill is done', async () => {
    const catalog = new FaqCatalog(createMatcher());
    await catalog.refresh(store.faq);
    const [first] = await store.faq.list();
    await store.faq.save({ ...first, questions: { ...first.questions, ru: [...(first.questions.ru ?? []), 'Новый вопрос про это'] } }, 'test');
    expect(await catalog.refresh(store.faq)).toBe(1);
    await catalog.whenCalibrated();
    expect(catalog.get(first.id)?.questions.ru).toContain('Новый вопрос про это');
  });

  it('after the first fill, reads only what changed: an edit, a new entry and a deletion, kept in the store order', async () => {
    const catalog = new FaqCatalog(createMatcher());
    await catalog.refresh(store.faq);
    const [gone, edited, other] = await store.faq.list();
    await store.faq.delete(gone.id, 'test');
    await store.faq.save({ ...edited, topic: `${edited.topic} (edited)` }, 'test');
    await store.faq.save({ ...other, id: 'zz-new-entry' }, 'test');
    // Listing a large FAQ whole to find these held the event loop for 0.4 s at 10,000 entries.
    const list = jest.spyOn(store.faq, 'list');
    const getMany = jest.spyOn(store.faq, 'getMany');

    expect(await catalog.refresh(store.faq)).toBe(3);
    expect(list).not.toHaveBeenCalled();
    expect(getMany.mock.calls.flatMap(([ids]) => ids)).toEqual([edited.id, 'zz-new-entry']);
    expect(catalog.get(gone.id)).toBeUndefined();
    expect(catalog.get(edited.id)?.topic).toBe(`${edited.topic} (edited)`);
    const now = new Date();
    list.mockRestore();
    const stored = (await store.faq.list()).map((e) => e.id);
    expect(catalog.live(now).map((e) => e.id)).toEqual(stored);
    expect(catalog.match(other.questions.ru?.[0] ?? '', 'ru', now).candidates.map((c) => c.entry.id)).toContain('zz-new-entry');
  });

  /** Every entry's Russian answer with a mark added, saved as a new version. */
  async function editAll(): Promise<{ ids: string[]; mark: string }> {
    const mark = ' (обновлено)';
    const entries = await store.faq.list();
    for (const e of entries) await store.faq.save({ ...e, answer: { ...e.answer, ru: `${e.answer.ru ?? ''}${mark}` } }, 'test');
    return { ids: entries.map((e) => e.id), mark };
  }

  it('indexes many changes in slices: answering goes on meanwhile, each entry in its last version or its new one', async () => {
    const catalog = new FaqCatalog(createMatcher(), { indexSliceMs: 0 });
    await catalog.refresh(store.faq);
    const { ids, mark } = await editAll();
    expect(ids.length).toBeGreaterThan(2);

    let done = false;
    const refreshing = catalog.refresh(store.faq).finally(() => (done = true));
    // What other work (a resident's message) finds at each turn of the event loop while it runs.
    const newAnswers: number[] = [];
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      if (done) break;
      const answers = ids.map((id) => catalog.get(id)?.answer.ru ?? '');
      newAnswers.push(answers.filter((a) => a.endsWith(mark)).length);
      expect(catalog.match(question, 'ru', new Date()).candidates.length).toBeGreaterThan(0);
    }
    expect(await refreshing).toBe(ids.length);
    // Turns came between the entries, with some entries new and the others still as they were.
    expect(newAnswers.some((n) => n > 0 && n < ids.length)).toBe(true);
    expect(ids.every((id) => catalog.get(id)?.answer.ru?.endsWith(mark))).toBe(true);
  });

  it('runs one refresh at a time: two asked at once take each change once', async () => {
    const catalog = new FaqCatalog(createMatcher(), { indexSliceMs: 0 });
    await catalog.refresh(store.faq);
    const { ids, mark } = await editAll();
    const counts = await Promise.all([catalog.refresh(store.faq), catalog.refresh(store.faq)]);
    expect(counts).toEqual([ids.length, 0]);
    expect(ids.every((id) => catalog.get(id)?.answer.ru?.endsWith(mark))).toBe(true);
  });
});

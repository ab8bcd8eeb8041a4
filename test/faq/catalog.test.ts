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
});

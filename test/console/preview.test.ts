import { FaqCatalog } from '../../src/faq/catalog';
import { createMatcher } from '../../src/matcher';
import { previewAnswer } from '../../src/console/preview';
import { SMALL_FAQ } from '../support/fixtures';
import { HINT_ONLY_BANDS } from '../support/engine';
import { DEFAULT_THRESHOLDS } from '../../src/matcher';

describe('previewAnswer', () => {
  const catalog = new FaqCatalog(createMatcher());
  catalog.load(SMALL_FAQ);
  const now = new Date('2022-01-10T12:00:00Z');

  it('names the entries a hand-off offers to read meanwhile', () => {
    const preview = previewAnswer(catalog, HINT_ONLY_BANDS, 'Когда дадут горячую воду в доме?', 'ru', now);
    expect(preview).toMatchObject({ decision: 'escalate', suggested: ['water-outage'] });
    expect(preview.answer).toBeUndefined();
  });

  it('offers nothing with a hand-off below the hint band', () => {
    const preview = previewAnswer(catalog, { answer: 1.01, suggest: 1.01, hint: 1.01 }, 'Когда дадут горячую воду в доме?', 'ru', now);
    expect(preview).toMatchObject({ decision: 'escalate', suggested: [] });
  });

  it('names the words no entry knows, so that an editor sees what to add to the entry that answers', () => {
    expect(previewAnswer(catalog, DEFAULT_THRESHOLDS, 'В подвале потоп, когда дадут горячую воду?', 'ru', now).unknownWords).toEqual(['подвале', 'потоп']);
    expect(previewAnswer(catalog, DEFAULT_THRESHOLDS, 'Когда дадут горячую воду?', 'ru', now).unknownWords).toEqual([]);
  });

  it('says when the question is a wording taught for an entry, so that an editor finds it to take back', () => {
    const taught = new FaqCatalog(createMatcher());
    taught.load(SMALL_FAQ.map((e) => (e.id === 'water-outage' ? { ...e, learned: { ru: ['в подвале всё залито, кому звонить'] } } : e)));
    expect(previewAnswer(taught, DEFAULT_THRESHOLDS, 'Кому звонить? В подвале всё залито', 'ru', now)).toMatchObject({ decision: 'answer', faqId: 'water-outage', taught: ['water-outage'] });
    expect(previewAnswer(taught, DEFAULT_THRESHOLDS, 'Когда работает почта?', 'ru', now).taught).toEqual([]);
    // Out of its validity window, the entry is not what the bot says, nor the reason.
    const later = new FaqCatalog(createMatcher());
    later.load(SMALL_FAQ.map((e) => (e.id === 'water-outage' ? { ...e, learned: { ru: ['в подвале всё залито, кому звонить'] }, validFrom: new Date('2030-01-01T00:00:00Z') } : e)));
    expect(previewAnswer(later, DEFAULT_THRESHOLDS, 'в подвале всё залито, кому звонить', 'ru', now).taught).toEqual([]);
  });
});

import { FaqCatalog } from '../../src/faq/catalog';
import { createMatcher } from '../../src/matcher';
import { previewAnswer } from '../../src/console/preview';
import { SMALL_FAQ } from '../support/fixtures';
import { HINT_ONLY_BANDS } from '../support/engine';

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
});

import { CHOICE } from '../../../src/engine/choices';
import type { FaqEntryInput } from '../../../src/faq/types';
import { SMALL_FAQ } from '../../support/fixtures';
import { createHarness, type Harness } from '../../support/engine';

/** Two entries that both ask about parking: a one-word "парковка" gets both as "did you mean". */
const PARKING: FaqEntryInput[] = [
  ...SMALL_FAQ,
  {
    id: 'parking-fine',
    topic: 'transport',
    questions: { ru: ['Как оплатить штраф за парковку?'] },
    answer: { ru: 'Штраф оплачивают в приложении банка.' },
  },
  {
    id: 'parking-permit',
    topic: 'transport',
    questions: { ru: ['Как получить разрешение на парковку во дворе?'] },
    answer: { ru: 'Разрешение выдаёт акимат района.' },
  },
];

describe('learning from residents', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ faq: PARKING });
  });
  afterEach(() => h.close());

  test('a pick from "did you mean" is noted against the question that was asked', async () => {
    const asked = await h.say('Парковка');
    expect(asked.outcome).toMatchObject({ kind: 'suggest' });
    const picked = await h.say('', { choiceId: CHOICE.faq('parking-permit') });
    expect(picked.outcome).toMatchObject({ kind: 'answer', faqId: 'parking-permit' });
    expect(await h.store.learning.list()).toEqual([
      expect.objectContaining({ entryId: 'parking-permit', lang: 'ru', text: 'Парковка', picked: 1, helpful: 0, status: 'pending' }),
    ]);
  });

  test('"yes, it helped" after an answer notes the question with that entry', async () => {
    const answered = await h.say('Как оплатить штраф за парковку?');
    expect(answered.outcome).toMatchObject({ kind: 'answer', faqId: 'parking-fine' });
    await h.say('', { choiceId: CHOICE.helpful });
    expect(await h.store.learning.list()).toEqual([
      expect.objectContaining({ entryId: 'parking-fine', text: 'Как оплатить штраф за парковку?', picked: 0, helpful: 1 }),
    ]);
  });

  test('an entry picked while browsing the topics teaches nothing, nor does a later "yes"', async () => {
    await h.say('Парковка');
    await h.say('', { choiceId: CHOICE.menu });
    await h.say('', { choiceId: CHOICE.topic('transport') });
    await h.say('', { choiceId: CHOICE.faq('parking-fine') });
    await h.say('', { choiceId: CHOICE.helpful });
    expect(await h.store.learning.list()).toEqual([]);
  });
});

import { CHOICE } from '../../../src/engine/choices';
import { acceptVariant } from '../../../src/faq/learned-variants';
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

  test('words an editor taught are answered with their entry the next time, in any order and form; a taught topic word is not', async () => {
    const words = 'Машину у подъезда ставить можно?';
    const before = await h.say(words);
    expect(before.outcome).not.toMatchObject({ kind: 'answer', faqId: 'parking-permit' });
    const teach = async (text: string) => {
      await h.store.learning.note({ entryId: 'parking-permit', lang: 'ru', text, source: 'operator' });
      const variant = (await h.store.learning.list()).find((v) => v.text === text)!;
      await acceptVariant(h.store, variant.id, 'editor@helpline.kz');
    };
    await teach(words);
    await teach('Парковка');
    await h.catalog.refresh(h.store.faq);

    const again = await h.say('Здравствуйте! Можно ставить машины у подъезда?', { chatId: 'chat-2' });
    expect(again.outcome).toMatchObject({ kind: 'answer', faqId: 'parking-permit' });
    // The same words inside a story: its question sentence is what was taught.
    const story = await h.say('Живу на первом этаже, соседи жалуются. Машину у подъезда ставить можно?', { chatId: 'chat-3' });
    expect(story.outcome).toMatchObject({ kind: 'answer', faqId: 'parking-permit' });
    // One word is a topic: both parking entries are still offered.
    const topic = await h.say('Парковка', { chatId: 'chat-4' });
    expect(topic.outcome).toMatchObject({ kind: 'suggest' });
  });
});

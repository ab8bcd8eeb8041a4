import { DEFAULT_THRESHOLDS } from '../../src/matcher';
import { halves, learnFrom } from '../../src/quality/learn';
import type { FaqEntryInput } from '../../src/faq/types';
import { FIXTURE_FAQ } from '../matcher/fixtures';

const PARKING: FaqEntryInput[] = [
  ...FIXTURE_FAQ,
  {
    id: 'resident-parking-permit',
    topic: 'transport',
    questions: { ru: ['Как получить разрешение на парковку во дворе для жильцов?'] },
    answer: { ru: 'Разрешение выдаёт районный акимат по заявлению жильца.' },
  },
];

describe('learning from residents, as the eval simulates it', () => {
  it("adds residents' words to the entry they picked, once however often they came", async () => {
    const cases = [
      // "парковка" alone: several entries ask about parking, so the bot offers them; the resident picks.
      { text: 'парковка', lang: 'ru' as const, expect: 'resident-parking-permit' },
      { text: 'Парковка!', lang: 'ru' as const, expect: 'resident-parking-permit' },
      // Answered right at once: the resident says it helped.
      { text: 'Как оплатить штраф за парковку?', lang: 'ru' as const, expect: 'parking-fine' },
      // Nothing to learn from a message that has no answer.
      { text: 'какая погода будет завтра утром', lang: 'ru' as const, expect: null },
    ];
    const learned = await learnFrom(PARKING, cases);
    const permit = learned.entries.find((e) => e.id === 'resident-parking-permit');
    // A resident's wording, kept apart from the editor's questions (FaqEntryInput.learned).
    expect(permit?.learned).toEqual({ ru: ['парковка'] });
    expect(permit?.questions.ru).toEqual(['Как получить разрешение на парковку во дворе для жильцов?']);
    expect(permit?.version).toBe(2);
    // The exact question of an entry is not added again.
    const fine = learned.entries.find((e) => e.id === 'parking-fine');
    expect(fine?.learned).toBeUndefined();
    expect(fine?.questions.ru).toEqual(FIXTURE_FAQ[2].questions.ru);
    expect(learned.accepted).toBe(1);
    expect(learned.operatorAnswers).toBe(0);
  });

  // Too little of it is about flu for the bot to answer or ask "did you mean", but flu vaccination
  // is what the ranking puts first.
  const FLU_STORY = 'сосед сказал что в деревне грипп и трактор не ходит';

  it('a hand-off an operator answers with an entry the ticket offers teaches that entry', async () => {
    // No hint band: the resident is offered nothing to read, so the operator answers.
    const noHints = { ...DEFAULT_THRESHOLDS, hint: DEFAULT_THRESHOLDS.suggest };
    const learned = await learnFrom(PARKING, [{ text: FLU_STORY, lang: 'ru', expect: 'flu-vaccine' }], noHints);
    expect(learned.operatorAnswers).toBe(1);
    expect(learned.entries.find((e) => e.id === 'flu-vaccine')?.learned?.ru).toEqual([FLU_STORY]);
    // An entry the ticket does not offer is typed by the operator, not clicked: nothing is learnt.
    const unoffered = await learnFrom(PARKING, [{ text: FLU_STORY, lang: 'ru', expect: 'library-hours' }], noHints);
    expect(unoffered.operatorAnswers).toBe(0);
    expect(unoffered.accepted).toBe(0);
  });

  it('an entry offered with the hand-off and read by the resident teaches that entry', async () => {
    const learned = await learnFrom(PARKING, [{ text: FLU_STORY, lang: 'ru', expect: 'flu-vaccine' }]);
    expect(learned.operatorAnswers).toBe(0);
    expect(learned.entries.find((e) => e.id === 'flu-vaccine')?.learned?.ru).toEqual([FLU_STORY]);
  });

  it('learns the question of a long message, as the console proposes it, not the story around it', async () => {
    const text = 'Мы живём здесь третий год, машину ставим у подъезда. Как получить разрешение на парковку во дворе?';
    const learned = await learnFrom(PARKING, [{ text, lang: 'ru', expect: 'resident-parking-permit' }]);
    expect(learned.accepted).toBe(1);
    expect(learned.entries.find((e) => e.id === 'resident-parking-permit')?.learned?.ru?.at(-1)).toBe(
      'Как получить разрешение на парковку во дворе?',
    );
  });

  it('learns the question without the greeting and thanks around it', async () => {
    const text = 'Здравствуйте, подскажите, как получить разрешение на парковку во дворе? Заранее спасибо';
    const learned = await learnFrom(PARKING, [{ text, lang: 'ru', expect: 'resident-parking-permit' }]);
    expect(learned.entries.find((e) => e.id === 'resident-parking-permit')?.learned?.ru?.at(-1)).toBe(
      'как получить разрешение на парковку во дворе?',
    );
  });
});

describe('halves', () => {
  it('splits the messages into every other one, the first half taking the odd one out', () => {
    expect(halves([1, 2, 3, 4, 5])).toEqual([
      [1, 3, 5],
      [2, 4],
    ]);
    expect(halves([])).toEqual([[], []]);
  });
});

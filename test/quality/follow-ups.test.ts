import type { FaqEntryInput } from '../../src/faq/types';
import { FOLLOW_UPS, followUpFigures, type FollowUpFigures } from '../../src/quality/follow-ups';

const entry = (id: string, topic: string, ru: string, en: string): FaqEntryInput => ({
  id,
  topic,
  questions: { ru: [ru], en: [en] },
  answer: { ru: `Ответ: ${id}.`, en: `Answer: ${id}.` },
});

// Each holds a word of a generic follow-up: "сколько времени"/"how long … take", "бесплатные"/"free".
const FAQ: FaqEntryInput[] = [
  entry('id-card', 'documents', 'Сколько времени занимает замена удостоверения?', 'How long does it take to replace an ID card?'),
  entry('sports', 'leisure', 'Где найти бесплатные спортивные секции для детей?', 'Where can I find free sports clubs for children?'),
  entry('lift', 'housing', 'Не работает лифт в доме', 'The lift in my building is broken'),
  entry('clinic-hours', 'health', 'Когда работает поликлиника?', 'When is the polyclinic open?'),
];

describe('follow-ups after an answer, counted', () => {
  let f: FollowUpFigures;
  beforeAll(async () => {
    f = await followUpFigures(FAQ);
  });

  test('every first question answered gets each follow-up of its language once, and each counts once', () => {
    expect(f.first_not_answered).toBe(0);
    expect(f.conversations).toBe(FAQ.length * (FOLLOW_UPS.ru.length + FOLLOW_UPS.en.length));
    expect(f.answered_again + f.answered_other + f.choices + f.handed_over).toBe(f.conversations);
  });

  test('none is answered with another entry: "how long will it take?" after the lift is not the ID card', () => {
    expect(f.answered_other).toBe(0);
    // "а где?" and "where?" after an answer get that answer again.
    expect(f.answered_again).toBeGreaterThanOrEqual(2 * FAQ.length);
  });
});

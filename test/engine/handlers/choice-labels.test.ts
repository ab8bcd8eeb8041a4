import type { FaqEntryInput } from '../../../src/faq/types';
import { createHarness, HINT_ONLY_BANDS } from '../../support/engine';

const FAQ: FaqEntryInput[] = [
  {
    id: 'curfew-fine',
    topic: 'curfew',
    questions: { ru: ['Какой штраф за нарушение комендантского часа?'] },
    answer: { ru: 'Предупреждение или штраф.' },
  },
  {
    id: 'loan-fine',
    topic: 'loans',
    questions: { ru: ['Будет ли штраф за просрочку кредита?'] },
    answer: { ru: 'Банки не начисляют пеню до конца ЧП.' },
  },
  {
    // The question editors put first is about paying; the fine is in another one.
    id: 'bills',
    topic: 'utilities',
    questions: { ru: ['Как оплатить коммунальные услуги?', 'Будет ли штраф за неоплату коммунальных услуг?'] },
    answer: { ru: 'Оплатить можно в приложении банка; пеню за январь не начислят.' },
  },
];

/** Entries offered for a message are labelled with their question closest to it. */
describe('the labels of entries offered for a message', () => {
  test('"did you mean" shows the question of each entry that has more of the message\'s words than its first', async () => {
    const h = await createHarness({ faq: FAQ });
    try {
      const result = await h.say('штраф');
      expect(result.outcome.kind).toBe('suggest');
      const labels = Object.fromEntries((result.replies[0].choices ?? []).map((c) => [c.id, c.label]));
      expect(labels).toMatchObject({
        'faq:curfew-fine': 'Какой штраф за нарушение комендантского часа?',
        'faq:loan-fine': 'Будет ли штраф за просрочку кредита?',
        'faq:bills': 'Будет ли штраф за неоплату коммунальных услуг?',
      });
    } finally {
      await h.close();
    }
  });

  test('so do the entries offered with a hand-off; a message no closer to another question keeps the first', async () => {
    const h = await createHarness({ faq: FAQ, thresholds: HINT_ONLY_BANDS });
    try {
      const fine = await h.say('штраф за коммунальные услуги');
      expect(fine.outcome).toMatchObject({ kind: 'escalate' });
      expect(fine.replies[1].choices?.find((c) => c.id === 'faq:bills')?.label).toBe('Будет ли штраф за неоплату коммунальных услуг?');
      const paying = await h.say('оплата коммунальных услуг', { chatId: 'chat-2' });
      expect(paying.outcome).toMatchObject({ kind: 'escalate' });
      expect(paying.replies[1].choices?.find((c) => c.id === 'faq:bills')?.label).toBe('Как оплатить коммунальные услуги?');
    } finally {
      await h.close();
    }
  });
});

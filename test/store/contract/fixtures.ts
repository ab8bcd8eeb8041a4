/** Records the contract suites build their tests from. */
import type { FaqEntryInput } from '../../../src/faq/types';
import type { Store, TicketInput, TranscriptLine } from '../../../src/store/types';

export function faq(id: string, overrides: Partial<FaqEntryInput> = {}): FaqEntryInput {
  return {
    id,
    topic: 'curfew',
    questions: { ru: [`Вопрос про ${id}?`], en: [`Question about ${id}?`] },
    answer: { ru: `Ответ про ${id}.`, en: `Answer about ${id}.` },
    ...overrides,
  };
}

export function ticketInput(overrides: Partial<TicketInput> = {}): TicketInput {
  return {
    channel: 'telegram',
    chatId: '1001',
    lang: 'ru',
    question: 'Где получить пропуск?',
    reason: 'no-match',
    excerpt: [{ from: 'resident', text: 'Где получить пропуск?', at: new Date('2022-01-10T08:00:00.123Z') }],
    ...overrides,
  };
}

export const line = (text: string, at = new Date()): TranscriptLine => ({ from: 'operator', text, at });

/** What the FAQ part of a store looks like, to compare before and after a failed change. */
export async function faqSnapshot(store: Store) {
  return {
    list: await store.faq.list(),
    revision: await store.faq.revision(),
    history: await Promise.all((await store.faq.list()).map((e) => store.faq.history(e.id))),
  };
}

import type { Lang } from '../../src/i18n/languages';
import { LexicalMatcher } from '../../src/matcher/matcher';
import { groupUnanswered, stemsOf, unknownWordsOf } from '../../src/stats/unanswered';
import { SMALL_FAQ } from '../support/fixtures';

describe('unanswered grouping', () => {
  it('folds word forms and groups by shared stems, largest group first', () => {
    expect([...stemsOf('Комендантского часа, когда?')]).toEqual(['коменд', 'часа', 'когда'].map((s) => s.slice(0, 5)));
    const q = (text: string) => ({ text, source: 'no-match' as const, at: new Date(0), lang: 'ru' as const });
    const groups = groupUnanswered([q('Когда отменят комендантский час?'), q('Когда откроют школы?'), q('комендантский час когда отменят'), q('когда отменят комендантского часа')]);
    expect(groups.map((g) => g.count)).toEqual([3, 1]);
    expect(groups[0].label).toBe('Когда отменят комендантский час?');
  });
});

describe("a group's words the FAQ does not know", () => {
  const matcher = new LexicalMatcher();
  matcher.load(SMALL_FAQ);
  const unknownWords = (text: string, lang: Lang | undefined) => matcher.unknownWords(text, lang);

  it('lists them, the most said first, with how many wordings say each', () => {
    const group = { lang: 'ru' as const, questions: ['Вода в подвале, кому звонить?', 'в подвале потоп', 'Когда дадут горячую воду?'] };
    expect(unknownWordsOf(group, unknownWords)).toEqual([
      { word: 'подвале', wordings: 2 },
      { word: 'звонить', wordings: 1 },
      { word: 'потоп', wordings: 1 },
    ]);
  });

  it('lists none once the FAQ knows every word', () => {
    const taught = new LexicalMatcher();
    taught.load(SMALL_FAQ.map((e) => (e.id === 'water-outage' ? { ...e, questions: { ...e.questions, ru: [...(e.questions.ru ?? []), 'В подвале потоп, кому звонить?'] } } : e)));
    expect(unknownWordsOf({ lang: 'ru', questions: ['Вода в подвале, кому звонить?', 'в подвале потоп'] }, (text, lang) => taught.unknownWords(text, lang))).toEqual([]);
  });
});

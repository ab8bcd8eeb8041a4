import { PlainBm25 } from '../../src/quality/plain-bm25';
import { MAX_TEXT_CHARS } from '../../src/matcher/normalize';
import { FIXTURE_FAQ } from '../matcher/fixtures';

describe('plain BM25, the yardstick of the eval', () => {
  const bm25 = new PlainBm25(FIXTURE_FAQ);

  it('ranks by shared stems, best first', () => {
    // "библиотеку", "воскресеньям": other forms of the library entry's words.
    expect(bm25.rank('открыта ли библиотеку по воскресеньям')[0]).toBe('library-hours');
    expect(bm25.rank('штрафы за парковку')[0]).toBe('parking-fine');
  });

  it('reads a word in Latin letters as English and as Russian typed in Latin', () => {
    expect(bm25.rank('library sunday')[0]).toBe('library-hours');
    expect(bm25.rank('shtraf parkovka')[0]).toBe('parking-fine');
  });

  it('leaves out entries that share no word with the message, and finds nothing for unknown words', () => {
    const ranked = bm25.rank('библиотека');
    expect(ranked).toEqual(['library-hours']);
    expect(bm25.rank('ипподром скачки')).toEqual([]);
  });

  it('knows nothing the matcher knows: no typo tolerance, no word groups', () => {
    // The matcher finds the library through the typo; plain BM25 does not.
    expect(bm25.rank('библиотико')).toEqual([]);
  });

  it('reads every word of a long answer, where the matcher reads its lead', () => {
    // A word past the answer's first ANSWER_FIELD_WORDS words, and past a message's MAX_TEXT_CHARS.
    const answer = `${'Обращайтесь в отдел по месту жительства. '.repeat(60)}Бассейн работает по субботам.`;
    expect(answer.length).toBeGreaterThan(MAX_TEXT_CHARS);
    const long = new PlainBm25([...FIXTURE_FAQ, { id: 'sport', topic: 'sport', questions: { ru: ['Как записаться в секцию?'] }, answer: { ru: answer } }]);
    expect(long.rank('бассейн')).toEqual(['sport']);
  });
});

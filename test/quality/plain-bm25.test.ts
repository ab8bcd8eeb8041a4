import { PlainBm25 } from '../../src/quality/plain-bm25';
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
});

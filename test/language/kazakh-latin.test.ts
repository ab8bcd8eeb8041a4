import {
  KAZAKH_LATIN_LETTERS,
  KAZAKH_ONLY_SPELLINGS,
  kazakhLatinSpellings,
  readKazakhOnlySpellings,
} from '../../src/language/kazakh-latin';

describe('Kazakh typed in Latin letters', () => {
  it('spells a word every way people type its letters', () => {
    expect(kazakhLatinSpellings('кашан').sort()).toEqual(['kashan', 'kawan', 'qashan', 'qawan']);
    expect(kazakhLatinSpellings('жок')).toEqual(expect.arrayContaining(['jok', 'zhok', 'joq', 'zhoq']));
  });

  it('has no spelling for a word with a letter outside the table', () => {
    expect(kazakhLatinSpellings('қашан')).toEqual([]);
  });

  it('reads back only spellings the table gives their letter', () => {
    for (const [latin, letter] of KAZAKH_ONLY_SPELLINGS) {
      expect(`${latin} → ${letter}: ${KAZAKH_LATIN_LETTERS[letter].includes(latin)}`).toBe(`${latin} → ${letter}: true`);
    }
    // Only those letters turn Cyrillic; the Russian reading of the rest comes after (translit.ts).
    expect(readKazakhOnlySpellings('qajet')).toBe(`${'к'}a${'ж'}et`);
    expect(readKazakhOnlySpellings('oghan')).toBe(`o${'г'}an`);
    expect(readKazakhOnlySpellings('kitap')).toBe('kitap');
  });
});

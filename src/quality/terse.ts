/**
 * Messages as residents type them on a phone: the words that name the matter and nothing else
 * ("Где можно купить проездной?" → "купить проездной", "When does the curfew start?" → "curfew
 * start", "Жол картасы қайда сатылады?" → "Жол картасы"). Such a message has none of the words
 * language detection leans on most (a question word, a function word), and fewer words to find its
 * entry by: `npm run eval -- … --terse` shows what that costs, and the ratchet holds it. A suite's
 * messages carry sentences; its terse run is where a short message's reply in the wrong language
 * shows.
 */
import { isStopword } from '../matcher/stopwords';
import { tokenize } from '../matcher/normalize';
import type { EvalCase } from './evaluate';

/** How many words a terse message keeps. */
export const TERSE_WORDS = 2;

/** What a message is split into words at: spaces and punctuation, not a hyphen or an apostrophe inside a word. */
const BREAK = /[\s,.;:!?()«»"“”…—–]+/u;

/**
 * The first TERSE_WORDS words of `text` with letters that are no stop word (stopwords.ts), as
 * written, in their order; the text as it is when it has fewer ("пропуск?", "Когда?").
 */
export function terseText(text: string): string {
  const words = text.split(BREAK).filter((word) => /\p{L}/u.test(word) && tokenize(word).every((token) => !isStopword(token)));
  return words.length >= TERSE_WORDS ? words.slice(0, TERSE_WORDS).join(' ') : text;
}

/** The cases with each message cut to its first words (terseText); what each expects stays. */
export function tersed(cases: readonly EvalCase[]): EvalCase[] {
  return cases.map((c) => ({ ...c, text: terseText(c.text) }));
}

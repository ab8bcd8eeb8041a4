/**
 * A message split into its sentences and clauses, each read once: its words, the mark that ended
 * it, and whether it asks something. Abbreviations' full stops end nothing; the ends chat typing
 * leaves unmarked do (unmarked-ends.ts).
 */
import type { Lang } from '../../i18n/languages';
import { tokenize } from '../normalize';
import { readsAsQuestion } from './question-words';
import { withUnmarkedEnds } from './unmarked-ends';

export interface Sentence {
  text: string;
  /** Its words, as tokenize reads them: read once, for every question asked of the sentence. */
  words: readonly string[];
  /** The punctuation that ended it ("?", "!", "."), if any. */
  end: string;
  question: boolean;
  /** Ended by "!" (and no "?"). */
  exclaimed: boolean;
}

/**
 * The full stop of an abbreviation in an address or a date ("ул. Абая", "д. 5, кв. 12", "2022 г.",
 * "мкр. Самал", "St. Mary"), which ends no sentence: stood in for by HELD_DOT while the text is
 * split, and given back in the sentences' text (an editor reads "ул. Абая", not "ул Абая").
 */
const ABBREVIATION_DOT = /(?<=^|[\s(,])(ул|г|гг|д|кв|пр|просп|пер|мкр|мкрн|обл|р-н|им|тел|көш|st|ave|apt)\.(?=\s|$)/giu;
/** A character no resident types, which SPLIT does not split at and tokenize reads as a space. */
const HELD_DOT = '\u2024';
const HELD_DOTS = /\u2024/g;

/**
 * Sentence ends and clause breaks that start a new thought: a colon ("Подскажите такой момент: …")
 * and a dash between spaces too; a point or a colon between digits is none ("38.7", "8.30", "23:00").
 */
const SPLIT = /((?:[!?…;\n]|(?<!\d)\.|\.(?!\d))+|:(?!\d)|\s[-–—]\s|,\s*(?:но|а|однако|хотя|бірақ|алайда|but|though)\s)/;

/**
 * The sentences of `text` that have words, in order; `lang` is the message's language, when known.
 * Whether one asks is its own reading (question-words.ts), but for an exclamation beside a question:
 * that one is the resident's feeling about the matter, not a second question.
 */
export function sentencesOf(text: string, lang?: Lang): Sentence[] {
  // Most messages have no full stop at all, and the pattern would try every place of them.
  const held = text.includes('.') ? text.replace(ABBREVIATION_DOT, `$1${HELD_DOT}`) : text;
  const parts = withUnmarkedEnds(held, lang).split(SPLIT);
  const sentences: Sentence[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const body = parts[i];
    const delimiter = parts[i + 1] ?? '';
    const words = tokenize(body);
    if (words.length === 0) continue;
    const end = /^[.!?…]+/.exec(delimiter)?.[0] ?? '';
    const asked = delimiter.includes('?');
    sentences.push({ text: body.trim().replace(HELD_DOTS, '.'), words, end, question: readsAsQuestion(words, asked, lang), exclaimed: !asked && delimiter.includes('!') });
  }
  // An exclamation beside a question asks nothing, whatever its words ("Когда дадут тепло? Сколько можно это терпеть!").
  if (sentences.some((s) => s.question && !s.exclaimed)) for (const s of sentences) if (s.exclaimed) s.question = false;
  return sentences;
}

/**
 * The sentence ends chat typing leaves unmarked: a smile's brackets, a capitalised function word
 * after a word in lower case, an emoji before a capital, a lone Kazakh question particle with words
 * after it. Each is made the full stop, line break or question mark it stands for, so the message
 * splits into sentences as if it had been punctuated (split.ts).
 */
import type { Lang } from '../../i18n/languages';
import { scriptOf } from '../normalize';
import { isStopword } from '../stopwords';
import { inBothSpellings, KAZAKH_PARTICLES, LEADING_ONLY, mayBeKazakh, QUESTION_WORDS } from './question-words';

/**
 * A Kazakh question particle standing alone with more words after it ("бола ма Соңғы кезде…"): the
 * question ends there, typed without its question mark.
 */
const PARTICLE_INSIDE = new RegExp(`(^|\\s)(${KAZAKH_PARTICLES.join('|')})\\s+(?=[^\\s,.!?…;:])`, 'giu');

/**
 * A capitalised function word or question word after a word in lower case, with no punctuation
 * between ("…диск погнул Она там уже полгода", "…сымдарға жақын Кім кесіп береді"): a sentence
 * typed without its full stop. A name is capitalised too, but is no function word. Not the
 * English "I", capitalised anywhere, nor the auxiliaries, which are also names and months ("Will",
 * "May"): "…it was 35 degrees outside An elderly lady nearly fainted" starts one, "…open in May"
 * does not.
 */
const CAPITAL_START = /(^|\s)([\p{Ll}\d-]*\p{Ll})\s+(\p{Lu}\p{Ll}*)(?=[\s,]|$)/gu;

/**
 * An emoji (with its skin tone and joined parts) and a capitalised word after it: the emoji stands
 * for the full stop ("Добрый день 😔 На Ломова яма 🙏 Она там уже полгода"). Before a word in lower
 * case it is only a feeling inside the sentence ("ямы 😢 на Кутузова").
 */
const EMOJI_THEN_CAPITAL = /(\p{Extended_Pictographic}(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d|\ufe0f)*)\s+(\p{Lu}\p{Ll}*)(?=[\s,]|$)/gu;

/**
 * The closing brackets of a smile typed after a word ("Добрый день)) На Ломова яма",
 * "машину не выгнать) кто должен чистить"), as Russian and Kazakh chats end a sentence; only in a
 * text with no opening bracket, where one may close a remark "(…)".
 */
const SMILE_END = /(?<=\p{L})\)+(?=\s|$)/gu;

/** A capital letter inside the text: most messages have none, and need no closer look. */
const INNER_CAPITAL = /\s\p{Lu}/u;

/**
 * The polite "you" of Russian and Kazakh, capitalised inside a sentence out of respect ("хочу
 * спросить у Вас", "Сізге қалай жүгінуге болады"): no sentence starts there.
 */
const POLITE_YOU: ReadonlySet<string> = new Set(
  inBothSpellings(
    `вы вас вам вами ваш ваша ваше ваши вашего вашей вашему вашим вашими ваших вашу
     сіз сізге сізді сіздің сізден сізбен сізде сіздер сіздерге сіздерді сіздердің`
      .split(/\s+/)
      .filter((w) => w.length > 0),
  ),
);

/**
 * The text with its unmarked sentence ends made full stops, line breaks or question marks: a
 * smile's brackets (SMILE_END), a capitalised function word (CAPITAL_START), an emoji before a
 * capital (EMOJI_THEN_CAPITAL), a lone Kazakh particle (PARTICLE_INSIDE, only where the message
 * may be Kazakh).
 */
export function withUnmarkedEnds(typed: string, lang?: Lang): string {
  const text = typed.includes(')') && !typed.includes('(') ? typed.replace(SMILE_END, '.') : typed;
  const capitals = INNER_CAPITAL.test(text) ? text.replace(CAPITAL_START, startsSentence).replace(EMOJI_THEN_CAPITAL, emojiEnds) : text;
  return mayBeKazakh(lang) ? capitals.replace(PARTICLE_INSIDE, '$1$2? ') : capitals;
}

function startsSentence(whole: string, space: string, before: string, word: string): string {
  const lower = word.toLowerCase();
  if (POLITE_YOU.has(lower)) return whole;
  const mayStart = scriptOf(word) === 'cyrillic' || (lower !== 'i' && !LEADING_ONLY.has(lower));
  return mayStart && (isStopword(lower) || QUESTION_WORDS.has(lower)) ? `${space}${before}\n${word}` : whole;
}

function emojiEnds(whole: string, emoji: string, word: string): string {
  return POLITE_YOU.has(word.toLowerCase()) ? whole : `${emoji}\n${word}`;
}

/**
 * Picking from a numbered list the way residents type it when there are no buttons (WhatsApp):
 * not only "2", but "2-й", "№2", "2)", "2️⃣", "вариант 2", "второй", "екінші", "the second one",
 * "последний". Read only while choices are offered, so a question that happens to start with an
 * ordinal ("второй вопрос: …") is never taken for a pick: every word but the position must be a
 * filler ("вариант", "номер", "option", "the", "one").
 *
 * The words live in the locales (`choicePick.*`), like the typed commands, and every language's
 * words work in any conversation. `ordinals` lists one string per position, its forms separated
 * by spaces ("второй второе вторая вторую"); `last` names the last choice; `filler` holds the
 * words that may come with a position, ordinal endings typed after a digit ("2-й", "2nd") among them,
 * and the words of a rating ("5 баллов", "оценка 4"), whose choices are the positions 1 to 5.
 * `scaledRating` reads what a rating may look like besides: stars, or a score out of ten.
 */
import type { Translator } from '../i18n';
import { LANGS } from '../i18n/languages';
import { readAsKazakhIfLatin } from '../matcher/translit';
import { listSpellings, normalizePhrase } from './input';

/** A pick is a few words ("давайте второй вариант"); a longer message is a question. */
const MAX_WORDS = 4;
/** Longer than this, it is not worth splitting into words to find out. */
const MAX_CHARS = 48;
/** The position `last` stands for until the offer is known. */
const LAST = -1;

/** The words as typed commands compare them; a keycap digit ("2️⃣") is its digit, and a digit run is split from letters ("2й"). */
function wordsOf(text: string): string[] {
  return normalizePhrase(text.replace(/\uFE0F?\u20E3/g, ' ').replace(/(\d+)/g, ' $1 '))
    .split(' ')
    .filter(Boolean);
}

export class ChoicePositionReader {
  private readonly positions = new Map<string, number>();
  private readonly fillers = new Set<string>();

  constructor(translator: Translator) {
    // Kazakh also as typed without its letters ("екинши"), and so as read from Latin letters ("ekinshi").
    for (const lang of LANGS) {
      translator.list(lang, 'choicePick.ordinals').forEach((forms, i) => {
        for (const word of wordsOf(forms).flatMap(listSpellings)) if (!this.positions.has(word)) this.positions.set(word, i + 1);
      });
      for (const word of translator.list(lang, 'choicePick.last').flatMap(wordsOf).flatMap(listSpellings)) this.positions.set(word, LAST);
      for (const word of translator.list(lang, 'choicePick.filler').flatMap(wordsOf).flatMap(listSpellings)) this.fillers.add(word);
    }
  }

  /** A word as the lists know it: as typed, or a Latin word read as Kazakh when that is theirs. */
  private known(word: string): string {
    if (this.fillers.has(word) || this.positions.has(word)) return word;
    const read = readAsKazakhIfLatin(word);
    return this.fillers.has(read) || this.positions.has(read) ? read : word;
  }

  /**
   * The 1-based position of the choice a typed text names among `count` offered, or undefined when
   * the text is not a pick. A position past the end is returned as it is: the caller decides what
   * a stale pick means.
   */
  read(text: string, count: number): number | undefined {
    if (text.length > MAX_CHARS) return undefined;
    const words = wordsOf(text);
    if (words.length === 0 || words.length > MAX_WORDS) return undefined;
    let position: number | undefined;
    for (const typed of words) {
      const word = this.known(typed);
      if (this.fillers.has(word)) continue;
      const named = /^\d{1,2}$/.test(word) ? Number(word) : this.positions.get(word);
      // One position only, and nothing but fillers around it.
      if (named === undefined || position !== undefined) return undefined;
      position = named;
    }
    if (position === LAST) return count > 0 ? count : undefined;
    return position !== undefined && position > 0 ? position : undefined;
  }
}

/** Stars typed as a rating ("⭐⭐⭐⭐", "★★★☆☆"): the emoji stars and the black star count, a white star does not. */
const STAR = /\u2B50|\u2605|\u{1F31F}/gu;
/** What may stand beside the stars: white stars, the emoji variation selector, spaces. */
const BESIDE_STARS = /\u2606|\uFE0F|\s/gu;
/** A rating is a few characters ("4 из 5", "⭐⭐⭐⭐⭐"); a longer text is not read as one. */
const MAX_RATING_CHARS = 32;
/** "4 из 5", "9/10", "8 out of 10": a score on a scale of its own. */
const SCALED = /^\D*?(\d{1,2})\s*(?:\/|из|of|out of)\s*(\d{1,2})\D*$/iu;
/** Kazakh puts the scale first, in the ablative: "5-тен 4", "10-нан 8" (the score second). */
const SCALED_SCALE_FIRST = /^\D*?(\d{1,2})\s*-?\s*(?:ден|тен|нен|дан|тан|нан)\s+(\d{1,2})\D*$/iu;

/**
 * A rating of 1..`max` in the ways residents write one that no position reading covers: a row of
 * stars, or a score on another scale ("9/10" is 5 of 5, "3 из 5" and "5-тен 3" are 3), rounded to
 * the nearest step. Undefined when the text is neither.
 */
export function scaledRating(text: string, max: number): number | undefined {
  if (text.length > MAX_RATING_CHARS) return undefined;
  const stars = text.match(STAR)?.length ?? 0;
  if (stars > 0) return text.replace(STAR, '').replace(BESIDE_STARS, '') === '' && stars <= max ? stars : undefined;
  const scaled = SCALED.exec(text);
  const scaleFirst = scaled ? null : SCALED_SCALE_FIRST.exec(text);
  if (!scaled && !scaleFirst) return undefined;
  const [score, of] = scaled ? [Number(scaled[1]), Number(scaled[2])] : [Number(scaleFirst?.[2]), Number(scaleFirst?.[1])];
  if (of < 2 || score < 1 || score > of) return undefined;
  return Math.max(1, Math.round((score / of) * max));
}

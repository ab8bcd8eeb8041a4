/**
 * A misspelt word in a form the FAQ does not write, found by its stem. The FAQ's question words are
 * typo targets as written (trigrams.ts compares whole words), so a slip together with another
 * ending ("прлездной" against the FAQ's "проездную", "длкумент" against "документы", a Kazakh
 * word with its own case ending) leaves too few trigrams in common with any of them. The stems
 * have their endings cut off, so only the slip is left to tell apart.
 */
import type { Lang } from '../i18n/languages';
import { MIN_SLIP_LENGTH } from './trigrams';
import { TypoTargets } from './typo-targets';

const LATIN = /[a-z]/;

export interface StemTypoHit {
  keys: ReadonlySet<string>;
  similarity: number;
}

export class StemTypos extends TypoTargets {
  /**
   * Whether a stem is long enough to be a target: a slip in a shorter one makes another word as
   * often as not (the Kazakh stripper leaves "кел", "сал", "бил"). Not an English one: English
   * words come in few forms, so their slips are in the form the FAQ writes, and their short stems
   * are each other's ("attack", "attach").
   */
  static isTarget(stem: string): boolean {
    return stem.length >= MIN_SLIP_LENGTH && !LATIN.test(stem);
  }

  /**
   * The known stem most like one of a misspelt word's stems (`candidates`), in `lang` when given:
   * by trigram similarity at least `minSimilarity` (`minShortSimilarity` for a stem of five
   * letters or fewer) and of a length one slip may make. A slip found by typingSlip alone (a
   * letter missing, one too many, two swapped) is not taken: a stem is a word cut short, and one
   * letter from a short stem is too often another word's (tried while English stems were
   * targets: "garag", of "garages", met "garbag").
   */
  best(candidates: readonly string[], lang: Lang | undefined, minSimilarity: number, minShortSimilarity: number): StemTypoHit | null {
    let best: StemTypoHit | null = null;
    for (const candidate of candidates) {
      // A stem the FAQ has as it is is no slip: the word is its own, even when its entry is left out
      // of the ranking (a simulated resident's question, self-calibration.ts).
      if (!StemTypos.isTarget(candidate) || this.has(candidate)) continue;
      const min = candidate.length <= MIN_SLIP_LENGTH ? minShortSimilarity : minSimilarity;
      // One slip makes a stem a letter longer or shorter at most.
      const hit = this.grams.best(candidate, min, undefined, (known) => Math.abs(known.length - candidate.length) <= 1);
      const keys = hit && this.keysOf(hit.word);
      if (!hit || !keys || (lang && !this.isOf(hit.word, lang))) continue;
      if (!best || hit.similarity > best.similarity) best = { keys, similarity: hit.similarity };
    }
    return best;
  }
}

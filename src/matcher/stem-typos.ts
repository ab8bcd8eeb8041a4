/**
 * A misspelt word in a form the FAQ does not write, found by its stem. The FAQ's question words are
 * typo targets as written (trigrams.ts compares whole words), so a slip together with another
 * ending ("прлездной" against the FAQ's "проездную", "длкумент" against "документы", a Kazakh
 * word with its own case ending) leaves too few trigrams in common with any of them. The stems
 * have their endings cut off, so only the slip is left to tell apart.
 */
import type { Lang } from '../i18n/languages';
import { MIN_SLIP_LENGTH, TrigramIndex } from './trigrams';

const LATIN = /[a-z]/;

interface StemTarget {
  /** The index keys of the question words with this stem (the stem, their lexicon concepts…). */
  readonly keys: Set<string>;
  /** The languages whose questions have it. */
  readonly langs: Set<Lang>;
  /** How many entries have it. */
  refs: number;
}

export interface StemTypoHit {
  keys: ReadonlySet<string>;
  similarity: number;
}

export class StemTypos {
  private readonly grams = new TrigramIndex();
  private readonly stems = new Map<string, StemTarget>();

  /**
   * Whether a stem is long enough to be a target: a slip in a shorter one makes another word as
   * often as not (the Kazakh stripper leaves "кел", "сал", "бил").
   */
  static isTarget(stem: string): boolean {
    return stem.length >= MIN_SLIP_LENGTH && !LATIN.test(stem);
  }

  /** Records that a question word of `lang` with stem `stem` has `keys` (no reference counted). */
  describe(stem: string, keys: readonly string[], lang: Lang): void {
    let target = this.stems.get(stem);
    if (!target) {
      target = { keys: new Set(), langs: new Set(), refs: 0 };
      this.stems.set(stem, target);
    }
    for (const key of keys) target.keys.add(key);
    target.langs.add(lang);
  }

  /** One more entry has the (described) stem. */
  ref(stem: string): void {
    const target = this.stems.get(stem);
    if (!target) return;
    if (target.refs === 0) this.grams.add(stem);
    target.refs += 1;
  }

  /** One entry fewer has the stem; the last one takes it out. */
  unref(stem: string): void {
    const target = this.stems.get(stem);
    if (!target) return;
    target.refs -= 1;
    if (target.refs > 0) return;
    this.stems.delete(stem);
    this.grams.delete(stem);
  }

  clear(): void {
    this.stems.clear();
    this.grams.clear();
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
      if (!StemTypos.isTarget(candidate) || this.stems.has(candidate)) continue;
      const min = candidate.length <= MIN_SLIP_LENGTH ? minShortSimilarity : minSimilarity;
      // One slip makes a stem a letter longer or shorter at most.
      const hit = this.grams.best(candidate, min, undefined, (known) => Math.abs(known.length - candidate.length) <= 1);
      const target = hit && this.stems.get(hit.word);
      if (!hit || !target || (lang && !target.langs.has(lang))) continue;
      if (!best || hit.similarity > best.similarity) best = { keys: target.keys, similarity: hit.similarity };
    }
    return best;
  }
}

/**
 * Typo tolerance: character-trigram Dice similarity between a misspelt word and the words the index
 * knows, and, where trigrams say too little (a short word, two letters swapped), a known word one
 * typing slip away. A trigram → words map finds the few words worth comparing, so a lookup never
 * scans the whole vocabulary; it only runs for words the index does not know exactly.
 */

/** Trigrams of a word padded with spaces, so the first and last letters count too. */
export function trigramsOf(word: string): string[] {
  const padded = ` ${word} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i += 1) grams.add(padded.slice(i, i + 3));
  return [...grams];
}

/**
 * Shorter words one slip apart are too often two words ("form" and "from", "taxi" and "tax"). From
 * four letters on, misspelt messages won a case or two and a clean one was lost.
 */
export const MIN_SLIP_LENGTH = 5;

/** Words sharing a trigram beyond this many are too common a trigram to be worth following. */
const MAX_POSTING_SCAN = 400;

export interface FuzzyHit {
  word: string;
  similarity: number;
}

export class TrigramIndex {
  private readonly byGram = new Map<string, Set<string>>();
  private readonly gramCount = new Map<string, number>();

  clear(): void {
    this.byGram.clear();
    this.gramCount.clear();
  }

  add(word: string): void {
    if (this.gramCount.has(word)) return;
    const grams = trigramsOf(word);
    this.gramCount.set(word, grams.length);
    for (const g of grams) {
      let words = this.byGram.get(g);
      if (!words) {
        words = new Set();
        this.byGram.set(g, words);
      }
      words.add(word);
    }
  }

  delete(word: string): void {
    if (!this.gramCount.delete(word)) return;
    for (const g of trigramsOf(word)) {
      const words = this.byGram.get(g);
      if (!words) continue;
      words.delete(word);
      if (words.size === 0) this.byGram.delete(g);
    }
  }

  /**
   * The most similar known word with Dice similarity at least `minSimilarity`, if any; failing
   * that, with `slipSimilarity` given, a known word one typing slip away (oneSlipAway) at that
   * similarity. Both from one look at the shared trigrams. Only words `accept` takes are compared.
   */
  best(word: string, minSimilarity: number, slipSimilarity?: number, accept?: (known: string) => boolean): FuzzyHit | null {
    const grams = trigramsOf(word);
    const shared = this.sharingTrigrams(grams);
    let best: FuzzyHit | null = null;
    for (const [w, common] of shared) {
      if (accept && !accept(w)) continue;
      const total = grams.length + (this.gramCount.get(w) ?? 0);
      const similarity = (2 * common) / total;
      if (similarity < minSimilarity) continue;
      if (!best || similarity > best.similarity) best = { word: w, similarity };
    }
    if (best || slipSimilarity === undefined) return best;
    const slipped = slipAmong(word, shared);
    return slipped === null ? null : { word: slipped, similarity: slipSimilarity };
  }

  /**
   * A known word one typing slip away (typingSlip), the one sharing most trigrams if several are,
   * for a word of MIN_SLIP_LENGTH letters or more. A slip in a short word breaks most of its
   * trigrams ("msaks" shares one with "masks"), so Dice similarity misses what is plainly the same
   * word.
   */
  oneSlipAway(word: string): string | null {
    return slipAmong(word, this.sharingTrigrams(trigramsOf(word)));
  }

  /** Known words sharing a trigram with `grams` (too common trigrams skipped), with how many. */
  private sharingTrigrams(grams: readonly string[]): Map<string, number> {
    const shared = new Map<string, number>();
    for (const g of grams) {
      const words = this.byGram.get(g);
      if (!words || words.size > MAX_POSTING_SCAN) continue;
      for (const w of words) shared.set(w, (shared.get(w) ?? 0) + 1);
    }
    return shared;
  }
}

/** Of the words sharing trigrams with `word` (and how many), the one a slip away sharing most. */
function slipAmong(word: string, shared: ReadonlyMap<string, number>): string | null {
  if (word.length < MIN_SLIP_LENGTH) return null;
  let best: string | null = null;
  let bestCommon = 0;
  for (const [w, common] of shared) {
    if (common > bestCommon && typingSlip(word, w)) {
      best = w;
      bestCommon = common;
    }
  }
  return best;
}

/**
 * A lookup of the word one slip from a word among a fixed list (the lexicon's, the stop words),
 * its trigram index built on the first lookup, not at start-up.
 */
export function slipTargets(words: () => Iterable<string>): (word: string) => string | null {
  let index: TrigramIndex | undefined;
  return (word) => {
    if (!index) {
      index = new TrigramIndex();
      for (const w of words()) index.add(w);
    }
    return index.oneSlipAway(word);
  };
}

/**
 * Whether `typed` is `known` with one typing slip: a letter missing, one too many, or two
 * neighbours swapped. A replaced letter is left to trigram similarity: in a word of six letters or
 * more half the trigrams survive it, and in a shorter one it makes another word as often as a slip
 * ("right" and "night", "пеня" and "пена").
 */
export function typingSlip(typed: string, known: string): boolean {
  if (Math.abs(typed.length - known.length) > 1) return false;
  let i = 0;
  while (i < typed.length && i < known.length && typed[i] === known[i]) i += 1;
  // A letter more or less at the very end is an ending ("депозит", "депозиты"), not a slip.
  if (i >= Math.min(typed.length, known.length)) return false;
  if (typed.length > known.length) return typed.slice(i + 1) === known.slice(i);
  if (typed.length < known.length) return known.slice(i + 1) === typed.slice(i);
  return i < typed.length - 1 && typed[i] === known[i + 1] && typed[i + 1] === known[i] && typed.slice(i + 2) === known.slice(i + 2);
}

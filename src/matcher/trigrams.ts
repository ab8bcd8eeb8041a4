/**
 * Typo tolerance: character-trigram Dice similarity between a misspelt word and the words the index
 * knows. A trigram → words map finds the few words worth comparing, so a lookup never scans the
 * whole vocabulary; it only runs for words the index does not know exactly.
 */

/** Trigrams of a word padded with spaces, so the first and last letters count too. */
export function trigramsOf(word: string): string[] {
  const padded = ` ${word} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i += 1) grams.add(padded.slice(i, i + 3));
  return [...grams];
}

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

  /** The most similar known word with Dice similarity at least `minSimilarity`, if any. */
  best(word: string, minSimilarity: number): FuzzyHit | null {
    const grams = trigramsOf(word);
    const shared = new Map<string, number>();
    for (const g of grams) {
      const words = this.byGram.get(g);
      if (!words || words.size > MAX_POSTING_SCAN) continue;
      for (const w of words) shared.set(w, (shared.get(w) ?? 0) + 1);
    }
    let best: FuzzyHit | null = null;
    for (const [w, common] of shared) {
      const total = grams.length + (this.gramCount.get(w) ?? 0);
      const similarity = (2 * common) / total;
      if (similarity < minSimilarity) continue;
      if (!best || similarity > best.similarity) best = { word: w, similarity };
    }
    return best;
  }
}

/**
 * The in-memory index: postings (key → entries with a field weight), per-entry question variants
 * for the precision feature, and the known spellings for typo lookup. Every structure is updated
 * entry by entry, so upsert/remove cost the size of one entry, not of the FAQ.
 */
import type { Lang } from '../i18n/languages';
import { LANGS } from '../i18n/languages';
import type { FaqEntryInput } from '../faq/types';
import { analyzeIndexText } from './analyze';
import { TrigramIndex } from './trigrams';

/** Words found only in an answer count this much of a question word: answers are long and loose. */
export const ANSWER_FIELD_WEIGHT = 0.35;

/** A word of a question variant: its key first, then its lexicon concepts. */
export type VariantToken = readonly string[];

interface IndexedEntry {
  id: string;
  /** Small integer standing for the entry in postings, so scoring can use typed arrays. */
  slot: number;
  /** key → field weight (1 for question words, ANSWER_FIELD_WEIGHT for answer-only words) */
  weights: Map<string, number>;
  variants: VariantToken[][];
  surfaces: Set<string>;
}

/** A key's postings as parallel arrays: entry slot and field weight at the same position. */
export interface PackedPosting {
  slots: Int32Array;
  weights: Float64Array;
}

export class InvertedIndex {
  /** key → (entry slot → field weight) */
  private readonly postings = new Map<string, Map<number, number>>();
  /** Postings packed into typed arrays for scanning; rebuilt lazily after a key's posting changes. */
  private readonly packed = new Map<string, PackedPosting>();
  private readonly questionDf = new Map<string, number>();
  private readonly entries = new Map<string, IndexedEntry>();
  private readonly bySlot: Array<IndexedEntry | undefined> = [];
  private readonly freeSlots: number[] = [];
  private readonly surfaceKeys = new Map<string, Set<string>>();
  private readonly surfaceRefs = new Map<string, number>();
  readonly fuzzy = new TrigramIndex();

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.postings.clear();
    this.packed.clear();
    this.questionDf.clear();
    this.entries.clear();
    this.bySlot.length = 0;
    this.freeSlots.length = 0;
    this.surfaceKeys.clear();
    this.surfaceRefs.clear();
    this.fuzzy.clear();
  }

  has(key: string): boolean {
    return this.postings.has(key);
  }

  postingsOf(key: string): ReadonlyMap<number, number> | undefined {
    return this.postings.get(key);
  }

  /**
   * The same postings as parallel typed arrays: scanning a few thousand slots this way is several
   * times faster than iterating a Map, and common words are scanned on every query.
   */
  packedPostingsOf(key: string): PackedPosting | undefined {
    let packed = this.packed.get(key);
    if (packed) return packed;
    const posting = this.postings.get(key);
    if (!posting) return undefined;
    packed = { slots: new Int32Array(posting.size), weights: new Float64Array(posting.size) };
    let i = 0;
    for (const [slot, weight] of posting) {
      packed.slots[i] = slot;
      packed.weights[i] = weight;
      i += 1;
    }
    this.packed.set(key, packed);
    return packed;
  }

  /** One more than the largest slot in use: the length accumulators must have. */
  get slotCapacity(): number {
    return this.bySlot.length;
  }

  idOfSlot(slot: number): string | undefined {
    return this.bySlot[slot]?.id;
  }

  variantsOfSlot(slot: number): readonly VariantToken[][] {
    return this.bySlot[slot]?.variants ?? [];
  }

  /** Keys (word key and concepts) a known spelling stands for. */
  keysOfSurface(surface: string): ReadonlySet<string> | undefined {
    return this.surfaceKeys.get(surface);
  }

  /**
   * BM25's idf over entries, counting only entries that ask about the key in a question: answers
   * mention many topics in passing, which would make a topic word look common.
   */
  idf(key: string): number {
    const n = this.entries.size;
    const df = this.questionDf.get(key) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  upsert(entry: FaqEntryInput): void {
    this.remove(entry.id);
    const slot = this.freeSlots.pop() ?? this.bySlot.length;
    const indexed: IndexedEntry = { id: entry.id, slot, weights: new Map(), variants: [], surfaces: new Set() };
    for (const lang of LANGS) {
      for (const question of entry.questions[lang] ?? []) {
        indexed.variants.push(this.addText(indexed, question, lang, 1));
      }
    }
    for (const lang of LANGS) {
      const answer = entry.answer[lang];
      if (answer) this.addText(indexed, answer, lang, ANSWER_FIELD_WEIGHT);
    }
    for (const [key, weight] of indexed.weights) {
      let posting = this.postings.get(key);
      if (!posting) {
        posting = new Map();
        this.postings.set(key, posting);
      }
      posting.set(slot, weight);
      this.packed.delete(key);
      if (weight === 1) this.questionDf.set(key, (this.questionDf.get(key) ?? 0) + 1);
    }
    for (const surface of indexed.surfaces) {
      const refs = this.surfaceRefs.get(surface) ?? 0;
      this.surfaceRefs.set(surface, refs + 1);
      if (refs === 0) this.fuzzy.add(surface);
    }
    this.entries.set(entry.id, indexed);
    this.bySlot[slot] = indexed;
  }

  remove(id: string): void {
    const old = this.entries.get(id);
    if (!old) return;
    this.entries.delete(id);
    this.bySlot[old.slot] = undefined;
    this.freeSlots.push(old.slot);
    for (const [key, weight] of old.weights) {
      if (weight === 1) {
        const df = (this.questionDf.get(key) ?? 1) - 1;
        if (df > 0) this.questionDf.set(key, df);
        else this.questionDf.delete(key);
      }
      const posting = this.postings.get(key);
      if (!posting) continue;
      posting.delete(old.slot);
      this.packed.delete(key);
      if (posting.size === 0) this.postings.delete(key);
    }
    for (const surface of old.surfaces) {
      const refs = (this.surfaceRefs.get(surface) ?? 1) - 1;
      if (refs > 0) {
        this.surfaceRefs.set(surface, refs);
        continue;
      }
      this.surfaceRefs.delete(surface);
      this.surfaceKeys.delete(surface);
      this.fuzzy.delete(surface);
    }
  }

  private addText(entry: IndexedEntry, text: string, lang: Lang, fieldWeight: number): VariantToken[] {
    const tokens: VariantToken[] = [];
    for (const token of analyzeIndexText(text, lang)) {
      const keys = [token.key, ...token.concepts];
      tokens.push(keys);
      for (const key of keys) {
        if ((entry.weights.get(key) ?? 0) < fieldWeight) entry.weights.set(key, fieldWeight);
      }
      // Only question words are typo targets: answers hold many rare words nobody asks about.
      if (fieldWeight === 1 && token.surface.length >= 4) {
        entry.surfaces.add(token.surface);
        let known = this.surfaceKeys.get(token.surface);
        if (!known) {
          known = new Set();
          this.surfaceKeys.set(token.surface, known);
        }
        for (const key of keys) known.add(key);
      }
    }
    return tokens;
  }
}

/**
 * BM25F ranking of FAQ entries for a message, with the figures calibration needs: how much of the
 * message's weight the entry explains and how much of it no entry knows.
 *
 * A query word may stand for several index keys (its Russian, Kazakh and English stems, a lexicon
 * concept, a near spelling for a typo); per entry the best of them counts, scaled by how sure the
 * match is. Ranking can leave one question variant, or one whole entry, out of the index: the
 * calibration uses that to ask the FAQ's own questions as residents would (see calibration.ts).
 */
import { conceptsOf, misspeltLexiconWord, type WeightedToken, type QueryToken } from './analyze';
import { addCount, countIn, dfShare, Field, FieldIndex, isAsked, type FieldCounts, type IndexedEntry } from './field-index';
import { isQuestionKindKey } from './question-kinds';
import { isMisspeltStopword } from './stopwords';

/** How sure a misspelt word is of the word it looks like: a little above their trigram similarity. */
function typoQuality(similarity: number): number {
  return Math.min(1, similarity + 0.15);
}

export interface RankOptions {
  /** A lexicon match is good evidence but weaker than the same word. */
  conceptQuality: number;
  /** Below this trigram similarity a longer word is unknown rather than misspelt. */
  minFuzzySimilarity: number;
  /** Words of five letters or fewer need a closer match: "right" is not a typo of "night". */
  minShortFuzzySimilarity: number;
  /**
   * A word no entry knows weighs this share of the idf a word of no entry would have (document
   * frequency 0: a third above a word only one entry has in a FAQ of 30, an eighth at 10,000).
   * Weighed as a word of one entry instead, the shared suites gained answers and wrong answers
   * alike (12 fixed, 12 broken over the ratchet's runs).
   */
  unknownWeightShare: number;
  /** How many best entries are returned. */
  depth: number;
}

export const DEFAULT_RANK_OPTIONS: RankOptions = {
  conceptQuality: 0.7,
  minFuzzySimilarity: 0.5,
  minShortFuzzySimilarity: 0.7,
  unknownWeightShare: 1,
  depth: 10,
};

/** Leave one entry (no `variant`) or one of its question variants out of the index. */
export interface Exclusion {
  slot: number;
  variant?: number;
}

export interface RankedEntry {
  id: string;
  slot: number;
  /** Σ over message words of weight × match quality × idf × saturated field frequency. */
  score: number;
  /**
   * Σ over message words the entry asks about (in a question or its topic, not only in its answer)
   * of weight × idf × match quality.
   */
  explained: number;
  /**
   * Σ over message words the entry asks about that are not the kind of answer asked
   * (question-kinds.ts) of weight × idf × the best match quality among the word's keys it asks
   * about: 1 for the word itself, less for a lexicon concept or a typo. Unlike `explained`, not the
   * quality of the key that scored best (a concept its questions say in every language can
   * outscore the word said in one).
   */
  askedContent: number;
  /** How many of those words it asks about, however closely: out of Ranking.knownContentWords. */
  askedWords: number;
  /**
   * Whether it says any of those words at all, its answer's prose included: one that does not
   * shares only the kind of answer asked with the message ("когда починят?" and "Когда приходит
   * пенсия?").
   */
  saysContent: boolean;
  // The three are 0 and false beyond the best entries `Ranker.rank` was asked to work them out for.
}

export interface Ranking {
  /** Best first, at most `depth`. */
  entries: RankedEntry[];
  /** Σ over message words of weight × idf (words no entry knows included). */
  totalWeight: number;
  /** The part of `totalWeight` from words no entry knows. */
  unknownWeight: number;
  /** How many of the message's words some entry knows. */
  knownWords: number;
  /** How many of those are words, not the kind of answer asked (question-kinds.ts). */
  knownContentWords: number;
  /** The part of `totalWeight` from those words: what an entry's `askedContent` is out of. */
  contentWeight: number;
  /** How many of those the FAQ knows only as a typo of one of its words (ResolvedToken.guessed). */
  guessedWords: number;
  /** Every index key the message's words stand for, for the precision feature. */
  keys: ReadonlySet<string>;
  /**
   * One of the message's several questions, each with its mark and words, is one the FAQ knows no
   * word of ("Когда дадут горячую воду? Сколько стоит аренда лодки?": see sentenceReading).
   */
  unknownQuestion: boolean;
}

/** In a FAQ of at least this many entries, a key in more than COMMON_KEY_SHARE of them only scores candidates. */
const COMMON_KEY_MIN_ENTRIES = 1000;
const COMMON_KEY_SHARE = 0.1;
/** Candidate lists longer than this are pruned after each word. */
const PRUNE_ABOVE = 200;

const EMPTY: Ranking = {
  entries: [],
  totalWeight: 0,
  unknownWeight: 0,
  knownWords: 0,
  knownContentWords: 0,
  contentWeight: 0,
  guessedWords: 0,
  keys: new Set(),
  unknownQuestion: false,
};

/** The index as seen with an exclusion applied: document counts, frequencies and key existence. */
class View {
  readonly n: number;
  private readonly left?: IndexedEntry;
  private readonly variantCounts?: Map<string, number>;
  private readonly whole: boolean;
  readonly leftLengths?: Float64Array;

  constructor(
    private readonly index: FieldIndex,
    exclusion: Exclusion | undefined,
  ) {
    this.left = exclusion ? index.entryOfSlot(exclusion.slot) : undefined;
    this.whole = !!this.left && exclusion?.variant === undefined;
    this.n = index.size - (this.whole ? 1 : 0);
    if (this.left && exclusion?.variant !== undefined) {
      const variant = this.left.variants[exclusion.variant] ?? [];
      this.variantCounts = new Map();
      for (const keys of variant) for (const key of keys) this.variantCounts.set(key, (this.variantCounts.get(key) ?? 0) + 1);
      const lengths = Float64Array.from(this.left.lengths);
      const lang = this.left.variantLangs[exclusion.variant];
      const langs = this.left.questionLangs;
      const lastOfLang = this.left.variantLangs.filter((l) => l === lang).length === 1;
      lengths[Field.Question] =
        (this.left.lengths[Field.Question] * langs - variant.length) / Math.max(1, langs - (lastOfLang ? 1 : 0));
      this.leftLengths = lengths;
    }
  }

  get leftSlot(): number {
    return this.left?.slot ?? -1;
  }

  get leavesWholeEntry(): boolean {
    return this.whole;
  }

  /** The left-out entry's counts for a key once its variant is gone (0: none left). */
  countsWithout(key: string): FieldCounts {
    const counts = this.left?.tf.get(key);
    if (counts === undefined || this.whole) return 0;
    return addCount(counts, Field.Question, -(this.variantCounts?.get(key) ?? 0));
  }

  exists(key: string): boolean {
    const posting = this.index.postingsOf(key);
    if (!posting) return false;
    if (!this.left || posting.slots.length > 1 || posting.slots[0] !== this.left.slot) return true;
    return this.countsWithout(key) !== 0;
  }

  idf(key: string): number {
    let df = this.index.dfOf(key);
    const counts = this.left?.tf.get(key);
    if (counts !== undefined) df -= dfShare(counts, this.index.params) - dfShare(this.countsWithout(key), this.index.params);
    return FieldIndex.idf(Math.max(0, df), this.n);
  }
}

interface ResolvedToken {
  /** [key, match quality, the key's idf as the view sees it] */
  keys: Array<[string, number, number]>;
  weight: number;
  /** The word's own idf: its rarest key's, or an unseen word's. */
  idf: number;
  /** Its keys are a FAQ or lexicon word it is taken to be a typo of: the word itself is not known. */
  guessed?: boolean;
}

/**
 * Adds `key` to a word's keys, once, when the view has it (a function of the module, not a closure
 * made per word: ARCHITECTURE.md, "Hot paths").
 */
function addKey(keys: Array<[string, number, number]>, view: View, key: string, quality: number): void {
  for (const known of keys) if (known[0] === key) return;
  if (view.exists(key)) keys.push([key, quality, view.idf(key)]);
}

/** Where `slot` is in ascending `slots` (binary search), or -1. */
function positionOf(slots: Int32Array, slot: number): number {
  let low = 0;
  let high = slots.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = slots[middle];
    if (at === slot) return middle;
    if (at < slot) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/**
 * The order of the best entries: by score, and of entries tied, by id, so that the same entries are
 * kept in whatever order their slots come (an index edited entry by entry ranks as one built afresh).
 */
function ranksAfter(score: number, id: string, otherScore: number, otherId: string): boolean {
  return score < otherScore || (score === otherScore && id > otherId);
}

export class Ranker {
  /** Scratch space reused across queries (always left zeroed). */
  private best = new Float64Array(64);
  /** The match quality of the key that scored best, when the entry asks about it; else 0. */
  private bestAskedQuality = new Float64Array(64);
  private score = new Float64Array(64);
  private explained = new Float64Array(64);
  /**
   * The slots the current word touched: the first `touchedCount` of `touched`. Each slot once (only
   * a value above zero is taken, and `best` then marks the slot), so the slot capacity holds them;
   * reused across words and queries, where a growing array cost allocations at 10,000 entries.
   */
  private touched = new Int32Array(64);
  private touchedCount = 0;
  /** The slots scored so far (a score above zero): the first `candidateCount` of `candidates`. */
  private candidates = new Int32Array(64);
  private candidateCount = 0;
  /** The `depth` best scores, for kthBest. */
  private readonly kth: Float64Array;

  constructor(
    private readonly index: FieldIndex,
    private readonly options: RankOptions = DEFAULT_RANK_OPTIONS,
  ) {
    this.kth = new Float64Array(Math.max(1, options.depth));
  }

  /**
   * @param asked how many of the best entries get RankedEntry.askedContent and askedWords (the
   *   rest keep 0): a match needs them for the candidates it returns, the confidence's simulated
   *   residents for none. Worked out for all ten, they took a tenth of a match at 10,000 entries.
   */
  rank(tokens: readonly WeightedToken[], exclusion?: Exclusion, asked = this.options.depth): Ranking {
    const view = new View(this.index, exclusion);
    if (view.n <= 0 || tokens.length === 0) return EMPTY;
    const { resolved, ...summary } = this.resolveAll(tokens, view);
    if (summary.totalWeight === 0) return EMPTY;
    const touched = this.accumulate(resolved, view);
    const entries = this.top(touched);
    for (const entry of entries.slice(0, asked)) this.askedOf(entry, resolved, view);
    return { entries, ...summary };
  }

  /**
   * RankedEntry.askedContent and askedWords of one of the best entries, worked out after ranking:
   * for the few entries returned, not in the loop over every entry a word touches.
   */
  private askedOf(ranked: RankedEntry, tokens: readonly ResolvedToken[], view: View): void {
    const entry = this.index.entryOfSlot(ranked.slot);
    if (!entry) return;
    const left = ranked.slot === view.leftSlot;
    for (const token of tokens) {
      // A kind of answer asked stands for itself alone: its one key is a kind's.
      if (token.keys.length === 0 || isQuestionKindKey(token.keys[0][0])) continue;
      let quality = 0;
      for (const [key, q] of token.keys) {
        const counts = left ? view.countsWithout(key) : (entry.tf.get(key) ?? 0);
        if (counts !== 0) ranked.saysContent = true;
        if (q > quality && counts !== 0 && isAsked(counts)) quality = q;
      }
      if (quality === 0) continue;
      ranked.askedContent += token.weight * token.idf * quality;
      ranked.askedWords += 1;
    }
  }

  /**
   * The index keys the message's words stand for (Ranking.keys), as `rank` finds them, without
   * scoring a single entry: labelling the entries offered needs no second ranking of the FAQ.
   */
  keysOf(tokens: readonly WeightedToken[]): ReadonlySet<string> {
    const view = new View(this.index, undefined);
    if (view.n <= 0 || tokens.length === 0) return EMPTY.keys;
    const { keys, totalWeight } = this.resolveAll(tokens, view);
    return totalWeight === 0 ? EMPTY.keys : keys;
  }

  /**
   * The surfaces (QueryToken.surface) of the message's words no entry knows, as `rank` counts them
   * (a remark's words left out): what an editor might teach the FAQ. Not worked out by `rank`,
   * which every message and simulated resident goes through.
   */
  unknownSurfacesOf(tokens: readonly WeightedToken[]): string[] {
    const view = new View(this.index, undefined);
    if (view.n <= 0) return [];
    const { counted } = this.countedWords(tokens, view);
    return tokens.filter((_, i) => counted[i]?.keys.length === 0).map((t) => t.token.surface);
  }

  /**
   * Each word's keys as the view has them, null for a word that does not count: one with nothing
   * to look up (a kind of answer no question asks), or said in a remark put as a question beside
   * the question the FAQ knows, which counts not at all (sentenceReading).
   */
  private countedWords(tokens: readonly WeightedToken[], view: View): { counted: ReadonlyArray<ResolvedToken | null>; unknownQuestion: boolean } {
    const found = tokens.map(({ token, weight }) => this.resolve(token, weight, view));
    const { remarks, unknownQuestion } = sentenceReading(tokens, found);
    return { counted: remarks ? found.map((r, i) => (remarks[tokens[i].sentence] ? null : r)) : found, unknownQuestion };
  }

  /** Each word's keys, and the ranking's weights and keys that follow from them. */
  private resolveAll(tokens: readonly WeightedToken[], view: View): Omit<Ranking, 'entries'> & { resolved: ResolvedToken[] } {
    const resolved: ResolvedToken[] = [];
    const keys = new Set<string>();
    let totalWeight = 0;
    let unknownWeight = 0;
    let knownWords = 0;
    let guessedWords = 0;
    let knownContentWords = 0;
    let contentWeight = 0;
    const { counted, unknownQuestion } = this.countedWords(tokens, view);
    for (let i = 0; i < tokens.length; i += 1) {
      const r = counted[i];
      if (!r) continue;
      const { token } = tokens[i];
      resolved.push(r);
      const w = r.weight * r.idf;
      totalWeight += w;
      if (r.keys.length === 0) unknownWeight += w;
      else {
        knownWords += 1;
        if (!isQuestionKindKey(token.surface)) {
          knownContentWords += 1;
          contentWeight += w;
        }
        if (r.guessed) guessedWords += 1;
      }
      for (const [key] of r.keys) keys.add(key);
    }
    return { resolved, keys, totalWeight, unknownWeight, knownWords, knownContentWords, contentWeight, guessedWords, unknownQuestion };
  }

  /**
   * Entry slot → score and explained weight in the scratch arrays; returns the candidate slots.
   *
   * MaxScore pruning keeps a large FAQ cheap without changing the result: words are taken from the
   * most to the least they can add; once the words left could not lift an entry not yet scored
   * above the current `depth`-th best, they only add to the entries already scored, and entries
   * that can no longer reach the `depth`-th best are dropped. The best `depth` come out exact.
   */
  private accumulate(tokens: readonly ResolvedToken[], view: View): Int32Array {
    this.ensureCapacity(this.index.slotCapacity);
    const { best, bestAskedQuality, score, explained } = this;
    const leftSlot = view.leftSlot;
    this.candidateCount = 0;
    const ordered = tokens
      .filter((t) => t.keys.length > 0)
      .map((token) => ({ token, most: token.weight * Math.max(...token.keys.map(([, q, idf]) => idf * q)) }))
      .sort((a, b) => b.most - a.most);
    let remaining = ordered.reduce((sum, t) => sum + t.most, 0);
    // The `depth`-th best score so far: it only grows as words are added.
    let threshold = 0;
    let topScore = 0;
    for (const { token, most } of ordered) {
      // Never below zero: a rounding error there would prune the entries tied with the `depth`-th
      // best, and all below them.
      remaining = Math.max(0, remaining - most);
      // An entry no word has touched yet can reach at most what this word and the rest add.
      const closed = threshold > most + remaining;
      this.touchedCount = 0;
      for (const [key, quality, keyIdf] of token.keys) {
        const packed = this.index.packedPostingsOf(key);
        if (!packed) continue;
        const idf = keyIdf * quality;
        const { slots, sat, asked } = packed;
        // In a large FAQ a key most entries share (a broad lexicon concept, "hours") is all but a stop
        // word: it only adds to entries other words found, never brings in new ones.
        const common = view.n >= COMMON_KEY_MIN_ENTRIES && slots.length > COMMON_KEY_SHARE * view.n && this.candidateCount > 0;
        // Then only the candidates (a score above zero) can take the key's value. Walking the
        // posting in slot order and skipping the others costs what looking each candidate up in a
        // slot-indexed copy of the posting did, without the copy (50 MB at 10,000 entries).
        const onlyCandidates = closed || common;
        // Few candidates against a long posting: look each up in it instead, by binary search (its
        // slots ascend), about log2 of its length a candidate against its whole length walked.
        if (onlyCandidates && this.candidateCount * (Math.log2(slots.length) + 1) < slots.length) {
          for (let c = 0; c < this.candidateCount; c += 1) {
            const slot = this.candidates[c];
            const i = positionOf(slots, slot);
            if (i < 0) continue;
            if (slot === leftSlot) this.offerLeftOut(slot, key, idf, quality, view);
            else this.offer(slot, idf * sat[i], quality, asked[i] === 1);
          }
          continue;
        }
        for (let i = 0; i < slots.length; i += 1) {
          const slot = slots[i];
          if (onlyCandidates && score[slot] === 0) continue;
          if (slot !== leftSlot) {
            // The hot loop: plain typed-array reads and writes, no calls.
            const value = idf * sat[i];
            const previous = best[slot];
            if (previous === 0 && value > 0) this.touched[this.touchedCount++] = slot;
            if (value > previous) {
              best[slot] = value;
              bestAskedQuality[slot] = asked[i] ? quality : 0;
            }
            continue;
          }
          this.offerLeftOut(slot, key, idf, quality, view);
        }
      }
      const { touched, touchedCount, candidates } = this;
      const explains = token.weight * token.idf;
      for (let t = 0; t < touchedCount; t += 1) {
        const slot = touched[t];
        if (score[slot] === 0) candidates[this.candidateCount++] = slot;
        const sum = score[slot] + token.weight * best[slot];
        score[slot] = sum;
        if (sum > topScore) topScore = sum;
        explained[slot] += explains * bestAskedQuality[slot];
        best[slot] = 0;
        bestAskedQuality[slot] = 0;
      }
      // While even the best score so far is within what the words left can add, the threshold
      // (at most that score) can neither close the next word nor prune: not worth computing yet.
      if (this.candidateCount >= this.options.depth && topScore > remaining) threshold = this.kthBest();
      if (this.candidateCount > PRUNE_ABOVE) this.prune(threshold - remaining);
    }
    return this.candidates.subarray(0, this.candidateCount);
  }

  /** The `depth`-th best score among the candidates (there are at least `depth`). */
  private kthBest(): number {
    const { candidates, candidateCount, score, kth } = this;
    const k = kth.length;
    // Best first; the candidates' scores are above zero, so the zeros are places not yet taken.
    kth.fill(0);
    for (let c = 0; c < candidateCount; c += 1) {
      const s = score[candidates[c]];
      if (s <= kth[k - 1]) continue;
      let i = k - 1;
      while (i > 0 && kth[i - 1] < s) {
        kth[i] = kth[i - 1];
        i -= 1;
      }
      kth[i] = s;
    }
    return kth[k - 1];
  }

  /** Drops (and clears) candidates below `threshold`, in place: the words left cannot lift them into the best. */
  private prune(threshold: number): void {
    if (threshold <= 0) return;
    const { candidates, score, explained } = this;
    let kept = 0;
    for (let i = 0; i < this.candidateCount; i += 1) {
      const slot = candidates[i];
      if (score[slot] >= threshold) {
        candidates[kept] = slot;
        kept += 1;
      } else {
        score[slot] = 0;
        explained[slot] = 0;
      }
    }
    this.candidateCount = kept;
  }

  /** The entry one of whose variants is left out: its counts without that variant. */
  private offerLeftOut(slot: number, key: string, idf: number, quality: number, view: View): void {
    const counts = view.countsWithout(key);
    if (counts !== 0) this.offer(slot, idf * this.index.saturate(counts, view.leftLengths as Float64Array), quality, isAsked(counts));
  }

  /** A key's value for one entry: the token keeps the best of its keys per entry. */
  private offer(slot: number, value: number, quality: number, asked: boolean): void {
    if (value <= 0) return;
    if (this.best[slot] === 0) this.touched[this.touchedCount++] = slot;
    if (value > this.best[slot]) {
      this.best[slot] = value;
      this.bestAskedQuality[slot] = asked ? quality : 0;
    }
  }

  /** The best `depth` entries of the touched slots, best first; clears the scratch arrays. */
  private top(slots: Int32Array): RankedEntry[] {
    const k = this.options.depth;
    const { score, explained } = this;
    const out: RankedEntry[] = [];
    for (let c = 0; c < slots.length; c += 1) {
      const slot = slots[c];
      const s = score[slot];
      const explains = explained[slot];
      score[slot] = 0;
      explained[slot] = 0;
      const last = out.length === k ? out[k - 1] : undefined;
      // A lower score than the last one kept goes without looking its entry up.
      if (last && s < last.score) continue;
      const entry = this.index.entryOfSlot(slot);
      if (!entry) continue;
      if (last && ranksAfter(s, entry.id, last.score, last.id)) continue;
      let i = last ? k - 1 : out.length;
      while (i > 0 && ranksAfter(out[i - 1].score, out[i - 1].id, s, entry.id)) i -= 1;
      out.splice(i, 0, { id: entry.id, slot, score: s, explained: explains, askedContent: 0, askedWords: 0, saysContent: false });
      if (out.length > k) out.pop();
    }
    return out;
  }

  private ensureCapacity(capacity: number): void {
    if (this.best.length >= capacity) return;
    const size = capacity * 2;
    this.best = new Float64Array(size);
    this.bestAskedQuality = new Float64Array(size);
    this.score = new Float64Array(size);
    this.explained = new Float64Array(size);
    this.touched = new Int32Array(size);
    this.candidates = new Int32Array(size);
  }

  /**
   * Which index keys a message word hits (exact, via the lexicon, as a Latin name typed in Cyrillic,
   * without a soft sign it should have, or as a typo); null = ignore it.
   */
  private resolve(token: QueryToken, weight: number, view: View): ResolvedToken | null {
    const keys: Array<[string, number, number]> = [];
    this.addWordKeys(keys, view, token, 1);
    // A kind of question no FAQ question asks says nothing either way.
    if (keys.length === 0 && isQuestionKindKey(token.surface)) return null;
    // A Latin name typed in Cyrillic, when the FAQ writes one of its spellings as it is: "каспи" is
    // Kaspi, while "лифт" is not "lifted" (the stem alone would make it so).
    if (keys.length === 0 && token.latinForms.some((form) => this.index.hasLatinWord(form))) for (const key of token.fallbacks) addKey(keys, view, key, 1);
    // The same word with its soft or hard sign dropped ("lgoty", "болница"), with the lexicon's
    // concepts of the word signed ("obyazatelny" is "обязательны", which the lexicon groups).
    if (keys.length === 0) {
      for (const key of token.candidates) {
        for (const signed of this.index.keysWithSigns(key) ?? []) {
          addKey(keys, view, signed, 1);
          for (const concept of conceptsOf([signed])) addKey(keys, view, concept, this.options.conceptQuality);
        }
      }
    }
    // A letter typed twice ("маггазиндер"): the first spelling with it once that the FAQ knows, as
    // sure as the word a dropped soft sign is.
    if (keys.length === 0) {
      for (const respelt of token.respellings ?? []) {
        this.addWordKeys(keys, view, respelt, 1);
        if (keys.length > 0) break;
      }
    }
    const guessed = keys.length === 0 && !token.numeric && token.surface.length >= 4;
    if (guessed) {
      const min = token.surface.length <= 5 ? this.options.minShortFuzzySimilarity : this.options.minFuzzySimilarity;
      // Failing trigram similarity, a word one slip away, as sure as a short word's closest match must be.
      const hit =
        this.index.fuzzy.best(token.surface, min, this.options.minShortFuzzySimilarity) ??
        (token.reading ? this.index.fuzzy.best(token.reading, min, this.options.minShortFuzzySimilarity) : null);
      const known = hit && this.typoInLanguage(hit.word, token) ? this.index.keysOfSurface(hit.word) : undefined;
      if (hit && known) this.addTargetKeys(keys, view, known, hit.similarity);
      // Failing the words as written, the word's stem against theirs: a slip in another form.
      const stemHit = keys.length === 0 ? this.index.stemTypos.best(token.candidates, token.typoLang, this.options.minFuzzySimilarity, this.options.minShortFuzzySimilarity) : null;
      if (stemHit) this.addTargetKeys(keys, view, stemHit.keys, stemHit.similarity);
      // Then a lexicon word the FAQ does not write but a synonym of which it does.
      const meant = keys.length === 0 ? misspeltLexiconWord(token.surface, token.typoLang) : null;
      if (meant) this.addWordKeys(keys, view, meant, typoQuality(this.options.minShortFuzzySimilarity));
    }
    if (keys.length === 0) {
      // Numbers and very short words we cannot place are noise, not evidence of another topic.
      // (A day of the week no entry writes, left out as a number is, changed none of the nine
      // evaluation runs: it stays a word.)
      if (token.numeric || token.surface.length <= 2) return null;
      // A function word with a slip ("пожалуйта", "becuase") says nothing either; a word of the
      // lexicon is a word, not a slip ("скользко" is one letter from "сколько", "әкімге" from "кімге").
      if (token.concepts.length === 0 && isMisspeltStopword(token.surface)) return null;
      // A word of a context sentence (weight below 1) that no entry knows is the story around the
      // question ("on the 8th floor with a pram"), not a sign it is out of scope: it is left out,
      // so a long message's narrative does not drown what the FAQ explains. (Counted at 0.16 or
      // 0.08 instead, the figures on all four FAQs were the same or a case worse; at 0.15 or 0.4
      // on the nine evaluation runs, shared and unseen, a case or two worse on three and four of
      // them, none better.)
      if (weight < 1) return null;
      return { keys, weight, idf: FieldIndex.idf(0, view.n) * this.options.unknownWeightShare };
    }
    let idf = 0;
    for (const [, , keyIdf] of keys) idf = Math.max(idf, keyIdf);
    // Written out, not spread: this runs for every word of every message.
    return guessed ? { keys, weight, idf, guessed } : { keys, weight, idf };
  }

  /** A word's own keys at `quality`, its lexicon concepts at that less the lexicon's discount. */
  private addWordKeys(keys: Array<[string, number, number]>, view: View, word: QueryToken, quality: number): void {
    for (const key of word.candidates) addKey(keys, view, key, quality);
    for (const concept of word.concepts) addKey(keys, view, concept, quality * this.options.conceptQuality);
  }

  /**
   * The keys of the FAQ word (or stem) a typo is taken for, as sure as `similarity` makes it, its
   * lexicon concepts at that less the lexicon's discount.
   */
  private addTargetKeys(keys: Array<[string, number, number]>, view: View, target: ReadonlySet<string>, similarity: number): void {
    const quality = typoQuality(similarity);
    for (const key of target) addKey(keys, view, key, key.startsWith('#') ? quality * this.options.conceptQuality : quality);
  }

  /** Whether the FAQ word a typo looks like may be what the message meant (QueryToken.typoLang). */
  private typoInLanguage(word: string, token: QueryToken): boolean {
    if (!token.typoLang) return true;
    const langs = this.index.vocabulary.languagesOf(word);
    return langs.length === 0 || langs.includes(token.typoLang);
  }
}

/**
 * How much an entry is about one of `keys`: 1 when its answer says one of them, otherwise the
 * largest share, over languages, of its question variants that contain one.
 */
export function askedShare(entry: IndexedEntry, keys: ReadonlySet<string>, skipVariant?: number): number {
  for (const key of keys) {
    const counts = entry.tf.get(key);
    if (counts !== undefined && countIn(counts, Field.Answer) > 0) return 1;
  }
  const asked = new Map<string, [number, number]>();
  entry.variants.forEach((variant, i) => {
    if (i === skipVariant) return;
    const counts = asked.get(entry.variantLangs[i]) ?? [0, 0];
    counts[1] += 1;
    if (variant.some((wordKeys) => wordKeys.some((k) => keys.has(k)))) counts[0] += 1;
    asked.set(entry.variantLangs[i], counts);
  });
  let best = 0;
  for (const [hit, all] of asked.values()) best = Math.max(best, hit / all);
  return best;
}

/**
 * Share (by idf) of the best-covered question variant's words that the message contains. The
 * variants' weights come from the index; only the words the message has are weighed here.
 */
export function variantPrecision(
  entry: IndexedEntry,
  keys: ReadonlySet<string>,
  index: Pick<FieldIndex, 'variantWeights'>,
  skipVariant?: number,
): number {
  // Every message asks this of its first entry: the idfs come with the variant weights, and the
  // loops call nothing.
  const { totals, idfs } = index.variantWeights(entry);
  let best = 0;
  for (let i = 0; i < entry.variants.length; i += 1) {
    const total = totals[i];
    if (i === skipVariant || total <= 0) continue;
    const variant = entry.variants[i];
    const terms = idfs[i];
    let hit = 0;
    for (let w = 0; w < variant.length; w += 1) {
      const wordKeys = variant[w];
      for (let k = 0; k < wordKeys.length; k += 1) {
        if (keys.has(wordKeys[k])) {
          hit += terms[w];
          break;
        }
      }
    }
    if (hit / total > best) best = hit / total;
  }
  return best;
}

/**
 * The entry's question variant in `lang` that has the most words standing for one of `keys`, when
 * it has more of them than the entry's first variant in `lang` (the first of the best on a tie);
 * undefined otherwise, or when the entry has no variant in `lang`. Words are counted, not weighed:
 * a word's keys differ a little from variant to variant, and only a clearly closer question should
 * replace the one the editors put first.
 */
export function closestVariant(entry: IndexedEntry, keys: ReadonlySet<string>, lang: string): number | undefined {
  let first = -1;
  let firstWords = 0;
  let best = -1;
  let bestWords = 0;
  for (let i = 0; i < entry.variants.length; i += 1) {
    if (entry.variantLangs[i] !== lang) continue;
    let words = 0;
    for (const wordKeys of entry.variants[i]) if (wordKeys.some((k) => keys.has(k))) words += 1;
    if (first < 0) {
      first = i;
      firstWords = words;
    }
    if (words > bestWords) {
      best = i;
      bestWords = words;
    }
  }
  return best >= 0 && bestWords > firstWords ? best : undefined;
}

/**
 * How the message's sentences count. `remarks`: the sentences whose words the ranking leaves out
 * (null: none), remarks put as questions. Of the sentences that count fully (a message's
 * questions, or all of it when its question names nothing or points back: sentences/segments.ts),
 * one the FAQ knows no word of, beside one it knows a word of, asks nothing this FAQ answers ("асп
 * как оформить. Куда смотрят власти?", "интернетты қашан қосады. Бұл қалыпты ма?", "лифт. Почему
 * всегда так?"): its words no entry knows made what the FAQ does answer look unexplained, and the
 * kind of answer it asks drew entries that ask that kind. A story's words no entry knows are left
 * out already (resolve).
 *
 * Left in: the only question, when a story weighs less beside it ("Лифт сломался. Где заказать
 * запчасти?" is a question the FAQ cannot answer); the matter of a message of statements
 * ("recommend a good restaurant. All the neighbours are upset too."); and each of several
 * questions with a mark and words of its own ("Когда дадут горячую воду? Сколько стоит аренда
 * лодки?"), as between such sentences only the mark tells a question. A sentence of question words
 * alone ("…? Почему всегда так?", "Ямы у дома. Когда?") is left out, its kind with it: the story
 * already tells the entry (kept, the suites were the same and messages with a rhetorical question
 * added kept about half of the gain). A word said in two sentences counts from the first
 * (analyze.ts, keepHeaviest).
 *
 * `unknownQuestion`: one of those several questions is one the FAQ knows no word of, beside one it
 * knows (the boat's hire above): the message is not answered outright as a whole, whatever share
 * of it the unknown question is (MatchResult.doubt 'unknown-question'), so the question the FAQ
 * cannot answer is not passed over behind an answer to the other.
 */
function sentenceReading(tokens: readonly WeightedToken[], found: ReadonlyArray<ResolvedToken | null>): { remarks: Uint8Array | null; unknownQuestion: boolean } {
  // Most messages are one sentence: nothing to compare.
  let sentences = 0;
  for (const t of tokens) sentences = Math.max(sentences, t.sentence + 1);
  if (sentences < 2) return NO_REMARKS;
  const full = new Uint8Array(sentences);
  const knows = new Uint8Array(sentences);
  const asked = new Uint8Array(sentences);
  // A question's words no entry knows (numbers and the like aside: resolve drops them).
  const unknown = new Uint8Array(sentences);
  tokens.forEach((t, i) => {
    if (t.weight < 1) return;
    full[t.sentence] = 1;
    const isWord = !isQuestionKindKey(t.token.surface);
    if (t.markedQuestion && isWord) asked[t.sentence] = 1;
    const r = found[i];
    if (r && r.keys.length > 0 && isWord) knows[t.sentence] = 1;
    if (r && r.keys.length === 0 && t.markedQuestion && isWord) unknown[t.sentence] += 1;
  });
  const remarks = new Uint8Array(sentences);
  let anyKnown = false;
  let anyRemark = false;
  let anyUnknownAsked = false;
  for (let s = 0; s < sentences; s += 1) {
    if (!full[s]) continue;
    if (knows[s]) anyKnown = true;
    else if (!asked[s]) {
      anyRemark = true;
      remarks[s] = 1;
    } else if (unknown[s] >= UNKNOWN_QUESTION_WORDS) anyUnknownAsked = true;
  }
  return { remarks: anyKnown && anyRemark ? remarks : null, unknownQuestion: anyKnown && anyUnknownAsked };
}

const NO_REMARKS = { remarks: null, unknownQuestion: false };

/**
 * A question of the FAQ's ignorance names a matter of its own in this many words ("Сколько стоит
 * аренда лодки?"); one word is an aside about the matter asked beside it ("…Куда звонить? Это
 * надолго?", "…Неге сонша?", "…Қанша күнде келеді?"): marked apart, they were answered with it.
 */
const UNKNOWN_QUESTION_WORDS = 2;

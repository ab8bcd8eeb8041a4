/**
 * Retrieval and calibrated scoring over the inverted index.
 *
 * Raw relevance alone does not say whether to answer: an out-of-scope question often shares a
 * word or two with some entry. So each candidate gets features that mean the same whatever the
 * FAQ's size — how much of the question (by word weight) the entry explains, where words the index
 * has never seen count as unexplained (coverage); how much of its best question variant the message
 * covers (precision); how much matched evidence there is in units of one rare word (evidence); and
 * how far ahead of the runner-up it is — and `calibrate` maps them into [0, 1].
 */
import type { Lang } from '../i18n/languages';
import type { FaqEntryInput } from '../faq/types';
import type { FaqMatcher, MatchCandidate, MatchResult } from './types';
import { analyzeQuery, type QueryToken } from './analyze';
import { InvertedIndex, type PackedPosting } from './inverted-index';

/** Knobs of retrieval and calibration; the defaults are tuned on the demo FAQ. */
export interface ScoringOptions {
  /** A lexicon match is good evidence but weaker than the same word. */
  conceptQuality: number;
  /** Below this trigram similarity a longer word is unknown rather than misspelt. */
  minFuzzySimilarity: number;
  /** An unknown content word weighs this share of the rarest possible word. */
  unknownWeightShare: number;
  /** Query words weigh idf^this: below 1 flattens idf, so a topic word shared by a few entries
   * ("curfew") is not drowned by a word only one entry happens to use. */
  idfExponent: number;
  /** Weight multiplier for words of the topic lexicon (see synonyms.ts). */
  topicBoost: number;
  /** base = coverage^e · precision^(1-e): how much coverage counts against precision. */
  coverageExponent: number;
  /**
   * Matched evidence, in units of "one word no other entry has", that counts as enough: an entry
   * sharing just one word with the question is weak evidence however well that word fits.
   */
  evidenceTarget: number;
  /** How hard too little evidence pulls the score down (0 = not at all). */
  evidenceExponent: number;
  /** A leader this far (in base score) ahead of the runner-up keeps its full score. */
  clearGap: number;
  /** Share of the score kept by a leader tied with the runner-up. */
  tieFactor: number;
}

export const DEFAULT_SCORING: ScoringOptions = {
  conceptQuality: 0.85,
  minFuzzySimilarity: 0.5,
  unknownWeightShare: 1.2,
  topicBoost: 1.5,
  idfExponent: 0.75,
  coverageExponent: 0.5,
  evidenceTarget: 2,
  evidenceExponent: 0.6,
  clearGap: 0.1,
  tieFactor: 0.9,
};

/**
 * A word in more than BROAD_POSTING_MIN entries and this many times the current candidates only
 * scores the candidates (small FAQs are always scored in full).
 */
const BROAD_POSTING_FACTOR = 4;
const BROAD_POSTING_MIN = 500;

/** A key no entry can have: its idf is that of a word the index has never seen. */
const UNSEEN_KEY = '\u0000unseen';

/** Only this many best entries by coverage get the costlier precision feature. */
const RERANK_DEPTH = 12;

/** A query word resolved against the index: which keys it hits, how well, how much it weighs. */
interface ResolvedToken {
  keys: Map<string, number>;
  weight: number;
}

/** Features of one candidate; exported for tests and tuning. */
export interface CandidateFeatures {
  id: string;
  coverage: number;
  precision: number;
  unknownShare: number;
  /** Σ weight × match quality of the words the entry explains, in units of one rare word. */
  evidence: number;
  base: number;
}

/**
 * Maps the top candidate's features to [0, 1]. A runner-up close behind means the message is
 * ambiguous between entries, so confidence drops as the gap shrinks.
 */
export function calibrate(
  top: CandidateFeatures,
  runnerUp: CandidateFeatures | undefined,
  options: ScoringOptions = DEFAULT_SCORING,
): number {
  const gap = runnerUp ? Math.max(0, top.base - runnerUp.base) : top.base;
  const gapFactor = options.tieFactor + (1 - options.tieFactor) * Math.min(1, gap / options.clearGap);
  return Math.max(0, Math.min(1, top.base * gapFactor));
}

/** The `k` largest values of a map, largest first, without sorting the whole map. */
function topByValue<K>(values: ReadonlyMap<K, number>, k: number): Array<[K, number]> {
  const top: Array<[K, number]> = [];
  for (const [id, value] of values) {
    if (top.length === k && value <= top[k - 1][1]) continue;
    let i = top.length === k ? k - 1 : top.length;
    while (i > 0 && top[i - 1][1] < value) i -= 1;
    top.splice(i, 0, [id, value]);
    if (top.length > k) top.pop();
  }
  return top;
}

export class LexicalMatcher implements FaqMatcher {
  private readonly index = new InvertedIndex();
  private readonly options: ScoringOptions;
  /** Scratch space for `accumulate`, reused across queries (always left zeroed). */
  private bestBySlot = new Float64Array(64);
  private sumBySlot = new Float64Array(64);
  /** Cached word weights; any change to the index changes every idf, so edits clear it. */
  private readonly weights = new Map<string, number>();

  constructor(options: Partial<ScoringOptions> = {}) {
    this.options = { ...DEFAULT_SCORING, ...options };
  }

  get size(): number {
    return this.index.size;
  }

  load(entries: readonly FaqEntryInput[]): void {
    this.weights.clear();
    this.index.clear();
    for (const entry of entries) this.index.upsert(entry);
  }

  upsert(entry: FaqEntryInput): void {
    this.weights.clear();
    this.index.upsert(entry);
  }

  remove(id: string): void {
    this.weights.clear();
    this.index.remove(id);
  }

  match(text: string, lang?: Lang, limit = 3): MatchResult {
    const features = this.rank(text, lang);
    if (features.length === 0 || limit <= 0) return { candidates: [] };
    const candidates: MatchCandidate[] = [];
    const topScore = calibrate(features[0], features[1], this.options);
    candidates.push({ id: features[0].id, score: topScore });
    for (let i = 1; i < Math.min(limit, features.length); i += 1) {
      // Runners-up keep their order; their score is the same map without the gap bonus, capped
      // below the leader so the list stays sorted.
      const score = Math.min(topScore, calibrate(features[i], features[0], this.options));
      candidates.push({ id: features[i].id, score });
    }
    return { candidates: candidates.filter((c) => c.score > 0) };
  }

  /** Candidates with their features, best first. */
  rank(text: string, lang?: Lang): CandidateFeatures[] {
    if (this.index.size === 0 || typeof text !== 'string') return [];
    const tokens = analyzeQuery(text, lang).map((t) => this.resolve(t));
    const counted = tokens.filter((t): t is ResolvedToken => t !== null);
    const totalWeight = counted.reduce((sum, t) => sum + t.weight, 0);
    if (totalWeight === 0) return [];
    const unknownWeight = counted.filter((t) => t.keys.size === 0).reduce((s, t) => s + t.weight, 0);

    const explainedBySlot = this.accumulate(counted);
    const byCoverage = topByValue(explainedBySlot, RERANK_DEPTH);
    const queryKeys = new Set<string>();
    for (const token of counted) for (const key of token.keys.keys()) queryKeys.add(key);

    const rareWord = this.weightOf(UNSEEN_KEY);
    const features: CandidateFeatures[] = [];
    for (const [slot, sum] of byCoverage) {
      const id = this.index.idOfSlot(slot);
      if (id === undefined) continue;
      const coverage = sum / totalWeight;
      const precision = this.bestVariantPrecision(slot, queryKeys);
      features.push({
        id,
        coverage,
        precision,
        unknownShare: unknownWeight / totalWeight,
        evidence: sum / rareWord,
        base: this.baseScore(coverage, precision, sum / rareWord),
      });
    }
    features.sort((a, b) => b.base - a.base || (a.id < b.id ? -1 : 1));
    return features;
  }

  /**
   * Coverage numerators: entry slot → Σ query-word weight × best match quality. Narrow words go
   * first; a word shared by far more entries than are already candidates only adds to those
   * candidates, so common words ("работает", "open") cost the candidates, not the whole FAQ.
   */
  private accumulate(tokens: readonly ResolvedToken[]): Map<number, number> {
    const capacity = this.index.slotCapacity;
    if (this.bestBySlot.length < capacity) {
      this.bestBySlot = new Float64Array(capacity * 2);
      this.sumBySlot = new Float64Array(capacity * 2);
    }
    const best = this.bestBySlot;
    const sum = this.sumBySlot;
    const candidates: number[] = [];
    const ordered = tokens
      .filter((t) => t.keys.size > 0)
      .map((t) => ({ token: t, df: this.smallestPosting(t) }))
      .sort((a, b) => a.df - b.df);
    const touched: number[] = [];
    for (const { token } of ordered) {
      touched.length = 0;
      for (const [key, quality] of token.keys) {
        const posting = this.index.postingsOf(key);
        if (!posting) continue;
        const broad = posting.size > BROAD_POSTING_MIN && posting.size > BROAD_POSTING_FACTOR * candidates.length;
        if (broad && candidates.length > 0) {
          for (const slot of candidates) {
            const fieldWeight = posting.get(slot);
            if (fieldWeight === undefined) continue;
            if (best[slot] === 0) touched.push(slot);
            best[slot] = Math.max(best[slot], fieldWeight * quality);
          }
          continue;
        }
        const { slots, weights } = this.index.packedPostingsOf(key) as PackedPosting;
        for (let i = 0; i < slots.length; i += 1) {
          const slot = slots[i];
          if (best[slot] === 0) touched.push(slot);
          const value = weights[i] * quality;
          if (value > best[slot]) best[slot] = value;
        }
      }
      for (const slot of touched) {
        if (sum[slot] === 0) candidates.push(slot);
        sum[slot] += token.weight * best[slot];
        best[slot] = 0;
      }
    }
    const explained = new Map<number, number>();
    for (const slot of candidates) {
      explained.set(slot, sum[slot]);
      sum[slot] = 0;
    }
    return explained;
  }

  private smallestPosting(token: ResolvedToken): number {
    let smallest = Infinity;
    for (const key of token.keys.keys()) smallest = Math.min(smallest, this.index.postingsOf(key)?.size ?? Infinity);
    return smallest;
  }

  /** idf^exponent, memoised: precision scoring asks for the same keys on every query. */
  private weightOf(key: string): number {
    let weight = this.weights.get(key);
    if (weight === undefined) {
      weight = Math.pow(this.index.idf(key), this.options.idfExponent);
      this.weights.set(key, weight);
    }
    return weight;
  }

  private baseScore(coverage: number, precision: number, evidence: number): number {
    const { coverageExponent: e, evidenceTarget, evidenceExponent } = this.options;
    const evidenceFactor = Math.pow(Math.min(1, evidence / evidenceTarget), evidenceExponent);
    return Math.pow(coverage, e) * Math.pow(precision, 1 - e) * evidenceFactor;
  }

  /** Share (by idf) of the best-covered question variant's words that the message contains. */
  private bestVariantPrecision(slot: number, queryKeys: ReadonlySet<string>): number {
    let best = 0;
    for (const variant of this.index.variantsOfSlot(slot)) {
      let total = 0;
      let hit = 0;
      for (const keys of variant) {
        const w = this.weightOf(keys[0]) * (keys.length > 1 ? this.options.topicBoost : 1);
        total += w;
        if (keys.some((k) => queryKeys.has(k))) hit += w;
      }
      if (total > 0 && hit / total > best) best = hit / total;
    }
    return best;
  }

  /** Which index keys a query word hits (exact, via the lexicon, or as a typo); null = ignore it. */
  private resolve(token: QueryToken): ResolvedToken | null {
    const keys = new Map<string, number>();
    for (const key of token.candidates) if (this.index.has(key)) keys.set(key, 1);
    for (const concept of token.concepts) {
      if (this.index.has(concept) && !keys.has(concept)) keys.set(concept, this.options.conceptQuality);
    }
    if (keys.size === 0 && !token.numeric && token.surface.length >= 4) {
      // Short words need a closer match: "right" is not a typo of "night".
      const minSimilarity = token.surface.length <= 5 ? 0.7 : this.options.minFuzzySimilarity;
      const hit = this.index.fuzzy.best(token.surface, minSimilarity);
      const known = hit ? this.index.keysOfSurface(hit.word) : undefined;
      if (hit && known) {
        const quality = Math.min(1, hit.similarity + 0.15);
        for (const key of known) if (this.index.has(key)) keys.set(key, quality);
      }
    }
    if (keys.size === 0) {
      // Numbers and very short words we cannot place are noise, not evidence of another topic.
      if (token.numeric || token.surface.length <= 2) return null;
      return { keys, weight: this.weightOf(UNSEEN_KEY) * this.options.unknownWeightShare };
    }
    let weight = 0;
    for (const key of keys.keys()) weight = Math.max(weight, this.weightOf(key));
    // Lexicon words are the helpline's topic vocabulary; a rare verb should not outweigh them.
    if (token.concepts.length > 0) weight *= this.options.topicBoost;
    return { keys, weight };
  }
}

/**
 * The in-memory BM25F index. Each FAQ entry is one document with three fields — its question
 * variants, its answer and its topic name — each with its own weight and length normalisation.
 * Postings keep raw term counts per field, so scoring can also leave one question variant or one
 * whole entry out (the calibration simulates residents that way, see calibration.ts). Every
 * structure is updated entry by entry: upsert and remove cost the size of one entry (plus a walk
 * of the postings of its words on remove).
 */
import type { Lang } from '../i18n/languages';
import { LANGS } from '../i18n/languages';
import type { FaqEntryInput } from '../faq/types';
import { analyzeIndexWords, questionWords } from './analyze';
import { isQuestionKindKey, questionKindKey } from './question-kinds';
import { tokenize, tokenizeWhole, withoutSigns } from './normalize';
import { StemTypos } from './stem-typos';
import type { TrigramIndex } from './trigrams';
import { TypoTargets } from './typo-targets';
import { LanguageVocabulary } from './vocabulary';

const LATIN_WORD = /^[a-z]+$/;

/** The fields of an entry, in the order of every per-field array below. */
export const Field = { Question: 0, Answer: 1, Topic: 2 } as const;
export type Field = (typeof Field)[keyof typeof Field];
export const FIELD_COUNT = 3;

/**
 * A word's counts in the three fields of one entry, packed in one integer (ten bits a field): a
 * 10,000-entry FAQ has over a million (entry, word) pairs, and an object each would cost more
 * memory and garbage collection than the index itself.
 */
export type FieldCounts = number;
const FIELD_BITS = 10;
const FIELD_MAX = (1 << FIELD_BITS) - 1;

export function countIn(counts: FieldCounts, field: Field): number {
  return (counts >>> (field * FIELD_BITS)) & FIELD_MAX;
}

/** `counts` with `delta` added to one field (clamped to what ten bits hold). */
export function addCount(counts: FieldCounts, field: Field, delta: number): FieldCounts {
  const next = Math.max(0, Math.min(FIELD_MAX, countIn(counts, field) + delta));
  return counts + ((next - countIn(counts, field)) << (field * FIELD_BITS));
}

/**
 * BM25F parameters. The answer field is long and mentions many things in passing, so it weighs
 * less than a question; the topic name is one or two words shared by several entries.
 */
export interface FieldWeights {
  weights: readonly [number, number, number];
  /** Length normalisation per field (BM25's b). */
  b: readonly [number, number, number];
  /** Term-frequency saturation (BM25's k1). */
  k1: number;
  /** An entry that has a word only in its answer counts this much of an entry asking about it. */
  answerDfShare: number;
}

export const DEFAULT_FIELD_WEIGHTS: FieldWeights = {
  weights: [1, 0.3, 0.5],
  b: [0.4, 0.75, 0],
  k1: 1.2,
  answerDfShare: 0.5,
};

/**
 * How many words of an entry's answer field the index reads in each language: the answer's first
 * words, then the residents' learned wordings (FaqEntryInput.learned) in the room the answer leaves.
 * An answer opens with what it is about; its later sentences are detail (offices, numbers,
 * exceptions) that other entries' messages meet as well.
 *
 * Until this was written down, a cap on the words split from any text (60, meant for a resident's
 * message) cut every FAQ text too: this was 60 by accident, and every setting since was chosen
 * with it. Measured again (mean over nine runs — both shared suites, their unseen messages, the
 * five other FAQs — of top1 + answered or suggested + out of scope escalated − wrong): 30 words
 * 2.407, 45 2.463, 50 2.480, 55 2.485, 60 2.493, 65 2.480, 75 2.467, 90 2.466, the whole answer
 * 2.467; the answer's first one, two or three sentences 2.414, 2.466, 2.454. Of the two shared
 * suites, the emergency one is best from 60 words up (2.777; 2.735 at 50), the city's moves by a
 * case or two either way (2.763 at 50, 2.740 at 60, 2.742 at 75, 2.725 whole): the nine runs decide.
 *
 * Learned wordings (`npm run eval -- SUITE --learn-split` on the six FAQs with messages of their own,
 * and `--learn-from` each shared dev set measured on its unseen messages; fixed / broken): in the
 * room the answer leaves, 4 / 1; every wording read whole after the answer's lead, 9 / 14 (the city
 * FAQ 0 / 3, benefits 1 / 4: a resident's words name other entries' subjects too, and the city's
 * "cant get into egov" lost its answer to the kindergarten queue, taught such words); not read at
 * all, 0 / 0. So a FAQ whose answers are long
 * learns from its residents only as they said it (taught-wordings.ts), and one with short answers
 * also by their words.
 */
export const ANSWER_FIELD_WORDS = 60;

/** The words of an entry's answer field in one language (ANSWER_FIELD_WORDS). */
function answerFieldWords(answer: string | undefined, learned: readonly string[]): readonly string[] {
  const words: string[] = [];
  for (const text of answer ? [answer, ...learned] : learned) {
    for (const word of tokenizeWhole(text)) {
      if (words.length === ANSWER_FIELD_WORDS) return words;
      words.push(word);
    }
  }
  return words;
}

/** A word of a question variant: its key first, then its lexicon concepts. */
export type VariantToken = readonly string[];

export interface IndexedEntry {
  readonly id: string;
  /** Small integer standing for the entry in postings, so scoring can use typed arrays. */
  readonly slot: number;
  /** key → its counts per field */
  readonly tf: Map<string, FieldCounts>;
  /** Field lengths, averaged over the languages the field is written in. */
  readonly lengths: Float64Array;
  /** Question variants as written, analysed: for precision and for leaving one out. */
  readonly variants: VariantToken[][];
  /** The question variants' texts, parallel to `variants` (the calibration asks them again). */
  readonly questions: string[];
  /** The answer per language, as given (kept to take its words out of the vocabulary on remove). */
  readonly answers: Partial<Record<Lang, string>>;
  /** The residents' learned wordings per language, as given (kept for the same reason). */
  readonly learned: Partial<Record<Lang, readonly string[]>>;
  /** The language of each question variant, parallel to `variants`. */
  readonly variantLangs: Lang[];
  /** How many languages the entry has questions in (the question length is averaged over them). */
  questionLangs: number;
  readonly surfaces: Set<string>;
  /** Its question words' stems that are typo targets (StemTypos). */
  readonly stems: Set<string>;
  /** The topic as indexed (kept, with the questions and answers, to take its words out on remove). */
  readonly topicText: string;
  /** Its variants' weights as of one revision of the index (FieldIndex.variantWeights). */
  variantWeights?: VariantWeights;
}

/**
 * Each question variant's weight: the sum over its words of the idf of the word's first key. It is
 * the denominator of the precision feature, worked out once per revision of the index instead of
 * once per message (a number per variant, so a large FAQ holds little more).
 */
export interface VariantWeights {
  readonly revision: number;
  readonly totals: Float64Array;
  /** Each variant's words' idfs (of their first keys), in the variant's order: the terms of `totals`. */
  readonly idfs: readonly Float64Array[];
}

/** A key's postings as parallel arrays, in ascending slot order: entry slot, saturated field-weighted
 * frequency, and whether the entry asks about the key (question or topic) rather than only
 * mentioning it in its answer. */
export interface PackedPosting {
  readonly slots: Int32Array;
  readonly sat: Float64Array;
  readonly asked: Uint8Array;
  readonly generation: number;
}

/** True when the counts have the key in a question or the topic, not only in the answer. */
export function isAsked(counts: FieldCounts): boolean {
  return countIn(counts, Field.Question) > 0 || countIn(counts, Field.Topic) > 0;
}

/** How a word of an entry adds to its document frequency. */
export function dfShare(counts: FieldCounts, params: FieldWeights): number {
  if (isAsked(counts)) return 1;
  return countIn(counts, Field.Answer) > 0 ? params.answerDfShare : 0;
}

/**
 * The entries that have a key, with their counts, as parallel arrays (unordered), and what is
 * derived from them. Kept together so indexing and every query word cost one Map lookup per key,
 * not one per structure.
 */
export interface Posting {
  readonly slots: number[];
  readonly counts: FieldCounts[];
  /** Document frequency: entries asking about the key, plus a share of those only answering it. */
  df: number;
  /** The typed-array form, built on first use (stale once its generation is behind the index's). */
  packed?: PackedPosting;
}

export class FieldIndex {
  private readonly postings = new Map<string, Posting>();
  private readonly entries = new Map<string, IndexedEntry>();
  private readonly bySlot: Array<IndexedEntry | undefined> = [];
  private readonly freeSlots: number[] = [];
  /** Keys with a soft or hard sign, by the key without them (see keysWithSigns). */
  private readonly signedKeys = new Map<string, Set<string>>();
  /** Words in Latin letters as the FAQ writes them, with how often its texts do. */
  private readonly latinWordRefs = new Map<string, number>();
  private readonly lengthSums = new Float64Array(FIELD_COUNT);
  /** Average field lengths the packed postings were computed with. */
  private readonly avgUsed = new Float64Array(FIELD_COUNT).fill(1);
  private generation = 0;
  /**
   * Each slot's length norm per field (lengthNorm), FIELD_COUNT to a slot, for packing postings:
   * read from one array in slot order. Read through each entry's own lengths, packing went to as
   * many places in memory as the posting has entries, a cache miss each, and an edit unpacks every
   * posting of the entry's words: at 10,000 entries the first match after an edit took 7.3 ms
   * (median of 30 edits, at most 19.5) against 0.4 for the same match again; 1.8 (at most 5.5)
   * with these. An entry's norms are written when it is indexed, all of them again once the
   * averages moved (`normsGeneration` behind `generation`).
   */
  private norms = new Float64Array(0);
  private normsGeneration = -1;
  /** lengthNorm of a lengths array not in the index (saturate), reused. */
  private readonly scratchNorms = new Float64Array(FIELD_COUNT);
  /** Counts every change of the entries: a document frequency or the entry count may have moved. */
  private revision = 0;
  /** The question words as written, for a misspelt word (four letters or more). */
  private readonly surfaceTargets = new TypoTargets();
  /** Their trigrams: typos' lookup. */
  readonly fuzzy: TrigramIndex = this.surfaceTargets.grams;
  /** The question words' stems, for a misspelt word in a form the FAQ does not write. */
  readonly stemTypos = new StemTypos();
  /**
   * Which language's texts use each word, for language detection; a misspelt word counts as the
   * question word it is a slip of ("streetligt" stays English).
   */
  readonly vocabulary = new LanguageVocabulary((word) => this.fuzzy.oneSlipAway(word));

  constructor(readonly params: FieldWeights = DEFAULT_FIELD_WEIGHTS) {}

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.postings.clear();
    this.entries.clear();
    this.bySlot.length = 0;
    this.freeSlots.length = 0;
    this.signedKeys.clear();
    this.latinWordRefs.clear();
    this.lengthSums.fill(0);
    this.avgUsed.fill(1);
    this.generation += 1;
    this.revision += 1;
    this.surfaceTargets.clear();
    this.stemTypos.clear();
    this.vocabulary.clear();
  }

  has(key: string): boolean {
    return this.postings.has(key);
  }

  postingsOf(key: string): Readonly<Posting> | undefined {
    return this.postings.get(key);
  }

  /** Document frequency: entries asking about the key, plus a share of those only answering it. */
  dfOf(key: string): number {
    return this.postings.get(key)?.df ?? 0;
  }

  /**
   * Which words of an entry's question variant nothing else in the entry has (no other variant, not
   * the answer, not the topic), as positions in the variant: the words only that wording carries.
   * The question-kind keys after the words are not words, and are left out.
   */
  ownWordsOf(entry: IndexedEntry, variant: number): number[] {
    const tokens = entry.variants[variant] ?? [];
    const inVariant = new Map<string, number>();
    for (const keys of tokens) inVariant.set(keys[0], (inVariant.get(keys[0]) ?? 0) + 1);
    const total = (key: string) => {
      const counts = entry.tf.get(key) ?? 0;
      return countIn(counts, Field.Question) + countIn(counts, Field.Answer) + countIn(counts, Field.Topic);
    };
    const own: number[] = [];
    tokens.forEach((keys, i) => {
      if (!isQuestionKindKey(keys[0]) && total(keys[0]) === inVariant.get(keys[0])) own.push(i);
    });
    return own;
  }

  /** BM25's idf for a document frequency, over `n` entries. */
  static idf(df: number, n: number): number {
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  idf(key: string): number {
    return FieldIndex.idf(this.dfOf(key), this.entries.size);
  }

  /** The entry's variant weights for the index as it is now (see VariantWeights). */
  variantWeights(entry: IndexedEntry): VariantWeights {
    const cached = entry.variantWeights;
    if (cached && cached.revision === this.revision) return cached;
    // Plain loops: `Float64Array.from` with a mapping function walks an iterator and calls per word,
    // and cost twice as much. Every edit makes a new revision, after which the first message to
    // reach each entry works its weights out again: at 10,000 entries, most messages for a while.
    const totals = new Float64Array(entry.variants.length);
    const idfs: Float64Array[] = [];
    for (let v = 0; v < entry.variants.length; v += 1) {
      const variant = entry.variants[v];
      const terms = new Float64Array(variant.length);
      let total = 0;
      for (let w = 0; w < variant.length; w += 1) {
        terms[w] = this.idf(variant[w][0]);
        total += terms[w];
      }
      idfs.push(terms);
      totals[v] = total;
    }
    entry.variantWeights = { revision: this.revision, totals, idfs };
    return entry.variantWeights;
  }

  entryOfSlot(slot: number): IndexedEntry | undefined {
    return this.bySlot[slot];
  }

  get(id: string): IndexedEntry | undefined {
    return this.entries.get(id);
  }

  /** All entries, in slot order (for the calibration's simulation). */
  all(): IndexedEntry[] {
    return this.bySlot.filter((e): e is IndexedEntry => e !== undefined);
  }

  /** One more than the largest slot in use: the length accumulators must have. */
  get slotCapacity(): number {
    return this.bySlot.length;
  }

  /**
   * The index's keys that are `key` once their soft and hard signs are dropped ("льгот" for
   * "лгот"): Russian typed in Latin letters loses them ("lgoty"), and so do hurried typists.
   */
  keysWithSigns(key: string): ReadonlySet<string> | undefined {
    return this.signedKeys.get(key);
  }

  /**
   * Whether some entry writes `word` in Latin letters exactly so (not only a word of the same stem):
   * "kaspi" or "egov", where a resident typed "каспи" or "егов"; not "lift" for "lifted".
   */
  hasLatinWord(word: string): boolean {
    return this.latinWordRefs.has(word);
  }

  /** Keys (word key and concepts) a known spelling stands for. */
  keysOfSurface(surface: string): ReadonlySet<string> | undefined {
    return this.surfaceTargets.keysOf(surface);
  }

  /**
   * The BM25F saturated frequency of one entry's counts for a key: Σ weight·tf / length norm per
   * field, then tf / (k1 + tf). `lengths` may be an entry's adjusted lengths (one variant left out).
   */
  saturate(counts: FieldCounts, lengths: Float64Array): number {
    for (let f = 0; f < FIELD_COUNT; f += 1) this.scratchNorms[f] = this.lengthNorm(f, lengths[f]);
    return this.saturateWith(counts, this.scratchNorms, 0);
  }

  /** saturate with the fields' length norms read from `norms`, the first at `at`. */
  private saturateWith(counts: FieldCounts, norms: Float64Array, at: number): number {
    const { weights, k1 } = this.params;
    let tf = 0;
    for (let f = 0; f < FIELD_COUNT; f += 1) {
      const count = countIn(counts, f as Field);
      if (count === 0) continue;
      tf += (weights[f] * count) / norms[at + f];
    }
    return tf / (k1 + tf);
  }

  /** BM25F's length normalisation of a field of this length: 1 − b + b · length / the average. */
  private lengthNorm(field: number, length: number): number {
    const { b } = this.params;
    return 1 - b[field] + (b[field] * length) / this.avgUsed[field];
  }

  /** The slots' length norms (`norms`), all written again if the averages moved since. */
  private currentNorms(): Float64Array {
    if (this.normsGeneration !== this.generation) {
      for (const entry of this.entries.values()) this.writeNorms(entry);
      this.normsGeneration = this.generation;
    }
    return this.norms;
  }

  /** The entry's norms at its slot's place in `norms`, which grows as slots are added. */
  private writeNorms(entry: IndexedEntry): void {
    const at = entry.slot * FIELD_COUNT;
    if (this.norms.length < at + FIELD_COUNT) {
      const grown = new Float64Array(Math.max(at + FIELD_COUNT, this.norms.length * 2));
      grown.set(this.norms);
      this.norms = grown;
    }
    for (let f = 0; f < FIELD_COUNT; f += 1) this.norms[at + f] = this.lengthNorm(f, entry.lengths[f]);
  }

  /**
   * Postings as typed arrays of saturated frequencies: scanning them is several times faster than
   * iterating a Map, and common words are scanned on every query. Rebuilt lazily after the key's
   * postings or the average field lengths changed.
   */
  packedPostingsOf(key: string): PackedPosting | undefined {
    const posting = this.postings.get(key);
    if (!posting) return undefined;
    const cached = posting.packed;
    if (cached && cached.generation === this.generation) return cached;
    const size = posting.slots.length;
    // In ascending slot order, so the ranker can look a slot up by binary search. A posting grows
    // in that order (a new entry takes the next slot) and is sorted only after edits: a removed
    // entry's gap is filled with the last, and its slot, reused, comes last.
    let ascending = true;
    for (let i = 1; i < size && ascending; i += 1) ascending = posting.slots[i - 1] < posting.slots[i];
    const order = ascending ? null : Array.from({ length: size }, (_, i) => i).sort((a, b) => posting.slots[a] - posting.slots[b]);
    const norms = this.currentNorms();
    const slots = new Int32Array(size);
    const sat = new Float64Array(size);
    const asked = new Uint8Array(size);
    for (let i = 0; i < size; i += 1) {
      const from = order === null ? i : order[i];
      const counts = posting.counts[from];
      slots[i] = posting.slots[from];
      sat[i] = this.saturateWith(counts, norms, slots[i] * FIELD_COUNT);
      asked[i] = isAsked(counts) ? 1 : 0;
    }
    posting.packed = { slots, sat, asked, generation: this.generation };
    return posting.packed;
  }

  upsert(entry: FaqEntryInput): void {
    this.remove(entry.id);
    this.revision += 1;
    const slot = this.freeSlots.pop() ?? this.bySlot.length;
    const indexed: IndexedEntry = {
      id: entry.id,
      slot,
      tf: new Map(),
      lengths: new Float64Array(FIELD_COUNT),
      variants: [],
      questions: [],
      answers: {},
      learned: {},
      variantLangs: [],
      questionLangs: 0,
      surfaces: new Set(),
      stems: new Set(),
      topicText: entry.topic.replace(/[-_.]/g, ' '),
    };
    const langsWith = new Float64Array(FIELD_COUNT);
    for (const lang of LANGS) {
      const questions = entry.questions[lang] ?? [];
      for (const question of questions) {
        indexed.variants.push(this.addText(indexed, question, lang, Field.Question));
        indexed.questions.push(question);
        indexed.variantLangs.push(lang);
      }
      if (questions.length > 0) langsWith[Field.Question] += 1;
      // Residents' accepted wordings say what the entry is about as its answer does (FaqEntryInput.learned).
      const answer = entry.answer[lang] || undefined;
      const learned = entry.learned?.[lang] ?? [];
      if (answer) indexed.answers[lang] = answer;
      if (learned.length > 0) indexed.learned[lang] = learned;
      if (answer || learned.length > 0) {
        this.addText(indexed, answerFieldWords(answer, learned), lang, Field.Answer);
        langsWith[Field.Answer] += 1;
      }
    }
    // Topic slugs ("office-hours") read as English words.
    this.addText(indexed, indexed.topicText, 'en', Field.Topic);
    langsWith[Field.Topic] = 1;
    indexed.questionLangs = langsWith[Field.Question];
    for (let f = 0; f < FIELD_COUNT; f += 1) indexed.lengths[f] /= Math.max(1, langsWith[f]);

    for (const [key, counts] of indexed.tf) {
      let posting = this.postings.get(key);
      if (!posting) {
        posting = { slots: [], counts: [], df: 0 };
        this.postings.set(key, posting);
        this.trackSigns(key, 1);
      }
      posting.slots.push(slot);
      posting.counts.push(counts);
      posting.packed = undefined;
      posting.df += dfShare(counts, this.params);
    }
    for (const surface of indexed.surfaces) this.surfaceTargets.ref(surface);
    for (const stem of indexed.stems) this.stemTypos.ref(stem);
    this.entries.set(entry.id, indexed);
    this.bySlot[slot] = indexed;
    this.addLengths(indexed, 1);
    // With the averages moved, every slot's norms are written again when next needed.
    if (this.normsGeneration === this.generation) this.writeNorms(indexed);
  }

  remove(id: string): void {
    const old = this.entries.get(id);
    if (!old) return;
    this.revision += 1;
    this.entries.delete(id);
    this.bySlot[old.slot] = undefined;
    this.freeSlots.push(old.slot);
    this.addLengths(old, -1);
    this.forgetVocabulary(old);
    for (const [key, counts] of old.tf) {
      const posting = this.postings.get(key);
      if (!posting) continue;
      const at = posting.slots.indexOf(old.slot);
      if (at >= 0) {
        // Order does not matter: the last pair fills the gap.
        posting.slots[at] = posting.slots[posting.slots.length - 1];
        posting.counts[at] = posting.counts[posting.counts.length - 1];
        posting.slots.pop();
        posting.counts.pop();
      }
      if (posting.slots.length === 0) {
        this.postings.delete(key);
        this.trackSigns(key, -1);
        continue;
      }
      // A share like 0.3 is not exact in floating point: rounding must not take the sum below 0.
      posting.df = Math.max(0, posting.df - dfShare(counts, this.params));
      posting.packed = undefined;
    }
    for (const surface of old.surfaces) this.surfaceTargets.unref(surface);
    for (const stem of old.stems) this.stemTypos.unref(stem);
  }

  /**
   * Keeps the running average field lengths; the packed postings are recomputed only when an
   * average moved by more than 2 %, so a stream of small edits does not rebuild them all.
   */
  private addLengths(entry: IndexedEntry, sign: 1 | -1): void {
    const n = this.entries.size;
    let moved = false;
    for (let f = 0; f < FIELD_COUNT; f += 1) {
      this.lengthSums[f] += sign * entry.lengths[f];
      const avg = n > 0 ? Math.max(1, this.lengthSums[f] / n) : 1;
      if (Math.abs(avg - this.avgUsed[f]) > 0.02 * this.avgUsed[f]) {
        this.avgUsed[f] = avg;
        moved = true;
      }
    }
    if (moved) this.generation += 1;
  }

  /** Adds a key that came into the index to `signedKeys`, or takes out one that left it. */
  private trackSigns(key: string, sign: 1 | -1): void {
    const bare = withoutSigns(key);
    if (bare === key) return;
    const keys = this.signedKeys.get(bare);
    if (sign === 1) {
      if (keys) keys.add(key);
      else this.signedKeys.set(bare, new Set([key]));
    } else if (keys) {
      keys.delete(key);
      if (keys.size === 0) this.signedKeys.delete(bare);
    }
  }

  /**
   * Takes a removed entry's words out of the vocabulary and the Latin words, as addText put them in:
   * each text split once. Latin words are counted per occurrence, so a word is gone once no text
   * has it, without a list per entry.
   */
  private forgetVocabulary(entry: IndexedEntry): void {
    const forget = (words: readonly string[], lang: Lang) => {
      this.vocabulary.updateWords(words, lang, -1);
      this.countLatinWords(words, -1);
    };
    entry.questions.forEach((question, i) => forget(tokenize(question), entry.variantLangs[i]));
    for (const lang of LANGS) {
      const learned = entry.learned[lang] ?? [];
      if (entry.answers[lang] || learned.length > 0) forget(answerFieldWords(entry.answers[lang], learned), lang);
    }
    // The topic is not in the vocabulary (addText leaves it out), only among the Latin words.
    this.countLatinWords(tokenize(entry.topicText), -1);
  }

  private countLatinWords(words: readonly string[], sign: 1 | -1): void {
    for (const word of words) {
      // Most words of a Russian or Kazakh text fail on their first letter, before the pattern.
      const first = word.charCodeAt(0);
      if (first < 97 || first > 122 || !LATIN_WORD.test(word)) continue;
      const refs = (this.latinWordRefs.get(word) ?? 0) + sign;
      if (refs > 0) this.latinWordRefs.set(word, refs);
      else this.latinWordRefs.delete(word);
    }
  }

  /** Indexes a text of the entry in `field`: as written, or its words (the answer field's, answerFieldWords). */
  private addText(entry: IndexedEntry, text: string | readonly string[], lang: Lang, field: Field): VariantToken[] {
    const tokens: VariantToken[] = [];
    // One split serves the index and the language vocabulary (questions and answers, not topics).
    const words = typeof text === 'string' ? tokenize(text) : text;
    if (field !== Field.Topic) this.vocabulary.updateWords(words, lang, 1);
    this.countLatinWords(words, 1);
    // A question's words that only say how it is asked ("жерде" in "қай жерде") are its kind, below.
    const { kinds, content } = field === Field.Question ? questionWords(words) : { kinds: [], content: words };
    for (const token of analyzeIndexWords(content, lang)) {
      const keys = token.keys;
      tokens.push(keys);
      entry.lengths[field] += 1;
      for (const key of keys) entry.tf.set(key, addCount(entry.tf.get(key) ?? 0, field, 1));
      // Only question words are typo targets: answers hold many rare words nobody asks about.
      if (field === Field.Question && token.surface.length >= 4) {
        entry.surfaces.add(token.surface);
        this.surfaceTargets.describe(token.surface, keys, lang);
        if (StemTypos.isTarget(keys[0])) {
          entry.stems.add(keys[0]);
          this.stemTypos.describe(keys[0], keys, lang);
        }
      }
    }
    // What kind of answer the variant asks for (a time, an amount…), as one more key of it.
    for (const kind of kinds) {
      const key = questionKindKey(kind);
      tokens.push([key]);
      entry.tf.set(key, addCount(entry.tf.get(key) ?? 0, field, 1));
    }
    return tokens;
  }
}

/**
 * The FAQ matcher: BM25F ranking (ranker.ts) plus confidence learnt from the FAQ itself
 * (calibration.ts). `match()` returns the best entries with the probability that the first one is
 * right, the probability that the right one is among them, and any reason not to answer with the
 * first one outright.
 */
import type { Lang } from '../i18n/languages';
import type { FaqEntryInput } from '../faq/types';
import type { WordEvidence } from '../language/detect';
import type { FaqMatcher, MatchCandidate, MatchExplanation, MatchResult, VariantTrial } from './types';
import { analyzeMessage, indexedWordsOf, querySurfaceOf, type WeightedToken } from './analyze';
import { tokenize } from './normalize';
import { FEATURE_NAMES, featuresOf, finished, predict, type Calibration, type FeatureVector, type LogisticModel, type Sample } from './calibration';
import { timeSlices } from '../schedule/time-slices';
import { FieldIndex, type IndexedEntry } from './field-index';
import { MIN_TAUGHT_WORDS, signatureOf, TaughtWordings } from './taught-wordings';
import { isQuestionKindKey, namesNoSubject } from './question-kinds';
import {
  DEFAULT_RANK_OPTIONS,
  Ranker,
  askedShare,
  closestVariant,
  variantPrecision,
  type Exclusion,
  type RankedEntry,
  type Ranking,
  type RankOptions,
} from './ranker';
import {
  DEFAULT_SELF_CALIBRATION,
  fitCalibrationSteps,
  simulatedQuestions,
  type SelfCalibrationOptions,
  type AskedQuestion,
} from './self-calibration';

/**
 * Coefficients the per-FAQ fit starts from (and keeps, for a FAQ too small to say otherwise):
 * the fit of the simulated residents of both shared evaluation FAQs together (their questions and
 * answers only, never the evaluation messages), as `npm run fit-prior` prints it; a test holds
 * these constants to that fit. Feature order: see FEATURE_NAMES.
 */
export const PRIOR_CALIBRATION: Calibration = {
  top1: { bias: -4.93, weights: [-2.73, -4.51, 16.43, -0.14, 6.62, 4.68, 0.08] },
  top3: { bias: -4.74, weights: [0.86, 3.06, 7.7, -0.26, 5.43, 5.44, 0] },
  samples: 0,
};

/**
 * The first-entry model for a FAQ of one question per entry, whose own simulated residents cannot
 * say how sure a found entry is (a question left out leaves its entry nothing but its answer, see
 * fitCalibration). Fitted like PRIOR_CALIBRATION on both shared FAQs, but cut to such FAQs: each
 * language's first question and answer per entry, asked with the entry's other questions in that
 * language (a resident's wording the FAQ does not have) and, out of scope, with the entry left out
 * (fit-prior.ts, fitOneQuestionPrior). The prior for FAQs of several questions per entry said "not
 * sure" to most residents of such a FAQ: the messages its entries answer meet one question, not
 * three or four, and score less than it expects.
 */
export const ONE_QUESTION_PRIOR: LogisticModel = { bias: -2.67, weights: [-3.38, 7.25, 18.48, -1.43, 2.69, 6.29, 0] };

/**
 * A runner-up this close (share of the top score) means the message does not tell the two apart:
 * the resident chooses rather than the bot guessing. Less close runners-up are left to the
 * calibrated probability, whose margin feature already counts them (0.9 here cost answers on both
 * shared suites and saved no wrong one on them or the holdouts).
 */
export const AMBIGUOUS_SCORE_RATIO = 0.95;

/**
 * Above this share of the message's weight in words no entry knows, the bot does not answer
 * outright however the rest fits: it cannot tell what most of the message is about. A word no
 * entry knows weighs as much as the rarest one, so two words of the matter beside three of the
 * place and the story ("stray dogs are roaming near the playground", "выбоины на дороге по
 * Кутузова, ездить невозможно" against a FAQ of report titles) pass two thirds. The two shared
 * suites answer the same anywhere from 0.6 to 1. Against two thirds, 0.7 answered 8 more of the
 * unseen suites' messages right (5 of them the portal's report titles) and 5 more of 768 held-out
 * ones, none wrong; 0.75 and above began to answer messages out of scope and with wrong titles.
 * A single word no entry knows in the question is no bar by itself: it weighs as much as the rarest
 * word, so it outweighs any word the FAQ knows, and made a bar to answering whenever it did (or did
 * by 1.3 times), it cost top-1 on every suite 0.14 to 0.5.
 */
export const MAX_UNKNOWN_TO_ANSWER = 0.7;

/**
 * A message with one word the FAQ knows (besides the kind of answer it asks: "когда", "where") is
 * not answered outright when the first entry's answer does not say the word and fewer than this
 * share of its questions (in any one language) do: the entry is not about it, it only mentions it
 * ("у меня нет света" against one of four questions, "где заплатить за свет и воду?", of an entry
 * on paying bills; "а когда дадут?" against "Когда дадут воду?", asked after the internet). It is
 * offered when likely, as "did you mean". "лифт" against a lift entry, "ямы на Кутузова" against a
 * road entry whose answer speaks of "ямы", are still answered. Any share from 0.3 to 0.7 gives the
 * same figures on both shared suites (0.8 leaves a city message answered right only offered).
 */
export const LONE_WORD_SHARE = 1 / 2;

/**
 * Why the first candidate must not be answered outright, if it must not: the message meets it only
 * in its answer's prose, or in nothing but the kind of answer asked (answer-only, see
 * MatchResult.doubt; RankedEntry.saysContent is worked out for the first entry of every ranking a
 * result is made of); the message is a single word ("кредит") or a phrase ("вывоз мусора") that
 * more than one entry asks about, so nothing in it tells them apart (topic-word); its one known
 * word, the kind of answer aside, is one the first entry only mentions (passing-word, see
 * LONE_WORD_SHARE); the runner-up is about as good (ambiguous); or most of the message is words the
 * FAQ does not know, or each word it knows only a typo guess (unclear); or it asks beside a question
 * the FAQ knows another the FAQ knows no word of (Ranking.unknownQuestion: unknown-question).
 * `topPrecision`: how much of the first entry's best-covered question the message says
 * (variantPrecision).
 */
function doubtOf(ranking: Ranking, topPrecision: number, passingWord: boolean): MatchResult['doubt'] {
  const [top, second] = ranking.entries;
  // Met only in its answer's prose, or sharing the kind of answer alone with the message and none
  // of its words ("когда починят?" against a FAQ whose only "when" is its pensions' dates, the
  // mending in another entry's answer): no more asked about either way.
  if (top && (top.explained === 0 || (ranking.contentWeight > 0 && !top.saysContent))) return 'answer-only';
  // A message mostly of words no entry knows is not answered (MAX_UNKNOWN_TO_ANSWER). Offered the
  // entries that ask about its known words instead, when several do, as a topic word's entries
  // are, one more message of the nine evaluation runs got its entry offered, and out-of-scope ones
  // were offered entries rather than handed over (0.03 and 0.06 fewer of those on the emergency
  // suite and the unseen city messages): a known topic among unknown words is as often something
  // the FAQ does not do about it.
  if (ranking.unknownWeight > MAX_UNKNOWN_TO_ANSWER * ranking.totalWeight) return 'unclear';
  if (ranking.unknownQuestion) return 'unknown-question';
  // Every word the FAQ knows is one it only takes for a typo of its own ("heart" for "heat"): the bot
  // would guess the word and the entry both.
  if (ranking.guessedWords > 0 && ranking.guessedWords === ranking.knownContentWords) return 'unclear';
  if (passingWord) return 'passing-word';
  if (!top || !second) return undefined;
  // The next entry that asks about the message's words too; one that only says them in its answer
  // may rank between ("құжаттар": an ID card's answer lists documents) and tells nothing.
  const alsoAsking = ranking.entries.slice(1).find((e) => e.explained > 0);
  if (ranking.unknownWeight === 0 && alsoAsking) {
    if (ranking.knownWords === 1) return 'topic-word';
    // Every word asked about by both, and the message is not the whole of the first one's question
    // ("когда работает почта" against "… в субботу" is the first one's question, not a topic).
    if (asksAll(top, ranking) && asksAll(alsoAsking, ranking) && topPrecision < 1) return 'topic-word';
  }
  if (second.score >= AMBIGUOUS_SCORE_RATIO * top.score) return 'ambiguous';
  return undefined;
}

/**
 * How sure the bot is of an entry an editor taught the message's very words for (TaughtWordings):
 * as sure as it ever is. Two entries taught the same words are offered to choose from.
 */
export const TAUGHT_SCORE = 0.99;

/** Numbers and signs, no letter: a message of no word ("123", "+7 701 123 45 67"). */
const NUMBERS_ONLY = /^[^\p{L}]*\p{N}[^\p{L}]*$/u;

/** How many questions' signatures (LexicalMatcher.questionSignature) are kept before starting afresh. */
const MAX_KEPT_SIGNATURES = 5000;

/** True when the entry asks (in a question or its topic) about every word of the message, exactly. */
function asksAll(entry: RankedEntry, ranking: Ranking): boolean {
  return entry.explained >= ranking.totalWeight * (1 - 1e-9);
}

export interface MatcherOptions {
  rank: RankOptions;
  calibration: SelfCalibrationOptions;
  prior: Calibration;
  /** The first-entry model kept for a FAQ of one question per entry (ONE_QUESTION_PRIOR). */
  oneQuestionPrior: LogisticModel;
  /** Quiet time after an edit before the calibration is refitted. */
  refitDebounceMs: number;
}

export const DEFAULT_MATCHER_OPTIONS: MatcherOptions = {
  rank: DEFAULT_RANK_OPTIONS,
  calibration: DEFAULT_SELF_CALIBRATION,
  prior: PRIOR_CALIBRATION,
  oneQuestionPrior: ONE_QUESTION_PRIOR,
  refitDebounceMs: 300,
};

/**
 * The result for a message in the words an editor taught `ids` (TaughtWordings): those entries
 * first, then the ranking's others. The ranking's figures are of its own first entry, so they go.
 * `clash`: another entry one of whose questions the message is (an editor's question and a
 * resident's wording disagree): it comes next, and both are offered.
 */
function taughtResult(ids: readonly string[], ranked: MatchResult, limit: number, clash?: string): MatchResult {
  const taught: MatchCandidate[] = ids.map((id) => ({ id, score: TAUGHT_SCORE, relevance: 1, asked: true }));
  const asked: MatchCandidate[] = clash ? [{ id: clash, score: TAUGHT_SCORE, relevance: 1, asked: true }] : [];
  const others = ranked.candidates.filter((c) => !ids.includes(c.id) && c.id !== clash);
  return {
    candidates: [...taught, ...asked, ...others].slice(0, limit),
    suggestScore: TAUGHT_SCORE,
    doubt: ids.length > 1 || clash ? 'ambiguous' : undefined,
    taught: [...ids],
  };
}

export class LexicalMatcher implements FaqMatcher {
  private readonly index = new FieldIndex();
  private readonly taught = new TaughtWordings();
  /** Questions' signatures (questionSignature): a question's words, not the index, make it. */
  private readonly questionSignatures = new Map<string, string>();
  private readonly ranker: Ranker;
  private readonly options: MatcherOptions;
  private calibration: Calibration;
  /** Bumped by every change; a refit that sees it move restarts on the new FAQ. */
  private changes = 0;
  private refitTimer?: NodeJS.Timeout;
  private refitting?: Promise<void>;
  private settled: Array<() => void> = [];
  /**
   * The last message analysed, and the index keys its words stand for as of `changes` when it was
   * matched: a message offered choices or handed over with entries to read is read again right
   * after its match, to label them (closestQuestions). Its analysis depends on its words alone, its
   * keys on the index too.
   */
  private lastMessage?: { text: string; lang: Lang | undefined; tokens: WeightedToken[]; keys?: ReadonlySet<string>; keysAt?: number };

  constructor(options: Partial<MatcherOptions> = {}) {
    this.options = { ...DEFAULT_MATCHER_OPTIONS, ...options };
    this.ranker = new Ranker(this.index, this.options.rank);
    this.calibration = this.options.prior;
  }

  get size(): number {
    return this.index.size;
  }

  get vocabulary(): WordEvidence {
    return this.index.vocabulary;
  }

  /** The models in use and how many simulated questions they were fitted on. */
  get currentCalibration(): Calibration {
    return this.calibration;
  }

  /** Replaces the whole index and fits the calibration at once (start-up, evaluation). */
  load(entries: readonly FaqEntryInput[]): void {
    clearTimeout(this.refitTimer);
    this.refitTimer = undefined;
    this.index.clear();
    this.taught.clear();
    for (const entry of entries) {
      this.index.upsert(entry);
      this.taught.upsert(entry);
    }
    this.changes += 1;
    this.calibration = this.fit(this.simulatedSamples());
  }

  upsert(entry: FaqEntryInput): void {
    this.index.upsert(entry);
    this.taught.upsert(entry);
    this.changed();
  }

  remove(id: string): void {
    if (!this.index.get(id)) return;
    this.index.remove(id);
    this.taught.remove(id);
    this.changed();
  }

  /** Resolves once no refit is pending or running. */
  whenCalibrated(): Promise<void> {
    if (!this.refitTimer && !this.refitting) return Promise.resolve();
    return new Promise((resolve) => this.settled.push(resolve));
  }

  match(text: string, lang?: Lang, limit = 3): MatchResult {
    if (this.index.size === 0 || typeof text !== 'string' || limit <= 0) return { candidates: [] };
    const tokens = this.analyzed(text, lang);
    // Only the kind of answer ("где?", "how?") or the day ("а завтра?"), or no word that is not a
    // stop word ("а сегодня?"): alone it would pick entries at random. Unless the FAQ asks it so.
    if (namesNoSubject(tokens.map((t) => t.token.surface), text) && !this.asksInTheseWords(text, lang, tokens)) return { candidates: [], doubt: 'no-subject' };
    // Not even that: every word a stop word or an interjection ("хм", "и что?", "помогите").
    if (tokens.length === 0 && tokenize(text).length > 0) return { candidates: [], doubt: 'nothing-asked' };
    const ranking = this.ranker.rank(tokens, undefined, limit);
    if (this.lastMessage?.tokens === tokens) Object.assign(this.lastMessage, { keys: ranking.keys, keysAt: this.changes });
    // No word at all, only numbers the FAQ does not have ("123", a phone number): nothing to hand on.
    if (ranking.entries.length === 0 && NUMBERS_ONLY.test(text)) return { candidates: [], doubt: 'nothing-asked' };
    const taught = this.taught.entriesSaying(text, lang, tokens);
    if (taught.length > 0) return taughtResult(taught, this.resultOf(ranking, limit), limit, this.askedByAnother(ranking, taught, text, lang, tokens));
    // The kind is the only thing the FAQ knows ("где ипподром?"): the entries it finds are as random.
    if (![...ranking.keys].some((k) => !isQuestionKindKey(k))) return { candidates: [], doubt: 'unclear' };
    return this.resultOf(ranking, limit);
  }

  unknownWords(text: string, lang?: Lang): string[] {
    if (this.index.size === 0 || typeof text !== 'string') return [];
    const unknown = new Set(this.ranker.unknownSurfacesOf(analyzeMessage(text, lang)));
    if (unknown.size === 0) return [];
    // As the resident wrote them (in lower case): a surface is folded, or read in Cyrillic.
    return [...new Set(tokenize(text).filter((word) => unknown.has(querySurfaceOf(word, lang))))];
  }

  explain(text: string, lang?: Lang): MatchExplanation | undefined {
    if (this.index.size === 0 || typeof text !== 'string') return undefined;
    const ranking = this.ranker.rank(this.analyzed(text, lang), undefined, 1);
    const top = ranking.entries[0];
    if (!top) return undefined;
    const result = this.resultOf(ranking, 1);
    const x = this.features(ranking, result.covered ?? 0);
    const { bias, weights } = this.calibration.top1;
    const features = FEATURE_NAMES.map((name, i) => ({ name, value: x[i], part: weights[i] * x[i] }));
    return { first: top.id, probability: result.candidates[0].score, bias, features, doubt: result.doubt };
  }

  askEachVariant(id: string): VariantTrial[] | undefined {
    const entry = this.index.get(id);
    if (!entry) return undefined;
    return entry.questions.map((text, variant) => {
      const lang = entry.variantLangs[variant];
      const exclusion: Exclusion = { slot: entry.slot, variant };
      const words = indexedWordsOf(text, lang);
      return {
        text,
        lang,
        result: this.resultOf(this.ranker.rank(analyzeMessage(text, lang), exclusion, 3), 3, exclusion),
        ownWords: [...new Set(this.index.ownWordsOf(entry, variant).map((i) => words[i]))],
      };
    });
  }

  closestQuestions(text: string, lang: Lang, ids: readonly string[]): Map<string, string> {
    const out = new Map<string, string>();
    if (ids.length === 0 || typeof text !== 'string') return out;
    const tokens = this.analyzed(text, lang);
    const last = this.lastMessage;
    // The keys its match found, when the index has not changed since.
    const keys = last?.tokens === tokens && last.keys && last.keysAt === this.changes ? last.keys : this.ranker.keysOf(tokens);
    for (const id of ids) {
      const entry = this.index.get(id);
      const variant = entry && closestVariant(entry, keys, lang);
      if (entry && variant !== undefined) out.set(id, entry.questions[variant]);
    }
    return out;
  }

  /** analyzeMessage, kept for the last message (lastMessage). */
  private analyzed(text: string, lang: Lang | undefined): WeightedToken[] {
    const last = this.lastMessage;
    if (last && last.text === text && last.lang === lang) return last.tokens;
    const tokens = analyzeMessage(text, lang);
    this.lastMessage = { text, lang, tokens };
    return tokens;
  }

  /**
   * Whether the entry a message finds first has a question in the message's very words, as
   * TaughtWordings compares them: an editor may write a question that names no subject ("Режим
   * работы", "Opening hours"), which alone would be a frame asked of the answer before
   * (namesNoSubject), and means it as that entry's. Only such messages come here.
   */
  private asksInTheseWords(text: string, lang: Lang | undefined, tokens: readonly WeightedToken[]): boolean {
    const first = this.ranker.rank(tokens, undefined, 0).entries[0];
    const entry = first && this.index.entryOfSlot(first.slot);
    return !!entry && this.hasQuestionSaying(entry, text, lang, tokens, 1);
  }

  /**
   * The ranking's first entry, when it is not among `taught` and the message is one of its
   * questions, in the same words as TaughtWordings compares them.
   */
  private askedByAnother(ranking: Ranking, taught: readonly string[], text: string, lang: Lang | undefined, tokens: readonly WeightedToken[]): string | undefined {
    const first = ranking.entries[0] && this.index.entryOfSlot(ranking.entries[0].slot);
    if (!first || taught.includes(first.id)) return undefined;
    return this.hasQuestionSaying(first, text, lang, tokens, MIN_TAUGHT_WORDS) ? first.id : undefined;
  }

  /**
   * Whether `entry` has a question in the message's very words, as TaughtWordings compares them,
   * the message saying at least `minWords` words (`tokens`: its analysis in `lang`; without a
   * language, the questions of every language are compared).
   */
  private hasQuestionSaying(entry: IndexedEntry, text: string, lang: Lang | undefined, tokens: readonly WeightedToken[], minWords: number): boolean {
    const said = new Map<Lang, string>();
    const says = (l: Lang) => said.get(l) ?? said.set(l, signatureOf(l === lang ? tokens : analyzeMessage(text, l), minWords)).get(l) ?? '';
    return entry.questions.some((q, i) => {
      const l = entry.variantLangs[i];
      return (!lang || l === lang) && says(l) !== '' && this.questionSignature(q, l) === says(l);
    });
  }

  /**
   * A question's signature with no least number of words (the message's, compared with it, has
   * one), kept: a follow-up that names nothing checks its first entry's questions each time.
   */
  private questionSignature(question: string, lang: Lang): string {
    const key = `${lang} ${question}`;
    let signature = this.questionSignatures.get(key);
    if (signature === undefined) {
      if (this.questionSignatures.size >= MAX_KEPT_SIGNATURES) this.questionSignatures.clear();
      signature = signatureOf(analyzeMessage(question, lang), 1);
      this.questionSignatures.set(key, signature);
    }
    return signature;
  }

  /** The calibrated result of a ranking; `exclusion` is what the ranking left out, if anything. */
  private resultOf(ranking: Ranking, limit: number, exclusion?: Exclusion): MatchResult {
    const top = ranking.entries[0];
    if (!top) return { candidates: [] };
    const precision = this.topPrecision(ranking, exclusion);
    const x = this.features(ranking, precision, exclusion);
    // An entry found only through its answer's prose (no word of the message is in its questions
    // or topic) is not what the resident asked about: it is never answered, nor offered as "did you
    // mean" (doubt 'answer-only'). It may be offered to read while an operator takes the message.
    const asked = top.explained > 0;
    const answer = asked ? predict(this.calibration.top1, x) : 0;
    const suggest = Math.max(answer, predict(this.calibration.top3, x));
    const candidates: MatchCandidate[] = ranking.entries
      .slice(0, limit)
      .map((e, i) => ({
        id: e.id,
        score: i === 0 ? answer : (answer * e.score) / top.score,
        relevance: e.score / top.score,
        asked: e.explained > 0,
        asksAll: ranking.knownContentWords > 0 && e.askedWords === ranking.knownContentWords,
        askedShare: ranking.contentWeight > 0 ? e.askedContent / ranking.contentWeight : 0,
      }));
    const passingWord = ranking.knownContentWords === 1 && this.topAskedShare(ranking, exclusion) < LONE_WORD_SHARE;
    const known = ranking.totalWeight - ranking.unknownWeight;
    const explained = known > 0 ? Math.min(1, top.explained / known) : 0;
    return { candidates, suggestScore: suggest, doubt: doubtOf(ranking, precision, passingWord), explained, covered: precision };
  }

  /** How much of the first entry's best-covered question the message says; `exclusion` as below. */
  private topPrecision(ranking: Ranking, exclusion?: Exclusion): number {
    const top = this.firstEntry(ranking, exclusion);
    return top ? variantPrecision(top.entry, ranking.keys, this.index, top.skipVariant) : 0;
  }

  /** How much the first entry is about a word of the message (askedShare). */
  private topAskedShare(ranking: Ranking, exclusion?: Exclusion): number {
    const top = this.firstEntry(ranking, exclusion);
    return top ? askedShare(top.entry, ranking.keys, top.skipVariant) : 0;
  }

  /** The ranking's first entry as indexed, and its variant the simulation left out, if any. */
  private firstEntry(ranking: Ranking, exclusion?: Exclusion): { entry: IndexedEntry; skipVariant?: number } | undefined {
    const { slot } = ranking.entries[0];
    const entry = this.index.entryOfSlot(slot);
    return entry ? { entry, skipVariant: exclusion?.slot === slot ? exclusion.variant : undefined } : undefined;
  }

  /** Features of a ranking; `exclusion` is the simulation's left-out variant, if any. */
  private features(ranking: Ranking, precision: number, exclusion?: Exclusion): FeatureVector {
    const [top, second] = ranking.entries;
    const n = this.index.size - (exclusion && exclusion.variant === undefined ? 1 : 0);
    return featuresOf({
      topScore: top.score,
      secondScore: second?.score ?? 0,
      topExplained: top.explained,
      totalWeight: ranking.totalWeight,
      unknownWeight: ranking.unknownWeight,
      precision,
      rareIdf: FieldIndex.idf(1, Math.max(1, n)),
    });
  }

  private changed(): void {
    this.changes += 1;
    if (this.refitTimer) clearTimeout(this.refitTimer);
    this.refitTimer = setTimeout(() => {
      this.refitTimer = undefined;
      this.refitting ??= this.refitInBackground().finally(() => {
        this.refitting = undefined;
        if (!this.refitTimer) for (const resolve of this.settled.splice(0)) resolve();
      });
    }, this.options.refitDebounceMs);
  }

  /** Simulates and fits in slices, so answering never waits for it; starts over when the FAQ changed meanwhile. */
  private async refitInBackground(): Promise<void> {
    for (;;) {
      const startedAt = this.changes;
      const samples: Sample[] = [];
      const pause = timeSlices();
      for (const sample of this.simulation()) {
        samples.push(sample);
        if ((await pause()) && this.changes !== startedAt) break;
      }
      if (this.changes !== startedAt) continue;
      // Fitted in the slices too: see fitLogisticSteps.
      const fitting = this.fitting(samples);
      let step = fitting.next();
      while (!step.done) {
        if ((await pause()) && this.changes !== startedAt) break;
        step = fitting.next();
      }
      if (!step.done || this.changes !== startedAt) continue;
      this.calibration = step.value;
      return;
    }
  }

  /** The simulated residents' outcomes on the current FAQ (also for fitting the prior). */
  simulatedSamples(): Sample[] {
    return [...this.simulation()];
  }

  private fit(samples: readonly Sample[]): Calibration {
    return finished(this.fitting(samples));
  }

  /** The fit of `samples` a Newton step at a time (fitCalibrationSteps). */
  private fitting(samples: readonly Sample[]): Generator<void, Calibration> {
    return fitCalibrationSteps(samples, this.options.prior, this.options.calibration, this.options.oneQuestionPrior);
  }

  private simulation(): Generator<Sample> {
    return this.outcomes(simulatedQuestions(this.index, this.options.calibration.maxQuestions));
  }

  /** Where an entry sits in the index, for a question asked with it left out (AskedQuestion). */
  slotOf(id: string): number | undefined {
    return this.index.get(id)?.slot;
  }

  /** What `questions` get from the current FAQ, told as the simulated residents' outcomes are. */
  *outcomes(questions: Iterable<AskedQuestion>): Generator<Sample> {
    for (const q of questions) {
      // Its features need no entry's askedContent.
      const ranking = this.ranker.rank(analyzeMessage(q.text, q.lang), q.exclusion, 0);
      if (ranking.entries.length === 0) continue;
      const ids = ranking.entries.slice(0, 3).map((e) => e.id);
      yield {
        x: this.features(ranking, this.topPrecision(ranking, q.exclusion), q.exclusion),
        answerable: q.expect !== null,
        top1: q.expect !== null && ids[0] === q.expect ? 1 : 0,
        top3: q.expect !== null && ids.includes(q.expect) ? 1 : 0,
        onlyQuestion: q.onlyQuestion,
      };
    }
  }
}

/**
 * Which simulated residents the calibration asks (see calibration.ts), and the fit of both models
 * from their outcomes. A large FAQ is sampled, so a refit costs about the same at 100 or 10,000
 * entries.
 */
import type { Lang } from '../i18n/languages';
import { finished, fitLogisticSteps, type Calibration, type LogisticModel, type Sample } from './calibration';
import type { FieldIndex } from './field-index';
import type { Exclusion } from './ranker';
import { seededRandom } from './seeded-random';

/** A question put to the index to see what the confidence would make of it. */
export interface AskedQuestion {
  text: string;
  lang: Lang;
  /** The entry that answers it, or null when none does (its entry is left out: out of scope). */
  expect: string | null;
  /** What is left out of the index while it is asked; none: the whole FAQ. */
  exclusion?: Exclusion;
  /** See SimulatedQuestion. */
  onlyQuestion?: boolean;
}

/** One simulated resident's question: a FAQ question asked with part of the index left out. */
export interface SimulatedQuestion extends AskedQuestion {
  exclusion: Exclusion;
  /**
   * An answerable question that is its entry's only one: left out, it leaves the entry nothing but
   * its answer and topic to be found by, which no real resident meets (see fitCalibration).
   */
  onlyQuestion: boolean;
}

export interface SelfCalibrationOptions {
  /** Most simulated questions of each kind (answerable, unanswerable). */
  maxQuestions: number;
  /**
   * Share of unanswerable questions assumed in real traffic: it sets how much the simulated
   * unanswerable questions weigh against the answerable ones, i.e. the models' base rate.
   */
  outOfScopeShare: number;
  /** Pull towards the prior coefficients (Gaussian prior precision). */
  priorStrength: number;
}

export const DEFAULT_SELF_CALIBRATION: SelfCalibrationOptions = {
  maxQuestions: 400,
  outOfScopeShare: 0.25,
  priorStrength: 10,
};

/** Up to `k` of the ordinals 0…n−1, uniformly, in increasing order. */
function sampleOrdinals(n: number, k: number, rnd: () => number): number[] {
  if (n <= k) return Array.from({ length: n }, (_, i) => i);
  const picked = new Set<number>();
  while (picked.size < k) picked.add(Math.floor(rnd() * n));
  return [...picked].sort((a, b) => a - b);
}

/**
 * The questions to ask: every variant with itself left out (answerable) and every variant with its
 * whole entry left out (unanswerable). An entry with a single variant is still asked: its answer
 * and topic must carry it, as they would for a resident.
 *
 * A large FAQ has hundreds of thousands of variants, so the sample is drawn as ordinals over all
 * variants (entry by entry, variant by variant) and only the drawn ones become questions: listing
 * them all first held the event loop for about 100 ms at 10,000 entries, in one piece.
 */
export function simulatedQuestions(index: FieldIndex, maxQuestions: number): SimulatedQuestion[] {
  const entries = index.all();
  // firstOrdinal[i] = how many variants the entries before entry i have.
  const firstOrdinal = new Int32Array(entries.length + 1);
  entries.forEach((entry, i) => {
    firstOrdinal[i + 1] = firstOrdinal[i] + entry.questions.length;
  });
  const total = firstOrdinal[entries.length];
  const question = (ordinal: number, leaveOutWholeEntry: boolean): SimulatedQuestion => {
    const e = entryOfOrdinal(firstOrdinal, ordinal);
    const entry = entries[e];
    const variant = ordinal - firstOrdinal[e];
    const text = entry.questions[variant];
    const lang = entry.variantLangs[variant];
    return leaveOutWholeEntry
      ? { text, lang, expect: null, exclusion: { slot: entry.slot }, onlyQuestion: false }
      : { text, lang, expect: entry.id, exclusion: { slot: entry.slot, variant }, onlyQuestion: entry.questions.length === 1 };
  };
  const rnd = seededRandom(entries.length * 7919 + total);
  const inScope = sampleOrdinals(total, maxQuestions, rnd).map((o) => question(o, false));
  // With a single entry there is nothing else to rank, so nothing to ask out of scope.
  const outOfScope = entries.length > 1 ? sampleOrdinals(total, maxQuestions, rnd).map((o) => question(o, true)) : [];
  return [...inScope, ...outOfScope];
}

/** The entry whose variants include `ordinal` (binary search over the first ordinals). */
function entryOfOrdinal(firstOrdinal: Int32Array, ordinal: number): number {
  let lo = 0;
  let hi = firstOrdinal.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (firstOrdinal[mid] <= ordinal) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Fits both models; answerable and unanswerable questions are weighted to the assumed share.
 *
 * A question that was its entry's only one (Sample.onlyQuestion) is left out of the first-entry
 * model: its entry could only be found through its answer, so the entries found first are right
 * with features unlike any real resident's, who meets the question. In a FAQ of one question per
 * entry (many centres write theirs so, in one language) these were all the answerable questions:
 * the fit learnt that how much of an entry's question the message says (the precision feature,
 * always 0 for an entry whose question is gone) tells little, and the bot answered between a
 * quarter and a half of what the ranking put first. With none of the others left, a prior stays:
 * `oneQuestionTop1`, the first-entry model of FAQs written so (ONE_QUESTION_PRIOR in matcher.ts),
 * when given; with a few left, the fit starts from it. They still count for the model of the right
 * entry being among the first three, which only offers choices.
 */
export function fitCalibration(...args: Parameters<typeof fitCalibrationSteps>): Calibration {
  return finished(fitCalibrationSteps(...args));
}

/** fitCalibration a Newton step at a time (fitLogisticSteps), for a refit in the background. */
export function* fitCalibrationSteps(
  samples: readonly Sample[],
  prior: Calibration,
  options: SelfCalibrationOptions,
  oneQuestionTop1: LogisticModel = prior.top1,
): Generator<void, Calibration> {
  if (samples.length === 0) return { ...prior, samples: 0 };
  const fit = (model: LogisticModel, on: readonly Sample[], label: (s: Sample) => number) => {
    const answerable = on.filter((s) => s.answerable).length;
    const unanswerable = on.length - answerable;
    // Weights so the unanswerable questions make up `outOfScopeShare` of the total weight.
    const share = answerable === 0 || unanswerable === 0 ? 0.5 : options.outOfScopeShare;
    const wIn = answerable === 0 ? 1 : ((1 - share) * on.length) / answerable;
    const wOut = unanswerable === 0 ? 1 : (share * on.length) / unanswerable;
    const weights = on.map((s) => (s.answerable ? wIn : wOut));
    return fitLogisticSteps(on.map((s) => s.x), on.map(label), weights, model, options.priorStrength);
  };
  const faithful = samples.filter((s) => !s.onlyQuestion);
  // A FAQ mostly of entries with one question starts from their prior too: a second question
  // added to one entry would otherwise swing the whole FAQ's confidence to the other prior.
  const answerable = samples.filter((s) => s.answerable);
  const mostlyAlone = answerable.filter((s) => s.onlyQuestion).length * 2 > answerable.length;
  const start = mostlyAlone ? oneQuestionTop1 : prior.top1;
  const top1 = faithful.some((s) => s.answerable) ? yield* fit(start, faithful, (s) => s.top1) : oneQuestionTop1;
  const top3 = yield* fit(prior.top3, samples, (s) => s.top3);
  return { top1, top3, samples: samples.length };
}

/**
 * Which simulated residents the calibration asks (see calibration.ts), and the fit of both models
 * from their outcomes. A large FAQ is sampled, so a refit costs about the same at 100 or 10,000
 * entries.
 */
import type { Lang } from '../i18n/languages';
import { fitLogistic, type Calibration, type LogisticModel, type Sample } from './calibration';
import type { FieldIndex } from './field-index';
import type { Exclusion } from './ranker';
import { seededRandom } from './seeded-random';

/** One simulated resident's question: a FAQ question asked with part of the index left out. */
export interface SimulatedQuestion {
  text: string;
  lang: Lang;
  /** The entry that answers it, or null when the whole entry is left out (out of scope). */
  expect: string | null;
  exclusion: Exclusion;
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

/** Up to `k` items of `items`, uniformly, in their original order. */
function sample<T>(items: readonly T[], k: number, rnd: () => number): T[] {
  if (items.length <= k) return [...items];
  const picked = new Set<number>();
  while (picked.size < k) picked.add(Math.floor(rnd() * items.length));
  return [...picked].sort((a, b) => a - b).map((i) => items[i]);
}

/**
 * The questions to ask: every variant with itself left out (answerable) and every variant with its
 * whole entry left out (unanswerable). An entry with a single variant is still asked: its answer
 * and topic must carry it, as they would for a resident.
 */
export function simulatedQuestions(index: FieldIndex, maxQuestions: number): SimulatedQuestion[] {
  const entries = index.all();
  const inScope: SimulatedQuestion[] = [];
  const outOfScope: SimulatedQuestion[] = [];
  for (const entry of entries) {
    entry.questions.forEach((text, variant) => {
      const lang = entry.variantLangs[variant];
      inScope.push({ text, lang, expect: entry.id, exclusion: { slot: entry.slot, variant } });
      if (entries.length > 1) outOfScope.push({ text, lang, expect: null, exclusion: { slot: entry.slot } });
    });
  }
  const rnd = seededRandom(entries.length * 7919 + inScope.length);
  return [...sample(inScope, maxQuestions, rnd), ...sample(outOfScope, maxQuestions, rnd)];
}

/** Fits both models; answerable and unanswerable questions are weighted to the assumed share. */
export function fitCalibration(
  samples: readonly Sample[],
  prior: Calibration,
  options: SelfCalibrationOptions,
): Calibration {
  if (samples.length === 0) return { ...prior, samples: 0 };
  const answerable = samples.filter((s) => s.answerable).length;
  const unanswerable = samples.length - answerable;
  // Weights so the unanswerable questions make up `outOfScopeShare` of the total weight.
  const share = answerable === 0 || unanswerable === 0 ? 0.5 : options.outOfScopeShare;
  const wIn = answerable === 0 ? 1 : ((1 - share) * samples.length) / answerable;
  const wOut = unanswerable === 0 ? 1 : (share * samples.length) / unanswerable;
  const xs = samples.map((s) => s.x);
  const weights = samples.map((s) => (s.answerable ? wIn : wOut));
  const fit = (model: LogisticModel, label: (s: Sample) => number) =>
    fitLogistic(xs, samples.map(label), weights, model, options.priorStrength);
  return { top1: fit(prior.top1, (s) => s.top1), top3: fit(prior.top3, (s) => s.top3), samples: samples.length };
}

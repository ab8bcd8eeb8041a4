/**
 * The matcher's prior calibration (PRIOR_CALIBRATION in src/matcher/matcher.ts) is the fit of the
 * simulated residents of several FAQs together: their own questions asked with parts of the index
 * left out, never evaluation messages; ONE_QUESTION_PRIOR the same for the FAQs cut to one question
 * per entry. Re-derive both with `npm run fit-prior` whenever the features or the simulation change
 * (test/quality/fit-prior.test.ts fails until the constants are updated).
 */
import type { FaqEntryInput } from '../faq/types';
import { LANGS, type Lang } from '../i18n/languages';
import type { Calibration, LogisticModel, Sample } from '../matcher/calibration';
import { LexicalMatcher } from '../matcher/matcher';
import { DEFAULT_SELF_CALIBRATION, fitCalibration, type AskedQuestion } from '../matcher/self-calibration';

/** The suites whose FAQs the prior is fitted on, as folders of the shared evaluation data. */
export const PRIOR_SUITES = ['eval', 'eval/city'] as const;

/** Barely penalised: the pooled FAQs decide, the zero start only steadies a constant feature. */
const FIT_STRENGTH = 0.01;

export function fitPrior(faqs: ReadonlyArray<readonly FaqEntryInput[]>): Calibration {
  const samples: Sample[] = [];
  for (const entries of faqs) {
    const matcher = new LexicalMatcher();
    matcher.load(entries);
    samples.push(...matcher.simulatedSamples());
  }
  return fitted(samples);
}

/**
 * The first-entry model for a FAQ of one question per entry (ONE_QUESTION_PRIOR in
 * src/matcher/matcher.ts): each FAQ cut, language by language, to every entry's first question and
 * its answer in that language, asked with the entry's other questions in it, which the cut FAQ does
 * not have, as residents' own wordings (answerable), and with each of its questions with the entry
 * left out (out of scope).
 */
export function fitOneQuestionPrior(faqs: ReadonlyArray<readonly FaqEntryInput[]>): LogisticModel {
  const samples: Sample[] = [];
  for (const entries of faqs) {
    for (const lang of LANGS) {
      const asked = entries.filter((entry) => (entry.questions[lang]?.length ?? 0) > 0);
      const matcher = new LexicalMatcher();
      matcher.load(asked.map((entry) => firstQuestionOnly(entry, lang)));
      samples.push(...matcher.outcomes(asked.flatMap((entry) => otherWordings(entry, lang, matcher.slotOf(entry.id)))));
    }
  }
  return fitted(samples).top1;
}

/** The entry with only its first question and its answer in `lang`. */
function firstQuestionOnly(entry: FaqEntryInput, lang: Lang): FaqEntryInput {
  const answer = entry.answer[lang];
  return {
    ...entry,
    questions: { [lang]: (entry.questions[lang] ?? []).slice(0, 1) },
    answer: answer ? { [lang]: answer } : {},
    learned: undefined,
  };
}

/**
 * The entry's questions in `lang` beyond its first, answerable; then all of them with the entry (at
 * `slot`) left out, as the simulation asks out of scope.
 */
function otherWordings(entry: FaqEntryInput, lang: Lang, slot: number | undefined): AskedQuestion[] {
  if (slot === undefined) return [];
  const questions = entry.questions[lang] ?? [];
  return [
    ...questions.slice(1).map((text) => ({ text, lang, expect: entry.id })),
    ...questions.map((text) => ({ text, lang, expect: null, exclusion: { slot } })),
  ];
}

/** Both models fitted on pooled samples from zero, barely held (FIT_STRENGTH): the FAQs decide. */
function fitted(samples: readonly Sample[]): Calibration {
  if (samples.length === 0) throw new Error('no simulated questions: the FAQs are empty');
  const zero: LogisticModel = { bias: 0, weights: new Array<number>(samples[0].x.length).fill(0) };
  return fitCalibration(
    samples,
    { top1: zero, top3: zero, samples: 0 },
    { ...DEFAULT_SELF_CALIBRATION, priorStrength: FIT_STRENGTH },
  );
}

/** Coefficients to two decimals, as the constants in the source are written. */
export function roundedModel(model: LogisticModel): LogisticModel {
  const r = (v: number) => Math.round(v * 100) / 100 || 0;
  return { bias: r(model.bias), weights: model.weights.map(r) };
}

/**
 * The matcher's prior calibration (PRIOR_CALIBRATION in src/matcher/matcher.ts) is the fit of the
 * simulated residents of several FAQs together: their own questions asked with parts of the index
 * left out, never evaluation messages. Re-derive it with `npm run fit-prior` whenever the features
 * change (test/quality/fit-prior.test.ts fails until the constants are updated).
 */
import type { FaqEntryInput } from '../faq/types';
import type { Calibration, LogisticModel, Sample } from '../matcher/calibration';
import { LexicalMatcher } from '../matcher/matcher';
import { DEFAULT_SELF_CALIBRATION, fitCalibration } from '../matcher/self-calibration';

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

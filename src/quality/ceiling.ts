/**
 * How far the confidence's features could go (`npm run eval:ceiling`).
 *
 * Each FAQ's confidence is fitted on its own simulated residents (self-calibration.ts). When a
 * suite's figures disappoint, two questions are mixed up: do the features not tell a right first
 * entry from a wrong one, or does the simulation teach the fit the wrong lesson? This module
 * answers the first apart from the second: every message of every run is read once (the first
 * entry, its features, the probability the FAQ's own fit gives it), then each FAQ's messages are
 * scored by a logistic model fitted on the real messages of the other FAQs (leave one FAQ out,
 * so no message is scored by a model that has seen its FAQ). Where that model orders a FAQ's
 * messages no better than the FAQ's own fit, no refit of these features will either: what is
 * missing is information, not fitting.
 *
 * A measurement for whoever works on the matcher, never a source of constants: what the real
 * messages teach here must not go into the code (the rule, and the prior is fitted on
 * simulated residents only, fit-prior.ts).
 */
import { FEATURE_NAMES, fitLogistic, predict, type FeatureVector, type LogisticModel } from '../matcher/calibration';
import { createMatcher } from '../matcher';
import { separationOf } from './evaluate';
import type { Suite } from './suite';

/** One message as the matcher reads it, with what its FAQ's own fit and its label say. */
export interface CaseReading {
  /** The FAQ it was asked of: messages of one FAQ are left out together. */
  faq: string;
  /** The run it belongs to (a FAQ may have several sets of messages). */
  run: string;
  /** The first entry's features (calibration.ts, FEATURE_NAMES); null when no entry was found. */
  x: FeatureVector | null;
  /** The probability the FAQ's own fit gives the first entry (0 when none, or found only in its answer). */
  own: number;
  /** The first entry is the one that answers it (never, for a message out of scope). */
  right: boolean;
}

/** Reads every message of `suite` through a matcher over its FAQ. */
export function readCases(suite: Suite, run: string, faq: string): CaseReading[] {
  const matcher = createMatcher();
  matcher.load(suite.entries);
  return suite.cases.map((c) => {
    const explained = matcher.explain(c.text, c.lang);
    return {
      faq,
      run,
      x: explained ? explained.features.map((f) => f.value) : null,
      own: explained?.probability ?? 0,
      right: !!explained && c.expect !== null && explained.first === c.expect,
    };
  });
}

export interface CeilingRun {
  run: string;
  cases: number;
  /** separationOf with the FAQ's own fit, and with the model fitted on the other FAQs' messages. */
  own: number | null;
  others: number | null;
}

export interface Ceiling {
  runs: CeilingRun[];
  /** First entries at or above `band` by the own fit: right, and not (wrong or out of scope). */
  ownRight: number;
  ownWrong: number;
  /** The most right first entries one threshold on the others' models takes with at most `ownWrong` not. */
  othersRight: number;
  othersWrong: number;
  /** The model fitted on every message of every run: what real messages weigh each feature at. */
  pooled: LogisticModel;
}

/** Barely penalised (fit-prior.ts's strength): the messages decide, the zero start only steadies a constant feature. */
const FIT_STRENGTH = 0.01;

/** A model fitted on `readings` (those with an entry found), from zero coefficients. */
export function fitOnReadings(readings: readonly CaseReading[]): LogisticModel {
  const found = readings.filter((r): r is CaseReading & { x: FeatureVector } => r.x !== null);
  const d = found[0]?.x.length ?? 0;
  return fitLogistic(
    found.map((r) => r.x),
    found.map((r) => (r.right ? 1 : 0)),
    found.map(() => 1),
    { bias: 0, weights: new Array<number>(d).fill(0) },
    FIT_STRENGTH,
  );
}

const EXPLAINED = FEATURE_NAMES.indexOf('explained');

/**
 * Each reading's probability by a model fitted on the readings of every other FAQ. A first entry
 * that asks none of the message's words (met only in its answer) gets 0, as the matcher gives it:
 * it is never answered, whatever a model would say.
 */
export function leaveOneFaqOut(readings: readonly CaseReading[]): number[] {
  const out = new Array<number>(readings.length).fill(0);
  for (const faq of new Set(readings.map((r) => r.faq))) {
    const model = fitOnReadings(readings.filter((r) => r.faq !== faq));
    readings.forEach((r, i) => {
      if (r.faq === faq && r.x !== null && r.x[EXPLAINED] > 0) out[i] = predict(model, r.x);
    });
  }
  return out;
}

/**
 * The most right first entries a single threshold takes with at most `wrongBudget` that are not
 * right, and how many those are: the two models compared at the same number of wrong answers.
 */
export function rightWithin(predicted: readonly number[], right: readonly boolean[], wrongBudget: number): { right: number; wrong: number } {
  const order = predicted.map((_, i) => i).sort((a, b) => predicted[b] - predicted[a]);
  let best = { right: 0, wrong: 0 };
  let r = 0;
  let w = 0;
  for (let k = 0; k < order.length; k += 1) {
    if (right[order[k]]) r += 1;
    else w += 1;
    // A threshold sits between different probabilities: ties are taken or left together.
    const tieNext = k + 1 < order.length && predicted[order[k + 1]] === predicted[order[k]];
    if (tieNext || predicted[order[k]] <= 0) continue;
    if (w > wrongBudget) break;
    if (r > best.right) best = { right: r, wrong: w };
  }
  return best;
}

/** The ceiling over `readings`, the own fit's decisions taken at the answer band `band`. */
export function ceilingOf(readings: readonly CaseReading[], band: number): Ceiling {
  const others = leaveOneFaqOut(readings);
  const runs: CeilingRun[] = [...new Set(readings.map((r) => r.run))].map((run) => {
    const ofRun = readings.map((r, i) => ({ r, other: others[i] })).filter(({ r }) => r.run === run);
    return {
      run,
      cases: ofRun.length,
      own: separationOf(ofRun.map(({ r }) => ({ predicted: r.own, topRight: r.right }))),
      others: separationOf(ofRun.map(({ r, other }) => ({ predicted: other, topRight: r.right }))),
    };
  });
  const taken = readings.filter((r) => r.own >= band);
  const ownRight = taken.filter((r) => r.right).length;
  const ownWrong = taken.length - ownRight;
  const within = rightWithin(others, readings.map((r) => r.right), ownWrong);
  return { runs, ownRight, ownWrong, othersRight: within.right, othersWrong: within.wrong, pooled: fitOnReadings(readings) };
}

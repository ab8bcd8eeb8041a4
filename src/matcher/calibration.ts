/**
 * Confidence learnt from the FAQ itself.
 *
 * Raw BM25F scores mean different things in different FAQs (a 10-entry FAQ of short questions, a
 * 300-entry FAQ of long ones). So whenever the FAQ changes, residents are simulated with the FAQ's
 * own material: each question variant is asked with that variant left out of the index (the
 * entry must still be found from its other variants and its answer: an answerable question), and
 * each entry's variants are asked with the whole entry left out (whatever comes first is wrong:
 * an unanswerable question that shares words with the FAQ). A small logistic regression over
 * general features of the ranking maps them to the probability that the first entry is right, and
 * a second one to the probability that the right entry is among the first three. The bands are
 * then probabilities with the same meaning for every FAQ.
 *
 * Few simulated questions (a tiny FAQ) cannot support a fit of their own, so the fit is pulled
 * towards prior coefficients (a Gaussian prior): with little data the prior decides, with much the
 * FAQ does.
 */

/** The features, in vector order. Each is in [0, 1] whatever the FAQ's size or language. */
export const FEATURE_NAMES = [
  'explained',
  'beyond',
  'margin',
  'unknown',
  'precision',
  'evidence',
  'explainedEvidence',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];
export type FeatureVector = number[];

export interface RankingSummary {
  /** Top entry's BM25F score, runner-up's (0 if none), and the top entry's explained weight. */
  topScore: number;
  secondScore: number;
  /** Weight of the message's words the top entry asks about (question or topic). */
  topExplained: number;
  totalWeight: number;
  unknownWeight: number;
  /** Share of the top entry's best question variant the message covers. */
  precision: number;
  /** idf of a word only one entry has: the unit of evidence. */
  rareIdf: number;
}

/**
 * The ranking's general features (see FEATURE_NAMES).
 *
 * The top entry's score is split into the weight its questions and topic explain and the score it
 * gets beyond that (from its answer text). As one `score` feature the two moved together in the
 * simulation and the fit could not weigh a match made only through an answer on its own; split,
 * each FAQ's fit does (the emergency FAQ's simulated residents count answer-only matches strongly
 * against). `explainedEvidence` is the explained weight in units of a word only one entry has,
 * capped at one: an absolute measure beside the share, which alone cannot tell a short message
 * fully explained from a long one with one word explained.
 */
export function featuresOf(s: RankingSummary): FeatureVector {
  const w = s.totalWeight > 0 ? s.totalWeight : 1;
  return [
    s.topExplained / w,
    Math.max(0, s.topScore - s.topExplained) / w,
    // The lead over the runner-up in units of the whole message: a weak lone match has little.
    (s.topScore - s.secondScore) / w,
    s.unknownWeight / w,
    s.precision,
    Math.min(1, s.topScore / (3 * s.rareIdf)),
    Math.min(1, s.topExplained / s.rareIdf),
  ];
}

export interface LogisticModel {
  weights: number[];
  bias: number;
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function predict(model: LogisticModel, x: FeatureVector): number {
  let z = model.bias;
  for (let i = 0; i < x.length; i += 1) z += model.weights[i] * x[i];
  return sigmoid(z);
}

/** One simulated question's outcome. */
export interface Sample {
  x: FeatureVector;
  /** The question had an answer in the FAQ (its own entry was not left out). */
  answerable: boolean;
  /** 1 when the first entry was right. */
  top1: 0 | 1;
  /** 1 when the right entry was among the first three. */
  top3: 0 | 1;
  /** Asked with its entry's only question left out (SimulatedQuestion.onlyQuestion). */
  onlyQuestion?: boolean;
}

/**
 * Penalised maximum likelihood by Newton's method: minimises the weighted log loss plus
 * `strength`/2 · Σ σⱼ²(βⱼ − priorⱼ)², where σⱼ is feature j's spread in the data — the same pull
 * in every feature's own units, so a feature with small values is not held at its prior. Converges
 * in a handful of steps for this few features.
 *
 * Each step is shortened until the objective goes down (backtracking). A full Newton step from
 * coefficients far from the optimum can overshoot into a region where the log loss is flat and the
 * next step larger still: on a FAQ whose simulated residents look unlike the prior's, the plain
 * method ended with coefficients in the hundreds and every probability 0 or 1.
 */
export function fitLogistic(...args: Parameters<typeof fitLogisticSteps>): LogisticModel {
  return finished(fitLogisticSteps(...args));
}

/**
 * fitLogistic a Newton step at a time: it pauses after each (a `yield`) and returns the model. A
 * refit in the background runs it between its slices: the fit runs cold there (a FAQ is edited now
 * and then), and its steps in one piece held the event loop 50–70 ms at 10,000 entries.
 */
export function* fitLogisticSteps(
  xs: readonly FeatureVector[],
  ys: readonly number[],
  sampleWeights: readonly number[],
  prior: LogisticModel,
  strength: number,
  iterations = 25,
): Generator<void, LogisticModel> {
  const d = prior.weights.length + 1;
  const mu = [prior.bias, ...prior.weights];
  const beta = [...mu];
  const penalty = [BIAS_PENALTY, ...spreads(xs, sampleWeights)].map((v) => strength * v);
  for (let iter = 0; iter < iterations; iter += 1) {
    const grad = new Array<number>(d).fill(0);
    const hess = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (let i = 0; i < xs.length; i += 1) {
      const row = [1, ...xs[i]];
      let z = 0;
      for (let j = 0; j < d; j += 1) z += beta[j] * row[j];
      const p = sigmoid(z);
      const g = sampleWeights[i] * (p - ys[i]);
      const h = sampleWeights[i] * Math.max(p * (1 - p), 1e-9);
      for (let j = 0; j < d; j += 1) {
        grad[j] += g * row[j];
        for (let k = 0; k <= j; k += 1) hess[j][k] += h * row[j] * row[k];
      }
    }
    for (let j = 0; j < d; j += 1) {
      grad[j] += penalty[j] * (beta[j] - mu[j]);
      hess[j][j] += penalty[j];
      for (let k = 0; k < j; k += 1) hess[k][j] = hess[j][k];
    }
    const step = solve(hess, grad);
    const before = objective(beta);
    let scale = 1;
    let next = beta.map((b, j) => b - step[j]);
    for (let halvings = 0; objective(next) > before && halvings < MAX_HALVINGS; halvings += 1) {
      scale /= 2;
      next = beta.map((b, j) => b - scale * step[j]);
    }
    let change = 0;
    for (let j = 0; j < d; j += 1) {
      change = Math.max(change, Math.abs(next[j] - beta[j]));
      beta[j] = next[j];
    }
    if (change < 1e-6) break;
    yield;
  }
  return { bias: beta[0], weights: beta.slice(1) };

  /** The penalised weighted log loss at `b` (what the steps minimise). */
  function objective(b: readonly number[]): number {
    let loss = 0;
    for (let i = 0; i < xs.length; i += 1) {
      let z = b[0];
      for (let j = 1; j < d; j += 1) z += b[j] * xs[i][j - 1];
      // log(1 + e^z) − y·z, computed without overflow.
      loss += sampleWeights[i] * (Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - ys[i] * z);
    }
    for (let j = 0; j < d; j += 1) loss += (penalty[j] / 2) * (b[j] - mu[j]) ** 2;
    return loss;
  }
}

/** The value of work done in steps (a generator that pauses with `yield`), all its steps run at once. */
export function finished<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** A step shortened this many times without lowering the objective is taken as it is (a flat spot). */
const MAX_HALVINGS = 30;

/** The intercept is barely held: the base rate is the FAQ's own business. */
const BIAS_PENALTY = 0.1;

/** Weighted variance of each feature (a small floor keeps a constant feature at its prior). */
function spreads(xs: readonly FeatureVector[], weights: readonly number[]): number[] {
  const d = xs[0]?.length ?? 0;
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const out: number[] = [];
  for (let j = 0; j < d; j += 1) {
    let mean = 0;
    for (let i = 0; i < xs.length; i += 1) mean += weights[i] * xs[i][j];
    mean /= total;
    let variance = 0;
    for (let i = 0; i < xs.length; i += 1) variance += weights[i] * (xs[i][j] - mean) ** 2;
    out.push(Math.max(variance / total, 1e-4));
  }
  return out;
}

/** Solves A·x = b for a small symmetric positive definite A (Gaussian elimination, pivoting). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < n; r += 1) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    const p = m[col][col] || 1e-12;
    for (let r = col + 1; r < n; r += 1) {
      const f = m[r][col] / p;
      if (f === 0) continue;
      for (let c = col; c <= n; c += 1) m[r][c] -= f * m[col][c];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r -= 1) {
    let s = m[r][n];
    for (let c = r + 1; c < n; c += 1) s -= m[r][c] * x[c];
    x[r] = s / (m[r][r] || 1e-12);
  }
  return x;
}

/** The two models the bands use. */
export interface Calibration {
  /** P(the first entry is right). */
  top1: LogisticModel;
  /** P(the right entry is among the first three). */
  top3: LogisticModel;
  /** How many simulated questions the fit saw (0 = prior only). */
  samples: number;
}

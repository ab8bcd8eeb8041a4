import { finished, fitLogistic, fitLogisticSteps, predict, sigmoid, type LogisticModel } from '../../src/matcher/calibration';

/** Deterministic samples from a known logistic model. */
function samplesFrom(model: LogisticModel, n: number): { xs: number[][]; ys: number[] } {
  let seed = 42;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const xs: number[][] = [];
  const ys: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const x = model.weights.map(() => rnd());
    xs.push(x);
    ys.push(rnd() < predict(model, x) ? 1 : 0);
  }
  return { xs, ys };
}

describe('logistic calibration', () => {
  const truth: LogisticModel = { bias: -2, weights: [4, -3] };
  const flat: LogisticModel = { bias: 0, weights: [0, 0] };

  it('recovers the coefficients behind plenty of data', () => {
    const { xs, ys } = samplesFrom(truth, 4000);
    const fit = fitLogistic(xs, ys, xs.map(() => 1), flat, 0.01);
    expect(fit.bias).toBeCloseTo(truth.bias, 0);
    expect(fit.weights[0]).toBeCloseTo(truth.weights[0], 0);
    expect(fit.weights[1]).toBeCloseTo(truth.weights[1], 0);
  });

  it('stays near the prior when there is little data', () => {
    const { xs, ys } = samplesFrom(truth, 12);
    const fit = fitLogistic(xs, ys, xs.map(() => 1), truth, 50);
    expect(Math.abs(fit.weights[0] - truth.weights[0])).toBeLessThan(1);
    expect(Math.abs(fit.bias - truth.bias)).toBeLessThan(1.5);
  });

  it('follows the sample weights (a class weighted up moves the base rate)', () => {
    const { xs, ys } = samplesFrom(truth, 2000);
    const even = fitLogistic(xs, ys, xs.map(() => 1), flat, 0.01);
    const negativesHeavier = fitLogistic(xs, ys, ys.map((y) => (y ? 1 : 3)), flat, 0.01);
    expect(negativesHeavier.bias).toBeLessThan(even.bias - 0.5);
  });

  it('finds the same fit from coefficients far from it (the steps do not overshoot)', () => {
    // A FAQ whose simulated residents look unlike the prior's starts the fit far away: a full Newton
    // step from there lands where the loss is flat, and the next ones run off to hundreds.
    const { xs, ys } = samplesFrom(truth, 4000);
    const far: LogisticModel = { bias: 30, weights: [-40, 35] };
    const fromFar = fitLogistic(xs, ys, xs.map(() => 1), far, 0.01);
    const fromFlat = fitLogistic(xs, ys, xs.map(() => 1), flat, 0.01);
    expect(fromFar.bias).toBeCloseTo(fromFlat.bias, 1);
    expect(fromFar.weights[0]).toBeCloseTo(fromFlat.weights[0], 1);
    expect(fromFar.weights[1]).toBeCloseTo(fromFlat.weights[1], 1);
  });

  it('fits a Newton step at a time when asked in steps, pausing between them, to the same model', () => {
    // A refit in the background runs the steps between its slices of the event loop.
    const { xs, ys } = samplesFrom(truth, 2000);
    const steps = fitLogisticSteps(xs, ys, xs.map(() => 1), flat, 0.01);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses += 1;
    // From flat coefficients the fit takes several steps, each ended by a pause but the last.
    expect(pauses).toBeGreaterThanOrEqual(3);
    expect(step.value).toEqual(fitLogistic(xs, ys, xs.map(() => 1), flat, 0.01));
    expect(finished(fitLogisticSteps(xs, ys, xs.map(() => 1), flat, 0.01))).toEqual(step.value);
  });

  it('gives probabilities in [0, 1] even for extreme inputs', () => {
    for (const z of [-1000, -5, 0, 5, 1000]) {
      expect(sigmoid(z)).toBeGreaterThanOrEqual(0);
      expect(sigmoid(z)).toBeLessThanOrEqual(1);
    }
    expect(sigmoid(0)).toBe(0.5);
  });
});

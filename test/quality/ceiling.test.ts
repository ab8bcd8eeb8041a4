import { FEATURE_NAMES, predict } from '../../src/matcher/calibration';
import { ceilingOf, fitOnReadings, leaveOneFaqOut, readCases, rightWithin, type CaseReading } from '../../src/quality/ceiling';
import { separationOf } from '../../src/quality/evaluate';
import { FIXTURE_FAQ } from '../matcher/fixtures';

/** A reading whose one feature is `v`; `right` as given. */
function reading(faq: string, v: number, right: boolean): CaseReading {
  return { faq, run: faq, x: [v], own: v, right };
}

/** A FAQ's readings where a higher feature means right (or, `reversed`, wrong), with some overlap. */
function faqOf(faq: string, reversed = false): CaseReading[] {
  const out: CaseReading[] = [];
  for (let i = 0; i < 20; i += 1) {
    const v = i / 20;
    // Mostly ordered, with every fifth case against the order, so the fit stays finite.
    const high = i >= 10 !== (i % 5 === 0);
    out.push(reading(faq, v, reversed ? !high : high));
  }
  return out;
}

describe('how far the features could go (eval:ceiling)', () => {
  it('takes right first entries at one threshold within a budget of wrong ones, ties together', () => {
    const predicted = [0.9, 0.8, 0.8, 0.7, 0.6, 0];
    const right = [true, false, true, true, false, true];
    // The tie at 0.8 holds a wrong one: with none allowed only 0.9 is taken.
    expect(rightWithin(predicted, right, 0)).toEqual({ right: 1, wrong: 0 });
    expect(rightWithin(predicted, right, 1)).toEqual({ right: 3, wrong: 1 });
    // A second wrong one brings no right one more; a message with no entry found is never taken.
    expect(rightWithin(predicted, right, 5)).toEqual({ right: 3, wrong: 1 });
  });

  it("scores each FAQ's messages only by a model that never saw that FAQ", () => {
    // FAQ c is the largest and runs against the other two: a model that had seen it would follow it.
    const readings = [...faqOf('a'), ...faqOf('b'), ...faqOf('c', true), ...faqOf('c', true), ...faqOf('c', true)];
    const others = leaveOneFaqOut(readings);
    const ofC = (predicted: (r: CaseReading, i: number) => number) =>
      readings.map((r, i) => ({ predicted: predicted(r, i), topRight: r.right })).filter((_, i) => readings[i].faq === 'c');
    // FAQ c's messages run against what a and b teach: scored by their model, c is ordered backwards…
    expect(separationOf(ofC((_, i) => others[i]))).toBeLessThan(0.3);
    // …while the model fitted on every FAQ, c included, orders it the right way round.
    const withC = fitOnReadings(readings);
    expect(separationOf(ofC((r) => predict(withC, r.x ?? [])))).toBeGreaterThan(0.7);
  });

  it('gives a first entry met only in its answer nothing, as the matcher does, whatever a model would say', () => {
    // Every feature is "explained" here: 0 means the entry asks none of the message's words.
    const readings = [...faqOf('a', true), ...faqOf('b', true), reading('c', 0, false), reading('c', 0.5, false)];
    const others = leaveOneFaqOut(readings);
    // Reversed FAQs teach that a low feature means right: the answer-only reading would score highest.
    expect(others[readings.length - 2]).toBe(0);
    expect(others[readings.length - 1]).toBeGreaterThan(0);
  });

  it("counts the own fit's answers at the band and reports both separations per run", () => {
    const readings = [...faqOf('a'), ...faqOf('b')];
    const ceiling = ceilingOf(readings, 0.5);
    const taken = readings.filter((r) => r.own >= 0.5);
    expect(ceiling.ownRight).toBe(taken.filter((r) => r.right).length);
    expect(ceiling.ownWrong).toBe(taken.filter((r) => !r.right).length);
    expect(ceiling.othersWrong).toBeLessThanOrEqual(ceiling.ownWrong);
    expect(ceiling.runs.map((r) => r.run)).toEqual(['a', 'b']);
    // The own "fit" here is the feature itself, which orders both FAQs the same way.
    expect(ceiling.runs[0].own).toBeCloseTo(ceiling.runs[1].own ?? 0, 10);
    expect(ceiling.pooled.weights[0]).toBeGreaterThan(0);
  });

  it('reads a message through a matcher over its FAQ: the first entry, its features, right or not', () => {
    const suite = {
      name: 'fixture',
      entries: FIXTURE_FAQ,
      cases: [
        { text: FIXTURE_FAQ[0].questions.ru?.[0] ?? '', lang: 'ru' as const, expect: FIXTURE_FAQ[0].id },
        { text: FIXTURE_FAQ[0].questions.ru?.[0] ?? '', lang: 'ru' as const, expect: null },
        { text: 'zzzz qqqq', lang: 'en' as const, expect: FIXTURE_FAQ[0].id },
      ],
    };
    const [asked, outOfScope, nothing] = readCases(suite, 'fixture run', 'fixture');
    expect(asked.right).toBe(true);
    expect(asked.x).toHaveLength(FEATURE_NAMES.length);
    expect(asked.own).toBeGreaterThan(0.5);
    expect(asked.faq).toBe('fixture');
    expect(asked.run).toBe('fixture run');
    // The same words out of scope: the first entry is the same, and never right.
    expect(outOfScope.right).toBe(false);
    expect(outOfScope.x).toEqual(asked.x);
    // Nothing found: no features, no probability.
    expect(nothing).toEqual({ faq: 'fixture', run: 'fixture run', x: null, own: 0, right: false });
  });
});

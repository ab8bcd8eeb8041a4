import { currentFloor, isAsWritten, ratchetRunOf, regressions, yardstickOf } from '../../src/quality/ratchet';
import type { EvalFigures } from '../../src/quality/evaluate';

const figures = (over: Partial<EvalFigures>): EvalFigures =>
  ({ top1_accuracy: 0.9, answered_or_suggested: 0.95, wrong_answer_rate: 0.02, oos_escalation_recall: 0.8, language_accuracy: 1, ...over }) as EvalFigures;

describe('ratchet keys', () => {
  it('name a shared suite, an unseen one, its cuts and other messages', () => {
    expect(ratchetRunOf('eval/city --lang kk --max-variants 1', '/s', '/u')).toEqual({ dir: '/s/eval/city', cut: { lang: 'kk', maxVariants: 1 }, cases: undefined });
    expect(ratchetRunOf('unseen/health', '/s', '/u')).toEqual({ dir: '/u/health', cut: {}, cases: undefined });
    expect(ratchetRunOf('eval --cases emergency.jsonl', '/s', '/u')).toEqual({ dir: '/s/eval', cut: {}, cases: '/u/emergency.jsonl' });
    expect(ratchetRunOf('eval/city --typos 0.15', '/s', '/u')).toEqual({ dir: '/s/eval/city', cut: { typos: 0.15 }, cases: undefined });
    expect(ratchetRunOf('eval --courtesy', '/s', '/u')).toEqual({ dir: '/s/eval', cut: { courtesy: true }, cases: undefined });
    expect(ratchetRunOf('eval/city --remarks', '/s', '/u')).toEqual({ dir: '/s/eval/city', cut: { remarks: true }, cases: undefined });
    expect(ratchetRunOf('eval/city --story', '/s', '/u')).toEqual({ dir: '/s/eval/city', cut: { story: true }, cases: undefined });
    expect(ratchetRunOf('eval/city --terse', '/s', '/u')).toEqual({ dir: '/s/eval/city', cut: { terse: true }, cases: undefined });
    expect(ratchetRunOf('eval --latin', '/s', '/u')).toEqual({ dir: '/s/eval', cut: { latin: true }, cases: undefined });
    expect(ratchetRunOf('eval/city --cases city.jsonl --learn-from eval/city/dev.jsonl', '/s', '/u')).toEqual({
      dir: '/s/eval/city',
      cut: {},
      cases: '/u/city.jsonl',
      learnFrom: '/s/eval/city/dev.jsonl',
    });
  });

  it('refuse a flag they do not know, naming it', () => {
    expect(() => ratchetRunOf('eval --lang de', '/s', '/u')).toThrow('"--lang de" in "eval --lang de"');
    expect(() => ratchetRunOf('eval --cases ../secret.jsonl', '/s', '/u')).toThrow('--cases FILE.jsonl');
    expect(() => ratchetRunOf('eval --typos 15', '/s', '/u')).toThrow('"--typos 15"');
    expect(() => ratchetRunOf('eval --courtesy yes', '/s', '/u')).toThrow('"--courtesy yes"');
    expect(() => ratchetRunOf('eval --remarks 2', '/s', '/u')).toThrow('"--remarks 2"');
    expect(() => ratchetRunOf('eval --story long', '/s', '/u')).toThrow('"--story long"');
    expect(() => ratchetRunOf('eval --terse 2', '/s', '/u')).toThrow('"--terse 2"');
    expect(() => ratchetRunOf('eval --latin ru', '/s', '/u')).toThrow('"--latin ru"');
    expect(() => ratchetRunOf('eval --learn-from ../secret.jsonl', '/s', '/u')).toThrow('--learn-from FILE.jsonl');
  });
});

describe('the runs of the FAQs as written', () => {
  it('are the runs with no cut and no lesson first; other messages of the same FAQ are still as written', () => {
    expect(isAsWritten(ratchetRunOf('eval/city', '/s', '/u'))).toBe(true);
    expect(isAsWritten(ratchetRunOf('unseen/health', '/s', '/u'))).toBe(true);
    expect(isAsWritten(ratchetRunOf('eval --cases emergency.jsonl', '/s', '/u'))).toBe(true);
    expect(isAsWritten(ratchetRunOf('eval --typos 0.15', '/s', '/u'))).toBe(false);
    expect(isAsWritten(ratchetRunOf('eval --lang ru --max-variants 1', '/s', '/u'))).toBe(false);
    expect(isAsWritten(ratchetRunOf('eval --learn-from eval/dev.jsonl', '/s', '/u'))).toBe(false);
  });

  it('are each judged by one number: top-1 + answered or suggested + out of scope escalated − wrong', () => {
    expect(yardstickOf(figures({}))).toBeCloseTo(0.9 + 0.95 + 0.8 - 0.02, 12);
    // A suite with no message out of scope has nothing to escalate: that figure counts 0, not 1.
    expect(yardstickOf(figures({ oos_escalation_recall: null }))).toBeCloseTo(0.9 + 0.95 - 0.02, 12);
  });
});

describe('regressions', () => {
  it('are figures below their floor, or above it for wrong answers, beyond rounding', () => {
    const floor = { top1_accuracy: 0.9, wrong_answer_rate: 0.02 };
    expect(regressions(figures({ top1_accuracy: 0.89995 }), floor)).toEqual([]);
    expect(regressions(figures({ top1_accuracy: 0.85, wrong_answer_rate: 0.03 }), floor)).toEqual([
      'top1_accuracy: 0.85 (baseline 0.9)',
      'wrong_answer_rate: 0.03 (baseline 0.02)',
    ]);
    expect(regressions(figures({ top1_accuracy: null }), floor)).toEqual(['top1_accuracy: nothing to measure (baseline 0.9)']);
  });

  it('become the new floor with --write: the same figures, four decimals, a missing one kept', () => {
    expect(currentFloor(figures({ top1_accuracy: 0.123456, wrong_answer_rate: null }), { top1_accuracy: 0.5, wrong_answer_rate: 0.01 })).toEqual({
      top1_accuracy: 0.1235,
      wrong_answer_rate: 0.01,
    });
  });
});

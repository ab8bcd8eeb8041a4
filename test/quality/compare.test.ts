import { compareOutcomes, formatOutcomes, parseOutcomes } from '../../src/quality/compare';
import type { EvalOutcome } from '../../src/quality/evaluate';

const outcome = (text: string, got: string, ok: boolean, expect: string | null = 'bank-hours'): EvalOutcome => ({ text, lang: 'ru', expect, got, ok });

describe('comparing two runs case by case', () => {
  it('names the cases a change fixed, broke or moved otherwise, fixed first, and leaves the rest out', () => {
    const before = [
      outcome('банки работают?', 'suggest bank-hours,post-hours', false),
      outcome('банк в субботу', 'answer bank-hours', true),
      outcome('банкомат где', 'escalate', false),
      outcome('банк до скольки', 'answer bank-hours', true),
    ];
    const after = [
      outcome('банки работают?', 'answer bank-hours', true),
      outcome('банк в субботу', 'answer post-hours', false),
      outcome('банкомат где', 'suggest post-hours', false),
      outcome('банк до скольки', 'answer bank-hours', true),
    ];
    const c = compareOutcomes(before, after);
    expect(c).toMatchObject({ fixed: 1, broken: 1, moved: 1, compared: 4, unmatched: 0 });
    expect(c.changes.map((x) => [x.verdict, x.text, x.before, x.after])).toEqual([
      ['fixed', 'банки работают?', 'suggest bank-hours,post-hours', 'answer bank-hours'],
      ['broken', 'банк в субботу', 'answer bank-hours', 'answer post-hours'],
      ['moved', 'банкомат где', 'escalate', 'suggest post-hours'],
    ]);
  });

  it('pairs a message asked twice in order, and counts the cases only one run has', () => {
    const before = [outcome('банк', 'escalate', false), outcome('банк', 'answer bank-hours', true), outcome('почта', 'escalate', false)];
    const after = [outcome('банк', 'escalate', false), outcome('банк', 'answer bank-hours', true), outcome('аптека', 'escalate', false)];
    expect(compareOutcomes(before, after)).toMatchObject({ changes: [], compared: 2, unmatched: 2 });
  });

  it('counts a wrong answer as worse than handing over: one that appears is broken, one that goes is fixed', () => {
    const before = [outcome('банкомат', 'escalate', false), outcome('банк', 'answer post-hours', false), outcome('почта', 'escalate', true, null)];
    const after = [outcome('банкомат', 'answer post-hours', false), outcome('банк', 'suggest bank-hours', false), outcome('почта', 'answer post-hours', false, null)];
    expect(compareOutcomes(before, after).changes.map((x) => [x.verdict, x.text])).toEqual([
      ['fixed', 'банк'],
      ['broken', 'банкомат'],
      ['broken', 'почта'],
    ]);
  });

  it('keeps the same message with another expected entry apart', () => {
    const c = compareOutcomes([outcome('банк', 'escalate', true, null)], [outcome('банк', 'escalate', false, 'bank-hours')]);
    expect(c).toMatchObject({ changes: [], compared: 0, unmatched: 2 });
  });
});

describe('outcome files', () => {
  it('read back what was written, by suite', () => {
    const a = [outcome('банк', 'answer bank-hours', true)];
    const b = [outcome('что-то другое', 'escalate', true, null)];
    const parsed = parseOutcomes(formatOutcomes('suite-a', a) + '\n' + formatOutcomes('suite-b', b));
    expect([...parsed.keys()]).toEqual(['suite-a', 'suite-b']);
    expect(parsed.get('suite-a')).toEqual(a);
    expect(parsed.get('suite-b')).toEqual(b);
  });

  it('name the first line that is not an outcome', () => {
    expect(() => parseOutcomes('{"suite":"s","text":"x","lang":"ru","expect":null,"got":"escalate","ok":true}\nnot json')).toThrow('line 2 is not JSON');
    expect(() => parseOutcomes('{"suite":"s","text":"x","lang":"de","expect":null,"got":"escalate","ok":true}')).toThrow('line 1 is not an outcome');
    expect(() => parseOutcomes('{"suite":"s","text":"x","lang":"ru","expect":null,"got":"escalate"}')).toThrow('line 1 is not an outcome');
  });
});

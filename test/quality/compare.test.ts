import { byChance, changeLine, compareOutcomes, countsOf, formatOutcomes, parseOutcomes } from '../../src/quality/compare';
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

  it("marks a case on a band's edge in either run, counts those of the fixed and the broken, and prints both probabilities", () => {
    const before = [
      { ...outcome('банки работают?', 'suggest bank-hours', false), p: 0.646, edge: true },
      { ...outcome('банк в субботу', 'answer bank-hours', true), p: 0.91, edge: false },
      { ...outcome('почта', 'escalate', false), p: 0.2, edge: false },
    ];
    const after = [
      { ...outcome('банки работают?', 'answer bank-hours', true), p: 0.652, edge: true },
      { ...outcome('банк в субботу', 'suggest bank-hours', false), p: 0.4, edge: false },
      { ...outcome('почта', 'suggest bank-hours', false), p: 0.66, edge: true },
    ];
    const c = compareOutcomes(before, after);
    expect(c).toMatchObject({ fixed: 1, broken: 1, moved: 1, fixedOnEdge: 1, brokenOnEdge: 0 });
    expect(c.changes.map((x) => [x.text, x.edge])).toEqual([
      ['банки работают?', true],
      ['банк в субботу', false],
      ['почта', true],
    ]);
    expect(countsOf(c)).toBe("1 fixed, 1 broken, 1 moved otherwise (1 fixed and 0 broken on a band's edge)");
    expect(byChance(c)).toBe('; a coin splits 2 this unevenly or more with p 1.00');
    expect(changeLine(c.changes[0])).toBe(
      "FIXED  [ru] expect=bank-hours was suggest bank-hours, now answer bank-hours: банки работают? (0.646 → 0.652, on a band's edge)",
    );
    expect(changeLine(c.changes[1])).toMatch(/: банк в субботу \(0\.910 → 0\.400\)$/);
  });

  it('compares with a file written before probabilities were kept: "?" for the missing one, no edge claimed', () => {
    const c = compareOutcomes([outcome('банк', 'escalate', false)], [{ ...outcome('банк', 'answer bank-hours', true), p: 0.7, edge: false }]);
    expect(countsOf(c)).toBe('1 fixed, 0 broken, 0 moved otherwise');
    expect(changeLine(c.changes[0])).toMatch(/\(\? → 0\.700\)$/);
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

  it("read back a case's probability and band's edge, and files written without them", () => {
    const kept = [{ ...outcome('банк', 'answer bank-hours', true), p: 0.652, edge: true }];
    expect(parseOutcomes(formatOutcomes('s', kept)).get('s')).toEqual(kept);
    expect(parseOutcomes(formatOutcomes('s', [outcome('банк', 'escalate', false)])).get('s')).toEqual([outcome('банк', 'escalate', false)]);
  });

  it('name the first line that is not an outcome', () => {
    expect(() => parseOutcomes('{"suite":"s","text":"x","lang":"ru","expect":null,"got":"escalate","ok":true}\nnot json')).toThrow('line 2 is not JSON');
    expect(() => parseOutcomes('{"suite":"s","text":"x","lang":"de","expect":null,"got":"escalate","ok":true}')).toThrow('line 1 is not an outcome');
    expect(() => parseOutcomes('{"suite":"s","text":"x","lang":"ru","expect":null,"got":"escalate"}')).toThrow('line 1 is not an outcome');
    expect(() => parseOutcomes('{"suite":"s","text":"x","lang":"ru","expect":null,"got":"escalate","ok":true,"p":1.5}')).toThrow('line 1 is not an outcome');
    expect(() => parseOutcomes('{"suite":"s","text":"x","lang":"ru","expect":null,"got":"escalate","ok":true,"edge":"yes"}')).toThrow('line 1 is not an outcome');
  });

  it('ends the counts with how likely a coin splits the fixed and the broken so unevenly', () => {
    expect(byChance({ fixed: 10, broken: 0 })).toBe('; a coin splits 10 this unevenly or more with p 0.00');
    expect(byChance({ fixed: 0, broken: 0 })).toBe('');
  });
});


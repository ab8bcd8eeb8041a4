import { binomialTailP, fisherExactP, signTestP } from '../../src/quality/chance';

describe('the exact sign test', () => {
  it('is the chance a coin splits the fixed and the broken at least so unevenly, either way', () => {
    // Worked by hand: 12 cases split 8 to 4 or more unevenly, either way: 2 × (1 + 12 + 66 + 220 + 495) / 4096.
    expect(signTestP(8, 4)).toBeCloseTo((2 * (1 + 12 + 66 + 220 + 495)) / 4096, 12);
    expect(signTestP(4, 8)).toBe(signTestP(8, 4));
    // An even split, or nothing moved, is all chance; a one-sided one of ten is not.
    expect(signTestP(5, 5)).toBe(1);
    expect(signTestP(0, 0)).toBe(1);
    expect(signTestP(10, 0)).toBeCloseTo(2 / 1024, 12);
  });

  it('stays finite for hundreds of cases (2ⁿ alone would not)', () => {
    const p = signTestP(600, 500);
    expect(p).toBeGreaterThan(0.001);
    expect(p).toBeLessThan(0.01);
  });
});

describe("Fisher's exact test", () => {
  it('counts the tables with the same margins no more likely than the one seen', () => {
    // Worked by hand: 3 right of 6, three in each group; the first group has k of them with chance
    // C(3, k)·C(3, 3 − k) / C(6, 3) = 1, 9, 9, 1 twentieths. All three in one group: 1/20 + 1/20.
    expect(fisherExactP(3, 3, 0, 3)).toBeCloseTo(0.1, 12);
    expect(fisherExactP(2, 3, 1, 3)).toBeCloseTo(1, 12);
  });

  it('is the same whichever group comes first, and 1 for groups alike', () => {
    expect(fisherExactP(34, 40, 39, 40)).toBe(fisherExactP(39, 40, 34, 40));
    expect(fisherExactP(38, 40, 38, 40)).toBeCloseTo(1, 12);
  });

  it('tells a gap chance gives often from one it seldom gives, on groups of different sizes', () => {
    // 0.85 against 0.975 on 40 cases each comes by chance about one time in nine (p 0.108);
    // 8 of 10 against 10 of 10 about one time in two; 20 of 40 against 40 of 40 almost never.
    expect(fisherExactP(34, 40, 39, 40)).toBeCloseTo(0.1084, 4);
    expect(fisherExactP(8, 10, 10, 10)).toBeCloseTo(9 / 19, 12);
    expect(fisherExactP(20, 40, 40, 40)).toBeLessThan(1e-6);
    expect(fisherExactP(10, 12, 30, 50)).toBeGreaterThan(0.1);
  });

  it('says 1 where there is nothing to compare', () => {
    expect(fisherExactP(0, 0, 5, 10)).toBe(1);
    expect(fisherExactP(0, 10, 0, 10)).toBe(1);
  });
});

describe('the binomial tail', () => {
  it('is the chance of so many or more, or so few or fewer, at a given rate', () => {
    // Worked by hand: 3 or fewer of 10 at a half: (1 + 10 + 45 + 120) / 1024.
    expect(binomialTailP(3, 10, 0.5, 'fewer')).toBeCloseTo(176 / 1024, 12);
    expect(binomialTailP(7, 10, 0.5, 'more')).toBeCloseTo(176 / 1024, 12);
    // 49 or fewer of 50 at 0.99 is anything but all 50: 1 − 0.99⁵⁰.
    expect(binomialTailP(49, 50, 0.99, 'fewer')).toBeCloseTo(1 - 0.99 ** 50, 12);
    expect(binomialTailP(0, 10, 0.3, 'more')).toBeCloseTo(1, 12);
  });

  it('tells a miss chance gives often from one it seldom gives', () => {
    expect(binomialTailP(10, 90, 0.05, 'more')).toBeCloseTo(0.0145, 4);
    expect(binomialTailP(2, 50, 0.03, 'more')).toBeGreaterThan(0.4);
  });

  it('holds at the rates 0 and 1, where no other count can come', () => {
    expect(binomialTailP(1, 10, 0, 'more')).toBe(0);
    expect(binomialTailP(0, 10, 0, 'fewer')).toBe(1);
    expect(binomialTailP(9, 10, 1, 'fewer')).toBe(0);
    expect(binomialTailP(10, 10, 1, 'more')).toBe(1);
  });
});

/**
 * How likely chance alone gives what an evaluation shows: the suites have tens of cases a language,
 * and a figure moves by a few points with a case or two. Each test here is exact, for the small
 * counts the suites have.
 */

/**
 * The exact two-sided sign test: the chance that `fixed + broken` cases, each as likely fixed as
 * broken, split at least as unevenly as these. Most matcher changes fix and break a handful of
 * cases each; 8 fixed against 4 broken (p 0.39) is what chance does, 20 against 6 (p 0.01) is not.
 * The cases are taken as independent: over the ratchet's runs, which ask the same messages
 * misspelt, wrapped or cut, they are not, and p is smaller than it should be.
 */
export function signTestP(fixed: number, broken: number): number {
  const n = fixed + broken;
  if (n === 0) return 1;
  // The lower tail of a fair coin, doubled for either way.
  return Math.min(1, 2 * binomialTailP(Math.min(fixed, broken), n, 0.5, 'fewer'));
}

/**
 * Fisher's exact test, two-sided: the chance that two groups equally good (`a` of `n` right against
 * `b` of `m`) would lie at least this far apart, counted as the tables with the same margins that
 * are no more likely than this one. On the suites' 40 cases a language, 34 against 39 right (0.85
 * against 0.975) has p 0.11: a gap of that size comes by chance about one time in nine.
 */
export function fisherExactP(a: number, n: number, b: number, m: number): number {
  const right = a + b;
  const total = n + m;
  // The chance of k of the `right` falling in the first group, the margins held (hypergeometric).
  const logP = (k: number) => logBinomial(n, k) + logBinomial(m, right - k) - logBinomial(total, right);
  const observed = logP(a);
  let p = 0;
  for (let k = Math.max(0, right - m); k <= Math.min(n, right); k += 1) {
    const l = logP(k);
    // No more likely than the observed table, with room for rounding in the logarithms.
    if (l <= observed + 1e-7) p += Math.exp(l);
  }
  return Math.min(1, p);
}

/** log C(n, k), summed term by term: the counts are small. */
function logBinomial(n: number, k: number): number {
  let sum = 0;
  for (let i = 1; i <= k; i += 1) sum += Math.log(n - k + i) - Math.log(i);
  return sum;
}

/**
 * The binomial tail: the chance that `n` cases, each right (or wrong) with chance `rate`, give `k`
 * or more (`side` 'more') or `k` or fewer ('fewer'). It says whether a rate that misses a bound
 * could be that bound's luck: 10 wrong of 90 where wrong answers run at 0.05 come with p 0.015.
 */
export function binomialTailP(k: number, n: number, rate: number, side: 'more' | 'fewer'): number {
  if (rate <= 0) return side === 'fewer' || k <= 0 ? 1 : 0;
  if (rate >= 1) return side === 'more' || k >= n ? 1 : 0;
  const [from, to] = side === 'more' ? [Math.max(0, k), n] : [0, Math.min(n, k)];
  // Each term in logarithms, C(n, i) carried from the one before: rateⁿ alone leaves a double's
  // range for a few hundred cases.
  let logChoose = logBinomial(n, from);
  let p = 0;
  for (let i = from; i <= to; i += 1) {
    if (i > from) logChoose += Math.log(n - i + 1) - Math.log(i);
    p += Math.exp(logChoose + i * Math.log(rate) + (n - i) * Math.log1p(-rate));
  }
  return Math.min(1, p);
}

/**
 * Issue 10's quality targets, checked on an evaluation's figures, so that `npm run eval` says which
 * hold and which do not instead of leaving the reader to compare a dozen numbers with the issue.
 *
 * Two sets: those every shared suite must meet (SUITE_TARGETS), and those any FAQ must, the unseen
 * and third-party ones included (ANY_FAQ_TARGETS: answered or suggested at least what plain BM25
 * puts in its first three, few wrong answers). The eval cannot tell a shared suite from another,
 * so it checks both and says which set each line is. `npm run bench` checks its speed targets with
 * the same pieces (atLeast, atMost, targetLine).
 */
import type { Lang } from '../i18n/languages';
import { binomialTailP, fisherExactP, signTestP } from './chance';
import type { EvalFigures } from './evaluate';

export const SUITE_TARGETS = {
  top1: 0.88,
  answeredOrSuggested: 0.96,
  maxWrong: 0.03,
  oosEscalated: 0.8,
  language: 0.99,
  /** Each language's figures within this of every other language's. */
  languageSpread: 0.05,
} as const;

export const ANY_FAQ_TARGETS = {
  maxWrong: 0.05,
} as const;

export interface TargetCheck {
  /** What is checked, with the figure and the bound ("top1 0.925 ≥ 0.88"). */
  says: string;
  met: boolean;
}

/**
 * The figures whose languages must stay within SUITE_TARGETS.languageSpread of one another, with
 * the names the checks print and the count each is a share of.
 */
const SPREAD_FIGURES = [
  ['top1_accuracy', 'top1', 'in_scope'],
  ['answered_or_suggested', 'answered or suggested', 'in_scope'],
  ['wrong_answer_rate', 'wrong', 'cases'],
  ['oos_escalation_recall', 'out of scope escalated', 'oos'],
  ['language_accuracy', 'language', 'cases'],
] as const;

/** A bound met exactly must not fail on a difference's last binary digit (0.9 − 0.85 is 0.050000000000000044). */
const EPSILON = 1e-9;

/**
 * A figure that must reach `bound` (itself a figure, such as plain BM25's, when `boundName` names
 * it); null when there is nothing to measure either on.
 */
export function atLeast(name: string, value: number | null, bound: number | null, boundName?: string): TargetCheck | null {
  if (value === null || bound === null) return null;
  return { says: `${name} ${value} ≥ ${boundName ? `${boundName} ` : ''}${bound}`, met: value >= bound - EPSILON };
}

/** A figure that must stay within `bound`; null when there is nothing to measure it on. */
export function atMost(name: string, value: number | null, bound: number): TargetCheck | null {
  return value === null ? null : { says: `${name} ${value} ≤ ${bound}`, met: value <= bound + EPSILON };
}

/**
 * Whether each figure's languages (those with cases) lie within SUITE_TARGETS.languageSpread of one
 * another: the figures that do not, each with its lowest and highest language, or when all do the
 * widest of them. Null when no figure has two languages to compare.
 *
 * A figure apart also says the counts its two languages' shares are of, and how likely two
 * languages equally well served would lie at least so far apart on so few cases (fisherExactP):
 * "top1 en 0.85, kk 0.975, 34 of 40 and 39 of 40, p 0.11 by chance". The target stays missed
 * whatever p says; p tells the reader whether the gap could be the sample's. (The two languages
 * are the lowest and the highest of three, picked after the fact, so p comes out smaller than it
 * should be: a large p is the more so chance's, a small one less sure than it looks.)
 */
function languageSpread(byLang: Readonly<Record<Lang, EvalFigures>>): TargetCheck | null {
  const spreads: Array<{ says: string; width: number; chance: string }> = [];
  for (const [field, name, of] of SPREAD_FIGURES) {
    const values = (Object.entries(byLang) as Array<[Lang, EvalFigures]>)
      .filter(([, f]) => f[field] !== null)
      .map(([lang, f]) => ({ lang, value: f[field] as number, count: Math.round((f[field] as number) * f[of]), of: f[of] }));
    if (values.length < 2) continue;
    const low = values.reduce((a, b) => (b.value < a.value ? b : a));
    const high = values.reduce((a, b) => (b.value > a.value ? b : a));
    const p = fisherExactP(low.count, low.of, high.count, high.of);
    spreads.push({
      says: `${name} ${low.lang} ${low.value}, ${high.lang} ${high.value}`,
      width: high.value - low.value,
      chance: `, ${low.count} of ${low.of} and ${high.count} of ${high.of}, p ${p.toFixed(2)} by chance`,
    });
  }
  if (spreads.length === 0) return null;
  const bound = SUITE_TARGETS.languageSpread;
  const apart = spreads.filter((s) => s.width > bound + EPSILON);
  if (apart.length > 0) return { says: `languages within ${bound} (apart: ${apart.map((s) => s.says + s.chance).join('; ')})`, met: false };
  const widest = spreads.reduce((a, b) => (b.width > a.width ? b : a));
  return { says: `languages within ${bound} (widest: ${widest.says})`, met: true };
}

/**
 * A rate that must reach `bound` (`worse` 'fewer') or stay within it ('more'), `of` the count it is
 * a share of. A miss also says that count and how likely a bot exactly at the bound would do so
 * badly or worse on so few cases (binomialTailP): "wrong 0.1111 ≤ 0.05 (10 of 90, p 0.01 by
 * chance)". Null when there is nothing to measure it on.
 */
function rateCheck(name: string, value: number | null, of: number, bound: number, worse: 'more' | 'fewer'): TargetCheck | null {
  const check = worse === 'fewer' ? atLeast(name, value, bound) : atMost(name, value, bound);
  if (!check || check.met || value === null) return check;
  const count = Math.round(value * of);
  return { ...check, says: `${check.says} (${count} of ${of}, p ${binomialTailP(count, of, bound, worse).toFixed(2)} by chance)` };
}

/** The shared suites' targets, on a suite's overall figures and its figures per language. */
export function suiteTargetChecks(overall: EvalFigures, byLang: Readonly<Record<Lang, EvalFigures>>): TargetCheck[] {
  const t = SUITE_TARGETS;
  const o = overall;
  return [
    rateCheck('top1', o.top1_accuracy, o.in_scope, t.top1, 'fewer'),
    rateCheck('answered or suggested', o.answered_or_suggested, o.in_scope, t.answeredOrSuggested, 'fewer'),
    rateCheck('wrong', o.wrong_answer_rate, o.cases, t.maxWrong, 'more'),
    rateCheck('out of scope escalated', o.oos_escalation_recall, o.oos, t.oosEscalated, 'fewer'),
    rateCheck('language', o.language_accuracy, o.cases, t.language, 'fewer'),
    languageSpread(byLang),
  ].filter((c): c is TargetCheck => c !== null);
}

/**
 * The targets on any FAQ: answered or suggested at least plain BM25's first three, few wrong answers.
 * Given the cases where only one of the two has the right entry (EvalReport.versusBm25Top3), a
 * miss says them and how likely chance splits them so unevenly (the sign test on those cases,
 * McNemar's exact test): "(3 cases only plain BM25's, 1 only ours, p 0.63 by chance)".
 */
export function anyFaqTargetChecks(overall: EvalFigures, versus?: { ours: number; bm25: number }): TargetCheck[] {
  const reach = atLeast('answered or suggested', overall.answered_or_suggested, overall.bm25_ranked_top3, "plain BM25's first three");
  return [
    reach && !reach.met && versus
      ? { ...reach, says: `${reach.says} (${versus.bm25} cases only plain BM25's, ${versus.ours} only ours, p ${signTestP(versus.ours, versus.bm25).toFixed(2)} by chance)` }
      : reach,
    rateCheck('wrong', overall.wrong_answer_rate, overall.cases, ANY_FAQ_TARGETS.maxWrong, 'more'),
  ].filter((c): c is TargetCheck => c !== null);
}

/** One line: how many checks hold, then each with ✓ or ✗ (a null, nothing to measure, is left out). */
export function targetLine(label: string, given: ReadonlyArray<TargetCheck | null>): string {
  const checks = given.filter((c): c is TargetCheck => c !== null);
  const met = checks.filter((c) => c.met).length;
  return `${label}: ${met} of ${checks.length} met — ${checks.map((c) => `${c.says} ${c.met ? '✓' : '✗'}`).join(', ')}`;
}

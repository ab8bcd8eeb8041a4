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
 * the names the checks print.
 */
const SPREAD_FIGURES = [
  ['top1_accuracy', 'top1'],
  ['answered_or_suggested', 'answered or suggested'],
  ['wrong_answer_rate', 'wrong'],
  ['oos_escalation_recall', 'out of scope escalated'],
  ['language_accuracy', 'language'],
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
 */
function languageSpread(byLang: Readonly<Record<Lang, EvalFigures>>): TargetCheck | null {
  const spreads: Array<{ says: string; width: number }> = [];
  for (const [field, name] of SPREAD_FIGURES) {
    const values = (Object.entries(byLang) as Array<[Lang, EvalFigures]>)
      .filter(([, f]) => f[field] !== null)
      .map(([lang, f]) => [lang, f[field] as number] as const);
    if (values.length < 2) continue;
    const low = values.reduce((a, b) => (b[1] < a[1] ? b : a));
    const high = values.reduce((a, b) => (b[1] > a[1] ? b : a));
    spreads.push({ says: `${name} ${low[0]} ${low[1]}, ${high[0]} ${high[1]}`, width: high[1] - low[1] });
  }
  if (spreads.length === 0) return null;
  const bound = SUITE_TARGETS.languageSpread;
  const apart = spreads.filter((s) => s.width > bound + EPSILON);
  if (apart.length > 0) return { says: `languages within ${bound} (apart: ${apart.map((s) => s.says).join('; ')})`, met: false };
  const widest = spreads.reduce((a, b) => (b.width > a.width ? b : a));
  return { says: `languages within ${bound} (widest: ${widest.says})`, met: true };
}

/** The shared suites' targets, on a suite's overall figures and its figures per language. */
export function suiteTargetChecks(overall: EvalFigures, byLang: Readonly<Record<Lang, EvalFigures>>): TargetCheck[] {
  const t = SUITE_TARGETS;
  return [
    atLeast('top1', overall.top1_accuracy, t.top1),
    atLeast('answered or suggested', overall.answered_or_suggested, t.answeredOrSuggested),
    atMost('wrong', overall.wrong_answer_rate, t.maxWrong),
    atLeast('out of scope escalated', overall.oos_escalation_recall, t.oosEscalated),
    atLeast('language', overall.language_accuracy, t.language),
    languageSpread(byLang),
  ].filter((c): c is TargetCheck => c !== null);
}

/** The targets on any FAQ: answered or suggested at least plain BM25's first three, few wrong answers. */
export function anyFaqTargetChecks(overall: EvalFigures): TargetCheck[] {
  return [
    atLeast('answered or suggested', overall.answered_or_suggested, overall.bm25_ranked_top3, "plain BM25's first three"),
    atMost('wrong', overall.wrong_answer_rate, ANY_FAQ_TARGETS.maxWrong),
  ].filter((c): c is TargetCheck => c !== null);
}

/** One line: how many checks hold, then each with ✓ or ✗ (a null, nothing to measure, is left out). */
export function targetLine(label: string, given: ReadonlyArray<TargetCheck | null>): string {
  const checks = given.filter((c): c is TargetCheck => c !== null);
  const met = checks.filter((c) => c.met).length;
  return `${label}: ${met} of ${checks.length} met — ${checks.map((c) => `${c.says} ${c.met ? '✓' : '✗'}`).join(', ')}`;
}

import type { EvalFigures } from '../../src/quality/evaluate';
import type { Lang } from '../../src/i18n/languages';
import { anyFaqTargetChecks, suiteTargetChecks, targetLine } from '../../src/quality/targets';

/** Figures of a suite that meets every target; each test spoils what it checks. */
function figures(over: Partial<EvalFigures> = {}): EvalFigures {
  return {
    cases: 50,
    in_scope: 40,
    top1_accuracy: 0.9,
    answered_or_suggested: 0.975,
    wrong_answer_rate: 0.02,
    oos: 10,
    oos_escalation_recall: 0.9,
    escalated_with_entries: 0.06,
    language_accuracy: 1,
    ranked_first: 0.95,
    ranked_top3: 1,
    bm25_ranked_first: 0.8,
    bm25_ranked_top3: 0.925,
    ...over,
  };
}

const NONE: EvalFigures = {
  cases: 0,
  in_scope: 0,
  top1_accuracy: null,
  answered_or_suggested: null,
  wrong_answer_rate: null,
  oos: 0,
  oos_escalation_recall: null,
  escalated_with_entries: null,
  language_accuracy: null,
  ranked_first: null,
  ranked_top3: null,
  bm25_ranked_first: null,
  bm25_ranked_top3: null,
};

function byLang(ru: EvalFigures, kk: EvalFigures, en: EvalFigures): Record<Lang, EvalFigures> {
  return { ru, kk, en };
}

const failed = (checks: ReturnType<typeof suiteTargetChecks>) => checks.filter((c) => !c.met).map((c) => c.says);

describe("a shared suite's targets", () => {
  it('all hold for figures that meet them, a bound met exactly included', () => {
    const exact = figures({ top1_accuracy: 0.88, wrong_answer_rate: 0.03, oos_escalation_recall: 0.8 });
    const checks = suiteTargetChecks(exact, byLang(figures({ top1_accuracy: 0.9 }), figures({ top1_accuracy: 0.85 }), figures()));
    expect(failed(checks)).toEqual([]);
    expect(checks).toHaveLength(6);
    expect(checks.at(-1)?.says).toBe('languages within 0.05 (widest: top1 kk 0.85, ru 0.9)');
  });

  it('name each figure on the wrong side of its bound, with its count and how likely a bot at the bound does so badly', () => {
    const poor = figures({ top1_accuracy: 0.85, answered_or_suggested: 0.95, wrong_answer_rate: 0.04, oos_escalation_recall: 0.7, language_accuracy: 0.98 });
    const all = figures();
    expect(failed(suiteTargetChecks(poor, byLang(all, all, all)))).toEqual([
      // 34 or fewer of 40 where top-1 runs at 0.88, and so on: each a miss chance gives often.
      'top1 0.85 ≥ 0.88 (34 of 40, p 0.35 by chance)',
      'answered or suggested 0.95 ≥ 0.96 (38 of 40, p 0.48 by chance)',
      'wrong 0.04 ≤ 0.03 (2 of 50, p 0.44 by chance)',
      'out of scope escalated 0.7 ≥ 0.8 (7 of 10, p 0.32 by chance)',
      'language 0.98 ≥ 0.99 (49 of 50, p 0.39 by chance)',
    ]);
  });

  it('say every figure whose languages lie more than 5 points apart, lowest language first, with the counts and how likely chance puts them so far apart', () => {
    const checks = suiteTargetChecks(
      figures(),
      byLang(figures({ oos_escalation_recall: 0.8 }), figures({ top1_accuracy: 0.975 }), figures({ top1_accuracy: 0.85, oos_escalation_recall: 1 })),
    );
    expect(failed(checks)).toEqual([
      'languages within 0.05 (apart: top1 en 0.85, kk 0.975, 34 of 40 and 39 of 40, p 0.11 by chance; out of scope escalated ru 0.8, en 1, 8 of 10 and 10 of 10, p 0.47 by chance)',
    ]);
  });

  it("tell a gap chance seldom gives from one it often does, each share counted on its own language's cases", () => {
    const checks = suiteTargetChecks(
      figures(),
      byLang(figures({ top1_accuracy: 0.5 }), figures({ in_scope: 20, top1_accuracy: 1 }), figures({ cases: 20, in_scope: 10, top1_accuracy: 0.9 })),
    );
    expect(failed(checks)).toEqual(['languages within 0.05 (apart: top1 ru 0.5, kk 1, 20 of 40 and 20 of 20, p 0.00 by chance)']);
  });

  it('compare only languages with cases, and leave out a rate with nothing to measure', () => {
    const checks = suiteTargetChecks(figures({ oos_escalation_recall: null }), byLang(figures({ top1_accuracy: 0.5 }), NONE, NONE));
    expect(checks.map((c) => c.says)).toEqual(['top1 0.9 ≥ 0.88', 'answered or suggested 0.975 ≥ 0.96', 'wrong 0.02 ≤ 0.03', 'language 1 ≥ 0.99']);
  });
});

describe("any FAQ's targets", () => {
  it('hold when the bot answers or offers at least what plain BM25 ranks in its first three, with few wrong answers', () => {
    expect(failed(anyFaqTargetChecks(figures({ answered_or_suggested: 0.925, wrong_answer_rate: 0.05 })))).toEqual([]);
  });

  it('fail under plain BM25 or with more wrong answers', () => {
    expect(failed(anyFaqTargetChecks(figures({ answered_or_suggested: 0.9, wrong_answer_rate: 0.0667 })))).toEqual([
      "answered or suggested 0.9 ≥ plain BM25's first three 0.925",
      'wrong 0.0667 ≤ 0.05 (3 of 50, p 0.46 by chance)',
    ]);
    // 10 wrong of 90 where wrong answers run at 0.05: p 0.015, seldom chance.
    expect(failed(anyFaqTargetChecks(figures({ cases: 90, wrong_answer_rate: 0.1111 })))).toEqual(['wrong 0.1111 ≤ 0.05 (10 of 90, p 0.01 by chance)']);
  });

  it('say, when under plain BM25, the cases only one of the two has and how likely chance splits them so', () => {
    const under = figures({ answered_or_suggested: 0.9 });
    // 3 of 4 such cases one way: 2 × (1 + 4) / 16.
    expect(failed(anyFaqTargetChecks(under, { ours: 1, bm25: 3 }))).toEqual([
      "answered or suggested 0.9 ≥ plain BM25's first three 0.925 (3 cases only plain BM25's, 1 only ours, p 0.63 by chance)",
    ]);
    expect(anyFaqTargetChecks(figures(), { ours: 2, bm25: 0 })[0].says).toBe("answered or suggested 0.975 ≥ plain BM25's first three 0.925");
  });
});

describe('targetLine', () => {
  it('counts the checks met and marks each', () => {
    const line = targetLine("any FAQ's targets", anyFaqTargetChecks(figures({ wrong_answer_rate: 0.1 })));
    expect(line).toBe("any FAQ's targets: 1 of 2 met — answered or suggested 0.975 ≥ plain BM25's first three 0.925 ✓, wrong 0.1 ≤ 0.05 (5 of 50, p 0.10 by chance) ✗");
  });
});

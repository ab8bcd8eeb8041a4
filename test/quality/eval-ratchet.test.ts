/**
 * The answer-quality ratchet: each shared evaluation suite must score at least the figures last
 * reached, committed in test/eval-baseline.json (keyed by the suite's folder under ../shared).
 * A key ending in " --max-variants N" holds the same suite with its FAQ cut to N question variants
 * per language (`npm run eval -- … --max-variants N`): a FAQ written sparingly, as many centres
 * write theirs, must not get worse unnoticed either. Raise that file whenever the matcher improves.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { EvalFigures } from '../../src/quality/evaluate';
import { isSuite, loadSuite, runSuite, withMaxVariants } from '../../src/quality/suite';

const SHARED = path.resolve(__dirname, '../../../shared');
const BASELINE = path.resolve(__dirname, '../eval-baseline.json');
const baseline = JSON.parse(fs.readFileSync(BASELINE, 'utf8')) as Record<string, Partial<EvalFigures>>;

/** Figures where lower is better; every other figure must not drop. */
const LOWER_IS_BETTER: (keyof EvalFigures)[] = ['wrong_answer_rate'];
/** Rounding slack for figures stored with four decimals. */
const EPSILON = 1e-4;

/** "eval/city --max-variants 1" → the folder and the variants kept per language, if cut. */
function parseKey(key: string): { folder: string; maxVariants?: number } {
  const match = /^(.*?) --max-variants (\d+)$/.exec(key);
  return match ? { folder: match[1], maxVariants: Number(match[2]) } : { folder: key };
}

describe.each(Object.keys(baseline))('eval ratchet on ../shared/%s', (name) => {
  const { folder, maxVariants } = parseKey(name);
  const dir = path.join(SHARED, folder);
  const run = isSuite(dir) ? test : test.skip;
  run(isSuite(dir) ? 'no figure falls below the baseline' : `skipped: ${dir} with faq.yaml and dev.jsonl not found`, async () => {
    const suite = await loadSuite(dir);
    const { report } = await runSuite(maxVariants === undefined ? suite : withMaxVariants(suite, maxVariants));
    const regressions: string[] = [];
    for (const [key, floor] of Object.entries(baseline[name]) as [keyof EvalFigures, number][]) {
      const value = report.overall[key];
      if (value === null) {
        regressions.push(`${key}: nothing to measure (baseline ${floor})`);
        continue;
      }
      const worse = LOWER_IS_BETTER.includes(key) ? value > floor + EPSILON : value < floor - EPSILON;
      if (worse) regressions.push(`${key}: ${value} (baseline ${floor})`);
    }
    expect(regressions).toEqual([]);
  });
});

/**
 * The answer-quality ratchet: each shared evaluation suite must score at least the figures last
 * reached, committed in test/eval-baseline.json (keyed by the suite's folder under ../shared).
 * A key with " --max-variants N" holds the same suite with its FAQ cut to N question variants per
 * language (`npm run eval -- … --max-variants N`), one with " --lang L" the suite in language L only
 * (`--lang L`): a FAQ written sparingly, or in one language, as many centres write theirs, must not
 * get worse unnoticed either. One with " --cases FILE" asks the suite's FAQ the messages of
 * test/quality/unseen/FILE instead of its dev.jsonl: messages written from the FAQ alone, by someone
 * who had not read dev.jsonl (see that folder's README), so a change fitted to the shared messages
 * shows there as a drop. A key "unseen/NAME" is a whole suite of that folder: the FAQ of another
 * centre with its messages, a FAQ nobody tuned anything on. Raise that file whenever the matcher
 * improves.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { EvalFigures } from '../../src/quality/evaluate';
import { isLang } from '../../src/i18n/languages';
import { cutSuite, isSuite, loadSuite, runSuite, SUITE_FAQ, type SuiteCut } from '../../src/quality/suite';

const SHARED = path.resolve(__dirname, '../../../shared');
const UNSEEN = path.resolve(__dirname, 'unseen');
const BASELINE = path.resolve(__dirname, '../eval-baseline.json');
const baseline = JSON.parse(fs.readFileSync(BASELINE, 'utf8')) as Record<string, Partial<EvalFigures>>;

/** Figures where lower is better; every other figure must not drop. */
const LOWER_IS_BETTER: (keyof EvalFigures)[] = ['wrong_answer_rate'];
/** Rounding slack for figures stored with four decimals. */
const EPSILON = 1e-4;

/**
 * "eval/city --lang ru --max-variants 1" → the folder, how the suite is cut, if at all, and the
 * unseen messages asked instead of its own ("--cases city.jsonl"), if any.
 */
function parseKey(key: string): { folder: string; cut: SuiteCut; cases?: string } {
  const [folder, ...flags] = key.split(' --');
  const cut: SuiteCut = {};
  let cases: string | undefined;
  for (const flag of flags) {
    const [name, value] = flag.split(' ');
    if (name === 'max-variants' && /^\d+$/.test(value)) cut.maxVariants = Number(value);
    else if (name === 'lang' && isLang(value)) cut.lang = value;
    else if (name === 'cases' && /^[\w-]+\.jsonl$/.test(value)) cases = path.join(UNSEEN, value);
    else throw new Error(`eval-baseline.json: "--${flag}" in "${key}" is not --max-variants N, --lang ru|kk|en or --cases FILE.jsonl`);
  }
  return { folder, cut, cases };
}

describe.each(Object.keys(baseline))('eval ratchet on %s', (name) => {
  const { folder, cut, cases } = parseKey(name);
  // "unseen/…" is a suite of this repository (test/quality/unseen), any other folder one of ../shared.
  const dir = folder.startsWith('unseen/') ? path.join(__dirname, folder) : path.join(SHARED, folder);
  const run = isSuite(dir) ? test : test.skip;
  run(isSuite(dir) ? 'no figure falls below the baseline' : `skipped: ${dir} with faq.yaml and dev.jsonl not found`, async () => {
    const suite = await loadSuite(dir, cases ? { faq: path.join(dir, SUITE_FAQ), cases } : undefined);
    const { report } = await runSuite(cutSuite(suite, cut));
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

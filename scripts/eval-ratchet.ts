/**
 * npm run eval:ratchet [-- --write] [--outcomes DIR] [--compare DIR] [--baseline FILE] [--shared DIR]
 *
 * Runs every evaluation the ratchet holds (test/eval-baseline.json: both shared suites, misspelt,
 * wrapped in courtesy, typed in Latin letters, cut to one question per language and to each
 * language, the unseen messages (the city's also after learning from its dev set), both dev sets
 * asked again by the residents who taught the FAQ, the other centres' FAQs) and prints each run's
 * figures against its baseline; a figure below it is marked BELOW and the exit code is 1, as the
 * ratchet test would fail. What a key names: src/quality/ratchet.ts.
 *
 * --write makes the current figures the baseline (after a change that improves the matcher, or a
 *   trade that is meant; the figures that go down are named).
 * --outcomes DIR saves every run's cases (DIR/<run>.jsonl); after a change, --compare DIR lists per
 *   run the cases fixed, broken or moved otherwise (see `npm run eval -- --compare`).
 * --baseline FILE and --shared DIR point elsewhere than test/eval-baseline.json and ../shared.
 */
import fs from 'node:fs';
import path from 'node:path';
import { byChance, changeLine, compareOutcomes, countsOf, formatOutcomes, parseOutcomes } from '../src/quality/compare';
import type { EvalFigures } from '../src/quality/evaluate';
import { currentFloor, isAsWritten, isAvailable, isWorse, loadRun, ratchetRunOf, regressions, yardstickOf, type Baseline } from '../src/quality/ratchet';
import { cutSuite, runSuite } from '../src/quality/suite';
import { EXIT_FAILED, EXIT_OK, readCommandLine, runScript } from './command-line';
import { openBaseline } from './ratchet-baseline';

const USAGE = 'usage: npm run eval:ratchet -- [--write] [--outcomes DIR] [--compare DIR] [--baseline FILE] [--shared DIR]';

const SHORT: Partial<Record<keyof EvalFigures, string>> = {
  top1_accuracy: 'top1',
  answered_or_suggested: 'answered/suggested',
  wrong_answer_rate: 'wrong',
  oos_escalation_recall: 'oos escalated',
  language_accuracy: 'language',
};

/** A run's key as a file name: "eval/city --max-variants 1" → "eval-city-max-variants-1". */
function slug(key: string): string {
  return key.replace(/[^\w]+/g, '-').replace(/^-|-$/g, '');
}

async function main(): Promise<number> {
  const line = readCommandLine(USAGE, {
    options: {
      write: { type: 'boolean' },
      outcomes: { type: 'string' },
      compare: { type: 'string' },
      baseline: { type: 'string' },
      shared: { type: 'string' },
    },
  });
  if (typeof line === 'number') return line;
  const { values } = line;
  const opened = openBaseline(values);
  if (typeof opened === 'number') return opened;
  const { baselineFile, shared, unseen, baseline } = opened;
  if (values.outcomes) fs.mkdirSync(values.outcomes, { recursive: true });

  const written: Baseline = {};
  const lowered: string[] = [];
  let below = 0;
  let skipped = 0;
  // The runs of the FAQs as written, each in one number: their mean is what matcher work is judged on.
  const yardsticks: number[] = [];
  // Every compared run's cases together: what a change did over all of them, in one line.
  const moved = { fixed: 0, broken: 0, moved: 0, fixedOnEdge: 0, brokenOnEdge: 0 };
  const keys = Object.keys(baseline);
  for (const key of keys) {
    const run = ratchetRunOf(key, shared, unseen);
    if (!isAvailable(run)) {
      console.log(`${key}: skipped, ${run.dir} with faq.yaml and dev.jsonl not found`);
      written[key] = baseline[key];
      skipped += 1;
      continue;
    }
    const suite = cutSuite(await loadRun(run), run.cut);
    const { report } = await runSuite(suite);
    const floor = baseline[key];
    const figures = (Object.keys(floor) as (keyof EvalFigures)[]).map((name) => {
      const value = report.overall[name];
      const was = floor[name];
      const moved = typeof value === 'number' && typeof was === 'number' && Math.abs(value - was) > 1e-4 ? ` (was ${was})` : '';
      return `${SHORT[name] ?? name} ${value ?? '–'}${moved}`;
    });
    const worse = regressions(report.overall, floor);
    if (worse.length > 0) below += 1;
    console.log(`${key}: ${figures.join(', ')}${worse.length > 0 ? `  BELOW: ${worse.join('; ')}` : ''}`);
    written[key] = currentFloor(report.overall, floor);
    if (isAsWritten(run)) yardsticks.push(yardstickOf(report.overall));
    for (const name of Object.keys(floor) as (keyof EvalFigures)[]) {
      const [was, now] = [floor[name], written[key][name]];
      if (typeof was !== 'number' || typeof now !== 'number') continue;
      if (isWorse(name, now, was, 0)) lowered.push(`${key} ${name} ${was} → ${now}`);
    }
    if (values.outcomes) fs.writeFileSync(path.join(values.outcomes, `${slug(key)}.jsonl`), formatOutcomes(suite.name, report.outcomes));
    if (values.compare) {
      const file = path.join(values.compare, `${slug(key)}.jsonl`);
      let before;
      try {
        before = fs.existsSync(file) ? parseOutcomes(fs.readFileSync(file, 'utf8')).get(suite.name) : undefined;
      } catch (error) {
        throw new Error(`${file}: ${(error as Error).message}`);
      }
      if (!before) {
        console.log(`  no outcomes of this run in ${file}`);
      } else {
        const c = compareOutcomes(before, report.outcomes);
        moved.fixed += c.fixed;
        moved.broken += c.broken;
        moved.moved += c.moved;
        moved.fixedOnEdge += c.fixedOnEdge;
        moved.brokenOnEdge += c.brokenOnEdge;
        console.log(`  against ${file}: ${countsOf(c)}${byChance(c)}`);
        for (const change of c.changes) console.log(`  ${changeLine(change)}`);
      }
    }
  }
  const compared = values.compare ? `; against ${values.compare}: ${countsOf(moved)} in all${byChance(moved)}` : '';
  console.log(`\n${keys.length} runs: ${below} below their baseline, ${skipped} skipped${compared}`);
  if (yardsticks.length > 0) {
    const mean = yardsticks.reduce((a, b) => a + b, 0) / yardsticks.length;
    console.log(`the ${yardsticks.length} runs of the FAQs as written: mean of top-1 + answered or suggested + out of scope escalated − wrong ${mean.toFixed(4)}`);
  }
  if (values.write) {
    fs.writeFileSync(baselineFile, `${JSON.stringify(written, null, 2)}\n`);
    console.log(`${path.relative(process.cwd(), baselineFile) || baselineFile} now holds the current figures${lowered.length > 0 ? `; lower than before: ${lowered.join(', ')}` : ''}`);
    return EXIT_OK;
  }
  return below > 0 ? EXIT_FAILED : EXIT_OK;
}

runScript('eval:ratchet', main);

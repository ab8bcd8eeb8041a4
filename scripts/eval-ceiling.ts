/**
 * npm run eval:ceiling [-- --baseline FILE] [--shared DIR]
 *
 * How far the confidence's features could go (src/quality/ceiling.ts): every FAQ the ratchet holds
 * as written (its runs with no cut and no learning: both shared suites, their unseen messages, the
 * other centres' FAQs), each FAQ's messages scored by a model fitted on the real messages of the
 * others, against the FAQ's own fit. Prints each run's separation both ways, the right first
 * entries each takes at the same number of wrong ones, and what the real messages weigh each
 * feature at beside the prior. Takes a few seconds.
 */
import { DEFAULT_THRESHOLDS } from '../src/matcher';
import { FEATURE_NAMES } from '../src/matcher/calibration';
import { PRIOR_CALIBRATION } from '../src/matcher/matcher';
import { ceilingOf, readCases, type CaseReading } from '../src/quality/ceiling';
import { isAsWritten, isAvailable, loadRun, ratchetRunOf } from '../src/quality/ratchet';
import { EXIT_FAILED, EXIT_OK, readCommandLine, runScript } from './command-line';
import { openBaseline } from './ratchet-baseline';

const USAGE = 'usage: npm run eval:ceiling -- [--baseline FILE] [--shared DIR]';

function figure(value: number | null): string {
  return value === null ? '–' : value.toFixed(4);
}

async function main(): Promise<number> {
  const line = readCommandLine(USAGE, { options: { baseline: { type: 'string' }, shared: { type: 'string' } } });
  if (typeof line === 'number') return line;
  const { values } = line;
  const opened = openBaseline(values);
  if (typeof opened === 'number') return opened;
  const { shared, unseen, baseline } = opened;
  const readings: CaseReading[] = [];
  let skipped = 0;
  for (const key of Object.keys(baseline)) {
    const run = ratchetRunOf(key, shared, unseen);
    // The FAQs as written, asked by their own residents: a cut or a lesson would count a FAQ twice.
    if (!isAsWritten(run)) continue;
    if (!isAvailable(run)) {
      skipped += 1;
      continue;
    }
    readings.push(...readCases(await loadRun(run), key, run.dir));
    process.stderr.write(`\rread ${readings.length} messages`);
  }
  process.stderr.write('\n');
  if (new Set(readings.map((r) => r.faq)).size < 2) {
    console.error(`fewer than two FAQs to read (${skipped} runs skipped: their suites were not found)`);
    return EXIT_FAILED;
  }
  const band = DEFAULT_THRESHOLDS.answer;
  const ceiling = ceilingOf(readings, band);
  console.log("separation (the chance a right first entry gets more than one that is not), by the FAQ's own fit and by a model fitted on the other FAQs' messages:");
  const width = Math.max(...ceiling.runs.map((r) => r.run.length));
  console.log(`${'run'.padEnd(width)}  cases     own  others`);
  for (const r of ceiling.runs) console.log(`${r.run.padEnd(width)}  ${String(r.cases).padStart(5)}  ${figure(r.own)}  ${figure(r.others)}`);
  const mean = (pick: (r: (typeof ceiling.runs)[number]) => number | null) => {
    const v = ceiling.runs.map(pick).filter((x): x is number => x !== null);
    return v.length > 0 ? v.reduce((a, b) => a + b, 0) / v.length : null;
  };
  console.log(`${'mean'.padEnd(width)}  ${String(readings.length).padStart(5)}  ${figure(mean((r) => r.own))}  ${figure(mean((r) => r.others))}`);
  console.log(
    `\nfirst entries at or above the answer band (${band}), doubts aside: the own fit ${ceiling.ownRight} right, ${ceiling.ownWrong} not;` +
      ` the others' models at one threshold, at most as many not: ${ceiling.othersRight} right, ${ceiling.othersWrong} not`,
  );
  console.log('\nweights: fitted on every message here, and the prior (fitted on the shared FAQs\' simulated residents)');
  console.log(`  ${'bias'.padEnd(18)} ${ceiling.pooled.bias.toFixed(2).padStart(7)} ${PRIOR_CALIBRATION.top1.bias.toFixed(2).padStart(7)}`);
  FEATURE_NAMES.forEach((name, i) => {
    console.log(`  ${name.padEnd(18)} ${ceiling.pooled.weights[i].toFixed(2).padStart(7)} ${PRIOR_CALIBRATION.top1.weights[i].toFixed(2).padStart(7)}`);
  });
  if (skipped > 0) console.log(`\n${skipped} runs skipped: their suites were not found`);
  return EXIT_OK;
}

runScript('eval:ceiling', main);

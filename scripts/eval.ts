/**
 * npm run eval -- --faq FILE --cases FILE [--misses]
 *
 * Loads a FAQ file straight into the matcher (no database), sends every case to the engine as a
 * fresh conversation and prints a table per language and overall. The last line is one JSON
 * object with the figures, for CI and for the ratchet in test/eval-baseline.json.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { readFaqFile } from '../src/faq/file';
import { LANGS } from '../src/i18n/languages';
import { evaluate, parseCases, type EvalFigures } from '../src/quality/evaluate';
import { createOfflineEngine } from '../src/quality/offline-engine';

const USAGE = 'usage: npm run eval -- --faq FILE --cases FILE [--misses]';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: { faq: { type: 'string' }, cases: { type: 'string' }, misses: { type: 'boolean' }, help: { type: 'boolean' } },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.faq || !values.cases) {
    console.error(USAGE);
    return 2;
  }
  const entries = await readFaqFile(values.faq);
  const cases = parseCases(fs.readFileSync(values.cases, 'utf8'));
  const { engine, store, indexBuildMs } = createOfflineEngine(entries);
  console.error(`${entries.length} FAQ entries indexed in ${indexBuildMs.toFixed(1)} ms; ${cases.length} cases`);

  const report = await evaluate(engine, cases, (done, total) => {
    if (process.stderr.isTTY && (done % 25 === 0 || done === total)) process.stderr.write(`\r  ${done}/${total} cases`);
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  await engine.drain();
  await store.close();

  if (values.misses) {
    for (const m of report.misses) {
      console.log(`MISS [${m.lang}→${m.replyLang}] expect=${m.expect ?? 'escalate'} got=${m.got}: ${m.text}`);
    }
    console.log('');
  }
  const rows: [string, EvalFigures][] = [...LANGS.map((l) => [l, report.byLang[l]] as [string, EvalFigures]), ['all', report.overall]];
  const columns: (keyof EvalFigures)[] = [
    'cases',
    'in_scope',
    'top1_accuracy',
    'answered_or_suggested',
    'wrong_answer_rate',
    'oos',
    'oos_escalation_recall',
    'language_accuracy',
  ];
  console.log(['lang', ...columns].map((c) => c.padStart(c === 'lang' ? 4 : Math.max(c.length, 6))).join('  '));
  for (const [name, f] of rows) {
    console.log([name.padStart(4), ...columns.map((c) => String(f[c]).padStart(Math.max(c.length, 6)))].join('  '));
  }
  console.log(JSON.stringify(report.overall));
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`eval failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);

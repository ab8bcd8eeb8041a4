/**
 * The answer-quality ratchet: the evaluation set must score at least the figures last reached,
 * committed in test/eval-baseline.json. Raise that file whenever the matcher improves.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readFaqFile } from '../../src/faq/file';
import { evaluate, parseCases, type EvalFigures } from '../../src/quality/evaluate';
import { createOfflineEngine } from '../../src/quality/offline-engine';

const EVAL_DIR = path.resolve(__dirname, '../../../shared/eval');
const BASELINE = path.resolve(__dirname, '../eval-baseline.json');
const available = fs.existsSync(path.join(EVAL_DIR, 'dev.jsonl')) && fs.existsSync(path.join(EVAL_DIR, 'faq.yaml'));

/** Figures where lower is better; every other figure must not drop. */
const LOWER_IS_BETTER: (keyof EvalFigures)[] = ['wrong_answer_rate'];
/** Rounding slack for figures stored with four decimals. */
const EPSILON = 1e-4;

(available ? describe : describe.skip)(
  available ? 'eval ratchet on ../shared/eval' : 'eval ratchet (skipped: ../shared/eval with dev.jsonl and faq.yaml not found beside the project)',
  () => {
    test('no figure falls below test/eval-baseline.json', async () => {
      const baseline = JSON.parse(fs.readFileSync(BASELINE, 'utf8')) as Partial<EvalFigures>;
      const entries = await readFaqFile(path.join(EVAL_DIR, 'faq.yaml'));
      const cases = parseCases(fs.readFileSync(path.join(EVAL_DIR, 'dev.jsonl'), 'utf8'));
      const { engine, store } = createOfflineEngine(entries);
      const report = await evaluate(engine, cases);
      await engine.drain();
      await store.close();

      const regressions: string[] = [];
      for (const [key, floor] of Object.entries(baseline) as [keyof EvalFigures, number][]) {
        const value = report.overall[key];
        const worse = LOWER_IS_BETTER.includes(key) ? value > floor + EPSILON : value < floor - EPSILON;
        if (worse) regressions.push(`${key}: ${value} (baseline ${floor})`);
      }
      expect(regressions).toEqual([]);
    });
  },
);

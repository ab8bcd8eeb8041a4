/**
 * The answer-quality ratchet: each evaluation run must score at least the figures last reached,
 * committed in test/eval-baseline.json (what a key names: src/quality/ratchet.ts). A FAQ written
 * sparingly or in one language, messages written without reading dev.jsonl, and other centres'
 * FAQs nobody tuned anything on are runs of their own, so a change fitted to the shared messages
 * shows as a drop. `npm run eval:ratchet` prints every run against its baseline; `-- --write`
 * raises the file when the matcher improves.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isAvailable, loadRun, ratchetRunOf, regressions, type Baseline } from '../../src/quality/ratchet';
import { cutSuite, runSuite } from '../../src/quality/suite';

const SHARED = path.resolve(__dirname, '../../../shared');
const UNSEEN = path.resolve(__dirname, 'unseen');
const BASELINE = path.resolve(__dirname, '../eval-baseline.json');
const baseline = JSON.parse(fs.readFileSync(BASELINE, 'utf8')) as Baseline;

describe.each(Object.keys(baseline))('eval ratchet on %s', (name) => {
  const run = ratchetRunOf(name, SHARED, UNSEEN);
  const available = isAvailable(run);
  (available ? test : test.skip)(available ? 'no figure falls below the baseline' : `skipped: ${run.dir} with faq.yaml and dev.jsonl not found`, async () => {
    const { report } = await runSuite(cutSuite(await loadRun(run), run.cut));
    expect(regressions(report.overall, baseline[name])).toEqual([]);
  });
});

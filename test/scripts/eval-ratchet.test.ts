/** `npm run eval:ratchet` as a maintainer runs it: a real child process on a baseline and suites of its own. */
import fs from 'node:fs';
import path from 'node:path';
import { writeEvalSuite } from '../support/eval-suite';
import { tempDir } from '../support/fixtures';
import { runTs } from '../support/run-ts';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir('helpline-ratchet-');
  writeEvalSuite(path.join(tmp.dir, 'shared/mini'));
});
afterEach(() => tmp.cleanup());

function baseline(figures: Record<string, Record<string, number>>): string {
  const file = path.join(tmp.dir, 'baseline.json');
  fs.writeFileSync(file, JSON.stringify(figures, null, 2));
  return file;
}

const run = (...args: string[]) =>
  runTs('scripts/eval-ratchet.ts', ['--shared', path.join(tmp.dir, 'shared'), ...args], { LOG_LEVEL: 'silent' }, '', tmp.dir);

describe('npm run eval:ratchet', () => {
  it('prints each run against its baseline, and fails when a figure is below it', async () => {
    const file = baseline({ mini: { top1_accuracy: 0.5, wrong_answer_rate: 0.5 }, 'mini --max-variants 1': { top1_accuracy: 0.5 }, gone: { top1_accuracy: 1 } });
    const ok = await run('--baseline', file);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^mini: top1 1 \(was 0\.5\), wrong 0 \(was 0\.5\)$/m);
    expect(ok.stdout).toMatch(/^gone: skipped, .* not found$/m);
    expect(ok.stdout).toContain('3 runs: 0 below their baseline, 1 skipped');
    // "mini" alone is its FAQ as written: the other run cuts it, and the third is not there.
    expect(ok.stdout).toMatch(/^the 1 runs of the FAQs as written: mean of top-1 \+ answered or suggested \+ out of scope escalated − wrong \d\.\d{4}$/m);

    // No FAQ answers more than every case: a floor above that is always missed.
    const high = await run('--baseline', baseline({ mini: { top1_accuracy: 1.5 } }));
    expect(high.code).toBe(1);
    expect(high.stdout).toContain('BELOW: top1_accuracy: 1 (baseline 1.5)');
  });

  it('with --write makes the current figures the baseline and names those that went down', async () => {
    const file = baseline({ mini: { top1_accuracy: 1.5, wrong_answer_rate: 0.5 } });
    const written = await run('--baseline', file, '--write');
    expect(written.code).toBe(0);
    expect(written.stdout).toContain('lower than before: mini top1_accuracy 1.5 → 1');
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ mini: { top1_accuracy: 1, wrong_answer_rate: 0 } });
    expect((await run('--baseline', file)).code).toBe(0);
  });

  it('saves every run\'s cases with --outcomes and compares a later run with --compare', async () => {
    const file = baseline({ mini: { top1_accuracy: 0 } });
    expect((await run('--baseline', file, '--outcomes', 'before')).code).toBe(0);
    expect(fs.readdirSync(path.join(tmp.dir, 'before'))).toEqual(['mini.jsonl']);
    const again = await run('--baseline', file, '--compare', 'before');
    expect(again.stdout).toContain('against before/mini.jsonl: 0 fixed, 0 broken, 0 moved otherwise');
    expect(again.stdout).toContain('1 runs: 0 below their baseline, 0 skipped; against before: 0 fixed, 0 broken, 0 moved otherwise in all');
  });
});

/** `npm run eval:ratchet` as a maintainer runs it: a real child process on a baseline and suites of its own. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { serializeFaqFile } from '../../src/faq/file';
import { FIXTURE_FAQ } from '../matcher/fixtures';
import { tempDir } from '../support/fixtures';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir('helpline-ratchet-');
  const suite = path.join(tmp.dir, 'shared/mini');
  fs.mkdirSync(suite, { recursive: true });
  fs.writeFileSync(path.join(suite, 'faq.yaml'), serializeFaqFile(FIXTURE_FAQ, 'yaml'));
  const cases = [
    { text: 'Когда откроется библиотека в воскресенье?', lang: 'ru', expect: 'library-hours' },
    { text: 'как оплатить штраф за парковку', lang: 'ru', expect: 'parking-fine' },
  ];
  fs.writeFileSync(path.join(suite, 'dev.jsonl'), cases.map((c) => JSON.stringify(c)).join('\n'));
});
afterEach(() => tmp.cleanup());

function baseline(figures: Record<string, Record<string, number>>): string {
  const file = path.join(tmp.dir, 'baseline.json');
  fs.writeFileSync(file, JSON.stringify(figures, null, 2));
  return file;
}

function run(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent' };
  delete env.MONGODB_URI;
  const result = spawnSync(TSX, [path.join(ROOT, 'scripts/eval-ratchet.ts'), '--shared', path.join(tmp.dir, 'shared'), ...args], {
    cwd: tmp.dir,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run eval:ratchet', () => {
  it('prints each run against its baseline, and fails when a figure is below it', () => {
    const file = baseline({ mini: { top1_accuracy: 0.5, wrong_answer_rate: 0.5 }, 'mini --max-variants 1': { top1_accuracy: 0.5 }, gone: { top1_accuracy: 1 } });
    const ok = run('--baseline', file);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^mini: top1 1 \(was 0\.5\), wrong 0 \(was 0\.5\)$/m);
    expect(ok.stdout).toMatch(/^gone: skipped, .* not found$/m);
    expect(ok.stdout).toContain('3 runs: 0 below their baseline, 1 skipped');

    // No FAQ answers more than every case: a floor above that is always missed.
    const high = run('--baseline', baseline({ mini: { top1_accuracy: 1.5 } }));
    expect(high.code).toBe(1);
    expect(high.stdout).toContain('BELOW: top1_accuracy: 1 (baseline 1.5)');
  });

  it('with --write makes the current figures the baseline and names those that went down', () => {
    const file = baseline({ mini: { top1_accuracy: 1.5, wrong_answer_rate: 0.5 } });
    const written = run('--baseline', file, '--write');
    expect(written.code).toBe(0);
    expect(written.stdout).toContain('lower than before: mini top1_accuracy 1.5 → 1');
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ mini: { top1_accuracy: 1, wrong_answer_rate: 0 } });
    expect(run('--baseline', file).code).toBe(0);
  });

  it('saves every run\'s cases with --outcomes and compares a later run with --compare', () => {
    const file = baseline({ mini: { top1_accuracy: 0 } });
    expect(run('--baseline', file, '--outcomes', 'before').code).toBe(0);
    expect(fs.readdirSync(path.join(tmp.dir, 'before'))).toEqual(['mini.jsonl']);
    const again = run('--baseline', file, '--compare', 'before');
    expect(again.stdout).toContain('against before/mini.jsonl: 0 fixed, 0 broken, 0 moved otherwise');
  });
});

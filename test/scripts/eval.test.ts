/** `npm run eval` with --outcomes and --compare, as a maintainer runs it: a real child process on a suite folder. */
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
  tmp = tempDir('helpline-eval-');
});
afterEach(() => tmp.cleanup());

function run(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent' };
  delete env.MONGODB_URI;
  const result = spawnSync(TSX, [path.join(ROOT, 'scripts/eval.ts'), ...args], { cwd: tmp.dir, env, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function writeSuite(entries: typeof FIXTURE_FAQ): void {
  fs.mkdirSync(path.join(tmp.dir, 'suite'), { recursive: true });
  fs.writeFileSync(path.join(tmp.dir, 'suite/faq.yaml'), serializeFaqFile(entries, 'yaml'));
  const cases = [
    { text: 'Когда откроется библиотека в воскресенье?', lang: 'ru', expect: 'library-hours' },
    { text: 'как оплатить штраф за парковку', lang: 'ru', expect: 'parking-fine' },
  ];
  fs.writeFileSync(path.join(tmp.dir, 'suite/dev.jsonl'), cases.map((c) => JSON.stringify(c)).join('\n'));
}

describe('npm run eval -- --outcomes / --compare', () => {
  it('saves every case it ran, and after a change lists the cases that moved', () => {
    writeSuite(FIXTURE_FAQ);
    const first = run('suite', '--outcomes', 'before.jsonl');
    expect(first.code).toBe(0);
    const saved = fs.readFileSync(path.join(tmp.dir, 'before.jsonl'), 'utf8').trim().split('\n');
    expect(saved.map((line) => JSON.parse(line) as { suite: string; ok: boolean })).toEqual([
      expect.objectContaining({ suite: 'suite', ok: true }),
      expect.objectContaining({ suite: 'suite', ok: true }),
    ]);

    const same = run('suite', '--compare', 'before.jsonl');
    expect(same.stdout).toContain('against before.jsonl: 0 fixed, 0 broken, 0 moved otherwise, of 2 cases');

    // The FAQ loses its library entry: that case can no longer be answered with it.
    writeSuite(FIXTURE_FAQ.filter((e) => e.id !== 'library-hours'));
    const after = run('suite', '--compare', 'before.jsonl');
    expect(after.code).toBe(0);
    expect(after.stdout).toContain('0 fixed, 1 broken, 0 moved otherwise, of 2 cases');
    expect(after.stdout).toMatch(/BROKEN \[ru\] expect=library-hours was answer library-hours, now .*: Когда откроется библиотека/);
  });

  it('says when the file has no outcomes of the suite, and refuses a file that is not one', () => {
    writeSuite(FIXTURE_FAQ);
    fs.writeFileSync(path.join(tmp.dir, 'other.jsonl'), '{"suite":"elsewhere","text":"x","lang":"ru","expect":null,"got":"escalate","ok":true}\n');
    expect(run('suite', '--compare', 'other.jsonl').stdout).toContain('against other.jsonl: no outcomes of this suite there');
    fs.writeFileSync(path.join(tmp.dir, 'bad.jsonl'), 'hello\n');
    const bad = run('suite', '--compare', 'bad.jsonl');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--compare bad.jsonl: line 1 is not JSON');
  });
});

/** `npm run eval` with --outcomes and --compare, as a maintainer runs it: a real child process on a suite folder. */
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURE_FAQ } from '../matcher/fixtures';
import { writeEvalSuite } from '../support/eval-suite';
import { tempDir } from '../support/fixtures';
import { runTs } from '../support/run-ts';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir('helpline-eval-');
});
afterEach(() => tmp.cleanup());

const run = (...args: string[]) => runTs('scripts/eval.ts', args, { LOG_LEVEL: 'silent' }, '', tmp.dir);
const writeSuite = (entries: typeof FIXTURE_FAQ) => writeEvalSuite(path.join(tmp.dir, 'suite'), entries);
/** The messages as the run asked them, from the outcomes it saved (`--outcomes FILE`). */
const savedTexts = (file: string) =>
  fs
    .readFileSync(path.join(tmp.dir, file), 'utf8')
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { text: string }).text);

describe('npm run eval -- --outcomes / --compare', () => {
  it('saves every case it ran, and after a change lists the cases that moved', async () => {
    writeSuite(FIXTURE_FAQ);
    const first = await run('suite', '--outcomes', 'before.jsonl');
    expect(first.code).toBe(0);
    const saved = fs.readFileSync(path.join(tmp.dir, 'before.jsonl'), 'utf8').trim().split('\n');
    expect(saved.map((line) => JSON.parse(line) as { suite: string; ok: boolean })).toEqual([
      expect.objectContaining({ suite: 'suite', ok: true }),
      expect.objectContaining({ suite: 'suite', ok: true }),
    ]);

    const same = await run('suite', '--compare', 'before.jsonl');
    expect(same.stdout).toContain('against before.jsonl: 0 fixed, 0 broken, 0 moved otherwise, of 2 cases');

    // The FAQ loses its library entry: that case can no longer be answered with it.
    writeSuite(FIXTURE_FAQ.filter((e) => e.id !== 'library-hours'));
    const after = await run('suite', '--compare', 'before.jsonl');
    expect(after.code).toBe(0);
    expect(after.stdout).toContain('0 fixed, 1 broken, 0 moved otherwise, of 2 cases; a coin splits 1 this unevenly or more with p 1.00');
    expect(after.stdout).toMatch(/BROKEN \[ru\] expect=library-hours was answer library-hours, now .*: Когда откроется библиотека/);
  });

  it('says when the file has no outcomes of the suite, and refuses a file that is not one', async () => {
    writeSuite(FIXTURE_FAQ);
    fs.writeFileSync(path.join(tmp.dir, 'other.jsonl'), '{"suite":"elsewhere","text":"x","lang":"ru","expect":null,"got":"escalate","ok":true}\n');
    expect((await run('suite', '--compare', 'other.jsonl')).stdout).toContain('against other.jsonl: no outcomes of this suite there');
    fs.writeFileSync(path.join(tmp.dir, 'bad.jsonl'), 'hello\n');
    const bad = await run('suite', '--compare', 'bad.jsonl');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--compare bad.jsonl: line 1 is not JSON');
  });
});

describe('npm run eval -- --typos', () => {
  it('runs the suite on misspelt messages, named so, and refuses a rate that is not a share', async () => {
    writeSuite(FIXTURE_FAQ);
    const typed = await run('suite', '--typos', '1', '--outcomes', 'typed.jsonl');
    expect(typed.code).toBe(0);
    expect(typed.stdout).toContain('== suite (a slip in 100 % of long words)');
    const texts = savedTexts('typed.jsonl');
    // Every long word of the suite's messages carries a slip now; "как" and "за" are as written.
    expect(texts).toHaveLength(2);
    expect(texts[1]).toMatch(/^как \S+ \S+ за \S+$/);
    expect(texts[1]).not.toContain('оплатить');
    expect(texts[1]).not.toContain('парковку');
    const bad = await run('suite', '--typos', '15');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--typos must be a share of words between 0 and 1, not "15"');
  });
});

describe('npm run eval -- --story', () => {
  it('runs the suite with a story before each message, named so, the message after it as written', async () => {
    writeSuite(FIXTURE_FAQ);
    const told = await run('suite', '--story', '--outcomes', 'told.jsonl');
    expect(told.code).toBe(0);
    expect(told.stdout).toContain('== suite (a story before each message)');
    const texts = savedTexts('told.jsonl');
    expect(texts).toHaveLength(2);
    expect(texts[1]).toMatch(/\. как оплатить штраф за парковку$/);
  });
});

describe('npm run eval -- --terse', () => {
  it('runs the suite with each message cut to its first two words that name something, named so', async () => {
    writeSuite(FIXTURE_FAQ);
    const cut = await run('suite', '--terse', '--outcomes', 'terse.jsonl');
    expect(cut.code).toBe(0);
    expect(cut.stdout).toContain('== suite (each message its first two words)');
    expect(savedTexts('terse.jsonl')).toEqual(['откроется библиотека', 'оплатить штраф']);
  });
});

describe('npm run eval -- --max-variants', () => {
  it('takes a count written in digits, and refuses one written otherwise, as the bench does', async () => {
    writeSuite(FIXTURE_FAQ);
    const cut = await run('suite', '--max-variants', '1');
    expect(cut.code).toBe(0);
    expect(cut.stdout).toContain('== suite (at most 1 question variant per language)');
    for (const bad of ['2.0', '1e1', '0', 'two']) {
      const refused = await run('suite', '--max-variants', bad);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`--max-variants must be a whole number of at least 1, not "${bad}"`);
    }
  });
});

describe('npm run eval -- --learn-split', () => {
  it('lets each half of the messages teach the FAQ and measures the other, and will not take --learn-from too', async () => {
    writeSuite(FIXTURE_FAQ);
    const split = await run('suite', '--learn-split');
    expect(split.code).toBe(0);
    expect(split.stdout).toContain('== suite: learning from one half of its 2 messages, measured on the other');
    expect(split.stdout).toMatch(/the odd-numbered messages after learning from the even \(\d+ wordings learnt\): top1_accuracy /);
    expect(split.stdout).toMatch(/the even-numbered messages after learning from the odd \(\d+ wordings learnt\): top1_accuracy /);
    expect(split.stdout).toMatch(/against before learning, both halves: \d+ fixed, \d+ broken, \d+ moved otherwise, of 2 cases/);
    const line = JSON.parse(split.stdout.trim().split('\n').at(-1) ?? '') as { suite: string; learn_split: unknown[] };
    expect(line.suite).toBe('suite');
    expect(line.learn_split).toHaveLength(2);

    fs.writeFileSync(path.join(tmp.dir, 'teach.jsonl'), '');
    const both = await run('suite', '--learn-split', '--learn-from', 'teach.jsonl');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--learn-from and --learn-split each choose who teaches the FAQ');
  });
});

describe('npm run eval with nothing to measure', () => {
  it('says what it needs, then the usage, and ends with exit code 2', async () => {
    const none = await run();
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^give one or more suite folders \(each with faq\.yaml and dev\.jsonl\), or --faq and --cases\n\nusage: npm run eval -- /);
    const half = await run('--faq', 'faq.yaml');
    expect(half.code).toBe(2);
    expect(half.stderr).toMatch(/^--faq and --cases go together: give both\n\nusage: /);
  });
});

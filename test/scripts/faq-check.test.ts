/** `npm run faq:check` as an editor runs it: a real child process on a FAQ file. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { serializeFaqFile } from '../../src/faq/file';
import type { FaqEntryInput } from '../../src/faq/types';
import { tempDir } from '../support/fixtures';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

/** Opening hours asked three ways; prices asked once, in words the hours entry has too. */
const FAQ: FaqEntryInput[] = [
  {
    id: 'pool-hours',
    topic: 'sport',
    questions: {
      ru: ['Во сколько открывается бассейн?', 'Когда открывается городской бассейн?', 'Бассейн открывается рано утром?', 'Сколько стоит абонемент?'],
    },
    answer: { ru: 'Бассейн открыт с 7:00 до 22:00.' },
  },
  {
    id: 'ticket-prices',
    topic: 'sport',
    questions: { ru: ['Сколько стоит абонемент на месяц?', 'Какая цена абонемента?', 'Сколько стоит разовое посещение?'] },
    answer: { ru: 'Абонемент на месяц стоит 12 000 тенге.' },
  },
];

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir('helpline-faq-check-');
});
afterEach(() => tmp.cleanup());

function run(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: path.join(tmp.dir, 'data'), LOG_LEVEL: 'silent' };
  delete env.MONGODB_URI;
  const result = spawnSync(TSX, [path.join(ROOT, 'scripts/faq-check.ts'), ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function faqFile(entries: FaqEntryInput[]): string {
  const file = path.join(tmp.dir, 'faq.yaml');
  fs.writeFileSync(file, serializeFaqFile(entries, 'yaml'));
  return file;
}

describe('faq:check', () => {
  it('lists the entries whose questions the rest of the entry does not carry, with what they are taken for', () => {
    const out = run(faqFile(FAQ));
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/2 entries, 7 questions, each asked as if the FAQ did not have its words \(bands: answer 0\.65/);
    const row = out.stdout.split('\n').find((l) => l.startsWith('pool-hours'));
    // The price question of the hours entry is taken for the price entry; it has one language only.
    expect(row).toMatch(/pool-hours\s+\d\/4\s.*ticket-prices$/);
  });

  it('prints one JSON object per entry and the totals with --json', () => {
    const out = run(faqFile(FAQ), '--json');
    expect(out.code).toBe(0);
    const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.slice(0, 2).map((l) => l.id)).toEqual(['pool-hours', 'ticket-prices']);
    const totals = lines[2].totals as Record<string, number>;
    expect(Object.values(totals).reduce((a, b) => a + b, 0)).toBe(7);
    expect(totals.answered).toBeGreaterThan(0);
    expect(lines[2].entries).toBe(2);
  });

  it('uses the configured bands', () => {
    const file = faqFile(FAQ);
    const strict = spawnSync(TSX, [path.join(ROOT, 'scripts/faq-check.ts'), file, '--json'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: path.join(tmp.dir, 'data'), LOG_LEVEL: 'silent', MATCH_ANSWER_THRESHOLD: '0.999' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(strict.status).toBe(0);
    const totals = (JSON.parse(strict.stdout.trim().split('\n').pop() as string) as { totals: Record<string, number> }).totals;
    expect(totals.answered).toBe(0);
  });

  it('refuses a file that is not a valid FAQ (1) and a missing argument (2)', () => {
    const bad = path.join(tmp.dir, 'bad.yaml');
    fs.writeFileSync(bad, 'entries:\n  - id: x\n');
    const invalid = run(bad);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/faq-check: .*bad\.yaml/);
    const usage = run();
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/expected exactly one FILE/);
  });
});

/** `npm run faq:check` as an editor runs it: a real child process on a FAQ file. */
import fs from 'node:fs';
import path from 'node:path';
import { serializeFaqFile } from '../../src/faq/file';
import type { FaqEntryInput } from '../../src/faq/types';
import { tempDir } from '../support/fixtures';
import { runTs } from '../support/run-ts';

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

/** faq:check on `args`, with `env` added to its own: a temporary DATA_DIR and no logs. */
const runWith = (env: NodeJS.ProcessEnv, ...args: string[]) =>
  runTs('scripts/faq-check.ts', args, { DATA_DIR: path.join(tmp.dir, 'data'), LOG_LEVEL: 'silent', ...env });
const run = (...args: string[]) => runWith({}, ...args);

function faqFile(entries: FaqEntryInput[]): string {
  const file = path.join(tmp.dir, 'faq.yaml');
  fs.writeFileSync(file, serializeFaqFile(entries, 'yaml'));
  return file;
}

describe('faq:check', () => {
  it('lists the entries whose questions the rest of the entry does not carry, with what they are taken for', async () => {
    const out = await run(faqFile(FAQ));
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/2 entries, 7 questions, each asked as if the FAQ did not have its words \(bands: answer 0\.65/);
    // "sport" is none of the topics the locales name: the menu lists these entries under "Other".
    expect(out.stdout).toMatch(/Topics the residents' menu has no name for, its entries listed under "Other" there: sport \(ru kk en\)/);
    const row = out.stdout.split('\n').find((l) => l.startsWith('pool-hours'));
    // The price question of the hours entry is taken for the price entry; it has one language only.
    expect(row).toMatch(/pool-hours\s+\d\/4\s.*ticket-prices$/);
  });

  it('prints one JSON object per entry and the totals with --json', async () => {
    const out = await run(faqFile(FAQ), '--json');
    expect(out.code).toBe(0);
    const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.slice(0, 2).map((l) => l.id)).toEqual(['pool-hours', 'ticket-prices']);
    const totals = lines[2].totals as Record<string, number>;
    expect(Object.values(totals).reduce((a, b) => a + b, 0)).toBe(7);
    expect(totals.answered).toBeGreaterThan(0);
    expect(lines[2].entries).toBe(2);
  });

  it('uses the configured bands', async () => {
    const file = faqFile(FAQ);
    const strict = await runWith({ MATCH_ANSWER_THRESHOLD: '0.999' }, file, '--json');
    expect(strict.code).toBe(0);
    const totals = (JSON.parse(strict.stdout.trim().split('\n').pop() as string) as { totals: Record<string, number> }).totals;
    expect(totals.answered).toBe(0);
  });

  it('refuses a file that is not a valid FAQ (1) and a missing argument (2)', async () => {
    const bad = path.join(tmp.dir, 'bad.yaml');
    fs.writeFileSync(bad, 'entries:\n  - id: x\n');
    const invalid = await run(bad);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/faq-check: .*bad\.yaml/);
    const usage = await run();
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/expected exactly one FILE/);
  });
});

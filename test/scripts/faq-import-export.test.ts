/**
 * The FAQ scripts as staff run them: real child processes, configured only through the
 * environment, against a temporary DATA_DIR.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseFaqFile, readFaqFile, serializeFaqFile } from '../../src/faq/file';
import { SqliteStore } from '../../src/store/sqlite';
import { ROOT, runTs } from '../support/run-ts';

const DEMO_FAQ = path.join(ROOT, 'src/faq/demo-faq.yaml');

let dataDir: string;
let work: string;

// The clean environment of runTs has no MONGODB_URI: these tests are about the embedded store in DATA_DIR.
const run = (script: 'faq-import' | 'faq-export', ...args: string[]) =>
  runTs(`scripts/${script}.ts`, args, { DATA_DIR: dataDir, LOG_LEVEL: 'silent' });

/** Reads the store the scripts wrote, as the bot would. */
async function storeState() {
  const store = new SqliteStore(dataDir);
  try {
    return { faq: await store.faq.list(), revision: await store.faq.revision() };
  } finally {
    await store.close();
  }
}

beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'helpline-scripts-'));
  dataDir = path.join(work, 'data');
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

describe('faq:import and faq:export', () => {
  it('imports, exports the same FAQ, and re-imports it unchanged', async () => {
    const imported = await run('faq-import', DEMO_FAQ);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/30 created, 0 updated, 0 unchanged, 0 deleted/);
    expect(fs.existsSync(path.join(dataDir, 'bot.db'))).toBe(true);

    const out = path.join(work, 'export.yaml');
    const exported = await run('faq-export', out);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/Exported 30 entries/);
    expect(await readFaqFile(out)).toEqual(await readFaqFile(DEMO_FAQ));

    const before = await storeState();
    const again = await run('faq-import', out);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/0 created, 0 updated, 30 unchanged, 0 deleted/);
    expect(await storeState()).toEqual(before);
  }, 60_000);

  it('updates changed entries and, with --replace, deletes missing ones (JSON)', async () => {
    expect((await run('faq-import', DEMO_FAQ)).code).toBe(0);
    const entries = parseFaqFile(fs.readFileSync(DEMO_FAQ, 'utf8'), 'yaml').slice(0, 10);
    entries[0] = { ...entries[0], answer: { ...entries[0].answer, en: 'Changed.' } };
    const file = path.join(work, 'smaller.json');
    fs.writeFileSync(file, serializeFaqFile(entries, 'json'));

    const result = await run('faq-import', file, '--replace', '--by', 'editor');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/0 created, 1 updated, 9 unchanged, 20 deleted/);
    const { faq } = await storeState();
    expect(faq).toHaveLength(10);
    expect(faq[0]).toMatchObject({ version: 2, updatedBy: 'editor', answer: { en: 'Changed.' } });
  }, 60_000);

  it('refuses a bad file with exit code 1, naming entry and field, and changes nothing', async () => {
    expect((await run('faq-import', DEMO_FAQ)).code).toBe(0);
    const before = await storeState();
    const text = fs
      .readFileSync(DEMO_FAQ, 'utf8')
      .replace('topic: office-hours', 'topic: "Office Hours"')
      .replace(/(- id: bank-hours[\s\S]*?\n\s+kk: )"[^"]*"(\n\s+en:)/, '$1""$2');
    const file = path.join(work, 'bad.yaml');
    fs.writeFileSync(file, text.replace('curfew-hours', 'curfew-hours-new'));

    const result = await run('faq-import', file, '--replace');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('entry #4 "shops-hours": topic must be a slug');
    expect(result.stderr).toContain('entry #5 "bank-hours": answer.kk must be a non-empty string');
    expect(result.stderr).toMatch(/Nothing was imported/);
    expect(await storeState()).toEqual(before);
  }, 60_000);

  it('answers usage errors with exit code 2 and --help with the usage', async () => {
    const help = await run('faq-import', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: npm run faq:import -- FILE \[--replace\]/);
    expect((await run('faq-export', '-h')).stdout).toMatch(/Usage: npm run faq:export -- FILE/);

    const none = await run('faq-import');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/expected exactly one FILE/);
    expect((await run('faq-import', DEMO_FAQ, '--bogus')).code).toBe(2);
    const ext = await run('faq-export', path.join(work, 'faq.txt'));
    expect(ext.code).toBe(2);
    expect(ext.stderr).toMatch(/\.yaml, \.yml or \.json/);
  }, 60_000);

  it('reports a missing file with exit code 1', async () => {
    const result = await run('faq-import', path.join(work, 'missing.yaml'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/missing\.yaml.*cannot be read/s);
  }, 60_000);
});

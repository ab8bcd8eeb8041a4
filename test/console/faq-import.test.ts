/**
 * Importing a FAQ file through the console: the file may come as raw bytes (what the page sends) or
 * inside JSON; it must be UTF-8, within the size limit, and free of YAML alias bombs — each refused
 * with a 4xx that says what is wrong, and nothing imported.
 */
import { serializeFaqFile } from '../../src/faq/file';
import { manyFaqEntries, SMALL_FAQ } from '../support/fixtures';
import { consoleFixture, type ConsoleFixture, type Session } from './helpers';

const LIMIT = 64 * 1024;
/** A file with what a file may hold: SMALL_FAQ minus post-hours, which lacks a Kazakh answer. */
const FILE = serializeFaqFile([SMALL_FAQ[0], SMALL_FAQ[2]], 'yaml');

interface ImportReply {
  status: number;
  body: { error?: string; problems?: string[]; entries?: number };
}

describe('console FAQ import', () => {
  let f: ConsoleFixture;
  let editor: Session;
  beforeEach(async () => {
    f = await consoleFixture({ importMaxBytes: LIMIT });
    editor = await f.login('editor');
  });
  afterEach(() => f.close());

  /** Posts the file's raw bytes as the console page does. */
  async function upload(bytes: Uint8Array | string, query = 'format=yaml'): Promise<ImportReply> {
    const raw = { bytes: typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes, type: 'application/octet-stream' };
    const res = await f.call('POST', `/api/faq-file?${query}`, { session: editor, raw });
    return { status: res.statusCode, body: res.json<ImportReply['body']>() };
  }

  it('imports a file sent as raw bytes', async () => {
    const changed = FILE.replace('Воду подадут до вечера.', 'Воду подадут завтра.');
    const res = await upload(changed);
    expect(res).toEqual({ status: 200, body: { summary: { created: 0, updated: 1, unchanged: 1, deleted: 0 }, entries: 2 } });
    expect((await f.store.faq.get('water-outage'))?.answer.ru).toBe('Воду подадут завтра.');
    const replaced = await upload(changed, 'format=yaml&replace=true');
    expect(replaced.body).toMatchObject({ summary: { deleted: 1 } });
    expect(await f.store.faq.get('post-hours')).toBeNull();
  });

  it('says what an import would do, naming the entries a replacing one deletes, and changes nothing', async () => {
    const before = await f.store.faq.list();
    const plan = await upload(FILE, 'format=yaml&replace=true&dryRun=true');
    expect(plan).toEqual({
      status: 200,
      body: { summary: { created: 0, updated: 0, unchanged: 2, deleted: 1 }, entries: 2, dryRun: true, deleting: ['post-hours'] },
    });
    expect(await f.store.faq.list()).toEqual(before);
    // The same in JSON, without replace: nothing would be deleted.
    const json = await f.call('POST', '/api/faq-file', { session: editor, body: { format: 'yaml', text: FILE, dryRun: true } });
    expect(json.json()).toEqual({ summary: { created: 0, updated: 0, unchanged: 2, deleted: 0 }, entries: 2, dryRun: true, deleting: [] });
    expect(await f.store.faq.list()).toEqual(before);
  });

  it('refuses a file that is not UTF-8 (e.g. saved as Windows-1251) with 400', async () => {
    const cp1251 = Buffer.from(FILE, 'utf8');
    // "Воду" in Windows-1251: bytes that are not valid UTF-8.
    const at = cp1251.indexOf(Buffer.from('Воду', 'utf8'));
    const damaged = Buffer.concat([cp1251.subarray(0, at), Buffer.from([0xc2, 0xee, 0xe4, 0xf3]), cp1251.subarray(at + Buffer.byteLength('Воду'))]);
    const res = await upload(damaged);
    expect(res.status).toBe(400);
    expect(res.body.problems?.join('\n')).toMatch(/not valid UTF-8/);
    expect((await f.store.faq.get('water-outage'))?.version).toBe(1);
  });

  it('refuses text damaged before it came (U+FFFD), naming the entry and field', async () => {
    const text = FILE.replace('Воду подадут до вечера.', 'Воду подадут \uFFFD\uFFFD вечера.');
    const res = await f.call('POST', '/api/faq-file', { session: editor, body: { format: 'yaml', text } });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ problems: string[] }>().problems).toEqual([expect.stringMatching(/^entry #2 "water-outage": answer\.ru contains U\+FFFD/)]);
  });

  it('refuses a YAML alias bomb ("billion laughs") with 400 and a clear message, not 500', async () => {
    let bomb = 'version: 1\nentries: []\nl0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n';
    for (let i = 1; i <= 9; i++) bomb += `l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]\n`;
    const refusal = { error: 'The FAQ file was refused; nothing was imported', problems: [expect.stringMatching(/^the file uses too many YAML aliases/)] };
    const inJson = await f.call('POST', '/api/faq-file', { session: editor, body: { format: 'yaml', text: bomb } });
    expect([inJson.statusCode, inJson.json()]).toEqual([400, refusal]);
    expect(await upload(bomb)).toEqual({ status: 400, body: refusal });
  });

  it('refuses a file over the size limit with 413 naming the limit, raw or in JSON, and imports nothing', async () => {
    const large = serializeFaqFile(manyFaqEntries(300), 'yaml');
    expect(Buffer.byteLength(large)).toBeGreaterThan(LIMIT);
    const raw = await upload(large);
    expect(raw.status).toBe(413);
    expect(raw.body.error).toMatch(/^The FAQ file is [\d.]+ MB, larger than the import limit of 0\.06 MB: split it, or raise CONSOLE_IMPORT_MAX_MB$/);
    const wrapped = await f.call('POST', '/api/faq-file', { session: editor, body: { format: 'yaml', text: large } });
    expect(wrapped.statusCode).toBe(413);
    // Far over the limit, the server stops reading early, and still says why.
    const huge = await upload(Buffer.alloc(LIMIT * 4, 'a'));
    expect(huge).toEqual({ status: 413, body: { error: 'The FAQ file is larger than the import limit of 0.06 MB: split it, or raise CONSOLE_IMPORT_MAX_MB' } });
    expect((await f.store.faq.list()).length).toBe(SMALL_FAQ.length);
  });
});

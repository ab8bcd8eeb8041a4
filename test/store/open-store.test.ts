import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore, seedFaqIfEmpty, SqliteStore } from '../../src/store';
import { FaqFileError } from '../../src/faq/file';

const DEMO_FAQ = path.resolve(__dirname, '../../src/faq/demo-faq.yaml');

describe('openStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpline-open-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('opens SQLite in the data folder when no MongoDB URI is set', async () => {
    const store = await openStore({ dataDir: dir, mongodbUri: undefined });
    expect(store).toBeInstanceOf(SqliteStore);
    expect(store.description).toBe(`sqlite:${path.join(dir, 'bot.db')}`);
    await store.close();
  });

  it('seeds the FAQ file into an empty store only', async () => {
    const store = await openStore({ dataDir: dir });
    expect(await seedFaqIfEmpty(store.faq, DEMO_FAQ)).toEqual({ created: 30, updated: 0, unchanged: 0, deleted: 0 });
    const first = await store.faq.get('curfew-hours');
    await store.faq.save({ ...(first ?? { id: 'x', topic: 't', questions: {}, answer: {} }), topic: 'edited' }, 'staff');
    await store.faq.delete('bank-hours', 'staff');
    const revision = await store.faq.revision();
    expect(await seedFaqIfEmpty(store.faq, DEMO_FAQ)).toBeNull();
    expect((await store.faq.get('curfew-hours'))?.topic).toBe('edited');
    expect(await store.faq.get('bank-hours')).toBeNull();
    expect(await store.faq.revision()).toBe(revision);
    await store.close();
  });

  it('does not seed again a FAQ that staff emptied on purpose', async () => {
    const store = await openStore({ dataDir: dir });
    await seedFaqIfEmpty(store.faq, DEMO_FAQ);
    await store.faq.import([], 'staff', { replace: true });
    expect(await store.faq.list()).toEqual([]);
    expect(await seedFaqIfEmpty(store.faq, DEMO_FAQ)).toBeNull();
    expect(await store.faq.list()).toEqual([]);
    await store.close();
  });

  it('refuses a bad seed file, leaving the store empty', async () => {
    const file = path.join(dir, 'bad.yaml');
    fs.writeFileSync(file, 'version: 1\nentries:\n  - id: a\n    topic: t\n    questions: { ru: ["?"] }\n    answer: { ru: "" }\n');
    const store = await openStore({ dataDir: dir });
    await expect(seedFaqIfEmpty(store.faq, file)).rejects.toThrow(FaqFileError);
    expect(await store.faq.list()).toEqual([]);
    await store.close();
  });
});

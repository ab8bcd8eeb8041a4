/** The database file the bench's parts measure on: a SQLite store in a fresh temporary folder, as production keeps one. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteStore, type SqliteStoreOptions } from '../src/store/sqlite';

/** Runs `work` on a new store in a temporary folder (`name` in its name); closes the store and removes the folder afterwards, whatever happened. */
export async function withTempStore<T>(name: string, work: (store: SqliteStore) => Promise<T>, options: SqliteStoreOptions = {}): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `helpline-bench-${name}-`));
  const store = new SqliteStore(dir, options);
  try {
    return await work(store);
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
